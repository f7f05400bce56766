import Foundation
import ParallaxCore
import Testing
import TestSupport

/// `parallax graph` prints a command the ffmpeg on PATH runs, and FFmpeg 9 (imageio-ffmpeg's
/// static build) renders from the script the frames the in-process render (FFmpeg 5.1's
/// libraries) gives, in lossless FFV1.
@Suite("Commands for today's FFmpeg")
struct CurrentFFmpegTests {
    /// Renders in-process, then runs the printed command with FFmpeg 9 first on PATH.
    func renderBothWays(_ project: String, in folder: TemporaryDirectory) throws -> (inProcess: String, stock: String, line: String) {
        let inProcess = folder.file("in-process.mkv")
        let render = try ProcessRunner.parallax(["render", project, "-o", inProcess, "--codec", "ffv1", "--quiet"])
        #expect(render.succeeded, "\(render.standardError)")
        let environment = CurrentFFmpeg.environment(withFirstOnPath: try CurrentFFmpeg.pathFolder(in: folder))
        let stock = folder.file("stock.mkv")
        let graph = try ProcessRunner.run(ProcessRunner.parallaxExecutable,
                                          ["graph", project, "-o", stock, "--script", folder.file("g.lavfi"), "--codec", "ffv1"],
                                          environment: environment)
        #expect(graph.succeeded, "\(graph.standardError)")
        let line = graph.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let ran = try ProcessRunner.run("/bin/sh", ["-c", line + " -v error"], environment: environment)
        #expect(ran.succeeded, "FFmpeg 9 could not run the printed command: \(ran.standardError)")
        return (inProcess, stock, line)
    }

    @Test("graph reads the version of the ffmpeg on PATH: -/filter_complex for FFmpeg 9")
    func commandSuitsTheFFmpegOnPath() throws {
        let folder = TemporaryDirectory("ffmpeg9")
        _ = try GroundTruthScene(directory: folder.path, steps: 3)
        let environment = CurrentFFmpeg.environment(withFirstOnPath: try CurrentFFmpeg.pathFolder(in: folder))
        let arguments = ["graph", folder.path, "-o", folder.file("o.mp4"), "--script", folder.file("g.lavfi")]
        let current = try ProcessRunner.run(ProcessRunner.parallaxExecutable, arguments, environment: environment)
        #expect(current.standardOutput.contains(" -/filter_complex "))
        #expect(!current.standardOutput.contains("-filter_complex_script"))
        // The Debian 12 ffmpeg (5.1) first on PATH: the old option.
        let old = try ProcessRunner.parallax(arguments)
        #expect(old.standardOutput.contains(" -filter_complex_script "))
        // Another machine's release, whatever is on PATH.
        let forced = try ProcessRunner.run(ProcessRunner.parallaxExecutable, arguments + ["--ffmpeg-version", "5.1"],
                                           environment: environment)
        #expect(forced.standardOutput.contains(" -filter_complex_script "))
        let bad = try ProcessRunner.parallax(arguments + ["--ffmpeg-version", "latest"])
        #expect(bad.status == 64)
        #expect(bad.standardError.contains("--ffmpeg-version"))
    }

    @Test("FFmpeg 9 running the printed command gives the in-process frames (framemd5) for a plain scene")
    func plainSceneMatches() throws {
        let folder = TemporaryDirectory("ffmpeg9")
        let project = folder.file("p")
        _ = try GroundTruthScene(directory: project, direction: 30, steps: 4)
        let (inProcess, stock, line) = try renderBothWays(project, in: folder)
        #expect(line.contains("-/filter_complex"))
        let expected = try VideoInspection.frameMD5s(inProcess)
        #expect(expected.count > 10)
        #expect(try VideoInspection.frameMD5s(stock) == expected)
    }

    @Test("FFmpeg 9 gives the same frames with effects and sound; the sound agrees to a float's last bit")
    func effectsAndSoundMatch() throws {
        let folder = TemporaryDirectory("ffmpeg9")
        let project = folder.file("p")
        _ = try GroundTruthScene(directory: project, steps: 4)
        let sceneFile = URL(fileURLWithPath: project + "/scene.json")
        var scene = try JSONSerialization.jsonObject(with: Data(contentsOf: sceneFile)) as! [String: Any]
        scene["effects"] = [["type": "fog", "layers": ["layer0"]], ["type": "grain"], ["type": "rain", "density": 1],
                            ["type": "vignette"], ["type": "fadein", "seconds": 0.3]]
        scene["audio"] = ["layers": [["layer": "layer0", "noise": "wind"], ["layer": "layer1", "noise": "water"]],
                          "bed": ["noise": "brown", "volume": 0.3], "fadeOut": 0.5] as [String: Any]
        try JSONSerialization.data(withJSONObject: scene).write(to: sceneFile)
        let (inProcess, stock, _) = try renderBothWays(project, in: folder)
        let expected = try Self.videoFrameMD5s(inProcess)
        #expect(expected.count > 10)
        #expect(try Self.videoFrameMD5s(stock) == expected, "video differs between FFmpeg 5.1 and 9")
        // The mix is float arithmetic: FFmpeg 9's DSP code rounds a few samples differently in
        // the last bit (measured: at most 1.7e-7, about -135 dB). Same length, no audible change.
        let a = try Self.samples(inProcess), b = try Self.samples(stock)
        #expect(a.count == b.count && a.count > 10_000)
        let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 1
        #expect(worst < 1e-6, "sound differs by \(worst)")
        #expect(a.contains { abs($0) > 0.01 }, "the mix is silent")
    }

    /// framemd5 of the video stream only.
    static func videoFrameMD5s(_ path: String) throws -> [String] {
        let result = try ProcessRunner.run(VideoInspection.ffmpeg, ["-v", "error", "-i", path, "-map", "0:v", "-f", "framemd5", "-"])
        guard result.succeeded else { throw InspectionError(result.standardError) }
        return result.standardOutput.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }

    /// The decoded sound as 32-bit float samples.
    static func samples(_ path: String) throws -> [Float] {
        let folder = TemporaryDirectory("pcm")
        let raw = folder.file("sound.f32")
        let result = try ProcessRunner.run(VideoInspection.ffmpeg, ["-v", "error", "-i", path, "-map", "0:a", "-f", "f32le", raw])
        guard result.succeeded else { throw InspectionError(result.standardError) }
        let data = try Data(contentsOf: URL(fileURLWithPath: raw))
        return data.withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
    }
}
