/// A link label, written `[name]` in graph text.
public struct Label: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { "[\(name)]" }
}

/// Hands out labels in a fixed order, so the same graph always gets the same text.
///
/// A label is its hint plus a counter for that hint: `bandA0`, `bandA1`, `canvas0`.
public struct LabelAllocator: Sendable {
    private var counters: [String: Int] = [:]
    public init() {}

    /// Only ASCII letters, digits and `_` of `hint` are kept: a label is graph syntax, and a hint
    /// made from a user's text (an effect's name) must not be able to close it or start another.
    public mutating func next(_ hint: String) -> Label {
        var safe = String(hint.unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) ? Character($0) : "_" })
        if safe.isEmpty { safe = "l" }
        let index = counters[safe, default: 0]
        counters[safe] = index + 1
        return Label("\(safe)\(index)")
    }
}
