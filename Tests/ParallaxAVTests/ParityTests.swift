import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// The parity oracle: stock ffmpeg running the emitted script decodes to the same frames as the
/// in-process render, and the in-process render gives the same frames every time.
@Suite("Parity with stock ffmpeg")
struct ParityTests {
    /// An in-process render runs in a long-lived process whose heap differs from run to run;
    /// several renders catch an encoder that reads memory it never wrote (libx264's AVX-512
    /// MB-tree code does: its B-frames changed between renders until H.264 was capped at AVX2).
    static let inProcessRenders = 3

    @Test("repeated in-process renders and ffmpeg-from-script renders decode identically",
          arguments: [(VideoCodec.h264, 30.0), (.ffv1, 30), (.h264, 180), (.ffv1, 90)])
    func framesMatch(codec: VideoCodec, direction: Double) throws {
        let folder = TemporaryDirectory("parity")
        // A real picture, not noise: MB-tree only shapes B-frames when blocks are worth predicting.
        // Oblique motion slides by per-frame overlays, motion along an axis by cropping a
        // per-step picture: both are checked.
        let scene = try TestPatternScene(directory: folder.path, direction: direction, stepsPerSecond: "7", fps: "24", steps: 4)
        let ext = codec == .h264 ? "mp4" : "mkv"
        let job = try RenderJob(project: scene.project, settings: RenderSettings(video: VideoEncoding(codec: codec)))

        let stock = folder.file("stock.\(ext)")
        let result = try VideoInspection.renderWithStockFFmpeg(job, scriptPath: folder.file("graph.lavfi"), output: stock)
        #expect(result.succeeded, "\(result.standardError)")
        let expected = try VideoInspection.frameMD5s(stock)
        #expect(expected.count == scene.plan.frameCount)

        for render in 1...Self.inProcessRenders {
            let inProcess = folder.file("inprocess-\(render).\(ext)")
            try job.render(to: inProcess)
            #expect(try VideoInspection.frameMD5s(inProcess) == expected,
                    "in-process render \(render) of \(Self.inProcessRenders) differs from stock ffmpeg")
        }
    }
}
