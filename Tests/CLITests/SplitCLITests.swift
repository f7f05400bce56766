import Foundation
import Testing
import TestSupport

/// `render --frames` and `concat` from the command line: parts, a join, and one-line refusals.
@Suite("Split renders on the command line")
struct SplitCLITests {
    @Test("concat's help has examples")
    func concatHelp() throws {
        let result = try ProcessRunner.parallax(["concat", "--help"])
        #expect(result.succeeded)
        #expect(result.standardOutput.contains("Examples:"))
        let examples = result.standardOutput.split(separator: "\n").filter { $0.hasPrefix("  parallax") }
        #expect(examples.count >= 3 && examples.allSatisfy { $0.count <= 80 })
    }

    @Test("render --frames writes a labelled part; concat joins parts given in any order")
    func renderPartsAndConcat() throws {
        let folder = TemporaryDirectory("split-cli")
        _ = try GroundTruthScene(directory: folder.file("p"), steps: 6)
        for (name, range) in [("b.mkv", "20:45"), ("a.mkv", "0:20")] {
            let result = try ProcessRunner.parallax(["render", folder.file("p"), "-o", folder.file(name), "--codec", "ffv1",
                                                     "--frames", range, "-q"])
            #expect(result.succeeded, "\(result.standardError)")
        }
        let tags = try VideoInspection.probe(folder.file("b.mkv"), entries: "format_tags")
        #expect(tags["TAG:PARALLAX_FRAMES"] == "20:45")
        #expect(tags["TAG:PARALLAX_TOTAL_FRAMES"] == "45")
        let joined = try ProcessRunner.parallax(["concat", "-o", folder.file("all.mkv"), folder.file("b.mkv"), folder.file("a.mkv")])
        #expect(joined.succeeded, "\(joined.standardError)")
        #expect(joined.standardError.contains("45 frames from 2 parts"))
        #expect(try VideoInspection.frameMD5s(folder.file("all.mkv")).count == 45)
    }

    @Test("bad ranges and bad joins give one line and a non-zero exit", arguments: [
        (["--frames", "9:3"], "--frames must be A:B"),
        (["--frames", "x"], "--frames must be A:B"),
        (["--frames", "40:46"], "the render has 45 frames"),
        (["--frames", "0:10", "--loop", "pingpong"], "renders only whole"),
    ])
    func badRangesAreRefused(flags: [String], expected: String) throws {
        let folder = TemporaryDirectory("split-cli-bad")
        _ = try GroundTruthScene(directory: folder.file("p"), steps: 6)
        let result = try ProcessRunner.parallax(["render", folder.file("p"), "-o", folder.file("x.mkv"), "-q"] + flags)
        #expect(!result.succeeded)
        #expect(result.standardError.contains(expected), "\(result.standardError)")
        #expect(result.standardError.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.file("x.mkv")))
    }

    @Test("concat refuses a file that is not a part, and a missing one, in one line")
    func concatRefusesStrangers() throws {
        let folder = TemporaryDirectory("split-cli-stranger")
        _ = try GroundTruthScene(directory: folder.file("p"), steps: 6)
        _ = try ProcessRunner.parallax(["render", folder.file("p"), "-o", folder.file("whole.mkv"), "--codec", "ffv1", "-q"])
        for part in [folder.file("whole.mkv"), folder.file("missing.mkv")] {
            let result = try ProcessRunner.parallax(["concat", "-o", folder.file("out.mkv"), part])
            #expect(!result.succeeded)
            #expect(result.standardError.contains(part), "\(result.standardError)")
            #expect(result.standardError.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "\n").count == 1)
            #expect(!FileManager.default.fileExists(atPath: folder.file("out.mkv")))
        }
    }

    @Test("concat refuses to write over one of its parts or the project's scene")
    func concatNeverReplacesAnInput() throws {
        let folder = TemporaryDirectory("split-cli-over")
        _ = try GroundTruthScene(directory: folder.file("p"), steps: 6)
        let first = folder.file("a.mkv"), second = folder.file("b.mkv")
        _ = try ProcessRunner.parallax(["render", folder.file("p"), "-o", first, "--codec", "ffv1", "--frames", "0:20", "-q"])
        _ = try ProcessRunner.parallax(["render", folder.file("p"), "-o", second, "--codec", "ffv1", "--frames", "20:45", "-q"])
        let before = try Data(contentsOf: URL(fileURLWithPath: first))
        let result = try ProcessRunner.parallax(["concat", "-o", first, first, second])
        #expect(result.status == 1)
        #expect(result.standardError.contains("would replace a part being joined"), "\(result.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == before)
        let scene = folder.file("p/scene.json")
        let overScene = try ProcessRunner.parallax(["concat", "-o", scene, "--container", "matroska", "--project", folder.file("p"), first, second])
        #expect(overScene.standardError.contains("would replace the scene file"), "\(overScene.standardError)")
    }
}
