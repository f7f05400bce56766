/// A linear chain of filters: labelled inputs feed the first filter, the last filter feeds
/// labelled outputs.
public struct FilterChain: Hashable, Sendable {
    public var inputs: [Label]
    public var filters: [Filter]
    public var outputs: [Label]

    public init(inputs: [Label] = [], _ filters: [Filter], outputs: [Label] = []) {
        self.inputs = inputs
        self.filters = filters
        self.outputs = outputs
    }

    public var text: String {
        inputs.map(\.description).joined()
            + filters.map(\.text).joined(separator: ",")
            + outputs.map(\.description).joined()
    }
}
