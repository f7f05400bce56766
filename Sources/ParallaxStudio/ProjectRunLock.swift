import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock file in the project held while the studio runs a job, so two studios on
/// one project never generate into the same step folder at once.
final class ProjectRunLock: @unchecked Sendable {
    private let descriptor: Int32

    /// Nil when another process holds the lock.
    init?(projectDirectory: String) {
        let path = (projectDirectory as NSString).appendingPathComponent(".studio-run.lock")
        let descriptor = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
