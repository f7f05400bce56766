import Foundation
import ParallaxAV
import ParallaxCore
import TestSupport

/// A tiny valid project (96x64, two layers, 6 steps, 45 frames) and an output folder, in a fresh
/// temporary directory; tests break one thing and check what the tool does about it.
final class ReliabilityFixture: @unchecked Sendable {
    let root: TemporaryDirectory
    let project: String
    let outputFolder: String
    let output: String
    let script: String
    /// A copy of step 0, the input image for `create` and `init`.
    let image: String
    /// Where `create` and `init` put the project they start (not created by the fixture).
    let newProject: String

    /// What the output path held before the command ran: a finished video the command must not
    /// damage when it fails.
    static let previousContent = Data("a previous, finished video\n".utf8)

    init(projectName: String = "project", outputName: String = "video.mp4", steps: Int = 6) throws {
        root = TemporaryDirectory("parallax-reliability")
        project = root.file(projectName)
        _ = try GroundTruthScene(directory: project, steps: steps)
        outputFolder = root.file("out")
        try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)
        output = (outputFolder as NSString).appendingPathComponent(outputName)
        script = (outputFolder as NSString).appendingPathComponent("graph.lavfi")
        image = root.file("photo.png")
        try FileManager.default.copyItem(atPath: StepFolder(projectDirectory: project).stepPath(0), toPath: image)
        newProject = root.file("new-project")
    }

    var sceneFile: String { (project as NSString).appendingPathComponent("scene.json") }
    func stepPath(_ step: Int) -> String { StepFolder(projectDirectory: project).stepPath(step) }

    func writeScene(_ text: String) throws {
        try Data(text.utf8).write(to: URL(fileURLWithPath: sceneFile))
    }

    /// Edits scene.json as a JSON object (a plain dictionary, so any type can be put anywhere).
    func editScene(_ edit: (inout [String: Any]) -> Void) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: sceneFile))
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        edit(&object)
        try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]).write(to: URL(fileURLWithPath: sceneFile))
    }

    /// Edits layer `index` of scene.json.
    func editLayer(_ index: Int, _ edit: @escaping (inout [String: Any]) -> Void) throws {
        try editScene { scene in
            var layers = scene["layers"] as! [[String: Any]]
            edit(&layers[index])
            scene["layers"] = layers
        }
    }

    /// Puts a finished file at each output path, so a failed run can be seen to leave it alone.
    func placePreviousOutputs() throws {
        for path in [output, script] { try ReliabilityFixture.previousContent.write(to: URL(fileURLWithPath: path)) }
    }

    /// Names anywhere under the fixture that look like an output's temporary.
    func leftoverTemporaries() -> [String] {
        let names = FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String] ?? []
        return names.filter { $0.contains(".partial") }
    }
}
