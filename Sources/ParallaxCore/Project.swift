import Foundation

/// A project folder (or a scene file) opened and resolved: the scene, its step folder, its plan.
public struct Project: Sendable {
    public let sceneFile: String
    public let directory: String
    public let scene: Scene
    public let plan: MotionPlan
    public var folder: StepFolder { StepFolder(projectDirectory: directory) }

    /// Opens `path` (a folder holding scene.json, or the scene file itself) and sizes the plan
    /// from step 0, or from the scene's image when there are no steps yet.
    public init(path: String) throws {
        sceneFile = SceneFile.resolve(path)
        directory = (sceneFile as NSString).deletingLastPathComponent.isEmpty
            ? "." : (sceneFile as NSString).deletingLastPathComponent
        scene = try SceneFile.load(sceneFile)
        let size = try Project.imageSize(scene: scene, directory: directory, sceneFile: sceneFile)
        plan = try MotionPlan(scene: scene, width: size.width, height: size.height, file: sceneFile)
    }

    /// The scene's image path, resolved against the scene file's folder.
    public var imagePath: String? {
        scene.image.map { Project.resolve($0, against: directory) }
    }

    /// The folder a scene file sits in ("." for a bare file name).
    public static func directory(ofSceneFile file: String) -> String {
        let directory = (file as NSString).deletingLastPathComponent
        return directory.isEmpty ? "." : directory
    }

    public static func resolve(_ path: String, against directory: String) -> String {
        path.hasPrefix("/") ? path : (directory as NSString).appendingPathComponent(path)
    }

    /// Step 0's size when it exists, else the scene image's (the studio validates edits with it).
    public static func imageSize(scene: Scene, directory: String, sceneFile: String) throws -> (width: Int, height: Int) {
        let stepZero = StepFolder(projectDirectory: directory).stepPath(0)
        if FileManager.default.fileExists(atPath: stepZero) { return try PNGHeader.size(ofFile: stepZero) }
        guard let image = scene.image else {
            throw SceneError(file: stepZero, "missing, and the scene names no image to size the layers")
        }
        let path = resolve(image, against: directory)
        guard FileManager.default.fileExists(atPath: path) else {
            throw SceneError(file: sceneFile, field: "image", "no such file: \(path)")
        }
        return try PNGHeader.size(ofFile: path)
    }
}
