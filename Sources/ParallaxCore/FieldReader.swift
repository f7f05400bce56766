/// Reads typed fields out of a JSON object, naming the file and field in every error.
public struct FieldReader: Sendable {
    public let file: String
    public let path: String?
    public let object: [String: JSONValue]

    public init(file: String, path: String?, object: [String: JSONValue]) {
        self.file = file
        self.path = path
        self.object = object
    }

    public typealias Fail = (String) -> SceneError
    public typealias Convert<T> = (JSONValue, Fail) throws -> T

    public func fieldName(_ key: String) -> String {
        path.map { "\($0).\(key)" } ?? key
    }

    public func require<T>(_ key: String, _ convert: Convert<T>) throws -> T {
        guard let value = object[key], value != .null else {
            throw SceneError(file: file, field: fieldName(key), "missing (required)")
        }
        return try convert(value) { SceneError(file: file, field: fieldName(key), $0) }
    }

    public func optional<T>(_ key: String, _ convert: Convert<T>) throws -> T? {
        guard let value = object[key], value != .null else { return nil }
        return try convert(value) { SceneError(file: file, field: fieldName(key), $0) }
    }

    public static func string(_ value: JSONValue, _ fail: Fail) throws -> String {
        guard case .string(let text) = value else { throw fail("expected a string, got \(value.kindName)") }
        guard !text.isEmpty else { throw fail("must not be empty") }
        return text
    }

    public static func number(_ value: JSONValue, _ fail: Fail) throws -> Double {
        guard case .number(let number) = value else { throw fail("expected a number, got \(value.kindName)") }
        guard number.isFinite else { throw fail("must be a finite number, got \(value.shortDescription)") }
        return number
    }

    public static func positiveNumber(_ value: JSONValue, _ fail: Fail) throws -> Double {
        let number = try number(value, fail)
        guard number > 0 else { throw fail("must be greater than 0, got \(value.shortDescription)") }
        return number
    }

    public static func positiveInteger(_ value: JSONValue, _ fail: Fail) throws -> Int {
        let number = try number(value, fail)
        guard number == number.rounded() else {
            throw fail("expected a whole number, got \(value.shortDescription)")
        }
        guard number > 0 else { throw fail("must be greater than 0, got \(value.shortDescription)") }
        guard number < 1e9 else { throw fail("must be less than 1000000000, got \(value.shortDescription)") }
        return Int(number)
    }

    /// A step count: a whole number from 1 to ``NumericRange/maximumSteps``.
    public static func stepCount(_ value: JSONValue, _ fail: Fail) throws -> Int {
        let number = try number(value, fail)
        guard number == number.rounded() else { throw fail("expected a whole number, got \(value.shortDescription)") }
        guard number >= 1, number <= Double(NumericRange.maximumSteps) else {
            throw fail("must be between 1 and \(NumericRange.maximumSteps), got \(value.shortDescription)")
        }
        return Int(number)
    }

    /// Degrees, any finite value, normalised to [0, 360).
    public static func angle(_ value: JSONValue, _ fail: Fail) throws -> Double {
        let degrees = try number(value, fail)
        guard degrees.isFinite else { throw fail("must be a finite number of degrees") }
        let normalised = degrees.truncatingRemainder(dividingBy: 360)
        return normalised < 0 ? normalised + 360 : normalised
    }

    /// A rate given as a number (30, 29.97) or a ratio string ("30000/1001").
    public static func positiveRate(_ value: JSONValue, _ fail: Fail) throws -> Rational {
        let rate: Result<Rational, NumericRange.RateProblem>
        switch value {
        case .number(let number): rate = NumericRange.rate(number)
        case .string(let text): rate = NumericRange.rate(parsing: text)
        default: throw fail("expected a number or a ratio like \"30000/1001\", got \(value.kindName)")
        }
        switch rate {
        case .success(let rate): return rate
        case .failure(let problem): throw fail(problem.description)
        }
    }
}
