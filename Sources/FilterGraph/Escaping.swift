/// The one place where text is escaped for libavfilter.
///
/// libavfilter reads a graph in two passes, and each needs its own escaping:
/// 1. The graph parser cuts a filter's argument string out of the graph text; `[ ] , ;` end it,
///    and `\` and `'` are its escapes (`av_get_token(buf, "[],;")`).
/// 2. The filter then splits that argument string into `key=value` pairs at `:`; here too `\`
///    and `'` escape (`av_get_token(buf, ":")`), and unescaped leading/trailing white space is
///    dropped.
/// So a value is escaped for level 2 first (``optionValue(_:)``) and the joined argument string
/// is then escaped for level 1 (``filterArguments(_:)``).
public enum FilterEscaping {
    private static let optionSpecials: Set<Character> = ["\\", "'", ":", "="]
    private static let graphSpecials: Set<Character> = ["\\", "'", "[", "]", ",", ";"]

    /// Escapes one option value so the filter's option parser yields exactly `value`.
    ///
    /// Plain values (expressions, numbers, names) are left readable; anything else is single-quoted,
    /// with an embedded `'` written as `'\''`.
    public static func optionValue(_ value: String) -> String {
        if isPlain(value) { return value }
        return "'" + value.replacingAll("'", with: "'\\''") + "'"
    }

    /// Escapes a filter's whole argument string for the graph parser.
    public static func filterArguments(_ arguments: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(arguments.count)
        for character in arguments {
            if graphSpecials.contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }

    private static func isPlain(_ value: String) -> Bool {
        guard let first = value.first, let last = value.last else { return false }
        if first.isWhitespace || last.isWhitespace { return false }
        return !value.contains { optionSpecials.contains($0) || $0.isNewline }
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self {
            if character == target { result += replacement } else { result.append(character) }
        }
        return result
    }
}
