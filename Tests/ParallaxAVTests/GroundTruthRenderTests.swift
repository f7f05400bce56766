import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// The ground-truth oracle: steps cut from a known canvas; every band of every rendered frame must
/// show that canvas at the exact offset u·v (±1 px), pixel-identical in lossless RGB output.
@Suite("Ground truth renders")
struct GroundTruthRenderTests {
    @Test("every band of every frame sits at u·v, for any angle and non-integer fps/rate ratios",
          arguments: [0.0, 90, 180, 270, 30, 225], [("4", "30"), ("7", "24")])
    func bandsSitAtExactOffsets(direction: Double, rates: (String, String)) throws {
        let folder = TemporaryDirectory("groundtruth")
        let scene = try GroundTruthScene(directory: folder.path, direction: direction,
                                         stepsPerSecond: rates.0, fps: rates.1, steps: 5)
        let output = folder.file("out.mkv")
        let job = try RenderJob(project: scene.project, settings: RenderSettings(video: VideoEncoding(codec: .ffv1)))
        try job.render(to: output)

        let plan = scene.plan
        let frames = try VideoInspection.rgbFrames(output, width: plan.width, height: plan.height)
        #expect(frames.count == plan.frameCount)
        for (index, frame) in frames.enumerated() {
            let time = plan.clock.stepTime(atFrame: index)
            for (layerIndex, layer) in plan.layers.enumerated() {
                let expected = time * layer.velocity
                let known = GroundTruthScene.knownRegion(plan: plan, layer: layer, frame: index)
                let unknown = known.filter { !$0 }.count
                let corners = 2 * Int(abs(layer.velocity.x).rounded(.up)) * Int(abs(layer.velocity.y).rounded(.up))
                #expect(unknown <= corners, "frame \(index) layer \(layerIndex): \(unknown) px excluded")
                let match = GroundTruthScene.bestOffset(in: frame, layerIndex: layerIndex, layer: layer,
                                                        expected: expected, search: 1, known: known)
                #expect(match.meanError == 0, "frame \(index) layer \(layerIndex): no exact match near \(expected)")
                #expect(abs(Double(match.offset.x) - expected.x) <= 1 && abs(Double(match.offset.y) - expected.y) <= 1,
                        "frame \(index) layer \(layerIndex): at \(match.offset), expected \(expected)")
            }
        }
    }

    @Test("a still layer never moves and odd sizes render in H.264")
    func stillLayerAndOddSize() throws {
        let folder = TemporaryDirectory("groundtruth")
        let scene = try GroundTruthScene(directory: folder.path, width: 95, height: 63,
                                         layers: [(20, 0), (43, 1)], steps: 3)
        let output = folder.file("odd.mp4")
        try RenderJob(project: scene.project, settings: RenderSettings()).render(to: output)
        let info = try VideoInspection.probe(output, entries: "stream=width,height,pix_fmt,codec_name")
        #expect(info["codec_name"] == "h264" && info["pix_fmt"] == "yuv420p")
        #expect(info["width"] == "96" && info["height"] == "64")
    }

    @Test("memory does not grow with the video's length: frames stream through")
    func compositingStreams() throws {
        let folder = TemporaryDirectory("groundtruth")
        let scene = try GroundTruthScene(directory: folder.path, steps: 4)
        var frames = 0
        try RenderJob(project: scene.project, settings: RenderSettings()).composite { frames = $0 }
        #expect(frames == scene.plan.frameCount)
    }
}
