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

    /// A red tower standing across the skyline: the object of the object tests.
    static let tower = PixelBox(x: 120, y: 30, width: 12, height: 40)

    static func isTower(_ frame: Raster, x: Int, y: Int) -> Bool {
        frame[x, y, 0] > 180 && frame[x, y, 1] < 90
    }

    /// Writes the project; `stepsPerSecond`/`fps` as given, sky at a quarter of the ground's speed.
    /// With `tower`, the picture has a red tower that is an object moving at twice the ground's speed.
    init(directory: String, steps: Int = 5, stepShift: Double = 8, fps: Int = 12, tower: Bool = false) throws {
        self.directory = directory
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        var image = Self.image()
        var objects: [SceneObject] = []
        if tower {
            var mask = Raster(width: Self.width, height: Self.height, channels: 1)
            var generator = SeededGenerator(seed: 8)
            let box = Self.tower
            for y in box.y..<box.maxY {
                for x in box.x..<box.maxX {
                    mask[x, y, 0] = 255
                    image[x, y, 0] = UInt8(200 + generator.next() % 50)
                    image[x, y, 1] = UInt8(generator.next() % 60)
                    image[x, y, 2] = UInt8(generator.next() % 60)
                }
            }
            try PNGImage.write(mask, to: directory + "/tower.png")
            objects = [SceneObject(name: "tower", mask: "tower.png", depth: .speed(1), box: box)]
        }
        try PNGImage.write(image, to: directory + "/input.png")
        let scene = Scene(image: "input.png", direction: Direction(degrees: 180), stepShift: stepShift,
                          stepsPerSecond: Rational(4), fps: Rational(fps), steps: steps, layers: [
                              Layer(name: "sky", height: 48, depth: .speed(tower ? 0.125 : 0.25)),
                              Layer(name: "ground", height: nil, depth: .speed(tower ? 0.5 : 1), boundary: Self.ridge),
                          ], objects: objects)
        try SceneFile.encode(scene).write(to: URL(fileURLWithPath: directory + "/scene.json"))
        project = try Project(path: directory)
    }

    @discardableResult
    func generate(seed: UInt64 = 3, edges: EdgeContinuation = .follow) throws -> GenerateSummary {
        try StepLoop(project: project, inpainter: BuiltinInpainter(), settings: GenerateSettings(seed: seed, edges: edges)).run()
    }
}
