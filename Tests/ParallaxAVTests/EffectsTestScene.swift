import Foundation
import ParallaxAV
import ParallaxCore
import TestSupport

/// A tiny ground-truth project with extra scene keys (effects, audio, loop), rendered in-process.
struct EffectsTestScene {
    let directory: TemporaryDirectory
    let project: Project

    /// 96×64, two layers moving left (layer0 slow on top, layer1 fast below), 6 steps at 4 steps/s
    /// and 30 fps: 45 frames.
    init(extensions: [String: JSONValue] = [:], steps: Int = 6, direction: Double = 180, prefix: String = "fx",
         texture: GroundTruthScene.Texture = .noise) throws {
        directory = TemporaryDirectory(prefix)
        let truth = try GroundTruthScene(directory: directory.path, direction: direction, steps: steps, texture: texture)
        var scene = truth.project.scene
        scene.extensions = extensions
        try SceneFile.encode(scene).write(to: URL(fileURLWithPath: truth.project.sceneFile))
        project = try Project(path: directory.path)
    }

    func settings(_ video: VideoEncoding = VideoEncoding(codec: .ffv1)) throws -> RenderSettings {
        try RenderSettings(project: project, video: video)
    }

    /// Renders with the scene's keys to `name` inside the project folder and returns the path.
    @discardableResult
    func render(_ name: String = "out.mkv", settings: RenderSettings? = nil) throws -> String {
        let path = directory.file(name)
        try RenderJob(project: project, settings: settings ?? self.settings()).render(to: path)
        return path
    }

    func frames(_ path: String, width: Int = 96, height: Int = 64) throws -> [Raster] {
        try VideoInspection.rgbFrames(path, width: width, height: height)
    }

    /// Writes a file next to the scene (a LUT, an image) and returns its name.
    func write(_ name: String, _ text: String) throws -> String {
        try Data(text.utf8).write(to: URL(fileURLWithPath: directory.file(name)))
        return name
    }
}

/// Pixel statistics for the oracles.
enum PixelStatistics {
    /// Mean of all channels over the rectangle.
    static func mean(_ frame: Raster, x: Range<Int>? = nil, y: Range<Int>? = nil) -> Double {
        let xs = x ?? 0..<frame.width, ys = y ?? 0..<frame.height
        var total = 0, count = 0
        for row in ys {
            for column in xs {
                for channel in 0..<frame.channels { total += Int(frame[column, row, channel]); count += 1 }
            }
        }
        return Double(total) / Double(max(count, 1))
    }

    /// Mean absolute difference between two frames of the same size.
    static func meanDifference(_ a: Raster, _ b: Raster, y: Range<Int>? = nil) -> Double {
        let ys = y ?? 0..<a.height
        var total = 0, count = 0
        for row in ys {
            for column in 0..<a.width {
                for channel in 0..<a.channels {
                    total += abs(Int(a[column, row, channel]) - Int(b[column, row, channel]))
                    count += 1
                }
            }
        }
        return Double(total) / Double(max(count, 1))
    }

    /// Standard deviation of (a − b) over all samples: how much independent noise was added.
    static func differenceDeviation(_ a: Raster, _ b: Raster) -> Double {
        let differences = zip(a.pixels, b.pixels).map { Double(Int($0) - Int($1)) }
        let mean = differences.reduce(0, +) / Double(differences.count)
        return (differences.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(differences.count)).squareRoot()
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByFloatLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(uniqueKeysWithValues: elements))
    }
}
