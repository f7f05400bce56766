import Foundation
import ParallaxAV
import ParallaxCore
import ParallaxGenerate
import TestSupport

/// A synthetic landscape with a wavy skyline: a smooth blue sky over green, noisy ground, the
/// boundary between them given in scene.json as the ground layer's top row per column. Sky and
/// ground are told apart by colour alone (ground: green above blue), so a test can find the
/// skyline in any frame.
struct WavySkylineScene {
    static let width = 192, height = 96

    let directory: String
    let project: Project
    var plan: MotionPlan { project.plan }

    /// The true skyline: the first ground row in each column.
    static let ridge: [Int] = (0..<width).map { x in Int((48 + 10 * sin(2 * Double.pi * Double(x) / 64)).rounded()) }

    static func image() -> Raster {
        var generator = SeededGenerator(seed: 5)
        var raster = Raster(width: width, height: height, channels: 3)
        for y in 0..<height {
            for x in 0..<width {
                let noise = Int(generator.next() % 37) - 18
                let base = raster.index(x: x, y: y)
                if y >= ridge[x] {
                    raster.pixels[base] = UInt8(60 + noise)
                    raster.pixels[base + 1] = UInt8(130 + noise)
                    raster.pixels[base + 2] = UInt8(40 + noise / 2)
                } else {
                    raster.pixels[base] = UInt8(90 + y / 4 + noise / 6)
                    raster.pixels[base + 1] = UInt8(150 + y / 3 + noise / 6)
                    raster.pixels[base + 2] = UInt8(215 + noise / 6)
                }
            }
        }
        return raster
    }

    static func isGround(_ frame: Raster, x: Int, y: Int) -> Bool {
        frame[x, y, 1] > frame[x, y, 2]
    }

    /// Writes the project; `stepsPerSecond`/`fps` as given, sky at a quarter of the ground's speed.
    init(directory: String, steps: Int = 5, stepShift: Double = 8, fps: Int = 12) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try PNGImage.write(Self.image(), to: directory + "/input.png")
        let scene = Scene(image: "input.png", direction: Direction(degrees: 180), stepShift: stepShift,
                          stepsPerSecond: Rational(4), fps: Rational(fps), steps: steps, layers: [
                              Layer(name: "sky", height: 48, depth: .speed(0.25)),
                              Layer(name: "ground", height: nil, depth: .speed(1), boundary: Self.ridge),
                          ])
        try SceneFile.encode(scene).write(to: URL(fileURLWithPath: directory + "/scene.json"))
        project = try Project(path: directory)
    }

    @discardableResult
    func generate(seed: UInt64 = 3) throws -> GenerateSummary {
        try StepLoop(project: project, inpainter: BuiltinInpainter(), settings: GenerateSettings(seed: seed)).run()
    }
}
