import Foundation

/// Writes an output under a temporary name beside it and renames it into place only when it is
/// complete, so the output path never holds a half-written file.
public struct AtomicOutput: Sendable {
    public let finalPath: String
    /// Same folder (so the rename is atomic) and same extension (so muxers recognise it).
    public let temporaryPath: String

    public init(_ path: String) {
        finalPath = path
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        let ext = url.pathExtension
        let stem = url.deletingPathExtension().lastPathComponent
        let name = ".\(stem).partial-\(ProcessInfo.processInfo.processIdentifier)" + (ext.isEmpty ? "" : ".\(ext)")
        temporaryPath = (directory as NSString).appendingPathComponent(name)
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
    public func write<T>(_ write: (String) throws -> T) throws -> T {
        try? FileManager.default.removeItem(atPath: temporaryPath)
        do {
            let result = try write(temporaryPath)
            try commit()
            return result
        } catch {
            discard()
            throw error
        }
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
        try? manager.removeItem(atPath: temporaryPath)
        do {
            try manager.createDirectory(atPath: temporaryPath, withIntermediateDirectories: false)
            let result = try write(temporaryPath)
            try commit()
            return result
        } catch {
            discard()
            throw error
        }
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
