import Foundation
import FilterGraph
import ParallaxCore
import Testing
import TestSupport

/// Stacked bands of a 4:2:0 video are composited in 4:4:4 YUV, each step converted once: the
/// composited frames must be exactly today's RGB frames converted once per frame.
@Suite("Compositing in 4:4:4 YUV")
struct YUVCompositingTests {
    /// Stock ffmpeg's framemd5 of the composited frames as 4:4:4 YUV, composited either way.
    func frames(_ scene: GroundTruthScene, inYUV: Bool, byCrop: Bool) throws -> [String] {
        var builder = RenderGraphBuilder(plan: scene.plan, stepPattern: scene.project.folder.imageSequencePattern)
        builder.compositesInYUV = inYUV
        builder.slidesByCropWhereExact = byCrop
        // The 4:4:4 composite itself, before any subsample (SubsamplePerStepTests compares those).
        builder.subsamplesPerStepWhereExact = false
        let frames = builder.effectedFrames()
        var graph = builder.graph
        graph.chain([frames], inYUV ? [Filter("null")] : [
            Filter("scale", ["flags": "bicubic+accurate_rnd+full_chroma_int", "out_color_matrix": "bt709", "out_range": "tv"]),
            Filter("format", ["pix_fmts": "yuv444p"]),
        ], output: RenderGraph.videoOutput)
        let script = graph.script
        #expect(script.contains("yuv444p[yuvsteps") == inYUV)
        let result = try ProcessRunner.run(VideoInspection.ffmpeg, [
            "-nostdin", "-v", "error", "-filter_complex", script, "-map", "[vout]", "-f", "framemd5", "-",
        ])
        #expect(result.succeeded, "\(result.standardError)")
        return result.standardOutput.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }

    @Test("bands composited in 4:4:4 YUV are the RGB-composited frames converted once", arguments: [
        (180.0, true), (90, true), (30, false),
    ])
    func yuvEqualsRGBConvertedOnce(direction: Double, byCrop: Bool) throws {
        let folder = TemporaryDirectory("yuv-composite")
        let scene = try GroundTruthScene(directory: folder.file("p"), width: 96, height: 64, direction: direction,
                                         layers: [(20, 0.3), (17, 0.0), (27, 1.0)], stepShift: 9.3,
                                         stepsPerSecond: "7/3", fps: "24", steps: 5)
        let yuv = try frames(scene, inYUV: true, byCrop: byCrop)
        #expect(yuv.count == scene.plan.frameCount)
        #expect(yuv == (try frames(scene, inYUV: false, byCrop: byCrop)))
    }

    @Test("only 4:2:0 renders of stacked bands with exact motion, no effects and no preview composite in YUV")
    func whenYUVApplies() throws {
        let scene = Scene(direction: Direction(degrees: 180), stepShift: 8, steps: 4, layers: [
            Layer(name: "sky", height: 24, depth: .speed(0.5)), Layer(name: "near", height: nil, depth: .speed(1)),
        ])
        let plan = try MotionPlan(scene: scene, width: 96, height: 64, file: "s")
        #expect(RenderGraphBuilder.compositesInYUV(plan: plan, settings: RenderSettings()))
        #expect(RenderGraph(plan: plan, stepPattern: "p", settings: RenderSettings()).script.contains("format=pix_fmts=yuv444p[yuvsteps0]"))
        for codec in [VideoCodec.ffv1, .png, .prores, .gif] {
            #expect(!RenderGraphBuilder.compositesInYUV(plan: plan, settings: RenderSettings(video: VideoEncoding(codec: codec))))
        }
        #expect(!RenderGraphBuilder.compositesInYUV(plan: plan, settings: RenderSettings(interpolation: .blend)))
    }
}
