import Foundation

/// A layer with its rows and motion resolved against the image.
public struct LayerMotion: Hashable, Sendable {
    public let name: String
    public let top: Int
    public let height: Int
    public let speed: Double
    public let direction: Direction
    /// Pixels per step: speed × stepShift × unit(direction).
    public let velocity: Vector
    /// Steps to move the band's whole extent along its direction; nil for a still layer.
    public let stepsNeeded: Int?
    /// The layer's rows per column in the input image; for a straight band, `rows` in every column.
    public let region: LayerRegion

    public var isMoving: Bool { !velocity.isZero }
    public var rows: Range<Int> { top..<(top + height) }

    /// Total integer shift after k steps: round(k·v), so integer steps never drift.
    public func offset(afterSteps step: Int) -> PixelOffset {
        offset(atStepTime: Double(step))
    }

    /// round(u·v) at fractional step time u, rounding halves away from zero as libavutil's
    /// `round()` does.
    public func offset(atStepTime time: Double) -> PixelOffset {
        PixelOffset(x: Int((time * velocity.x).rounded()), y: Int((time * velocity.y).rounded()))
    }

    /// The shift applied in step k alone (the Bresenham carry of the fractional remainder).
    public func shift(inStep step: Int) -> PixelOffset {
        offset(afterSteps: step) - offset(afterSteps: step - 1)
    }
}

