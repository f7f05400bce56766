import Foundation
import ParallaxCore

/// Reads and replaces the project's scene.json through the CLI's own code: SceneFile parses and
/// encodes, MotionPlan validates against the image size, AtomicOutput writes.
struct SceneEditor: Sendable {
    let sceneFile: String
    let directory: String

    init(projectDirectory: String) {
        directory = projectDirectory
        sceneFile = (projectDirectory as NSString).appendingPathComponent(SceneFile.defaultName)
    }

    /// The scene file as it is on disk.
    func sceneText() throws -> Data {
        guard let data = FileManager.default.contents(atPath: sceneFile) else {
            throw SceneError(file: sceneFile, "cannot be read")
        }
        return data
    }

    func plan() throws -> PlanDocument {
        PlanDocument(plan: try Project(path: directory).plan)
    }

    /// Validates `body` as a whole scene and, only when it is valid, writes it atomically.
    /// Returns the new plan; throws the same one-line SceneError the CLI would print.
    func replace(with body: Data) throws -> PlanDocument {
        let scene = try SceneFile.parse(body, file: sceneFile)
        let size = try Project.imageSize(scene: scene, directory: directory, sceneFile: sceneFile)
        let plan = try MotionPlan(scene: scene, width: size.width, height: size.height, file: sceneFile)
        try AtomicOutput(sceneFile).write { try SceneFile.encode(scene).write(to: URL(fileURLWithPath: $0)) }
        return PlanDocument(plan: plan)
    }
}
