/// A whole filter graph as a value: chains joined by labels, with named open outputs that a
/// runner (or `ffmpeg -map`) attaches sinks to.
public struct FilterGraph: Sendable {
    public private(set) var chains: [FilterChain] = []
    private var allocator = LabelAllocator()

    public init() {}

    /// Allocates a fresh label for a new link.
    public mutating func label(_ hint: String) -> Label {
        allocator.next(hint)
    }

    /// Appends a chain reading `inputs` and returns its single, newly labelled output.
    @discardableResult
    public mutating func chain(_ inputs: [Label], _ filters: [Filter], hint: String) -> Label {
        let output = label(hint)
        chains.append(FilterChain(inputs: inputs, filters, outputs: [output]))
        return output
    }

    /// Appends a chain whose filter has several outputs (`split`, `movie` with many streams).
    public mutating func chain(_ inputs: [Label], _ filters: [Filter], outputs count: Int,
                               hint: String) -> [Label] {
        let outputs = (0..<count).map { _ in label(hint) }
        chains.append(FilterChain(inputs: inputs, filters, outputs: outputs))
        return outputs
    }

    /// Appends a chain that ends in an explicitly named output (`vout`, `aout`).
    public mutating func chain(_ inputs: [Label], _ filters: [Filter], output: Label) {
        chains.append(FilterChain(inputs: inputs, filters, outputs: [output]))
    }

    /// Appends a chain exactly as given (its labels already allocated with ``label(_:)``).
    public mutating func append(_ chain: FilterChain) {
        chains.append(chain)
    }

    /// Splits `input` into `count` copies, or passes it through unchanged when one is enough.
    public mutating func split(_ input: Label, into count: Int, audio: Bool = false) -> [Label] {
        guard count > 1 else { return [input] }
        let name = audio ? "asplit" : "split"
        return chain([input], [Filter(name, ["outputs": count])], outputs: count, hint: input.name + "_")
    }

    /// The same graph with `option` set on every filter called `name` (added, or replacing the
    /// value it had): for a setting of one run that changes no frame, such as a decoder's threads.
    public func setting(_ option: Filter.Option, onEvery name: String) -> FilterGraph {
        var copy = self
        for c in copy.chains.indices {
            for f in copy.chains[c].filters.indices where copy.chains[c].filters[f].name == name {
                copy.chains[c].filters[f].options.removeAll { $0.key == option.key }
                copy.chains[c].filters[f].options.append(option)
            }
        }
        return copy
    }

    /// The graph as filter-script text: one chain per line, as `ffmpeg -filter_complex_script`
    /// and `avfilter_graph_parse_ptr` read it.
    public var script: String {
        chains.map(\.text).joined(separator: ";\n") + "\n"
    }
}
