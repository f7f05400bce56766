/// One parameter a fragment declares in its header, with the type and range its values must have.
///
/// Header syntax, one per line:
/// `# param NAME TYPE [RANGE] (default VALUE | required)  description`
/// where TYPE is `number LO..HI`, `integer LO..HI`, `choice a|b|c`, `color` or `path`.
public struct FragmentParameter: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case number(ClosedRange<Double>)
        case integer(ClosedRange<Double>)
        case choice([String])
        /// A colour name or 0xRRGGBB, as libavutil reads colours.
        case color
        /// A file, relative to the scene file; must exist.
        case path
    }

    /// A parameter's value once read from the scene (paths already resolved).
    public enum Value: Hashable, Sendable {
        case number(Double)
        case text(String)

        var number: Double? { if case .number(let value) = self { return value } else { return nil } }
        var graphText: String {
            switch self {
            case .number(let value): PlaceholderExpression.format(value)
            case .text(let text): text
            }
        }
    }

    public let name: String
    public let kind: Kind
    /// nil: the scene must give a value.
    public let defaultValue: Value?
    public let summary: String

    public var isNumeric: Bool {
        switch kind {
        case .number, .integer: true
        default: false
        }
    }

    /// Parses the text after `# param `.
    static func parse(_ text: String) throws -> FragmentParameter {
        var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)[...]
        func take(_ what: String) throws -> String {
            guard let word = words.popFirst() else { throw GraphTextReader.Problem(description: "param line needs \(what): \"\(text)\"") }
            return word
        }
        let name = try take("a name")
        let type = try take("a type")
        let kind: Kind
        switch type {
        case "number", "integer":
            let range = try take("a range LO..HI")
            let bounds = range.components(separatedBy: "..")
            guard bounds.count == 2, let low = Double(bounds[0]), let high = Double(bounds[1]), low <= high else {
                throw GraphTextReader.Problem(description: "param \(name): bad range \"\(range)\"")
            }
            kind = type == "number" ? .number(low...high) : .integer(low...high)
        case "choice":
            kind = .choice(try take("choices a|b|c").split(separator: "|").map(String.init))
        case "color": kind = .color
        case "path": kind = .path
        default: throw GraphTextReader.Problem(description: "param \(name): unknown type \(type)")
        }
        var defaultValue: Value?
        let marker = try take("default VALUE or required")
        if marker == "default" {
            let word = try take("a default value")
            switch kind {
            case .number, .integer:
                guard let number = Double(word) else {
                    throw GraphTextReader.Problem(description: "param \(name): default \(word) is not a number")
                }
                defaultValue = .number(number)
            default: defaultValue = .text(word)
            }
        } else if marker != "required" {
            throw GraphTextReader.Problem(description: "param \(name): expected default VALUE or required, got \(marker)")
        }
        return FragmentParameter(name: name, kind: kind, defaultValue: defaultValue, summary: words.joined(separator: " "))
    }

    /// Reads this parameter's value from a scene field, with the scene's one-line messages.
    func read(_ value: JSONValue, fail: FieldReader.Fail, sceneDirectory: String) throws -> Value {
        switch kind {
        case .number(let range), .integer(let range):
            guard case .number(let number) = value else { throw fail("expected a number, got \(value.kindName)") }
            if case .integer = kind, number != number.rounded() {
                throw fail("expected a whole number, got \(value.shortDescription)")
            }
            guard range.contains(number) else {
                throw fail("must be between \(PlaceholderExpression.format(range.lowerBound)) and "
                           + "\(PlaceholderExpression.format(range.upperBound)), got \(value.shortDescription)")
            }
            return .number(number)
        case .choice(let choices):
            let text = try FieldReader.string(value, fail)
            guard choices.contains(text) else {
                throw fail("expected one of \(choices.joined(separator: ", ")), got \(value.shortDescription)")
            }
            return .text(text)
        case .color:
            let text = try FieldReader.string(value, fail)
            let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789#@.")
            guard text.allSatisfy(allowed.contains) else {
                throw fail("expected a colour name or 0xRRGGBB, got \(value.shortDescription)")
            }
            return .text(text)
        case .path:
            let text = try FieldReader.string(value, fail)
            let path = Project.resolve(text, against: sceneDirectory)
            if let problem = RegularFile.problem(path) { throw fail("\(problem): \(path)") }
            return .text(path)
        }
    }
}

import Foundation
