import Foundation

/// Reads and writes `scene.json`, with one clear message per problem.
public enum SceneFile {
    public static let defaultName = "scene.json"

    /// Loads a scene from a file, or from `scene.json` inside a project folder.
    public static func load(_ path: String) throws -> Scene {
        let file = resolve(path)
        if FileManager.default.fileExists(atPath: file), let problem = RegularFile.problem(file) {
            throw SceneError(file: file, problem)
        }
        guard let data = FileManager.default.contents(atPath: file) else {
            let exists = FileManager.default.fileExists(atPath: file)
            let missing = file.hasSuffix(".json") ? "no such file" : "no such project folder or scene file"
            throw SceneError(file: file, exists ? "cannot read the file" : missing)
        }
        return try parse(data, file: file)
    }

    /// `path` itself when it names a file, else `path/scene.json`.
    public static func resolve(_ path: String) -> String {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            return (path as NSString).appendingPathComponent(defaultName)
        }
        return path
    }

    public static func parse(_ data: Data, file: String) throws -> Scene {
        let root: JSONValue
        do {
            root = try JSONValue.parse(data)
        } catch {
            throw SceneError(file: file, "not valid JSON (\(jsonProblem(error)))")
        }
        guard case .object(let object) = root else {
            throw SceneError(file: file, "expected a JSON object at the top level, got \(root.kindName)")
        }
        let fields = FieldReader(file: file, path: nil, object: object)
        let layerValues = try fields.require("layers") { value, fail -> [JSONValue] in
            guard case .array(let items) = value else { throw fail("expected a list of layers, got \(value.kindName)") }
            guard !items.isEmpty else { throw fail("needs at least one layer") }
            return items
        }
        var layers: [Layer] = []
        for (index, value) in layerValues.enumerated() {
            layers.append(try parseLayer(value, index: index, isLast: index == layerValues.count - 1, file: file))
        }
        let objects = try parseObjects(fields, file: file)
        let known: Set<String> = ["image", "direction", "stepShift", "stepsPerSecond", "fps", "steps", "layers", "objects"]
        return Scene(
            image: try fields.optional("image", FieldReader.string),
            direction: Direction(degrees: try fields.require("direction", FieldReader.angle)),
            stepShift: try fields.require("stepShift", FieldReader.positiveNumber),
            stepsPerSecond: try fields.require("stepsPerSecond", FieldReader.positiveRate),
            fps: try fields.require("fps", FieldReader.positiveRate),
            steps: try fields.optional("steps", FieldReader.stepCount),
            layers: layers,
            objects: objects,
            extensions: object.filter { !known.contains($0.key) }
        )
    }

    private static func parseLayer(_ value: JSONValue, index: Int, isLast: Bool, file: String) throws -> Layer {
        let path = "layers[\(index)]"
        guard case .object(let object) = value else {
            throw SceneError(file: file, field: path, "expected an object, got \(value.kindName)")
        }
        let fields = FieldReader(file: file, path: path, object: object)
        let name = try fields.optional("name", FieldReader.string) ?? "layer\(index)"
        let height = isLast
            ? try fields.optional("height", FieldReader.positiveInteger)
            : try fields.require("height", FieldReader.positiveInteger)
        let depth = try parseDepth(fields, path: path)
        let direction = try fields.optional("direction", FieldReader.angle).map(Direction.init(degrees:))
        let boundary = try fields.optional("boundary") { value, fail -> [Int] in
            guard index > 0 else { throw fail("the first layer starts at row 0 and takes no boundary") }
            guard case .array(let items) = value, !items.isEmpty else {
                throw fail("expected a list of rows, one per image column, got \(value.shortDescription)")
            }
            return try items.enumerated().map { column, item in
                guard case .number(let row) = item, row == row.rounded(), row >= 0, row < 1e9 else {
                    throw fail("column \(column): expected a row number (a whole number >= 0), got \(item.shortDescription)")
                }
                return Int(row)
            }
        }
        return Layer(name: name, height: height, depth: depth, direction: direction, boundary: boundary)
    }

    /// Exactly one of `distance`, `speed` or `preset`: shared by layers and objects.
    static func parseDepth(_ fields: FieldReader, path: String) throws -> Depth {
        let distance = try fields.optional("distance", FieldReader.positiveNumber)
        let speed = try fields.optional("speed") { value, fail -> Double in
            guard case .number(let speed) = value else { throw fail("expected a number, got \(value.kindName)") }
            guard speed >= 0, speed <= 1 else { throw fail("must be between 0 and 1, got \(value.shortDescription)") }
            return speed
        }
        let preset = try fields.optional("preset") { value, fail -> LayerPreset in
            guard case .string(let name) = value, let preset = LayerPreset(rawValue: name) else {
                let names = LayerPreset.allCases.map(\.rawValue).joined(separator: ", ")
                throw fail("expected one of \(names), got \(value.shortDescription)")
            }
            return preset
        }
        let depths: [Depth] = [distance.map(Depth.distance), speed.map(Depth.speed), preset.map(Depth.preset)]
            .compactMap { $0 }
        guard depths.count == 1 else {
            let problem = depths.isEmpty ? "needs one of distance, speed or preset" : "give only one of distance, speed or preset"
            throw SceneError(file: fields.file, field: path, problem)
        }
        return depths[0]
    }

    private static func jsonProblem(_ error: any Error) -> String {
        if case DecodingError.dataCorrupted(let context) = error {
            if let underlying = context.underlyingError as NSError?,
               let detail = underlying.userInfo[NSDebugDescriptionErrorKey] as? String {
                return detail
            }
            return context.debugDescription
        }
        return "\(error)"
    }

    /// The scene as pretty JSON, in the contract's key order.
    public static func encode(_ scene: Scene) -> Data {
        var lines = ["{"]
        var fields: [String] = []
        if let image = scene.image { fields.append("  \"image\": \(quoted(image))") }
        fields.append("  \"direction\": \(number(scene.direction.degrees))")
        fields.append("  \"stepShift\": \(number(scene.stepShift))")
        fields.append("  \"stepsPerSecond\": \(rate(scene.stepsPerSecond))")
        fields.append("  \"fps\": \(rate(scene.fps))")
        if let steps = scene.steps { fields.append("  \"steps\": \(steps)") }
        let layers = scene.layers.map { layer -> String in
            var parts = ["\"name\": \(quoted(layer.name))"]
            if let height = layer.height { parts.append("\"height\": \(height)") }
            parts.append(depthField(layer.depth))
            if let direction = layer.direction { parts.append("\"direction\": \(number(direction.degrees))") }
            if let boundary = layer.boundary {
                parts.append("\"boundary\": [" + boundary.map(String.init).joined(separator: ",") + "]")
            }
            return "    { " + parts.joined(separator: ", ") + " }"
        }
        fields.append("  \"layers\": [\n" + layers.joined(separator: ",\n") + "\n  ]")
        if !scene.objects.isEmpty {
            let objects = scene.objects.map { "    { " + objectFields($0).joined(separator: ", ") + " }" }
            fields.append("  \"objects\": [\n" + objects.joined(separator: ",\n") + "\n  ]")
        }
        for key in scene.extensions.keys.sorted() {
            fields.append("  \(quoted(key)): \(json(scene.extensions[key]!))")
        }
        lines.append(fields.joined(separator: ",\n"))
        lines.append("}")
        return Data((lines.joined(separator: "\n") + "\n").utf8)
    }

    static func depthField(_ depth: Depth) -> String {
        switch depth {
        case .distance(let distance): "\"distance\": \(number(distance))"
        case .speed(let speed): "\"speed\": \(number(speed))"
        case .preset(let preset): "\"preset\": \(quoted(preset.rawValue))"
        }
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    private static func rate(_ value: Rational) -> String {
        value.denominator == 1 ? String(value.numerator) : quoted(value.description)
    }

    static func quoted(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        let array = data.flatMap { String(data: $0, encoding: .utf8) } ?? "[\"\"]"
        return String(array.dropFirst().dropLast())
    }

    static func json(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): String(flag)
        case .number(let value): number(value)
        case .string(let text): quoted(text)
        case .array(let items): "[" + items.map(json).joined(separator: ", ") + "]"
        case .object(let object):
            "{" + object.keys.sorted().map { "\(quoted($0)): \(json(object[$0]!))" }.joined(separator: ", ") + "}"
        }
    }
}
