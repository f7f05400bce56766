import Foundation

/// The small arithmetic allowed inside a fragment's `{…}` placeholders: numbers, parameter
/// names, `+ - * /`, parentheses, `min(a,b)` and `max(a,b)`. It is evaluated here, in Swift,
/// so the graph only ever receives a plain number.
struct PlaceholderExpression {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    private let tokens: [String]
    private var index = 0

    /// Evaluates `text` with `values` for the names it uses.
    static func evaluate(_ text: String, values: [String: Double]) throws -> Double {
        var parser = PlaceholderExpression(tokens: try tokenize(text))
        let value = try parser.sum(values)
        guard parser.index == parser.tokens.count else {
            throw Problem(description: "unexpected \"\(parser.tokens[parser.index])\" in {\(text)}")
        }
        return value
    }

    /// The names an expression reads, to check them when the fragment is loaded.
    static func names(in text: String) throws -> [String] {
        try tokenize(text).filter { $0.first?.isLetter == true || $0.first == "_" }
            .filter { $0 != "min" && $0 != "max" }
    }

    private init(tokens: [String]) { self.tokens = tokens }

    private static func tokenize(_ text: String) throws -> [String] {
        var tokens: [String] = []
        var characters = Array(text)[...]
        while let character = characters.first {
            if character.isWhitespace { characters.removeFirst(); continue }
            if "+-*/(),".contains(character) { tokens.append(String(character)); characters.removeFirst(); continue }
            if character.isNumber || character == "." {
                let number = characters.prefix { $0.isNumber || $0 == "." }
                tokens.append(String(number)); characters.removeFirst(number.count); continue
            }
            if character.isLetter || character == "_" {
                let name = characters.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                tokens.append(String(name)); characters.removeFirst(name.count); continue
            }
            throw Problem(description: "unexpected \"\(character)\" in {\(text)}")
        }
        return tokens
    }

    private var next: String? { index < tokens.count ? tokens[index] : nil }

    private mutating func sum(_ values: [String: Double]) throws -> Double {
        var value = try product(values)
        while let op = next, op == "+" || op == "-" {
            index += 1
            let right = try product(values)
            value = op == "+" ? value + right : value - right
        }
        return value
    }

    private mutating func product(_ values: [String: Double]) throws -> Double {
        var value = try unary(values)
        while let op = next, op == "*" || op == "/" {
            index += 1
            let right = try unary(values)
            value = op == "*" ? value * right : value / right
        }
        return value
    }

    private mutating func unary(_ values: [String: Double]) throws -> Double {
        if next == "-" { index += 1; return -(try unary(values)) }
        return try primary(values)
    }

    private mutating func primary(_ values: [String: Double]) throws -> Double {
        guard let token = next else { throw Problem(description: "expression ends too early") }
        index += 1
        if token == "(" {
            let value = try sum(values)
            try expect(")")
            return value
        }
        if token == "min" || token == "max" {
            try expect("(")
            let a = try sum(values)
            try expect(",")
            let b = try sum(values)
            try expect(")")
            return token == "min" ? Swift.min(a, b) : Swift.max(a, b)
        }
        if let number = Double(token) { return number }
        guard let value = values[token] else { throw Problem(description: "unknown name \(token)") }
        return value
    }

    private mutating func expect(_ token: String) throws {
        guard next == token else { throw Problem(description: "expected \"\(token)\"") }
        index += 1
    }

    /// How numbers are written into the graph: whole numbers without a fraction, others with
    /// enough digits to round-trip.
    static func format(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return String(format: "%.9g", value)
    }
}
