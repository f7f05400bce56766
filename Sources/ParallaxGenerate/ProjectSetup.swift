import Foundation
import ParallaxCore

/// Creates a project folder: the image (copied, or referenced by a relative path) and scene.json.
public enum ProjectSetup {
    /// The name the copied image gets inside the project.
    public static let imageName = "input.png"

    /// Checks that `path` is a PNG and returns how scene.json should name it.
    public static func imageReference(imagePath: String, projectDirectory: String, copy: Bool) throws -> String {
        try RegularFile.check(imagePath)
        do {
            _ = try PNGHeader.size(ofFile: imagePath)
        } catch let error as SceneError where error.problem.contains("pixels, more than the limit") {
            throw error
        } catch {
            throw SceneError(file: imagePath, "is not a PNG image (convert it first, e.g. ffmpeg -i photo.jpg photo.png)")
        }
        // A cut-off copy would pass the header check and fail only at the first step.
        try PNGHeader.checkComplete(ofFile: imagePath)
        return copy ? imageName : relativePath(from: projectDirectory, to: imagePath)
    }

    /// Writes the image copy (when `copyFrom` is given), the object masks (scene-relative
    /// target → source) and scene.json, each atomically.
    public static func write(scene: Scene, projectDirectory: String, copyFrom imagePath: String?,
                             objectMasks: [String: String] = [:]) throws {
        try FileManager.default.createDirectory(atPath: projectDirectory, withIntermediateDirectories: true)
        for (target, source) in objectMasks.sorted(by: { $0.key < $1.key }) {
            try copy(source, to: Project.resolve(target, against: projectDirectory))
        }
        if let imagePath {
            let target = (projectDirectory as NSString).appendingPathComponent(imageName)
            try copy(imagePath, to: target)
        }
        let sceneFile = (projectDirectory as NSString).appendingPathComponent(SceneFile.defaultName)
        try AtomicOutput(sceneFile).write { try SceneFile.encode(scene).write(to: URL(fileURLWithPath: $0)) }
    }

    /// Copies a file atomically; nothing to do when source and target are the same file.
    static func copy(_ source: String, to target: String) throws {
        guard URL(fileURLWithPath: source).standardizedFileURL.path != URL(fileURLWithPath: target).standardizedFileURL.path else { return }
        try FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        guard let data = FileManager.default.contents(atPath: source) else { throw SceneError(file: source, "cannot be read") }
        try AtomicOutput(target).write { try data.write(to: URL(fileURLWithPath: $0)) }
    }

    /// `target` relative to `directory` (both made absolute first).
    public static func relativePath(from directory: String, to target: String) -> String {
        let from = URL(fileURLWithPath: directory).standardizedFileURL.pathComponents
        let to = URL(fileURLWithPath: target).standardizedFileURL.pathComponents
        var common = 0
        while common < min(from.count, to.count), from[common] == to[common] { common += 1 }
        let ups = [String](repeating: "..", count: from.count - common)
        return (ups + to[common...]).joined(separator: "/")
    }
}
