import Foundation
import ParallaxCore
import Testing
import TestSupport

/// What a user meets first: help that reads well at 80 columns, --quiet everywhere, flag errors
/// with exit 64 and the whole message, negative numbers as values.
@Suite("Help and flags")
struct HelpAndFlagTests {
    static let commands = ["", "create", "init", "generate", "plan", "render", "graph", "sheet"]

    /// The help text between the overview and USAGE, as printed (the parser wraps at 80 when
    /// not on a terminal).
    static func discussion(_ command: String) throws -> [String] {
        let result = try ProcessRunner.parallax((command.isEmpty ? [] : [command]) + ["--help"])
        let lines = result.standardOutput.components(separatedBy: "\n")
        let start = (lines.firstIndex(of: "") ?? 0) + 1  // after the overview
        let end = lines.firstIndex { $0.hasPrefix("USAGE:") } ?? lines.count
        return Array(lines[start..<end])
    }

    @Test("help: paragraphs wrapped by the parser, examples one per line within 80 columns", arguments: commands)
    func helpReadsWellAt80Columns(command: String) throws {
        let lines = try Self.discussion(command)
        let examples = lines.firstIndex(of: "Examples:")
        #expect(examples != nil, "no examples in \(command) --help")
        for (index, line) in lines.enumerated() {
            #expect(line.count <= 80, "\(command): \(line.count) columns: \(line)")
            if let examples, index > examples, !line.isEmpty {
                // An example, or the continuation of one that ends in a backslash.
                let continues = index > 0 && lines[index - 1].hasSuffix("\\")
                #expect(line.hasPrefix("  parallax ") || line.hasPrefix("  sh -c \"$(parallax ")
                            || (continues && line.hasPrefix("      ")),
                        "\(command): an example broken across lines: \(line)")
            } else if index + 1 < lines.count, !line.isEmpty, !lines[index + 1].isEmpty, line != "Examples:",
                      examples.map({ index < $0 }) ?? true {
                // Greedy wrapping: the next line's first word would not have fitted on this one.
                let nextWord = lines[index + 1].split(separator: " ").first.map(String.init) ?? ""
                #expect(line.count + 1 + nextWord.count > 79,
                        "\(command): a line broken early (hand-wrapped text wrapped again): \(line)")
            }
        }
    }

    @Test("--quiet prints nothing but errors on every command that prints")
    func quietEverywhere() throws {
        let folder = TemporaryDirectory("quiet")
        let project = folder.file("p")
        _ = try GroundTruthScene(directory: project, steps: 3)
        let image = StepFolder(projectDirectory: project).stepPath(0)
        let runs: [[String]] = [
            ["init", image, folder.file("fresh"), "--layers", "a:24:0.5,b::1"],
            ["plan", project], ["plan", project, "--json"], ["plan", project, "--png", folder.file("plan.png")],
            ["sheet", project, "-o", folder.file("sheet.png"), "--frames", "4"],
            ["graph", project, "-o", folder.file("o.mp4"), "--script", folder.file("g.lavfi")],
            ["render", project, "-o", folder.file("o.mkv"), "--codec", "ffv1"],
        ]
        for arguments in runs {
            for flag in ["--quiet", "-q"] {
                if arguments[0] == "init" { try? FileManager.default.removeItem(atPath: folder.file("fresh")) }
                let result = try ProcessRunner.parallax(arguments + [flag])
                #expect(result.succeeded, "\(arguments) \(flag): \(result.standardError)")
                #expect(result.standardOutput.isEmpty && result.standardError.isEmpty, "\(arguments) \(flag) printed")
            }
        }
        #expect(FileManager.default.fileExists(atPath: folder.file("fresh/scene.json")))
        #expect(FileManager.default.fileExists(atPath: folder.file("g.lavfi")))
    }

    @Test("a negative number is a value: --direction -90")
    func negativeNumbersAreValues() throws {
        let folder = TemporaryDirectory("negative")
        let project = folder.file("p")
        _ = try GroundTruthScene(directory: project, steps: 3)
        let image = StepFolder(projectDirectory: project).stepPath(0)
        let result = try ProcessRunner.parallax(["init", image, folder.file("down"), "--direction", "-90", "--quiet"])
        #expect(result.succeeded, "\(result.standardError)")
        #expect(try SceneFile.load(folder.file("down/scene.json")).direction.degrees == 270)
        // A negative value where only positive ones make sense is refused by name, not "missing value".
        let shift = try ProcessRunner.parallax(["init", image, folder.file("x"), "--step-shift", "-3"])
        #expect(shift.status == 64)
        #expect(shift.standardError.contains("--step-shift must be greater than 0"))
    }

    @Test("flag errors exit 64 with the whole message in one line", arguments: [
        (["render", "P", "-o", "O.mp4", "--codec", "av1"], "one of the following: h264, h265, vp9, prores, gif, png, ffv1"),
        (["render", "P", "-o", "O.mp4", "--format", "foo"], "one of the following: mp4, hevc, webm, mov, mkv, gif, png"),
        (["render", "P", "-o", "O.mp4", "--preset", "warp"], "--preset must be one of"),
        (["render", "P", "-o", "O.webm", "--preset", "9"], "--preset for VP9 is cpu-used"),
        (["render", "P", "-o", "O.mp4", "--container", "foo"], "--container must be a container FFmpeg writes"),
        (["render", "P", "-o", "O.mp4", "--crf", "60"], "--crf for h264 must be between 0 and 51, got 60"),
        (["render", "P", "-o", "O.webm", "--crf", "64"], "--crf must be between 0 and 63"),
        (["render", "P", "-o", "O.mkv", "--codec", "ffv1", "--crf", "20"], "--crf applies to h264, h265 and vp9"),
        (["render", "P", "--no-encode", "-o", "O.mp4"], "--no-encode writes no file"),
        (["render", "P", "-o", "O.mp4", "--loop", "crossfade", "--loop-seconds", "2"], "--loop-seconds 2.0: a 2.0 s crossfade"),
        (["init", "IMAGE", "NEW", "--fps", "0"], "--fps: must be greater than 0"),
        (["init", "IMAGE", "NEW", "--layers", "a:zz:1,b"], "--layers: \"a:zz:1\""),
        (["init", "IMAGE", "NEW", "--layers", "a:500:1,b::1"], "--layers"),
        (["generate", "P", "--edges", "wobbly"], "'wobbly' is invalid for '--edges <way>'. Please provide one of 'follow' and 'sketch'"),
    ])
    func flagErrorsExit64(arguments: [String], expected: String) throws {
        let folder = TemporaryDirectory("flags")
        let project = folder.file("p")
        _ = try GroundTruthScene(directory: project, steps: 3)  // 45 frames at 30 fps
        let image = StepFolder(projectDirectory: project).stepPath(0)
        let filled = arguments.map { word -> String in
            switch word {
            case "P": project
            case "IMAGE": image
            case "NEW": folder.file("new")
            default: word.hasPrefix("O.") ? folder.file(word) : word
            }
        }
        let result = try ProcessRunner.parallax(filled)
        #expect(result.status == 64, "\(arguments): exit \(result.status): \(result.standardError)")
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1)
        #expect(result.standardError.contains(expected), "\(result.standardError)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "p" }
        #expect(written.isEmpty, "left \(written)")
    }

    @Test("an extension FFmpeg has no container for is refused before any work, saying how to choose")
    func unknownExtensionIsRefused() throws {
        let folder = TemporaryDirectory("xyz")
        _ = try GroundTruthScene(directory: folder.path, steps: 3)
        for command in [["render"], ["graph", "--script", folder.file("g.lavfi")]] {
            let video = folder.file("clip.xyz")
            let result = try ProcessRunner.parallax([command[0], folder.path, "-o", video] + command.dropFirst())
            #expect(result.status == 1)
            #expect(result.standardError.split(separator: "\n").count == 1)
            #expect(result.standardError.contains(video) && result.standardError.contains("--format or --container"),
                    "\(result.standardError)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).allSatisfy { !$0.contains("xyz") && $0 != "g.lavfi" })
        }
        // Naming the container makes the same name work.
        let named = try ProcessRunner.parallax(["render", folder.path, "-o", folder.file("clip.xyz"), "--container", "mp4", "-q"])
        #expect(named.succeeded, "\(named.standardError)")
        #expect(try VideoInspection.probe(folder.file("clip.xyz"), entries: "stream=codec_name")["codec_name"] == "h264")
    }

    @Test("the README's layer example gives every layer its own speed")
    func readmeLayerExampleHasParallax() throws {
        let readme = try String(contentsOfFile: CurrentFFmpeg.repositoryRoot + "/README.md", encoding: .utf8)
        let line = try #require(readme.split(separator: "\n").first { $0.hasPrefix("parallax init") && $0.contains("--layers") })
        let quoted = line.split(separator: "\"")
        let layers = String(quoted[1])
        let folder = TemporaryDirectory("readme")
        _ = try GroundTruthScene(directory: folder.file("p"), width: 96, height: 64, steps: 3)
        let image = StepFolder(projectDirectory: folder.file("p")).stepPath(0)
        let result = try ProcessRunner.parallax(["init", image, folder.file("r"), "--layers", layers, "--quiet"])
        #expect(result.succeeded, "\(result.standardError)")
        let speeds = try Project(path: folder.file("r")).plan.layers.map(\.speed)
        #expect(Set(speeds).count == speeds.count, "speeds \(speeds) for \(layers)")
    }
}
