/// Text from elsewhere (an inpainter's error, a library's message) made fit for one line of a
/// terminal: line breaks and tabs become spaces, other control characters (escape sequences
/// that could repaint the screen) become `?`, and very long text is cut.
public enum OneLine {
    public static func clean(_ text: String, limit: Int = 400) -> String {
        var result = ""
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            if scalar == "\n" || scalar == "\r" || scalar == "\t" || scalar == " " {
                if !lastWasSpace && !result.isEmpty { result.append(" ") }
                lastWasSpace = true
                continue
            }
            result.unicodeScalars.append(isControl ? "?" : scalar)
            lastWasSpace = false
        }
        while result.hasSuffix(" ") { result.removeLast() }
        return result.count > limit ? String(result.prefix(limit)) + "…" : result
    }
}
