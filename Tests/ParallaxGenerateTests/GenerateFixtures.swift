import Foundation
import ParallaxAV
import ParallaxCore
import ParallaxGenerate
import TestSupport

/// Small deterministic inputs for the generation tests.
enum GenerateFixtures {
    /// A smooth landscape-like picture with texture: sky gradient, hills, a noisy shore.
    static func image(width: Int = 96, height: Int = 64) -> Raster {
        var raster = Raster(width: width, height: height, channels: 3)
        for y in 0..<height {
            for x in 0..<width {
                let noise = Int(GroundTruthScene.canvas(layer: 0, x: x, y: y).0 % 24)
                let hill = Double(height) * (0.45 + 0.1 * sin(Double(x) / 9))
                let base = raster.index(x: x, y: y)
                if Double(y) < hill {
                    raster.pixels[base] = UInt8(90 + y)
                    raster.pixels[base + 1] = UInt8(140 + y / 2)
                    raster.pixels[base + 2] = UInt8(220 - noise)
                } else {
                    raster.pixels[base] = UInt8(40 + noise + (x * 3) % 40)
                    raster.pixels[base + 1] = UInt8(100 + noise)
                    raster.pixels[base + 2] = UInt8(30 + (y * 2) % 50)
                }
            }
        }
        return raster
    }

    /// Distinct values everywhere, so a moved pixel can be traced to its source.
    static func noise(width: Int, height: Int) -> Raster {
        var raster = Raster(width: width, height: height, channels: 3)
        for y in 0..<height {
            for x in 0..<width {
                let color = GroundTruthScene.canvas(layer: 7, x: x, y: y)
                let base = raster.index(x: x, y: y)
                raster.pixels[base] = color.0
                raster.pixels[base + 1] = color.1
                raster.pixels[base + 2] = color.2
            }
        }
        return raster
    }

    static func writeImage(_ path: String, width: Int = 96, height: Int = 64) throws {
        try PNGImage.write(image(width: width, height: height), to: path)
    }

    /// A project folder with scene.json and input.png.
    static func project(in directory: String, width: Int = 96, height: Int = 64, direction: Double = 180,
                        stepShift: Double = 8, steps: Int? = 6,
                        layers: [Layer] = [Layer(name: "far", height: 24, depth: .speed(0.5)),
                                           Layer(name: "near", height: nil, depth: .speed(1))]) throws -> Project {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try writeImage(directory + "/input.png", width: width, height: height)
        let scene = Scene(image: "input.png", direction: Direction(degrees: direction), stepShift: stepShift,
                          stepsPerSecond: Rational(4), fps: Rational(12), steps: steps, layers: layers)
        try SceneFile.encode(scene).write(to: URL(fileURLWithPath: directory + "/scene.json"))
        return try Project(path: directory)
    }

    static func plan(width: Int, height: Int, direction: Double, stepShift: Double = 8, layers: [Layer]) throws -> MotionPlan {
        let scene = Scene(direction: Direction(degrees: direction), stepShift: stepShift, steps: 10, layers: layers)
        return try MotionPlan(scene: scene, width: width, height: height, file: "test")
    }

    /// Bytes of every step image, in order.
    static func stepBytes(_ directory: String, steps: Int) -> [Data] {
        let folder = StepFolder(projectDirectory: directory)
        return (0...steps).map { FileManager.default.contents(atPath: folder.stepPath($0)) ?? Data() }
    }

    static var python: String? { ProcessRunner.which("python3") }

    /// docs/inpainters/ in the package (found from this source file's path).
    static var inpaintersDirectory: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("docs/inpainters").path
    }

    static var hasOpenCV: Bool {
        guard let python else { return false }
        return (try? ProcessRunner.run(python, ["-c", "import cv2"]).succeeded) ?? false
    }
}
