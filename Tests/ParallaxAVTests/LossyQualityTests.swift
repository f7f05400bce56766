import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// The lossy half of the ground-truth oracle: a detailed picture, slid by a perfect inpainter (the
/// picture wraps around), rendered with the default H.264 settings, stays about 30 dB or better
/// from the exact frames.
@Suite("Lossy quality")
struct LossyQualityTests {
    static let landscape = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/landscape.png").path

    @Test("the default H.264 render of a slid photograph is within 30 dB PSNR of the exact frames")
    func defaultEncodeKeepsDetail() throws {
        let photo = try PNGImage.read(Self.landscape)
        let folder = TemporaryDirectory("lossy")
        let scene = Scene(direction: Direction(degrees: 180), stepShift: 12, steps: 4, layers: [
            Layer(name: "far", height: 135, depth: .speed(0.25)),
            Layer(name: "near", height: nil, depth: .speed(1)),
        ])
        try FileManager.default.createDirectory(atPath: folder.path + "/steps", withIntermediateDirectories: true)
        try SceneFile.encode(scene).write(to: URL(fileURLWithPath: folder.file("scene.json")))
        let plan = try MotionPlan(scene: scene, width: photo.width, height: photo.height, file: "scene.json")
        for step in 0...plan.steps {
            let offsets = plan.layers.map { $0.offset(afterSteps: step) }
            try PNGImage.write(Self.slid(photo, plan: plan, offsets: offsets), to: StepFolder(projectDirectory: folder.path).stepPath(step))
        }
        let output = folder.file("out.mp4")
        try RenderJob(project: Project(path: folder.path), settings: RenderSettings()).render(to: output)

        let frames = try VideoInspection.rgbFrames(output, width: photo.width, height: photo.height)
        #expect(frames.count == plan.frameCount)
        var squaredError = 0.0, samples = 0.0
        for (index, frame) in frames.enumerated() {
            let time = plan.clock.stepTime(atFrame: index)
            let expected = Self.slid(photo, plan: plan, offsets: plan.layers.map { $0.offset(atStepTime: time) })
            for (a, b) in zip(frame.pixels, expected.pixels) {
                let difference = Double(a) - Double(b)
                squaredError += difference * difference
            }
            samples += Double(frame.pixels.count)
        }
        let psnr = 10 * log10(255 * 255 / (squaredError / samples))
        #expect(psnr >= 30, "PSNR \(psnr) dB")
    }

    /// Each band of the photograph moved by its offset, wrapping around horizontally.
    static func slid(_ photo: Raster, plan: MotionPlan, offsets: [PixelOffset]) -> Raster {
        var frame = photo
        for (index, layer) in plan.layers.enumerated() {
            for y in layer.rows {
                for x in 0..<photo.width {
                    let source = ((x - offsets[index].x) % photo.width + photo.width) % photo.width
                    for channel in 0..<3 { frame[x, y, channel] = photo[source, y, channel] }
                }
            }
        }
        return frame
    }
}
