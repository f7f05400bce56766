import Foundation
import ParallaxCore
import Testing
import TestSupport

@Suite("Command line")
struct CLITests {
    @Test("every command's help has examples", arguments: [["--help"], ["render", "--help"], ["graph", "--help"], ["plan", "--help"]])
    func helpHasExamples(arguments: [String]) throws {
        let result = try ProcessRunner.parallax(arguments)
        #expect(result.succeeded)
        #expect(result.standardOutput.contains("Examples:"))
    }

    @Test("plan prints the layer table and totals")
    func planTable() throws {
        let folder = TemporaryDirectory("cli")
        _ = try GroundTruthScene(directory: folder.path, steps: 6)
        let result = try ProcessRunner.parallax(["plan", folder.path])
        #expect(result.succeeded)
        #expect(result.standardOutput.contains("layer1"))
        #expect(result.standardOutput.contains("-8.00, 0.00"))
        #expect(result.standardOutput.contains("duration 1.500 s, 45 frames"))
    }

    @Test("plan --json gives every layer's velocity and its top and bottom row in every column")
    func planJSON() throws {
        let folder = TemporaryDirectory("cli")
        _ = try GroundTruthScene(directory: folder.path, steps: 6)
        let result = try ProcessRunner.parallax(["plan", folder.path, "--json"])
        #expect(result.succeeded, "\(result.standardError)")
        let document = try JSONDecoder().decode(PlanDocument.self, from: Data(result.standardOutput.utf8))
        #expect(document.layers.first { $0.name == "layer1" }?.velocity == [-8, 0])
        #expect(document.layers.allSatisfy { $0.top.count == document.width && $0.bottom.count == document.width })
        // Layers tile the picture: each starts where the one above ends, column by column.
        for (upper, lower) in zip(document.layers, document.layers.dropFirst()) {
            #expect(upper.bottom == lower.top)
        }
        #expect(document.layers.first?.top.allSatisfy { $0 == 0 } == true)
        #expect(document.layers.last?.bottom.allSatisfy { $0 == document.height } == true)
    }

    @Test("render writes the video; graph prints a command that stock ffmpeg runs")
    func renderAndGraph() throws {
        let folder = TemporaryDirectory("cli")
        _ = try GroundTruthScene(directory: folder.path, steps: 3)
        let video = folder.file("out.mp4")
        let render = try ProcessRunner.parallax(["render", folder.path, "-o", video, "--quiet"])
        #expect(render.succeeded, "\(render.standardError)")
        #expect(render.standardError.isEmpty)
        #expect(FileManager.default.fileExists(atPath: video))

        let graph = try ProcessRunner.parallax(["graph", folder.path, "-o", folder.file("stock.mp4"), "--script", folder.file("g.lavfi")])
        #expect(graph.succeeded)
        let line = graph.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.hasPrefix("ffmpeg "))
        let stock = try ProcessRunner.run("/bin/sh", ["-c", line + " -v error"])
        #expect(stock.succeeded, "\(stock.standardError)")
        #expect(try VideoInspection.frameMD5s(folder.file("stock.mp4")) == VideoInspection.frameMD5s(video))
    }

    /// Broken projects: what to break, and what the one-line error must say.
    static let brokenProjects: [(String, String)] = [
        ("no-scene", "scene.json: no such file"),
        ("bad-json", "scene.json: not valid JSON"),
        ("missing-step", "steps/000002.png: missing (the scene needs steps 0 to 3; found 2)"),
        ("wrong-size-step", "steps/000001.png: is 10x10 but step 0 is 96x64"),
        ("text-as-png", "steps/000003.png: is not a PNG image"),
        ("heights", "scene.json: layers: heights sum to 30 but the image is 64 pixels high"),
    ]

    @Test("a broken project gives one clear line, a non-zero exit and no output file", arguments: brokenProjects)
    func brokenProject(kind: String, message: String) throws {
        let folder = TemporaryDirectory("cli")
        let project = folder.file("project")
        _ = try GroundTruthScene(directory: project, steps: 3)
        let steps = StepFolder(projectDirectory: project)
        switch kind {
        case "no-scene": try FileManager.default.removeItem(atPath: project + "/scene.json")
        case "bad-json": try "{\"layers\": [".write(toFile: project + "/scene.json", atomically: true, encoding: .utf8)
        case "missing-step": try FileManager.default.removeItem(atPath: steps.stepPath(2))
        case "wrong-size-step": try PNGImageFixture.write(width: 10, height: 10, to: steps.stepPath(1))
        case "text-as-png": try "hello".write(toFile: steps.stepPath(3), atomically: true, encoding: .utf8)
        case "heights":
            let scene = try String(contentsOfFile: project + "/scene.json", encoding: .utf8)
            try scene.replacingOccurrences(of: "\"height\": 24", with: "\"height\": 10")
                .replacingOccurrences(of: "\"height\": 40", with: "\"height\": 20")
                .write(toFile: project + "/scene.json", atomically: true, encoding: .utf8)
        default: Issue.record("unknown case \(kind)")
        }
        let output = folder.file("out.mp4")
        let result = try ProcessRunner.parallax(["render", project, "-o", output])
        #expect(result.status != 0)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "stderr: \(result.standardError)")
        #expect(result.standardError.contains(message), "stderr: \(result.standardError)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["project"])
    }
}
