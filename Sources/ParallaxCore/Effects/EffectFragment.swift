import FilterGraph
import Foundation

/// An effect as a graph fragment: a file in `filters/` that users can read and edit.
///
/// The file holds a header of `#` comments (a summary line, then `# param …` declarations, see
/// ``FragmentParameter``) and libavfilter graph text in which `[in]` is the frame (or a layer's
/// band) and `[out]` the result. Other labels are private to the fragment. `{…}` placeholders
/// take parameter values: a number parameter, or small arithmetic of numbers, may stand anywhere
/// in a value; a text parameter (path, colour, choice) must be a whole option value. Values are
/// written back through ``Filter``, so they are escaped like every other value in the graph.
public struct EffectFragment: Hashable, Sendable {
    public let name: String
    public let file: String
    public let summary: String
    public let parameters: [FragmentParameter]
    let chains: [GraphTextReader.Chain]

    /// Names the builder supplies to every fragment; parameters may not reuse them.
    public static let contextNames = ["width", "height", "fps", "frames", "duration", "depth", "speed", "seed"]
    /// Text the builder supplies: `rate` (the output rate as a ratio, "30000/1001") and `size`
    /// ("WxH" of the frame or band).
    public static let textContextNames = ["rate", "size"]

    public init(name: String, file: String, text: String) throws {
        self.name = name
        self.file = file
        var summary = ""
        var parameters: [FragmentParameter] = []
        var body: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("#") else { body.append(String(line)); continue }
            let comment = trimmed.dropFirst().trimmingCharacters(in: .whitespaces)
            do {
                if comment.hasPrefix("param ") {
                    let parameter = try FragmentParameter.parse(String(comment.dropFirst(6)))
                    guard !(EffectFragment.contextNames + EffectFragment.textContextNames).contains(parameter.name) else {
                        throw GraphTextReader.Problem(description: "param \(parameter.name) reuses a name the renderer supplies")
                    }
                    parameters.append(parameter)
                } else if summary.isEmpty, !comment.isEmpty {
                    summary = comment
                }
            } catch {
                throw SceneError(file: file, "\(error)")
            }
        }
        self.summary = summary
        self.parameters = parameters
        do {
            chains = try GraphTextReader.chains(body.joined(separator: "\n"))
        } catch {
            throw SceneError(file: file, "\(error)")
        }
        try check()
    }

    /// Checks the fragment's shape once, when it is loaded: one [in], one [out], known names.
    private func check() throws {
        let inputs = chains.flatMap(\.inputs), outputs = chains.flatMap(\.outputs)
        guard inputs.filter({ $0 == "in" }).count == 1 else { throw SceneError(file: file, "must read [in] exactly once") }
        guard outputs.filter({ $0 == "out" }).count == 1 else { throw SceneError(file: file, "must write [out] exactly once") }
        for label in Set(inputs).subtracting(["in"]) where !outputs.contains(label) {
            throw SceneError(file: file, "label [\(label)] is read but never written")
        }
        let numeric = Set(parameters.filter(\.isNumeric).map(\.name) + EffectFragment.contextNames)
        let textual = Set(parameters.filter { !$0.isNumeric }.map(\.name) + EffectFragment.textContextNames)
        for chain in chains {
            for filter in chain.filters {
                for option in filter.options {
                    for placeholder in EffectFragment.placeholders(in: option.value) {
                        if textual.contains(placeholder) {
                            guard option.value == "{\(placeholder)}" else {
                                throw SceneError(file: file, "{\(placeholder)} is text and must be a whole option value (\(filter.name) \(option.key))")
                            }
                            continue
                        }
                        let names: [String]
                        do {
                            names = try PlaceholderExpression.names(in: placeholder)
                            // Evaluate once now, so a malformed expression fails at load, not mid-build.
                            _ = try PlaceholderExpression.evaluate(placeholder, values: Dictionary(uniqueKeysWithValues: numeric.map { ($0, 1) }))
                        } catch {
                            throw SceneError(file: file, "\(error)")
                        }
                        for name in names where !numeric.contains(name) {
                            throw SceneError(file: file, "{\(placeholder)} uses \(name), which is not a number parameter")
                        }
                    }
                }
            }
        }
    }

    /// The `{…}` spans of a value.
    static func placeholders(in value: String) -> [String] {
        var found: [String] = []
        var current: String?
        for character in value {
            if character == "{" { current = "" } else if character == "}", let text = current {
                found.append(text)
                current = nil
            } else if current != nil { current!.append(character) }
        }
        return found
    }

    /// Appends the fragment to `graph`, reading `input`; returns the label of [out].
    func instantiate(into graph: inout FilterGraph, input: Label, values: [String: FragmentParameter.Value],
                     context: [String: Double], textContext: [String: String]) -> Label {
        var numbers = context
        for (name, value) in values { if let number = value.number { numbers[name] = number } }
        var values = values
        for (name, text) in textContext { values[name] = .text(text) }
        var labels: [String: Label] = ["in": input]
        for name in Set(chains.flatMap(\.outputs)) { labels[name] = graph.label("\(self.name)_\(name)_") }
        for chain in chains {
            let filters = chain.filters.map { filter in
                Filter(filter.name, options: filter.options.map { option in
                    Filter.Option(option.key, substitute(option.value, values: values, numbers: numbers))
                }, instance: filter.instance)
            }
            graph.append(FilterChain(inputs: chain.inputs.map { labels[$0]! }, filters,
                                     outputs: chain.outputs.map { labels[$0]! }))
        }
        return labels["out"]!
    }

    private func substitute(_ value: String, values: [String: FragmentParameter.Value],
                            numbers: [String: Double]) -> String {
        guard value.contains("{") else { return value }
        if value.hasPrefix("{"), value.hasSuffix("}"), let whole = values[String(value.dropFirst().dropLast())],
           whole.number == nil {
            return whole.graphText
        }
        var result = ""
        var placeholder: String?
        for character in value {
            if character == "{" { placeholder = "" } else if character == "}", let text = placeholder {
                // Checked when the fragment was loaded, so evaluation cannot fail here.
                let value = (try? PlaceholderExpression.evaluate(text, values: numbers)) ?? .nan
                result += PlaceholderExpression.format(value)
                placeholder = nil
            } else if placeholder != nil { placeholder!.append(character) } else { result.append(character) }
        }
        return result
    }
}
