import ParallaxCore

/// A layer as typed on the command line: `NAME:HEIGHT:DEPTH[:DIRECTION]`.
///
/// HEIGHT is pixels (`120`) or a share of the image (`30%`), empty for "the rest" (last layer
/// only). DEPTH is a speed 0…1 (`0.1`), a distance (`d600`) or a preset (`cloud`); when empty
/// it comes from the depth map if one is given, else speed 1. DIRECTION overrides the scene's.
public struct LayerSpec: Hashable, Sendable {
    public enum Height: Hashable, Sendable {
        case pixels(Int)
        case percent(Double)
        case rest
    }

    public var name: String
    public var height: Height
    public var depth: Depth?
    public var direction: Direction?

    public init(name: String, height: Height, depth: Depth?, direction: Direction? = nil) {
        self.name = name
        self.height = height
        self.depth = depth
        self.direction = direction
    }

    /// Parses a comma-separated list (`--layers`) or one spec per element (`--layer`).
    public static func parseList(_ texts: [String], option: String) throws -> [LayerSpec] {
        let items = texts.flatMap { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        var specs: [LayerSpec] = []
        for (index, item) in items.enumerated() {
            specs.append(try parse(item, option: option, index: index))
        }
        for spec in specs.dropLast() where spec.height == .rest {
            throw SceneError(file: option, field: spec.name, "only the last layer may leave its height out")
        }
        return specs
    }

    public static func parse(_ text: String, option: String, index: Int) throws -> LayerSpec {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let field = "\"\(text)\""
        guard parts.count <= 4 else {
            throw SceneError(file: option, field: field, "expected NAME:HEIGHT:DEPTH[:DIRECTION], got \(parts.count) parts")
        }
        let name = parts[0].isEmpty ? "layer\(index)" : parts[0]
        var height = Height.rest
        if parts.count > 1, !parts[1].isEmpty {
            let value = parts[1]
            if value.hasSuffix("%"), let percent = Double(value.dropLast()), percent > 0, percent < 100 {
                height = .percent(percent)
            } else if let pixels = Int(value), pixels > 0 {
                height = .pixels(pixels)
            } else {
                throw SceneError(file: option, field: field, "height must be a positive whole number of pixels or a percentage like 30%, got \"\(value)\"")
            }
        }
        var depth: Depth?
        if parts.count > 2, !parts[2].isEmpty {
            depth = try parseDepth(parts[2], option: option, field: field)
        }
        var direction: Direction?
        if parts.count > 3, !parts[3].isEmpty {
            guard let degrees = Double(parts[3]), degrees.isFinite else {
                throw SceneError(file: option, field: field, "direction must be a number of degrees, got \"\(parts[3])\"")
            }
            direction = Direction(degrees: degrees.truncatingRemainder(dividingBy: 360) + (degrees < 0 ? 360 : 0))
        }
        return LayerSpec(name: name, height: height, depth: depth, direction: direction)
    }

    static func parseDepth(_ value: String, option: String, field: String) throws -> Depth {
        if let preset = LayerPreset(rawValue: value) { return .preset(preset) }
        if value.hasPrefix("d") {
            guard let distance = Double(value.dropFirst()), distance > 0, distance.isFinite else {
                throw SceneError(file: option, field: field, "distance must be a positive number after d, got \"\(value)\"")
            }
            return .distance(distance)
        }
        guard let speed = Double(value), speed >= 0, speed <= 1 else {
            let presets = LayerPreset.allCases.map(\.rawValue).joined(separator: ", ")
            throw SceneError(file: option, field: field, "depth must be a speed 0…1, a distance like d600 or a preset (\(presets)), got \"\(value)\"")
        }
        return .speed(speed)
    }

    /// The starting layers when none are given: the prototype's four presets, top to bottom.
    public static let defaults: [LayerSpec] = [
        LayerSpec(name: "sky", height: .percent(30), depth: .preset(.cloud)),
        LayerSpec(name: "horizon", height: .percent(20), depth: .preset(.horizon)),
        LayerSpec(name: "background", height: .percent(25), depth: .preset(.background)),
        LayerSpec(name: "foreground", height: .rest, depth: .preset(.foreground)),
    ]
}
