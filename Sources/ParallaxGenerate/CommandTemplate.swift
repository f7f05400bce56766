import ParallaxCore

/// A user's inpainter command line, split into words once and filled in per step.
///
/// Placeholders ({image} {mask} {output} {prompt} {negative_prompt} {seed} {step} {layer_rows}
/// {depth}) are replaced inside each word after splitting, so a value with spaces or quotes stays
/// one argument and is never seen by a shell. With `shell`, the template runs under `/bin/sh -c`
/// and each value is inserted shell-quoted.
public struct CommandTemplate: Hashable, Sendable {
    public static let placeholders = ["image", "mask", "output", "prompt", "negative_prompt", "seed", "step",
                                      "layer_rows", "depth"]
    public let text: String
    public let words: [String]
    public let shell: Bool

    public init(_ text: String, shell: Bool = false) throws {
        self.text = text
        self.shell = shell
        words = try CommandTemplate.split(text)
        guard !words.isEmpty else { throw InpaintError("--inpaint-command: the command is empty") }
        for word in words {
            var rest = Substring(word)
            while let open = rest.firstIndex(of: "{") {
                guard let close = rest[open...].firstIndex(of: "}") else { break }
                let name = String(rest[rest.index(after: open)..<close])
                if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0 == "_" }), !CommandTemplate.placeholders.contains(name) {
                    throw InpaintError("--inpaint-command: unknown placeholder {\(name)} (known: "
                                       + CommandTemplate.placeholders.map { "{\($0)}" }.joined(separator: " ") + ")")
                }
                rest = rest[rest.index(after: close)...]
            }
        }
    }

    /// The argv to run for these values.
    public func arguments(_ values: [String: String]) -> [String] {
        if shell {
            let line = CommandTemplate.substitute(text, values.mapValues(ShellQuoting.quote))
            return ["/bin/sh", "-c", line]
        }
        return words.map { CommandTemplate.substitute($0, values) }
    }

    static func substitute(_ word: String, _ values: [String: String]) -> String {
        var result = ""
        var rest = Substring(word)
        while let open = rest.firstIndex(of: "{") {
            result += rest[..<open]
            if let close = rest[open...].firstIndex(of: "}"), let value = values[String(rest[rest.index(after: open)..<close])] {
                result += value
                rest = rest[rest.index(after: close)...]
            } else {
                result.append("{")
                rest = rest[rest.index(after: open)...]
            }
        }
        return result + rest
    }

    /// Splits like a POSIX shell does words: blanks separate, '…' is literal, "…" allows \" \\ \$ \`,
    /// a backslash outside quotes escapes the next character. No expansion of any kind.
    public static func split(_ text: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var iterator = Array(text)[...]
        while let character = iterator.popFirst() {
            switch character {
            case " ", "\t", "\n":
                if inWord { words.append(current); current = ""; inWord = false }
            case "'":
                inWord = true
                guard let end = iterator.firstIndex(of: "'") else { throw InpaintError("--inpaint-command: unterminated ' quote") }
                current += String(iterator[..<end])
                iterator = iterator[(end + 1)...]
            case "\"":
                inWord = true
                var closed = false
                while let next = iterator.popFirst() {
                    if next == "\"" { closed = true; break }
                    if next == "\\", let escaped = iterator.first, "\"\\$`".contains(escaped) {
                        current.append(escaped)
                        iterator = iterator.dropFirst()
                    } else {
                        current.append(next)
                    }
                }
                guard closed else { throw InpaintError("--inpaint-command: unterminated \" quote") }
            case "\\":
                inWord = true
                if let next = iterator.popFirst() { current.append(next) }
            default:
                inWord = true
                current.append(character)
            }
        }
        if inWord { words.append(current) }
        return words
    }
}
