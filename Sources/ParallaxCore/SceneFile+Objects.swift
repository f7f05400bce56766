/// The scene's `objects` key: segmented objects with a mask, a depth and a measured box.
extension SceneFile {
    static func parseObjects(_ fields: FieldReader, file: String) throws -> [SceneObject] {
        let values = try fields.optional("objects") { value, fail -> [JSONValue] in
            guard case .array(let items) = value else { throw fail("expected a list of objects, got \(value.kindName)") }
            return items
        } ?? []
        var objects: [SceneObject] = []
        for (index, value) in values.enumerated() {
            let object = try parseObject(value, index: index, file: file)
            if objects.contains(where: { $0.name == object.name }) {
                throw SceneError(file: file, field: "objects[\(index)].name", "\"\(object.name)\" names another object too")
            }
            objects.append(object)
        }
        return objects
    }

    private static func parseObject(_ value: JSONValue, index: Int, file: String) throws -> SceneObject {
        let path = "objects[\(index)]"
        guard case .object(let object) = value else {
            throw SceneError(file: file, field: path, "expected an object, got \(value.kindName)")
        }
        let fields = FieldReader(file: file, path: path, object: object)
        let box = try fields.optional("box") { value, fail -> PixelBox in
            guard case .array(let items) = value, items.count == 4,
                  case let numbers = items.compactMap({ item -> Int? in
                      guard case .number(let number) = item, number == number.rounded(), abs(number) < 1e9 else { return nil }
                      return Int(number)
                  }), numbers.count == 4 else {
                throw fail("expected [x, y, width, height] in whole pixels, got \(value.shortDescription)")
            }
            guard numbers[2] > 0, numbers[3] > 0 else {
                throw fail("width and height must be greater than 0, got \(value.shortDescription)")
            }
            return PixelBox(x: numbers[0], y: numbers[1], width: numbers[2], height: numbers[3])
        }
        return SceneObject(
            name: try fields.optional("name", FieldReader.string) ?? "object\(index)",
            mask: try fields.require("mask", FieldReader.string),
            depth: try parseDepth(fields, path: path),
            direction: try fields.optional("direction", FieldReader.angle).map(Direction.init(degrees:)),
            box: box)
    }

    static func objectFields(_ object: SceneObject) -> [String] {
        var parts = ["\"name\": \(quoted(object.name))", "\"mask\": \(quoted(object.mask))", depthField(object.depth)]
        if let direction = object.direction { parts.append("\"direction\": \(number(direction.degrees))") }
        if let box = object.box { parts.append("\"box\": [" + box.values.map(String.init).joined(separator: ", ") + "]") }
        return parts
    }
}
