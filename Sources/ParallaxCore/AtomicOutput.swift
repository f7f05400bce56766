import Foundation

/// Writes an output under a temporary name beside it and renames it into place only when it is
/// complete, so the output path never holds a half-written file.
public struct AtomicOutput: Sendable {
    public let finalPath: String
    /// Same folder (so the rename is atomic) and same extension (so muxers recognise it).
    public let temporaryPath: String

    public init(_ path: String) {
        finalPath = path
        temporaryPath = AtomicOutput.temporaryPath(for: path, processIdentifier: ProcessInfo.processInfo.processIdentifier)
    }

    /// `.<stem>.partial-<pid>.<ext>` beside the output.
    static func temporaryPath(for path: String, processIdentifier: Int32) -> String {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let ext = url.pathExtension
        let stem = url.deletingPathExtension().lastPathComponent
        let name = ".\(stem).partial-\(processIdentifier)" + (ext.isEmpty ? "" : ".\(ext)")
        return (directory as NSString).appendingPathComponent(name)
    }

    /// Temporaries for this output left by runs that were killed outright (SIGKILL, power loss):
    /// their process is gone, so nothing will ever finish or remove them.
    public func abandonedTemporaries() -> [String] {
        let directory = (temporaryPath as NSString).deletingLastPathComponent
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        let own = (temporaryPath as NSString).lastPathComponent
        let marker = ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        let prefix = String(own[..<own.range(of: marker)!.lowerBound]) + ".partial-"
        let suffix = String(own[own.range(of: marker)!.upperBound...])
        return names.compactMap { name -> String? in
            guard name.hasPrefix(prefix), name.hasSuffix(suffix), name.count > prefix.count + suffix.count else { return nil }
            let digits = name.dropFirst(prefix.count).dropLast(suffix.count)
            guard let pid = Int32(digits), digits.allSatisfy(\.isNumber) else { return nil }
            // kill(pid, 0) fails with ESRCH only when no such process exists.
            guard kill(pid, 0) != 0, errno == ESRCH else { return nil }
            return (directory as NSString).appendingPathComponent(name)
        }
    }

    /// Checks up front that the output's folder exists and is writable.
    public func checkWritable(folder: Bool = false) throws {
        let directory = (finalPath as NSString).deletingLastPathComponent.isEmpty
            ? "." : (finalPath as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw SceneError(file: finalPath, "the output folder \(directory) does not exist")
        }
        guard FileManager.default.isWritableFile(atPath: directory) else {
            throw SceneError(file: finalPath, "the output folder \(directory) is not writable")
        }
        if !folder, FileManager.default.fileExists(atPath: finalPath, isDirectory: &isDirectory), isDirectory.boolValue {
            throw SceneError(file: finalPath, "is a folder, not a file")
        }
    }

    /// Runs `write` against the temporary path, then renames; on any error removes the temporary.
    /// Also clears this output's temporaries left by killed runs, so a rerun leaves none behind.
    public func write<T>(_ write: (String) throws -> T) throws -> T {
        try replacing(prepare: {}, write)
    }

    /// Like ``write(_:)`` for an output that is a folder (an image sequence): `write` fills a
    /// fresh temporary folder, which is renamed into place. An existing empty folder at the final
    /// path is replaced; a non-empty one is refused rather than mixed with old frames.
    public func writeFolder<T>(_ write: (String) throws -> T) throws -> T {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: finalPath, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw SceneError(file: finalPath, "exists and is a file, not a folder") }
            guard ((try? manager.contentsOfDirectory(atPath: finalPath)) ?? ["?"]).isEmpty else {
                throw SceneError(file: finalPath, "the folder is not empty; remove it or choose another output")
            }
        }
        return try replacing(prepare: {
            try manager.createDirectory(atPath: temporaryPath, withIntermediateDirectories: false)
        }, write)
    }

    /// Clears old temporaries, then prepares, writes and commits, discarding the temporary on error.
    private func replacing<T>(prepare: () throws -> Void, _ write: (String) throws -> T) throws -> T {
        try? FileManager.default.removeItem(atPath: temporaryPath)
        for abandoned in abandonedTemporaries() { try? FileManager.default.removeItem(atPath: abandoned) }
        do {
            try prepare()
            let result = try write(temporaryPath)
            try commit()
            return result
        } catch {
            discard()
            throw named(error)
        }
    }

    /// The user chose the final name, never the temporary: errors name the output, and a
    /// Foundation error becomes one line with the system's reason.
    private func named(_ error: any Error) -> any Error {
        if let error = error as? SceneError {
            let problem = error.problem.replacingOccurrences(of: temporaryPath, with: finalPath)
            return error.file == temporaryPath || problem != error.problem
                ? SceneError(file: error.file == temporaryPath ? finalPath : error.file, field: error.field, problem) : error
        }
        if let reason = IOErrorText.reason(error) { return SceneError(file: finalPath, "cannot be written: \(reason)") }
        return error
    }

    public func commit() throws {
        if rename(temporaryPath, finalPath) != 0 {
            let reason = String(cString: strerror(errno))
            throw SceneError(file: finalPath, "cannot move the finished output into place: \(reason)")
        }
    }

    public func discard() {
        try? FileManager.default.removeItem(atPath: temporaryPath)
    }
}
