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

    public mutating func next(_ hint: String) -> Label {
        let index = counters[hint, default: 0]
        counters[hint] = index + 1
        return Label("\(hint)\(index)")
    }
}
