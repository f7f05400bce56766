import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// The commands a bad input is tried against. A new command joins here and then in the
/// `commands` of the table rows that apply to it.
enum ToolCommand: String, Sendable, CaseIterable {
    case plan, render, graph, create, initialize = "init", generate

    /// The commands that read an existing project's scene.json.
    static let sceneReaders: [ToolCommand] = [.plan, .render, .graph, .generate]
    /// The commands that start from an image.
    static let imageReaders: [ToolCommand] = [.create, .initialize]

    /// The command line for a fixture that is otherwise valid.
    func arguments(_ fixture: ReliabilityFixture, output: String? = nil) -> [String] {
        switch self {
        case .plan: ["plan", fixture.project]
        case .render: ["render", fixture.project, "-o", output ?? fixture.output, "-q"]
        case .graph: ["graph", fixture.project, "-o", output ?? fixture.output, "--script", fixture.script]
        case .create: ["create", fixture.image, "-o", output ?? fixture.output, "--project", fixture.newProject, "-q"]
        case .initialize: ["init", fixture.image, fixture.newProject]
        case .generate: ["generate", fixture.project, "-q"]
        }
    }

    /// The file this command writes, which a failed run must leave as it was.
    func writtenPath(_ fixture: ReliabilityFixture, output: String? = nil) -> String? {
        switch self {
        case .plan, .generate: nil
        case .render, .create: output ?? fixture.output
        case .graph: fixture.script
        case .initialize: fixture.newProject + "/scene.json"
        }
    }
}

/// One row of the bad-input table: how to break a valid fixture, which commands must refuse it,
/// and what their one-line message must name.
struct BadInput: Sendable, CustomTestStringConvertible {
    let name: String
    let commands: [ToolCommand]
    /// Breaks the fixture (edits scene.json, damages a step, makes a folder read-only…).
    let setUp: @Sendable (ReliabilityFixture) throws -> Void
    /// The command line; by default the command's usual one.
    let arguments: @Sendable (ReliabilityFixture, ToolCommand) -> [String]
    /// The path whose state must be the same after the failed run.
    let watched: @Sendable (ReliabilityFixture, ToolCommand) -> String?
    /// Text the first error line must contain: the file, field or value at fault.
    let expected: @Sendable (ReliabilityFixture) -> [String]
    /// An argument error caught by the parser: exit 64 (EX_USAGE) rather than 1.
    let isUsageError: Bool
    /// How the line starts: "Error: " for bad input, "parallax: " for a failed inpainter.
    let prefix: String

    var testDescription: String { name }

    init(_ name: String, _ commands: [ToolCommand], usage: Bool = false, prefix: String = "Error: ",
         setUp: @escaping @Sendable (ReliabilityFixture) throws -> Void = { _ in },
         arguments: (@Sendable (ReliabilityFixture, ToolCommand) -> [String])? = nil,
         flags: [String] = [],
         output: (@Sendable (ReliabilityFixture) -> String)? = nil,
         expect: @escaping @Sendable (ReliabilityFixture) -> [String]) {
        self.name = name
        self.commands = commands
        self.setUp = setUp
        self.arguments = arguments ?? { fixture, command in command.arguments(fixture, output: output?(fixture)) + flags }
        self.watched = { fixture, command in command.writtenPath(fixture, output: output?(fixture)) }
        self.expected = expect
        isUsageError = usage
        self.prefix = prefix
    }

    /// A broken scene file: every command that reads the scene refuses it.
    static func scene(_ name: String, expect: [String], _ edit: @escaping @Sendable (inout [String: Any]) -> Void) -> BadInput {
        BadInput(name, ToolCommand.sceneReaders, setUp: { try $0.editScene(edit) },
                 expect: { [$0.sceneFile] + expect })
    }

    /// A broken layer in the scene file.
    static func layer(_ index: Int, _ name: String, expect: [String],
                      _ edit: @escaping @Sendable (inout [String: Any]) -> Void) -> BadInput {
        BadInput(name, ToolCommand.sceneReaders, setUp: { try $0.editLayer(index, edit) },
                 expect: { [$0.sceneFile] + expect })
    }

    /// A scene file with this exact text.
    static func sceneText(_ name: String, _ text: String, expect: [String]) -> BadInput {
        BadInput(name, ToolCommand.sceneReaders, setUp: { try $0.writeScene(text) }, expect: { [$0.sceneFile] + expect })
    }

