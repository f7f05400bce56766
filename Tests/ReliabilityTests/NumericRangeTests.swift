import Foundation
import ParallaxCore
import Testing
import TestSupport

/// Issue 13, items 3 and 7, and the number messages of item 9: every number that reaches the
/// math is range-checked first, with its field or flag named; nothing traps.
@Suite("Numbers are checked before the math")
struct NumericRangeTests {
    /// A scene edit, the commands to try it with, and what the message must name.
    struct SceneCase: Sendable, CustomTestStringConvertible {
        let name: String
        let commands: [String]
        let expect: [String]
        let edit: @Sendable (inout [String: Any]) -> Void
        var testDescription: String { name }
    }

    static let everyCommand = ["plan", "render", "graph", "generate", "sheet"]

    static let sceneCases: [SceneCase] = [
        SceneCase(name: "stepShift 1e-300", commands: everyCommand, expect: ["stepShift"]) { $0["stepShift"] = 1e-300; $0["steps"] = nil },
        SceneCase(name: "stepShift 1e18", commands: everyCommand, expect: ["stepShift", "at most"]) { $0["stepShift"] = 1e18 },
        SceneCase(name: "a layer speed of 1e-18", commands: everyCommand, expect: ["layers[0].speed", "1e-18"]) { scene in
            var layers = scene["layers"] as! [[String: Any]]
            layers[0]["speed"] = 1e-18
            scene["layers"] = layers
            scene["steps"] = nil
        },
        SceneCase(name: "a layer distance of 1e300", commands: ["plan"], expect: ["layers[1].distance"]) { scene in
            var layers = scene["layers"] as! [[String: Any]]
            layers[0]["speed"] = nil
            layers[0]["distance"] = 1
            layers[1]["speed"] = nil
            layers[1]["distance"] = 1e300
            scene["layers"] = layers
            scene["steps"] = nil
        },
        SceneCase(name: "fps with huge ratio terms", commands: everyCommand, expect: ["fps", "9223372036854775807"]) {
            $0["fps"] = "1/9223372036854775807"
        },
        SceneCase(name: "stepsPerSecond of Int.min over -1", commands: ["plan"], expect: ["stepsPerSecond"]) {
            $0["stepsPerSecond"] = "-9223372036854775808/-1"
        },
        SceneCase(name: "steps 1000000000 says how many are allowed", commands: ["plan"], expect: ["steps", "between 1 and 1000000"]) {
            $0["steps"] = 1_000_000_000
        },
        SceneCase(name: "fps 0.0001 says the smallest rate", commands: ["plan"], expect: ["fps", "at least 0.001", "0.0001"]) {
            $0["fps"] = 0.0001
        },
        SceneCase(name: "a crossfade of 1e20 seconds", commands: ["render", "graph"], expect: ["loop.seconds", "1e+20"]) {
            $0["loop"] = ["mode": "crossfade", "seconds": 1e20]
        },
        SceneCase(name: "a frame count past the limit", commands: ["plan", "render"], expect: ["steps", "frames"]) {
            $0["steps"] = 900_000; $0["stepsPerSecond"] = "1/1000"; $0["fps"] = 1000
        },
    ]

    static func arguments(_ command: String, _ fixture: ReliabilityFixture) -> [String] {
        switch command {
        case "render": ["render", fixture.project, "-o", fixture.output, "-q"]
        case "graph": ["graph", fixture.project, "-o", fixture.output, "--script", fixture.script]
        case "generate": ["generate", fixture.project, "-q", "--restart"]
        case "sheet": ["sheet", fixture.project, "-o", fixture.outputFolder + "/sheet.png"]
        default: [command, fixture.project]
        }
    }

    @Test("an out-of-range number in scene.json is one line naming its field, never a trap", arguments: sceneCases)
    func sceneNumbersAreChecked(_ row: SceneCase) throws {
        let fixture = try ReliabilityFixture()
        try fixture.placePreviousOutputs()
        try fixture.editScene(row.edit)
        let steps = try FileManager.default.contentsOfDirectory(atPath: fixture.project + "/steps").sorted()
        for command in row.commands {
            let arguments = Self.arguments(command, fixture)
            let run = try ChildProcess.run(parallax: arguments)
            expectRefused(run, naming: [fixture.sceneFile] + row.expect, "parallax \(arguments.joined(separator: " "))")
            #expect(contents(fixture.output) == ReliabilityFixture.previousContent)
            #expect(contents(fixture.script) == ReliabilityFixture.previousContent)
            #expect(try FileManager.default.contentsOfDirectory(atPath: fixture.project + "/steps").sorted() == steps)
            #expect(fixture.leftoverTemporaries().isEmpty)
        }
    }

    static let flagCases: [(String, [String], [String])] = [
        ("init --step-shift inf", ["init", "IMAGE", "NEW", "--step-shift", "inf"], ["--step-shift", "inf"]),
        ("init --step-shift 1e300", ["init", "IMAGE", "NEW", "--step-shift", "1e300"], ["--step-shift"]),
        ("init --fps with huge ratio terms", ["init", "IMAGE", "NEW", "--fps", "1/9223372036854775807"], ["--fps"]),
        ("init --steps 2000000", ["init", "IMAGE", "NEW", "--steps", "2000000"], ["--steps", "2000000"]),
        ("render --loop-seconds 1e20", ["render", "PROJECT", "-o", "OUTPUT", "--loop", "crossfade", "--loop-seconds", "1e20"],
         ["--loop-seconds"]),
    ]

    @Test("an out-of-range flag is a usage error (64) naming the flag, and init writes nothing",
          arguments: flagCases.map(\.0))
    func flagNumbersAreChecked(_ name: String) throws {
        let row = Self.flagCases.first { $0.0 == name }!
        let fixture = try ReliabilityFixture()
        try fixture.placePreviousOutputs()
        let arguments = row.1.map {
            ["IMAGE": fixture.image, "NEW": fixture.newProject, "PROJECT": fixture.project, "OUTPUT": fixture.output][$0] ?? $0
        }
        let run = try ChildProcess.run(parallax: arguments)
        expectRefused(run, code: 64, naming: row.2, "parallax \(arguments.joined(separator: " "))")
        #expect(!FileManager.default.fileExists(atPath: fixture.newProject + "/scene.json"), "init must write nothing")
        #expect(contents(fixture.output) == ReliabilityFixture.previousContent)
    }

    @Test("init checks the scene it would write before writing it (item 7)")
    func initValidatesBeforeWriting() throws {
        let fixture = try ReliabilityFixture()
        // Passes the flag checks, fails in the plan: a layer too slow to ever leave the picture.
        let arguments = ["init", fixture.image, fixture.newProject, "--layers", "sky:24:0.0000000001,land"]
        let run = try ChildProcess.run(parallax: arguments)
        // The value came from --layers: a bad flag value, exit 64.
        expectRefused(run, code: 64, naming: ["layers[0].speed"], "parallax \(arguments.joined(separator: " "))")
        #expect(!FileManager.default.fileExists(atPath: fixture.newProject + "/scene.json"))
        // So the same command with a sane speed needs no --force afterwards.
        let again = try ChildProcess.run(parallax: ["init", fixture.image, fixture.newProject, "--layers", "sky:24:0.1,land"])
        #expect(again.termination == .exit(0), Comment(rawValue: again.standardError))
    }
}
