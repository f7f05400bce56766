import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// The parity oracle: stock ffmpeg running the emitted script decodes to the same frames as the
/// in-process render.
@Suite("Parity with stock ffmpeg")
struct ParityTests {
    @Test("in-process and ffmpeg-from-script renders decode identically", arguments: [VideoCodec.ffv1])
    func framesMatch(codec: VideoCodec) throws {
        let folder = TemporaryDirectory("parity")
        let scene = try GroundTruthScene(directory: folder.path, direction: 30, stepsPerSecond: "7", fps: "24", steps: 4)
        let ext = codec == .h264 ? "mp4" : "mkv"
        let encoding = VideoEncoding(codec: codec)
        let job = try RenderJob(project: scene.project, settings: RenderSettings(video: encoding))
        let inProcess = folder.file("inprocess.\(ext)")
        try job.render(to: inProcess)

        let script = folder.file("graph.lavfi")
        try job.graph.script.write(toFile: script, atomically: true, encoding: .utf8)
        let stock = folder.file("stock.\(ext)")
        var arguments = FFmpegCommand(scriptPath: script, outputPath: stock, encoding: encoding).arguments
        arguments.removeFirst()
        let result = try ProcessRunner.run(VideoInspection.ffmpeg, ["-v", "error"] + arguments)
        #expect(result.succeeded, "\(result.standardError)")

        let expected = try VideoInspection.frameMD5s(inProcess)
        #expect(expected.count == scene.plan.frameCount)
        #expect(try VideoInspection.frameMD5s(stock) == expected)
    }
}