    /// A damaged step folder: the commands that read steps refuse it, naming the step file.
    static func steps(_ name: String, step: Int, expect: [String],
                      _ damage: @escaping @Sendable (String) throws -> Void) -> BadInput {
        BadInput(name, [.render, .graph], setUp: { try damage($0.stepPath(step)) },
                 expect: { [$0.stepPath(step)] + expect })
    }

    /// A bad flag for `render`.
    static func renderFlags(_ name: String, _ flags: [String], usage: Bool = true, expect: [String]) -> BadInput {
        BadInput(name, [.render], usage: usage, arguments: { fixture, command in command.arguments(fixture) + flags },
                 expect: { _ in expect })
    }
}

extension BadInput {
    /// At least 30 bad inputs across the commands; each row is one test case.
    static let table: [BadInput] = sceneRows + layerRows + stepRows + flagRows + outputRows + imageRows + geometryRows

    static let sceneRows: [BadInput] = [
        sceneText("scene file is not JSON", "{\"direction\": 180,", expect: ["not valid JSON"]),
        sceneText("scene file is empty", "", expect: ["not valid JSON"]),
        sceneText("scene file is a list, not an object", "[1, 2, 3]", expect: ["expected a JSON object", "a list"]),
        sceneText("scene file is a bare string", "\"scene\"", expect: ["expected a JSON object", "a string"]),
        scene("layers missing", expect: ["layers", "missing"]) { $0["layers"] = nil },
        scene("direction missing", expect: ["direction", "missing"]) { $0["direction"] = nil },
        scene("stepShift missing", expect: ["stepShift", "missing"]) { $0["stepShift"] = nil },
        scene("stepsPerSecond missing", expect: ["stepsPerSecond", "missing"]) { $0["stepsPerSecond"] = nil },
        scene("fps missing", expect: ["fps", "missing"]) { $0["fps"] = nil },
        scene("direction is a string", expect: ["direction", "expected a number", "a string"]) { $0["direction"] = "left" },
        scene("fps is a boolean", expect: ["fps", "a boolean"]) { $0["fps"] = true },
        scene("fps is not a rate", expect: ["fps", "fast"]) { $0["fps"] = "fast" },
        scene("fps is negative", expect: ["fps", "-30"]) { $0["fps"] = -30 },
        scene("stepShift is zero", expect: ["stepShift", "greater than 0", "0"]) { $0["stepShift"] = 0 },
        scene("stepShift is negative", expect: ["stepShift", "-4"]) { $0["stepShift"] = -4 },
        scene("stepsPerSecond is zero", expect: ["stepsPerSecond", "0/1"]) { $0["stepsPerSecond"] = "0/1" },
        scene("steps is zero", expect: ["steps", "0"]) { $0["steps"] = 0 },
        scene("steps is fractional", expect: ["steps", "whole number", "2.5"]) { $0["steps"] = 2.5 },
        scene("layers is a number", expect: ["layers", "list", "a number"]) { $0["layers"] = 5 },
        scene("layers is empty", expect: ["layers", "at least one"]) { $0["layers"] = [Any]() },
        scene("a layer is not an object", expect: ["layers[0]", "expected an object", "a number"]) { $0["layers"] = [3, ["speed": 1]] },
        BadInput("scene file missing", ToolCommand.sceneReaders,
                 setUp: { try FileManager.default.removeItem(atPath: $0.sceneFile) },
                 expect: { [$0.sceneFile, "no such file"] }),
        BadInput("project folder missing", ToolCommand.sceneReaders,
                 arguments: { fixture, command in
                     command.arguments(fixture).map { $0 == fixture.project ? fixture.project + "-nowhere" : $0 }
                 },
                 expect: { [$0.project + "-nowhere", "no such"] }),
        BadInput("no steps and the scene's image is missing", ToolCommand.sceneReaders,
                 setUp: { fixture in
                     try FileManager.default.removeItem(atPath: StepFolder(projectDirectory: fixture.project).stepsDirectory)
                     try fixture.editScene { $0["image"] = "painting.png" }
                 },
                 expect: { [$0.sceneFile, "image", "painting.png"] }),
    ]

