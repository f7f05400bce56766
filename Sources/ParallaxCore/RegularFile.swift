import Foundation

/// Checks that an input path is a regular file before anything opens it: a folder makes
/// Foundation's readers trap, and opening a FIFO for reading blocks until someone writes to it.
public enum RegularFile {
    /// Throws one line naming `path` unless it is a regular file (symlinks followed).
    public static func check(_ path: String) throws {
        if let problem = problem(path) { throw SceneError(file: path, problem) }
    }

    /// What is wrong with `path` as an input file, or nil when it is a readable regular file.
    public static func problem(_ path: String) -> String? {
        var info = stat()
        guard stat(path, &info) == 0 else {
            return errno == ENOENT ? "no such file" : "cannot be read: \(String(cString: strerror(errno)))"
        }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return "is a folder, not a file"
        case S_IFIFO: return "is a FIFO (named pipe), not a regular file"
        default: return "is not a regular file (a device or a socket)"
        }
    }

    /// True for a regular file; false for anything else, including nothing.
    public static func exists(_ path: String) -> Bool { problem(path) == nil }
}