/// A scene resolved against an image size: rows, speeds, velocities, steps, frames.
public struct MotionPlan: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public let layers: [LayerMotion]
    /// Segmented objects above the layers, in drawing order (later on top).
    public let objects: [ObjectMotion]
    public let steps: Int
    public let stepShift: Double
    public let clock: FrameClock

    public var stepsPerSecond: Rational { clock.stepsPerSecond }
    public var fps: Rational { clock.fps }
    public var frameCount: Int { clock.frameCount(steps: steps) }
    public var duration: Double { Double(steps) / stepsPerSecond.doubleValue }

    /// Resolves `scene` for a `width`×`height` image; `file` names the scene in errors.
    public init(scene: Scene, width: Int, height: Int, file: String) throws {
        guard width > 0, height > 0 else { throw SceneError(file: file, "image size \(width)x\(height) is empty") }
        self.width = width
        self.height = height
        try MotionPlan.checkRanges(scene, file: file)
        stepShift = scene.stepShift
        clock = FrameClock(stepsPerSecond: scene.stepsPerSecond, fps: scene.fps)

        let heights = try MotionPlan.heights(of: scene.layers, imageHeight: height, file: file)
        let regions = try MotionPlan.regions(of: scene.layers, heights: heights, width: width, height: height, file: file)
        let speeds = MotionPlan.speeds(of: scene.layers.map(\.depth) + scene.objects.map(\.depth))
        var top = 0
        var layers: [LayerMotion] = []
        for (index, layer) in scene.layers.enumerated() {
            let direction = layer.direction ?? scene.direction
            let velocity = (speeds[index] * scene.stepShift) * direction.unitVector
            var stepsNeeded: Int?
            if !velocity.isZero {
                let unit = direction.unitVector
                let extent = abs(unit.x) * Double(width) + abs(unit.y) * Double(heights[index])
                let needed = (extent / velocity.length - 1e-9).rounded(.up)
                if scene.steps == nil, !(needed <= Double(NumericRange.maximumSteps)) {
                    throw MotionPlan.tooSlow(layer, index: index, speed: speeds[index], scene: scene, file: file)
                }
                // With a step count given, a layer too slow to ever cross the picture is allowed.
                stepsNeeded = max(1, Int(min(needed, 1e15)))
            }
            layers.append(LayerMotion(name: layer.name, top: top, height: heights[index], speed: speeds[index],
                                      direction: direction, velocity: velocity, stepsNeeded: stepsNeeded,
                                      region: regions[index]))
            top += heights[index]
        }
        self.layers = layers
        try MotionPlan.checkContourMotion(layers, file: file)
        objects = try MotionPlan.objects(of: scene, speeds: Array(speeds[scene.layers.count...]),
                                         width: width, height: height, file: file)
        if scene.steps == nil, let slow = objects.firstIndex(where: { ($0.stepsNeeded ?? 0) > NumericRange.maximumSteps }) {
            throw SceneError(file: file, field: "objects[\(slow)]",
                             "object \(objects[slow].name) moves \(objects[slow].velocity.length) pixels per step: leaving the "
                             + "picture would take more than \(NumericRange.maximumSteps) steps; raise its speed or give \"steps\"")
        }
        if let steps = scene.steps {
            self.steps = steps
        } else if let longest = (layers.compactMap(\.stepsNeeded) + objects.compactMap(\.stepsNeeded)).max() {
            steps = longest
        } else {
            throw SceneError(file: file, field: "steps", "no layer moves, so the step count must be given")
        }
        // steps ≤ 10^6 and clock units ≤ about 10^12, so the product cannot overflow.
        if clock.frameCount(steps: steps) > NumericRange.maximumFrames {
            throw SceneError(file: file, field: scene.steps == nil ? "fps" : "steps",
                             "\(steps) steps at \(scene.fps) fps and \(scene.stepsPerSecond) steps per second make more than "
                             + "\(NumericRange.maximumFrames) frames; give fewer steps or lower rates")
        }
    }

    /// Checks every number the math reads before it is used, naming the field at fault.
    private static func checkRanges(_ scene: Scene, file: String) throws {
        guard scene.stepShift.isFinite, scene.stepShift > 0, scene.stepShift <= NumericRange.maximumStepShift else {
            throw SceneError(file: file, field: "stepShift",
                             "must be greater than 0 and at most \(Int(NumericRange.maximumStepShift)) pixels, got \(scene.stepShift)")
        }
        for (field, rate) in [("stepsPerSecond", scene.stepsPerSecond), ("fps", scene.fps)] {
            if let problem = NumericRange.rateProblem(rate) { throw SceneError(file: file, field: field, problem) }
        }
        if let steps = scene.steps, !(1...NumericRange.maximumSteps).contains(steps) {
            throw SceneError(file: file, field: "steps", "must be between 1 and \(NumericRange.maximumSteps), got \(steps)")
        }
        for (index, layer) in scene.layers.enumerated() {
            switch layer.depth {
            case .distance(let distance) where !(distance.isFinite && distance > 0):
                throw SceneError(file: file, field: "layers[\(index)].distance", "must be a finite number greater than 0, got \(distance)")
            case .speed(let speed) where !(speed >= 0 && speed <= 1):
                throw SceneError(file: file, field: "layers[\(index)].speed", "must be between 0 and 1, got \(speed)")
            default: break
            }
            if let height = layer.height, !(1..<1_000_000_000).contains(height) {
                throw SceneError(file: file, field: "layers[\(index)].height", "must be between 1 and 999999999, got \(height)")
            }
        }
    }

    /// A layer so slow that crossing the picture would take more steps than a scene may have.
    private static func tooSlow(_ layer: Layer, index: Int, speed: Double, scene: Scene, file: String) -> SceneError {
        let field: String
        switch layer.depth {
        case .distance: field = "layers[\(index)].distance"
        case .speed: field = "layers[\(index)].speed"
        case .preset: field = "stepShift"
        }
        return SceneError(file: file, field: field,
                          "layer \(layer.name) moves \(speed * scene.stepShift) pixels per step (speed \(speed) × stepShift "
                          + "\(scene.stepShift)): crossing the picture would take more than \(NumericRange.maximumSteps) steps; "
                          + "raise its speed or stepShift, or give \"steps\"")
    }

    private static func heights(of layers: [Layer], imageHeight: Int, file: String) throws -> [Int] {
        let given = layers.compactMap(\.height)
        let sum = given.reduce(0, +)
        if given.count == layers.count {
            guard sum == imageHeight else {
                throw SceneError(file: file, field: "layers",
                                 "heights sum to \(sum) but the image is \(imageHeight) pixels high")
            }
            return given
        }
        guard sum < imageHeight else {
            throw SceneError(file: file, field: "layers",
                             "heights sum to \(sum), leaving no rows for the last layer of a \(imageHeight)-pixel image")
        }
        return given + [imageHeight - sum]
    }

    /// Each layer's rows per column: straight rows from the heights, or the layer's boundary
    /// (its top row per column) where it gives one; a layer ends where the next one starts.
    private static func regions(of layers: [Layer], heights: [Int], width: Int, height: Int,
                                file: String) throws -> [LayerRegion] {
        var tops: [[Int]] = []
        var row = 0
        for (index, layer) in layers.enumerated() {
            if let boundary = layer.boundary {
                let field = "layers[\(index)].boundary"
                guard boundary.count == width else {
                    throw SceneError(file: file, field: field,
                                     "has \(boundary.count) rows but the image is \(width) columns wide")
                }
                if let column = boundary.firstIndex(where: { $0 > height }) {
                    throw SceneError(file: file, field: field,
                                     "column \(column): row \(boundary[column]) is below the image's \(height) rows")
                }
                tops.append(boundary)
            } else {
                tops.append(Array(repeating: row, count: width))
            }
            row += heights[index]
        }
        var regions: [LayerRegion] = []
        for index in layers.indices {
            let bottom = index + 1 < layers.count ? tops[index + 1] : Array(repeating: height, count: width)
            // Every layer keeps at least one row in every column, so no column of it vanishes.
            if let column = (0..<width).first(where: { bottom[$0] <= tops[index][$0] }) {
                throw SceneError(file: file, field: "layers[\(min(index + 1, layers.count - 1))].boundary",
                                 "column \(column): row \(bottom[column]) leaves no row for layer \(layers[index].name) (which starts at row \(tops[index][column]))")
            }
            regions.append(LayerRegion(top: tops[index], bottom: bottom))
        }
        return regions
    }

    /// Contour strips slide left or right only: their curves and alpha move with them, and a
    /// vertical move would carry a curve out of the rows its strip and its neighbours hold.
    private static func checkContourMotion(_ layers: [LayerMotion], file: String) throws {
        guard !layers.allSatisfy(\.region.isStraight) else { return }
        if let index = layers.indices.first(where: { layers[$0].velocity.y != 0 }) {
            throw SceneError(file: file, field: "layers[\(index)].direction",
                             "layer \(layers[index].name) moves at \(layers[index].direction.degrees) degrees, but a scene "
                             + "with contour boundaries moves only left or right (direction 0 or 180)")
        }
    }

    private static func objects(of scene: Scene, speeds: [Double], width: Int, height: Int,
                                file: String) throws -> [ObjectMotion] {
        try scene.objects.enumerated().map { index, object in
            let field = "objects[\(index)]"
            guard let box = object.box else {
                throw SceneError(file: file, field: field + ".box",
                                 "missing: the mask's bounding box [x, y, width, height] (parallax init --object, or init --scene with this scene, measures it)")
            }
            guard box.fits(width: width, height: height) else {
                throw SceneError(file: file, field: field + ".box",
                                 "\(box.values) lies outside the \(width)x\(height) picture")
            }
            let direction = object.direction ?? scene.direction
            return ObjectMotion(name: object.name, mask: object.mask, box: box, speed: speeds[index],
                                direction: direction, velocity: (speeds[index] * scene.stepShift) * direction.unitVector,
                                imageWidth: width, imageHeight: height)
        }
    }

    /// Speeds per DESIGN.md: distance d gives d_min / d over the layers that give a distance.
    /// Objects take part: an object nearer than every layer is the one that moves at speed 1.
    private static func speeds(of depths: [Depth]) -> [Double] {
        let nearest = depths.compactMap { depth -> Double? in
            if case .distance(let distance) = depth { return distance }
            return nil
        }.min()
        return depths.map { depth in
            switch depth {
            case .distance(let distance): nearest! / distance
            case .speed(let speed): speed
            case .preset(let preset): preset.speed
            }
        }
    }
}

extension MotionPlan {
    /// The same motion shown at another output rate (a preview's lower rate).
    public func withFrameRate(_ fps: Rational) -> MotionPlan {
        MotionPlan(width: width, height: height, layers: layers, objects: objects, steps: steps,
                   stepShift: stepShift, clock: FrameClock(stepsPerSecond: stepsPerSecond, fps: fps))
    }

    private init(width: Int, height: Int, layers: [LayerMotion], objects: [ObjectMotion], steps: Int,
                 stepShift: Double, clock: FrameClock) {
        self.width = width
        self.height = height
        self.layers = layers
        self.objects = objects
        self.steps = steps
        self.stepShift = stepShift
        self.clock = clock
    }
}
