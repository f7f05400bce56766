import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// The ground-truth oracle: steps cut from a known canvas; every band of every rendered frame must
/// show that canvas at exactly round(u·v), the code's rule, pixel-identical in lossless RGB output.
/// (DESIGN.md allows ±1 px in general; with a lossless render nothing excuses a pixel, and a
/// floor/ceil rounding or a one-frame lag would hide inside ±1 px.)
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
                let expected = layer.offset(atStepTime: time)
                let known = GroundTruthScene.knownRegion(plan: plan, layer: layer, frame: index)
                let unknown = known.filter { !$0 }.count
                let corners = 2 * Int(abs(layer.velocity.x).rounded(.up)) * Int(abs(layer.velocity.y).rounded(.up))
                #expect(unknown <= corners, "frame \(index) layer \(layerIndex): \(unknown) px excluded")
                let match = GroundTruthScene.bestOffset(
                    in: frame, layerIndex: layerIndex, layer: layer,
                    expected: Vector(x: Double(expected.x), y: Double(expected.y)), search: 0, known: known)
                #expect(match.meanError == 0,
                        "frame \(index) layer \(layerIndex): not the canvas at round(u·v) = \(expected)")
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

        // The still layer (rows 0..<20) shows its canvas unmoved, pixel for pixel, in every frame
        // of a lossless render of the same odd-sized scene.
        let lossless = folder.file("odd.mkv")
        try RenderJob(project: scene.project, settings: RenderSettings(video: VideoEncoding(codec: .ffv1)))
            .render(to: lossless)
        let plan = scene.plan
        let frames = try VideoInspection.rgbFrames(lossless, width: plan.width, height: plan.height)
        #expect(frames.count == plan.frameCount)
        for (index, frame) in frames.enumerated() {
            let error = Self.meanError(frame, layer: plan.layers[0], offset: PixelOffset(x: 0, y: 0), width: plan.width)
            #expect(error == 0, "frame \(index): the still layer differs from its canvas at rest by \(error)")
        }
    }

    /// Mean absolute difference between layer 0's band in `frame` (first `width` columns) and its
    /// canvas moved by `offset`.
    static func meanError(_ frame: Raster, layer: LayerMotion, offset: PixelOffset, width: Int) -> Double {
        var total = 0
        for y in layer.rows {
            for x in 0..<width {
                let color = GroundTruthScene.canvas(layer: 0, x: x - offset.x, y: (y - layer.top) - offset.y)
                let base = frame.index(x: x, y: y)
                total += abs(Int(frame.pixels[base]) - Int(color.0)) + abs(Int(frame.pixels[base + 1]) - Int(color.1))
                    + abs(Int(frame.pixels[base + 2]) - Int(color.2))
            }
        }
        return Double(total) / Double(layer.height * width * 3)
    }

    /// What this guards is delivery, not memory: compositing alone hands out every frame once, in
    /// order, as it is made. Peak memory against the video's length is measured on whole
    /// processes by `ConstantMemoryTests`.
    @Test("compositing without encoding delivers every frame once, in order")
    func compositingDeliversEveryFrameInOrder() throws {
        let folder = TemporaryDirectory("groundtruth")
        let scene = try GroundTruthScene(directory: folder.path, steps: 4)
        var reported: [Int] = []
        try RenderJob(project: scene.project, settings: RenderSettings()).composite { reported.append($0) }
        #expect(reported == Array(1...scene.plan.frameCount))
    }
}
