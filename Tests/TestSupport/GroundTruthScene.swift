import Foundation
import ParallaxAV
import ParallaxCore

/// A scene whose steps are cut from a known, endless canvas: a perfect inpainter.
///
/// Each layer has its own procedural canvas of per-pixel noise (so any window matches at
/// exactly one offset). Step k shows, in band i, the canvas moved by round(k·v_i); a correct
/// render shows it moved by round(u·v_i) at step time u.
public struct GroundTruthScene: Sendable {
    public let project: Project
    public let directory: String
    public let texture: Texture

    /// Writes scene.json and steps/ into `directory` and opens the project.
    public init(directory: String, width: Int = 96, height: Int = 64, direction: Double = 180,
                layers: [(height: Int, speed: Double)] = [(24, 0.5), (40, 1.0)], stepShift: Double = 8,
                stepsPerSecond: String = "4", fps: String = "30", steps: Int? = 6,
                texture: Texture = .noise) throws {
        self.directory = directory
        self.texture = texture
        let scene = Scene(
            direction: Direction(degrees: direction), stepShift: stepShift,
            stepsPerSecond: Rational(parsing: stepsPerSecond)!, fps: Rational(parsing: fps)!, steps: steps,
            layers: layers.enumerated().map { Layer(name: "layer\($0.offset)", height: $0.element.height, depth: .speed($0.element.speed)) }
        )
        try FileManager.default.createDirectory(atPath: directory + "/steps", withIntermediateDirectories: true)
        try SceneFile.encode(scene).write(to: URL(fileURLWithPath: directory + "/scene.json"))
        let plan = try MotionPlan(scene: scene, width: width, height: height, file: "scene.json")
        for step in 0...plan.steps {
            let offsets = plan.layers.map { $0.offset(afterSteps: step) }
            try PNGImage.write(GroundTruthScene.frame(plan: plan, offsets: offsets, texture: texture), to: StepFolder(projectDirectory: directory).stepPath(step))
        }
        project = try Project(path: directory)
    }

    public var plan: MotionPlan { project.plan }

    /// The canvas colour of layer `layer` at canvas point (x, y): hashed noise.
    @inlinable public static func canvas(layer: Int, x: Int, y: Int) -> (UInt8, UInt8, UInt8) {
        var h = UInt64(bitPattern: Int64(x)) &* 0x9E37_79B9_7F4A_7C15
        h ^= UInt64(bitPattern: Int64(y)) &* 0xC2B2_AE3D_27D4_EB4F
        h ^= UInt64(layer + 1) &* 0x1656_67B1_9E37_79F9
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 32
        return (UInt8(truncatingIfNeeded: h), UInt8(truncatingIfNeeded: h >> 8), UInt8(truncatingIfNeeded: h >> 16))
    }

    /// The full frame with each band's canvas moved by `offsets[i]`.
    public static func frame(plan: MotionPlan, offsets: [PixelOffset], texture: Texture = .noise) -> Raster {
        var raster = Raster(width: plan.width, height: plan.height, channels: 3)
        for (index, layer) in plan.layers.enumerated() {
            for y in layer.rows {
                for x in 0..<plan.width {
                    let color = GroundTruthScene.color(texture, layer: index, x: x - offsets[index].x,
                                                       y: (y - layer.top) - offsets[index].y)
                    let base = raster.index(x: x, y: y)
                    raster.pixels[base] = color.0
                    raster.pixels[base + 1] = color.1
                    raster.pixels[base + 2] = color.2
                }
            }
        }
        return raster
    }

    /// For one band of a rendered frame: the offset within ±`search` px of `expected` whose
    /// canvas window matches best, and the mean absolute difference there.
    /// Which pixels of a band (band-relative, row-major) some step image holds at this frame: all
    /// of them, except for oblique motion, where content that enters and leaves within one step
    /// (two corners of at most |vx|×|vy| px) is in no step image.
    public static func knownRegion(plan: MotionPlan, layer: LayerMotion, frame: Int) -> [Bool] {
        let width = plan.width, height = layer.height
        var known = [Bool](repeating: true, count: width * height)
        guard layer.velocity.x != 0 && layer.velocity.y != 0 else { return known }
        let slide = SlideExpression(clock: plan.clock)
        func range(_ offset: Int, _ size: Int) -> Range<Int> { max(0, offset)..<min(size, offset + size) }
        let currentX = range(slide.offset(velocity: layer.velocity.x, stepsAhead: 0, frame: frame), width)
        let currentY = range(slide.offset(velocity: layer.velocity.y, stepsAhead: 0, frame: frame), height)
        let nextX = range(slide.offset(velocity: layer.velocity.x, stepsAhead: 1, frame: frame), width)
        let nextY = range(slide.offset(velocity: layer.velocity.y, stepsAhead: 1, frame: frame), height)
        for y in 0..<height {
            for x in 0..<width {
                let inCurrent = currentX.contains(x) && currentY.contains(y)
                let inNext = nextX.contains(x) && nextY.contains(y)
                known[y * width + x] = inCurrent || inNext
            }
        }
        return known
    }

    public static func bestOffset(in frame: Raster, layerIndex: Int, layer: LayerMotion, expected: Vector,
                                  search: Int = 3, known: [Bool]? = nil) -> (offset: PixelOffset, meanError: Double) {
        var best = (offset: PixelOffset(x: 0, y: 0), meanError: Double.infinity)
        let cx = Int(expected.x.rounded()), cy = Int(expected.y.rounded())
        for dy in -search...search {
            for dx in -search...search {
                let offset = PixelOffset(x: cx + dx, y: cy + dy)
                var total = 0, counted = 0
                for y in layer.rows {
                    for x in 0..<frame.width {
                        if let known, !known[(y - layer.top) * frame.width + x] { continue }
                        counted += 1
                        let color = canvas(layer: layerIndex, x: x - offset.x, y: (y - layer.top) - offset.y)
                        let base = frame.index(x: x, y: y)
                        total += abs(Int(frame.pixels[base]) - Int(color.0)) + abs(Int(frame.pixels[base + 1]) - Int(color.1))
                            + abs(Int(frame.pixels[base + 2]) - Int(color.2))
                    }
                }
                let mean = Double(total) / Double(max(counted, 1) * 3)
                if mean < best.meanError { best = (offset, mean) }
            }
        }
        return best
    }
}
