/// One filter: a name, an optional instance name and its options, in order.
///
/// Options keep their order because some filters read positional options and because a stable
/// order makes emitted scripts diff cleanly.
public struct Filter: Hashable, Sendable {
    public var name: String
    public var options: [Option]
    /// libavfilter's `name@instance` form; lets a runner find this filter again.
    public var instance: String?

    public struct Option: Hashable, Sendable {
        public var key: String
        public var value: String
        public init(_ key: String, _ value: String) {
            self.key = key
            self.value = value
        }
    }

    public init(_ name: String, _ options: KeyValuePairs<String, any CustomStringConvertible> = [:],
                instance: String? = nil) {
        self.name = name
        self.options = options.map { Option($0.key, $0.value.description) }
        self.instance = instance
    }

    public init(_ name: String, options: [Option], instance: String? = nil) {
        self.name = name
        self.options = options
        self.instance = instance
    }

    /// Returns a copy with one more option appended.
    public func with(_ key: String, _ value: any CustomStringConvertible) -> Filter {
        var copy = self
        copy.options.append(Option(key, value.description))
        return copy
    }

    /// The option string after `=`, escaped for the filter (level 2) but not yet for the graph.
    public var arguments: String {
        options.map { "\($0.key)=\(FilterEscaping.optionValue($0.value))" }.joined(separator: ":")
    }

    /// The filter as it appears in graph text, escaped at both levels.
    public var text: String {
        let head = instance.map { "\(name)@\($0)" } ?? name
        let arguments = self.arguments
        return arguments.isEmpty ? head : head + "=" + FilterEscaping.filterArguments(arguments)
    }
}
