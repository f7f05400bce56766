import Foundation
import ParallaxCore
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on a project folder for the step loop: two `generate` (or `create`) runs on
/// one project would overwrite each other's steps and journal. The lock is a `flock` on
/// `PROJECT/.generate.lock`, so the kernel releases it when its process ends, however it ends;
/// the file holds the owner's pid for the message.
public final class ProjectLock {
    public static let fileName = ".generate.lock"
    private let descriptor: Int32

    /// Takes the lock or throws one line naming the project and the process that holds it.
    public init(projectDirectory: String) throws {
        let path = (projectDirectory as NSString).appendingPathComponent(Self.fileName)
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw SceneError(file: projectDirectory, "cannot lock the project (\(path)): \(String(cString: strerror(errno)))")
        }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.owner(descriptor)
            close(descriptor)
            throw SceneError(file: projectDirectory, "another parallax generate or create\(holder.map { " (pid \($0))" } ?? "") "
                             + "is working on this project; wait for it to finish or stop it")
        }
        let pid = Array("\(getpid())\n".utf8)
        _ = ftruncate(descriptor, 0)
        _ = pid.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, 0) }
        self.descriptor = descriptor
    }

    private static func owner(_ descriptor: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return nil }
        return Int32(String(decoding: buffer[..<count], as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines))
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }
}
