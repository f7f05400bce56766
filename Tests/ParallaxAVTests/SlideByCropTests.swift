import Foundation
import ParallaxCore
import Testing
import TestSupport

/// Bands moving along one axis slide by a per-frame crop of a picture made once per step; the
/// frames must be exactly those of the per-frame canvas overlays they replace.
@Suite("Slide by crop")
struct SlideByCropTests {
    /// Stock ffmpeg's frames of `plan`'s graph in lossless RGB, by either slide.
    func frames(_ scene: GroundTruthScene, byCrop: Bool) throws -> [String] {
        var builder = RenderGraphBuilder(plan: scene.plan, stepPattern: scene.project.folder.imageSequencePattern,
                                         settings: RenderSettings(video: VideoEncoding(codec: .ffv1)))
        builder.slidesByCropWhereExact = byCrop
        builder.finish(builder.effectedFrames(), encoding: VideoEncoding(codec: .ffv1))
        // The crop path's canvases run at the step rate, the overlay path's at the output rate.
        #expect(builder.graph.script.contains(":r=\(scene.plan.stepsPerSecond.description)") == byCrop)
        let result = try ProcessRunner.run(VideoInspection.ffmpeg, [
            "-nostdin", "-v", "error", "-filter_complex", builder.graph.script, "-map", "[vout]", "-f", "framemd5", "-",
        ])
        #expect(result.succeeded, "\(result.standardError)")
        return result.standardOutput.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }

    @Test("cropping a per-step picture gives the per-frame overlays' frames, bit for bit", arguments: [
        (180.0, 13.7, "4", "30"), (0, 9.3, "7/3", "24"), (90, 7.55, "4", "30000/1001"), (270, 11.5, "5", "60"),
        (180, 0.4, "4", "30"),
    ])
    func cropEqualsOverlays(direction: Double, stepShift: Double, rate: String, fps: String) throws {
        let folder = TemporaryDirectory("slide-crop")
        let scene = try GroundTruthScene(directory: folder.file("p"), width: 96, height: 64, direction: direction,
                                         layers: [(20, 0.3), (17, 0.0), (27, 1.0)], stepShift: stepShift,
                                         stepsPerSecond: rate, fps: fps, steps: 5)
        let byCrop = try frames(scene, byCrop: true)
        #expect(byCrop.count == scene.plan.frameCount)
        #expect(byCrop == (try frames(scene, byCrop: false)))
    }
}
