import FilterGraph

/// Reads libavfilter graph text back into chains, the way `avfilter_graph_parse2` does, so an
/// effect fragment in `filters/` means exactly what it would mean to ffmpeg.
///
/// Both escaping levels are undone here (see ``FilterGraph/FilterEscaping``): the graph level
/// (`[ ] , ;` end a filter's arguments) and the option level (`:` ends a value). The values come
/// out raw, so instantiating a fragment re-escapes them through ``Filter`` like any other value.
struct GraphTextReader {
    struct Problem: Error, CustomStringConvertible {
        let description: String
    }

    /// A chain as written: its labels by name, and filters with raw (unescaped) option values.
    struct Chain: Hashable, Sendable {
        var inputs: [String]
        var filters: [Filter]
        var outputs: [String]
    }

    private var characters: [Character]
    private var position = 0

    init(_ text: String) {
        characters = Array(text)
    }

    /// Parses the whole text into chains separated by `;`.
    static func chains(_ text: String) throws -> [Chain] {
        var reader = GraphTextReader(text)
        var chains: [Chain] = []
        while true {
            reader.skipWhitespace()
            if reader.atEnd { break }
            chains.append(try reader.chain())
            reader.skipWhitespace()
            if reader.peek == ";" { reader.position += 1 } else if !reader.atEnd {
                throw Problem(description: "expected ';' between chains near \"\(reader.context)\"")
            }
        }
        return chains
    }

    private var atEnd: Bool { position >= characters.count }
    private var peek: Character? { atEnd ? nil : characters[position] }
    private var context: String { String(characters[position..<min(characters.count, position + 20)]) }

    private mutating func skipWhitespace() {
        while let character = peek, character.isWhitespace { position += 1 }
    }

    private mutating func labels() throws -> [String] {
        var names: [String] = []
        while true {
            skipWhitespace()
            guard peek == "[" else { return names }
            position += 1
            var name = ""
            while let character = peek, character != "]" { name.append(character); position += 1 }
            guard peek == "]" else { throw Problem(description: "unterminated label [\(name)") }
            position += 1
            guard !name.isEmpty else { throw Problem(description: "empty label []") }
            names.append(name)
        }
    }

    private mutating func chain() throws -> Chain {
        let inputs = try labels()
        var filters: [Filter] = []
        while true {
            filters.append(try filter())
            skipWhitespace()
            if peek == "," { position += 1; continue }
            break
        }
        let outputs = try labels()
        return Chain(inputs: inputs, filters: filters, outputs: outputs)
    }

    private mutating func filter() throws -> Filter {
        skipWhitespace()
        var name = ""
        while let character = peek, !"=,;[]".contains(character), !character.isWhitespace {
            name.append(character)
            position += 1
        }
        guard !name.isEmpty else { throw Problem(description: "expected a filter name near \"\(context)\"") }
        var instance: String?
        if let at = name.firstIndex(of: "@") {
            instance = String(name[name.index(after: at)...])
            name = String(name[..<at])
        }
        guard peek == "=" else { return Filter(name, options: [], instance: instance) }
        position += 1
        let arguments = GraphTextReader.token(&characters, &position, terminators: "[],;")
        return Filter(name, options: try GraphTextReader.options(arguments, filter: name), instance: instance)
    }

    /// Splits a filter's (graph-unescaped) argument string into key=value options.
    static func options(_ arguments: String, filter: String) throws -> [Filter.Option] {
        var characters = Array(arguments)
        var position = 0
        var options: [Filter.Option] = []
        while position < characters.count {
            let key = token(&characters, &position, terminators: "=:")
            guard position < characters.count, characters[position] == "=" else {
                throw Problem(description: "filter \(filter): write every option as key=value (got \"\(key)\")")
            }
            position += 1
            let value = token(&characters, &position, terminators: ":")
            options.append(Filter.Option(key, value))
            if position < characters.count, characters[position] == ":" { position += 1 }
        }
        return options
    }

    /// libavutil's `av_get_token`: reads up to an unquoted terminator, undoing `\x` and `'...'`,
    /// and drops unquoted white space at both ends. `{…}` placeholders are kept whole.
    static func token(_ characters: inout [Character], _ position: inout Int, terminators: String) -> String {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
        var result = ""
        var keepUpTo = 0  // length of result that must survive trailing-space trimming
        while position < characters.count {
            let character = characters[position]
            if terminators.contains(character) { break }
            position += 1
            if character == "\\" {
                if position < characters.count { result.append(characters[position]); position += 1 }
                keepUpTo = result.count
            } else if character == "'" {
                while position < characters.count, characters[position] != "'" {
                    result.append(characters[position])
                    position += 1
                }
                position += 1
                keepUpTo = result.count
            } else if character == "{" {
                // A placeholder is ours, not libavfilter's: its commas and colons stay inside it.
                result.append(character)
                while position < characters.count {
                    let inner = characters[position]
                    result.append(inner)
                    position += 1
                    if inner == "}" { break }
                }
                keepUpTo = result.count
            } else {
                result.append(character)
                if !character.isWhitespace { keepUpTo = result.count }
            }
        }
        return String(result.prefix(keepUpTo))
    }
}
