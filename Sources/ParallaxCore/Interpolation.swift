/// How frames between two step images are made.
///
/// Scene key `"interpolation"`: a mode name, or an object with `mode` and the mode's settings:
/// ```json
/// "interpolation": { "mode": "minterpolate", "mi_mode": "mci", "mc_mode": "aobmc", "vsbmc": 1 }
/// "interpolation": { "mode": "crossfade", "fade": 0.5 }
/// ```
public enum Interpolation: Hashable, Sendable {
    /// Positions from time: each band at its exact offset, any output rate. The default.
    case exact
    /// Each layer rendered at the step rate, then `minterpolate` makes the output rate.
    case minterpolate(MotionInterpolation)
    /// Each layer rendered at the step rate, then `framerate` blends neighbouring steps.
    case blend
    /// Exact positions, and inside each step a crossfade from band k to band k+1 over the last
    /// `fade` fraction of the step, hiding the jump when step images disagree.
    case crossfade(fade: Double)

    public static let modeNames = ["exact", "minterpolate", "blend", "crossfade"]

    public var modeName: String {
        switch self {
        case .exact: "exact"
        case .minterpolate: "minterpolate"
        case .blend: "blend"
        case .crossfade: "crossfade"
        }
    }

    /// The mode named `name` with its default settings.
    public static func named(_ name: String) -> Interpolation? {
        switch name {
        case "exact": .exact
        case "minterpolate": .minterpolate(MotionInterpolation())
        case "blend": .blend
        case "crossfade": .crossfade(fade: 1)
        default: nil
        }
    }

    /// Reads the scene's `interpolation` key.
    public static func parse(_ value: JSONValue?, sceneFile: String) throws -> Interpolation {
        guard let value, value != .null else { return .exact }
        let fail = { (problem: String) in SceneError(file: sceneFile, field: "interpolation", problem) }
        let names = modeNames.joined(separator: ", ")
        if case .string(let name) = value {
            guard let mode = named(name) else { throw fail("expected one of \(names), got \(value.shortDescription)") }
            return mode
        }
        guard case .object(let object) = value else {
            throw fail("expected a mode name or an object with \"mode\", got \(value.kindName)")
        }
        let fields = FieldReader(file: sceneFile, path: "interpolation", object: object)
        let mode = try fields.require("mode") { value, fail -> String in
            let name = try FieldReader.string(value, fail)
            guard modeNames.contains(name) else { throw fail("expected one of \(names), got \(value.shortDescription)") }
            return name
        }
        let allowed: Set<String> = switch mode {
        case "minterpolate": Set(["mode"] + MotionInterpolation.keys)
        case "crossfade": ["mode", "fade"]
        default: ["mode"]
        }
        if let extra = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw SceneError(file: sceneFile, field: "interpolation.\(extra)", "not a setting of mode \(mode)")
        }
        switch mode {
        case "minterpolate": return .minterpolate(try MotionInterpolation(fields: fields))
        case "crossfade":
            let fade = try fields.optional("fade") { value, fail -> Double in
                let fade = try FieldReader.number(value, fail)
                guard fade > 0, fade <= 1 else { throw fail("must be greater than 0 and at most 1, got \(value.shortDescription)") }
                return fade
            } ?? 1
            return .crossfade(fade: fade)
        default: return named(mode)!
        }
    }
}

/// `minterpolate`'s settings, with FFmpeg's names; nil keeps FFmpeg's default.
public struct MotionInterpolation: Hashable, Sendable {
    public var miMode = "mci"
    public var mcMode: String?
    public var meMode: String?
    public var me: String?
    public var vsbmc: Int?
    public var searchParam: Int?
    public var scd: String?

    static let keys = ["mi_mode", "mc_mode", "me_mode", "me", "vsbmc", "search_param", "scd"]

    public init() {}

    init(fields: FieldReader) throws {
        func choice(_ key: String, _ choices: [String]) throws -> String? {
            try fields.optional(key) { value, fail in
                let text = try FieldReader.string(value, fail)
                guard choices.contains(text) else {
                    throw fail("expected one of \(choices.joined(separator: ", ")), got \(value.shortDescription)")
                }
                return text
            }
        }
        miMode = try choice("mi_mode", ["dup", "blend", "mci"]) ?? "mci"
        mcMode = try choice("mc_mode", ["obmc", "aobmc"])
        meMode = try choice("me_mode", ["bidir", "bilat"])
        me = try choice("me", ["esa", "tss", "tdls", "ntss", "fss", "ds", "hexbs", "epzs", "umh"])
        scd = try choice("scd", ["none", "fdiff"])
        vsbmc = try fields.optional("vsbmc") { value, fail -> Int in
            guard case .number(let number) = value, number == 0 || number == 1 else { throw fail("expected 0 or 1, got \(value.shortDescription)") }
            return Int(number)
        }
        searchParam = try fields.optional("search_param") { value, fail -> Int in
            let number = try FieldReader.positiveInteger(value, fail)
            guard number >= 4 else { throw fail("must be at least 4, got \(number)") }
            return number
        }
    }

    /// The filter that makes `fps` frames per second from the step rate.
    func filter(fps: Rational) -> Filter {
        var filter = Filter("minterpolate", ["fps": fps.description, "mi_mode": miMode])
        if let mcMode { filter = filter.with("mc_mode", mcMode) }
        if let meMode { filter = filter.with("me_mode", meMode) }
        if let me { filter = filter.with("me", me) }
        if let vsbmc { filter = filter.with("vsbmc", vsbmc) }
        if let searchParam { filter = filter.with("search_param", searchParam) }
        if let scd { filter = filter.with("scd", scd) }
        return filter
    }
}

import FilterGraph
