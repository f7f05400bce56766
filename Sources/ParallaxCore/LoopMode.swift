/// Makes the video loop seamlessly when played on repeat.
public enum LoopMode: Hashable, Sendable {
    /// The video, then the same frames backwards: twice as long, no jump at either end.
    /// Straight bands run time backward through the graph (constant memory); other scenes
    /// use `reverse`, which holds every frame in memory.
    case pingpong
    /// The last `seconds` crossfade into the first: shorter by that much, and its last frame
    /// leads into its first.
    case crossfade(seconds: Double)

    public static func parse(_ text: String, crossfadeSeconds: Double = 1) -> LoopMode? {
        switch text {
        case "pingpong": .pingpong
        case "crossfade": .crossfade(seconds: crossfadeSeconds)
        default: nil
        }
    }

    /// Output frames for a video of `frames` frames.
    public func frameCount(from frames: Int, fps: Rational) -> Int {
        switch self {
        case .pingpong: 2 * frames
        case .crossfade(let seconds): frames - LoopMode.crossfadeFrames(seconds, fps: fps)
        }
    }

    /// An hour: longer crossfades would need videos longer than a scene may make.
    public static let longestCrossfade = 3600.0

    static func crossfadeFrames(_ seconds: Double, fps: Rational) -> Int {
        // Clamped before the conversion: 1e20 seconds must give a clear "too long", not a trap.
        let frames = (seconds * fps.doubleValue).rounded()
        return frames.isFinite ? max(1, Int(min(frames, 1e12))) : Int(1e12)
    }
}

extension LoopMode {
    /// Reads the scene's `loop` key: `"pingpong"`, `"crossfade"` or
    /// `{ "mode": "crossfade", "seconds": 1.5 }`.
    public static func parse(_ value: JSONValue?, sceneFile: String) throws -> LoopMode? {
        guard let value, value != .null else { return nil }
        let fail = { (problem: String) in SceneError(file: sceneFile, field: "loop", problem) }
        switch value {
        case .string(let name):
            guard let mode = parse(name) else { throw fail("expected pingpong or crossfade, got \(value.shortDescription)") }
            return mode
        case .object(let object):
            let fields = FieldReader(file: sceneFile, path: "loop", object: object)
            let mode = try fields.require("mode", FieldReader.string)
            let seconds = try fields.optional("seconds", FieldReader.positiveNumber) ?? 1
            guard seconds <= LoopMode.longestCrossfade else {
                throw SceneError(file: sceneFile, field: "loop.seconds",
                                 "must be at most \(Int(LoopMode.longestCrossfade)) seconds, got \(seconds)")
            }
            if let extra = object.keys.sorted().first(where: { !["mode", "seconds"].contains($0) }) {
                throw SceneError(file: sceneFile, field: "loop.\(extra)", "unknown key (expected mode, seconds)")
            }
            guard let loop = parse(mode, crossfadeSeconds: seconds) else {
                throw SceneError(file: sceneFile, field: "loop.mode", "expected pingpong or crossfade, got \"\(mode)\"")
            }
            return loop
        default:
            throw fail("expected \"pingpong\", \"crossfade\" or an object with mode, got \(value.kindName)")
        }
    }

    /// Checks the loop fits a video of `frames` frames.
    public func check(frames: Int, fps: Rational, sceneFile: String) throws {
        if case .crossfade(let seconds) = self, 2 * LoopMode.crossfadeFrames(seconds, fps: fps) > frames {
            throw SceneError(file: sceneFile, field: "loop.seconds",
                             "a \(seconds) s crossfade needs a video at least twice as long (it has \(frames) frames)")
        }
    }
}
