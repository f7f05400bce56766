import Foundation
import ParallaxCore

/// An object as typed on the command line: `NAME:MASK.png:DEPTH[:DIRECTION]`.
///
/// DEPTH takes the layer spec's forms: a speed 0…1, a distance `d600` or a preset. The mask is
/// copied into the project as `objects/NN-NAME.png`, so the project stands on its own.
public struct ObjectSpec: Hashable, Sendable {
    public var name: String
    /// Where the mask is now (as given, or resolved against a scene file's folder).
    public var maskPath: String
    public var depth: Depth
    public var direction: Direction?

    public init(name: String, maskPath: String, depth: Depth, direction: Direction? = nil) {
        self.name = name
        self.maskPath = maskPath
        self.depth = depth
        self.direction = direction
    }

    /// The first colon ends the name and the last one or two start the depth (and direction),
    /// so a mask path may itself hold colons.
    public static func parse(_ text: String, option: String = "--object") throws -> ObjectSpec {
        let field = "\"\(text)\""
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard parts.count >= 3 else {
            throw SceneError(file: option, field: field, "expected NAME:MASK.png:DEPTH[:DIRECTION]")
        }
        var tail = Array(parts.dropFirst())
        var direction: Direction?
        if tail.count >= 3, let degrees = Double(tail.last!), degrees.isFinite,
           (try? LayerSpec.parseDepth(tail[tail.count - 2], option: option, field: field)) != nil {
            direction = Direction(degrees: (degrees.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360))
            tail.removeLast()
        }
        let depth = try LayerSpec.parseDepth(tail.removeLast().trimmingCharacters(in: .whitespaces), option: option, field: field)
        let name = parts[0].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw SceneError(file: option, field: field, "the object needs a name before the first colon") }
        let mask = tail.joined(separator: ":")
        guard !mask.isEmpty else { throw SceneError(file: option, field: field, "the object needs a mask PNG between the name and the depth") }
        return ObjectSpec(name: name, maskPath: mask, depth: depth, direction: direction)
    }

    /// Where the mask goes inside the project, relative to scene.json.
    public func projectMaskPath(index: Int) -> String {
        let safe = String(name.map { ($0.isASCII && ($0.isLetter || $0.isNumber)) || $0 == "-" || $0 == "_" ? $0 : "_" }.prefix(40))
        return "objects/" + String(format: "%02d", index + 1) + "-" + safe + ".png"
    }
}
