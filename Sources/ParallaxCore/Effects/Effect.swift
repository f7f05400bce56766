/// One effect from the scene's `effects` list, resolved: its fragment, parameter values and the
/// layers it applies to.
public struct Effect: Hashable, Sendable {
    public let fragment: EffectFragment
    public let values: [String: FragmentParameter.Value]
    /// Layer indices it applies to, before stacking; nil applies it to the whole frame.
    public let layers: [Int]?
    /// Its place in the list: effects run in list order and this seeds their noise.
    public let index: Int

    public init(fragment: EffectFragment, values: [String: FragmentParameter.Value], layers: [Int]?, index: Int) {
        self.fragment = fragment
        self.values = values
        self.layers = layers
        self.index = index
    }
}

/// Reads the scene's `effects` key:
///
/// ```json
/// "effects": [
///   { "type": "vignette", "angle": 0.7 },
///   { "type": "fog", "layers": ["sky", "hills"], "strength": 0.5 },
///   { "fragment": "my-effects/ripple.lavfi", "amount": 3 }
/// ]
/// ```
public enum EffectList {
    public static func parse(_ value: JSONValue?, scene: Scene, sceneFile: String, library: FragmentLibrary) throws -> [Effect] {
        guard let value, value != .null else { return [] }
        guard case .array(let items) = value else {
            throw SceneError(file: sceneFile, field: "effects", "expected a list of effects, got \(value.kindName)")
        }
        let directory = Project.directory(ofSceneFile: sceneFile)
        return try items.enumerated().map { index, item in
            let path = "effects[\(index)]"
            guard case .object(let object) = item else {
                throw SceneError(file: sceneFile, field: path, "expected an object, got \(item.kindName)")
            }
            let fields = FieldReader(file: sceneFile, path: path, object: object)
            let type = try fields.optional("type", FieldReader.string)
            let custom = try fields.optional("fragment", FieldReader.string)
            let fragment: EffectFragment
            switch (type, custom) {
            case (let type?, nil):
                // A built-in effect is a name, never a path: it becomes a file name and a label hint.
                guard type.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
                    throw SceneError(file: sceneFile, field: "\(path).type",
                                     "expected an effect name (letters, digits, - and _), got \(SceneFile.quoted(type))")
                }
                guard let found = try library.load(type) else {
                    throw SceneError(file: sceneFile, field: "\(path).type",
                                     "no effect \"\(type)\" (available: \(library.availableNames.joined(separator: ", ")))")
                }
                fragment = found
            case (nil, let custom?):
                let file = Project.resolve(custom, against: directory)
                if let problem = RegularFile.problem(file) {
                    throw SceneError(file: sceneFile, field: "\(path).fragment", "\(problem): \(file)")
                }
                fragment = try EffectFragment.load(file, name: "fx\(index)")
            default:
                throw SceneError(file: sceneFile, field: path, "give exactly one of type (a built-in effect) or fragment (a .lavfi file)")
            }
            let layers = try fields.optional("layers") { value, fail -> [Int] in
                guard case .array(let names) = value, !names.isEmpty else { throw fail("expected a list of layer names") }
                return try names.map { name in
                    guard case .string(let text) = name, let layer = scene.layers.firstIndex(where: { $0.name == text }) else {
                        throw fail("no layer named \(name.shortDescription) (layers: \(scene.layers.map(\.name).joined(separator: ", ")))")
                    }
                    return layer
                }
            }
            let declared = Set(fragment.parameters.map(\.name))
            for key in object.keys.sorted() where !["type", "fragment", "layers"].contains(key) && !declared.contains(key) {
                let names = fragment.parameters.map(\.name).joined(separator: ", ")
                throw SceneError(file: sceneFile, field: "\(path).\(key)",
                                 "\(fragment.name) has no parameter \(key) (it takes \(names.isEmpty ? "none" : names))")
            }
            var values: [String: FragmentParameter.Value] = [:]
            for parameter in fragment.parameters {
                if let given = try fields.optional(parameter.name, { value, fail in
                    try parameter.read(value, fail: fail, sceneDirectory: directory)
                }) {
                    values[parameter.name] = given
                } else if let fallback = parameter.defaultValue {
                    values[parameter.name] = fallback
                } else {
                    throw SceneError(file: sceneFile, field: "\(path).\(parameter.name)", "missing (required by \(fragment.name))")
                }
            }
            return Effect(fragment: fragment, values: values, layers: layers, index: index)
        }
    }
}