    static let layerRows: [BadInput] = [
        layer(0, "a layer height missing", expect: ["layers[0].height", "missing"]) { $0["height"] = nil },
        layer(0, "a layer height is zero", expect: ["layers[0].height", "0"]) { $0["height"] = 0 },
        layer(0, "a layer height is negative", expect: ["layers[0].height", "-24"]) { $0["height"] = -24 },
        layer(0, "a layer height is a string", expect: ["layers[0].height", "a string"]) { $0["height"] = "24" },
        layer(1, "heights do not sum to the image height", expect: ["layers", "sum to 74", "64"]) { $0["height"] = 50 },
        BadInput("heights leave no rows for the last layer", ToolCommand.sceneReaders,
                 setUp: { fixture in
                     try fixture.editLayer(1) { $0["height"] = nil }
                     try fixture.editLayer(0) { $0["height"] = 64 }
                 },
                 expect: { [$0.sceneFile, "layers", "sum to 64", "no rows"] }),
        layer(1, "a speed above 1", expect: ["layers[1].speed", "1.5"]) { $0["speed"] = 1.5 },
        layer(1, "a negative distance", expect: ["layers[1].distance", "-3"]) { $0["speed"] = nil; $0["distance"] = -3 },
        layer(0, "both speed and distance", expect: ["layers[0]", "only one"]) { $0["distance"] = 100 },
        layer(0, "neither speed nor distance", expect: ["layers[0]", "needs one of"]) { $0["speed"] = nil },
        layer(0, "an unknown layer preset", expect: ["layers[0].preset", "middle"]) { $0["speed"] = nil; $0["preset"] = "middle" },
    ]

