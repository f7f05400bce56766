import Foundation

/// Maps a request path to a file inside the project folder, or to nothing: no `..`, no absolute
/// paths, no hidden files (temporaries), and no symlink that leads out of the project.
struct ProjectFiles: Sendable {
    /// The project folder with every symlink resolved.
    let root: String

    init(projectDirectory: String) {
        root = ProjectFiles.realPath(projectDirectory) ?? URL(fileURLWithPath: projectDirectory).standardizedFileURL.path
    }

    /// The real path of the regular file `relative` names inside the project, or nil.
    func resolve(_ relative: String) -> String? {
        guard let decoded = relative.removingPercentEncoding, !decoded.isEmpty, !decoded.hasPrefix("/"),
              !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        let components = decoded.split(separator: "/", omittingEmptySubsequences: false)
        guard components.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") }) else { return nil }
        guard let real = ProjectFiles.realPath((root as NSString).appendingPathComponent(decoded)),
              real.hasPrefix(root.hasSuffix("/") ? root : root + "/") else { return nil }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: real, isDirectory: &isDirectory), !isDirectory.boolValue else { return nil }
        return real
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "mp4", "m4v": "video/mp4"
        case "webm": "video/webm"
        case "json": "application/json"
        case "jsonl", "log", "txt", "lavfi": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }
}
