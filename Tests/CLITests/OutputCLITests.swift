import Foundation
import ParallaxCore
import Testing
import TestSupport

/// The new flags and the `sheet` command, run through the built `parallax` binary.
@Suite struct OutputCLITests {
    func project() throws -> (TemporaryDirectory, String) {
        let directory = TemporaryDirectory("cli-output")
        _ = try GroundTruthScene(directory: directory.file("project"))
        return (directory, directory.file("project"))
    }

    @Test func sheetWritesEvenlySpacedFramesTiledIntoOnePNG() throws {
        let (directory, project) = try project()
        let sheet = directory.file("sheet.png")
        let result = try ProcessRunner.parallax(["sheet", project, "-o", sheet, "--frames", "6", "--columns", "3", "--thumbnail-width", "48"])
        #expect(result.succeeded, "\(result.standardError)")
        #expect(result.standardOutput.contains("6 frames of 45"))
        let size = try PNGHeader.size(ofFile: sheet)
        // 3 × 48 wide and 2 × 32 high, with 2-pixel gaps and margins.
        #expect(size.width == 3 * 48 + 2 * 2 + 2 * 2)
        #expect(size.height == 2 * 32 + 2 + 2 * 2)
    }

    @Test func renderChoosesTheFormatByExtensionAndPreviewIsSmall() throws {
        let (directory, project) = try project()
        let gif = directory.file("clip.gif")
        #expect(try ProcessRunner.parallax(["render", project, "-o", gif, "-q"]).succeeded)
        #expect(try VideoInspection.probe(gif, entries: "stream=codec_name")["codec_name"] == "gif")
        let preview = directory.file("preview.mp4")
        #expect(try ProcessRunner.parallax(["render", project, "-o", preview, "--preview", "-q"]).succeeded)
        #expect(try VideoInspection.probe(preview, entries: "stream=width")["width"] == "48")
    }

    @Test func graphPrintsACommandThatLoopsTheSameWay() throws {
        let (directory, project) = try project()
        let result = try ProcessRunner.parallax(["graph", project, "-o", directory.file("loop.mp4"),
                                                 "--script", directory.file("loop.lavfi"), "--loop", "pingpong"])
        #expect(result.succeeded, "\(result.standardError)")
        let script = try String(contentsOfFile: directory.file("loop.lavfi"), encoding: .utf8)
        // Straight bands: the backward half runs time backward over the steps read in descending
        // order (joined by the concat protocol), not `reverse` over the forward frames.
        #expect(!script.contains("reverse") && script.contains("format_name=png_pipe") && script.contains("concat=n=2:v=1:a=0"))
    }

    @Test func badFlagsAndSceneKeysGiveOneLineAndNoOutput() throws {
        let (directory, project) = try project()
        let output = directory.file("out.mp4")
        let badMode = try ProcessRunner.parallax(["render", project, "-o", output, "--interpolation", "smooth"])
        #expect(!badMode.succeeded)
        #expect(badMode.standardError.contains("--interpolation must be one of exact, minterpolate, blend, crossfade"))
        // A scene whose crossfade loop is longer than half the video.
        let sceneFile = project + "/scene.json"
        var scene = try SceneFile.load(sceneFile)
        scene.extensions["loop"] = .object(["mode": .string("crossfade"), "seconds": .number(2)])
        try SceneFile.encode(scene).write(to: URL(fileURLWithPath: sceneFile))
        let badLoop = try ProcessRunner.parallax(["render", project, "-o", output])
        #expect(!badLoop.succeeded)
        #expect(badLoop.standardError.contains("scene.json: loop.seconds: a 2.0 s crossfade needs a video at least twice as long (it has 45 frames)"))
        #expect(!FileManager.default.fileExists(atPath: output))
    }
}