    static let stepRows: [BadInput] = [
        steps("a step missing", step: 3, expect: ["missing"]) { try FileManager.default.removeItem(atPath: $0) },
        steps("a step of the wrong size", step: 2, expect: ["48x32", "96x64"]) {
            try PNGImage.write(Raster(width: 48, height: 32, channels: 3), to: $0)
        },
        steps("a text file named .png", step: 1, expect: ["not a PNG"]) {
            try Data("not an image\n".utf8).write(to: URL(fileURLWithPath: $0))
        },
        steps("a truncated PNG", step: 4, expect: ["cut off"]) { path in
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: path))
        },
        steps("step 0 is a text file", step: 0, expect: ["not a PNG"]) {
            try Data("hello".utf8).write(to: URL(fileURLWithPath: $0))
        },
    ]

    static let flagRows: [BadInput] = [
        renderFlags("--crf above 63", ["--crf", "99"], expect: ["--crf", "99"]),
        renderFlags("--crf negative", ["--crf=-1"], expect: ["--crf", "-1"]),
        renderFlags("--crf not a number", ["--crf", "high"], expect: ["high", "--crf"]),
        renderFlags("an unknown codec", ["--codec", "divx"], expect: ["divx", "--codec"]),
        renderFlags("an unknown encoder preset", ["--preset", "fastest"], expect: ["--preset", "fastest"]),
        renderFlags("an unknown flag", ["--speed", "2"], expect: ["--speed"]),
        renderFlags("an unknown container", ["--container", "webm2"], expect: ["--container", "webm2"]),
        BadInput("render without -o", [.render], usage: true, arguments: { fixture, _ in ["render", fixture.project] },
                 expect: { _ in ["-o"] }),
        BadInput("graph without --script", [.graph], usage: true,
                 arguments: { fixture, _ in ["graph", fixture.project, "-o", fixture.output] },
                 expect: { _ in ["--script"] }),
    ]

    static let outputRows: [BadInput] = [
        BadInput("output extension no muxer knows", [.render], output: { $0.outputFolder + "/video.xyz" },
                 expect: { [$0.outputFolder + "/video.xyz", "--format"] }),
        BadInput("output folder missing", [.render], output: { $0.root.file("nowhere") + "/video.mp4" },
                 expect: { [$0.root.file("nowhere"), "does not exist"] }),
        BadInput("output folder not writable", [.render],
                 setUp: { try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: $0.outputFolder) },
                 output: unwritableOutput, expect: { [unwritableOutput($0), "not writable"] }),
        BadInput("output is a folder", [.render],
                 setUp: { try FileManager.default.createDirectory(atPath: $0.root.file("folder.mp4"), withIntermediateDirectories: true) },
                 output: { $0.root.file("folder.mp4") }, expect: { [$0.root.file("folder.mp4"), "is a folder"] }),
        BadInput("script folder missing", [.graph],
                 arguments: { fixture, _ in
                     ["graph", fixture.project, "-o", fixture.output, "--script", fixture.root.file("nowhere/graph.lavfi")]
                 },
                 expect: { [$0.root.file("nowhere"), "does not exist"] }),
        BadInput("script is a folder", [.graph],
                 arguments: { fixture, _ in ["graph", fixture.project, "-o", fixture.output, "--script", fixture.outputFolder] },
                 expect: { [$0.outputFolder, "is a folder"] }),
    ]

    /// `create` and `init`: the input image and the scene flags.
    static let imageRows: [BadInput] = [
        BadInput("input image missing", ToolCommand.imageReaders,
                 arguments: { fixture, command in
                     command.arguments(fixture).map { $0 == fixture.image ? fixture.root.file("nope.png") : $0 }
                 },
                 expect: { [$0.root.file("nope.png"), "no such file"] }),
        BadInput("input image is a text file", ToolCommand.imageReaders,
                 setUp: { try Data("not an image\n".utf8).write(to: URL(fileURLWithPath: $0.image)) },
                 expect: { [$0.image, "not a PNG"] }),
        BadInput("input image is cut off", ToolCommand.imageReaders,
                 setUp: { fixture in
                     let data = try Data(contentsOf: URL(fileURLWithPath: fixture.image))
                     try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: fixture.image))
                 },
                 expect: { [$0.image, "cut off"] }),
        BadInput("--layers height not a number", ToolCommand.imageReaders, usage: true, flags: ["--layers", "sky:abc:0.1,land"],
                 expect: { _ in ["--layers", "abc"] }),
        BadInput("--layers taller than the image", ToolCommand.imageReaders, usage: true, flags: ["--layers", "sky:100:0.1,land"],
                 expect: { _ in ["--layers", "sum to 100", "64"] }),
        BadInput("--layers depth out of range", ToolCommand.imageReaders, usage: true, flags: ["--layers", "sky:30:2,land"],
                 expect: { _ in ["--layers", "\"2\""] }),
        BadInput("--step-shift zero", ToolCommand.imageReaders, usage: true, flags: ["--step-shift", "0"],
                 expect: { _ in ["--step-shift", "0"] }),
        BadInput("--fps not a rate", ToolCommand.imageReaders, usage: true, flags: ["--fps", "fast"],
                 expect: { _ in ["--fps", "fast"] }),
        BadInput("--auto-layers without a depth map", ToolCommand.imageReaders, usage: true, flags: ["--auto-layers", "3"],
                 expect: { _ in ["--auto-layers", "--depth-map"] }),
        BadInput("--depth-map missing", ToolCommand.imageReaders, flags: ["--depth-map", "nope.png"],
                 expect: { _ in ["nope.png", "--depth-map"] }),
        BadInput("--scene is not JSON", ToolCommand.imageReaders,
                 setUp: { try Data("{".utf8).write(to: URL(fileURLWithPath: $0.root.file("other.json"))) },
                 arguments: { fixture, command in command.arguments(fixture) + ["--scene", fixture.root.file("other.json")] },
                 expect: { [$0.root.file("other.json"), "not valid JSON"] }),
        BadInput("init over an existing scene", [.initialize],
                 setUp: { fixture in
                     try FileManager.default.createDirectory(atPath: fixture.newProject, withIntermediateDirectories: true)
                     try ReliabilityFixture.previousContent.write(to: URL(fileURLWithPath: fixture.newProject + "/scene.json"))
                 },
                 expect: { [$0.newProject + "/scene.json", "already exists", "--force"] }),
        BadInput("create with an output folder that is missing", [.create], output: { $0.root.file("nowhere") + "/video.mp4" },
                 expect: { [$0.root.file("nowhere"), "does not exist"] }),
        BadInput("create with --crf above 63", [.create], usage: true, flags: ["--crf", "99"], expect: { _ in ["--crf", "99"] }),
        BadInput("an inpaint command that fails", [.create], prefix: "parallax: ",
                 flags: ["--inpaint-command", "false {image} {mask} {output}"],
                 expect: { _ in ["false", "status 1", "on step"] }),
        BadInput("an inpaint command that does not exist", [.create], prefix: "parallax: ",
                 flags: ["--inpaint-command", "/nonexistent/fill {image} {mask} {output}"],
                 expect: { _ in ["/nonexistent/fill", "cannot start"] }),
    ]

    /// A read-only output folder; root ignores permission bits, so as root it is /proc/1, which
    /// no one may create files in.
    @Sendable static func unwritableOutput(_ fixture: ReliabilityFixture) -> String {
        geteuid() == 0 ? "/proc/1/video.mp4" : fixture.outputFolder + "/video.mp4"
    }
}
