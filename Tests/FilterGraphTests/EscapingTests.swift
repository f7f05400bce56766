import FilterGraph
import ParallaxAV
import Testing
import TestSupport

@Suite("Escaping")
struct EscapingTests {
    /// Characters that mean something to one of libavfilter's two parsing levels, plus white
    /// space, newlines and non-ASCII text.
    static let alphabet: [Character] = Array("ab Z09\\':,;[]=%\"\n\t @-_./é中🎞") + [" ", "\\", "'"]

    @Test("thousands of hostile strings survive libavfilter's own parser unchanged")
    func randomStringsRoundTrip() throws {
        var generator = SeededGenerator(seed: 0x5EED)
        for _ in 0..<3000 {
            let length = Int(generator.next() % 24)
            let value = String((0..<length).map { _ in Self.alphabet[Int(generator.next() % UInt64(Self.alphabet.count))] })
            try expectRoundTrip(value)
        }
    }

    @Test("edge cases: empty, only spaces, leading and trailing white space, lone quotes",
          arguments: ["", " ", "  x  ", "'", "''", "\\", "a\\", "\\'", ":", "a:b=c", "[in]", "x;y,z", "\n", "%d", "é"])
    func edgeCases(_ value: String) throws {
        try expectRoundTrip(value)
    }

    @Test("plain values stay readable")
    func plainValuesAreNotQuoted() {
        #expect(FilterEscaping.optionValue("round(t*30/1)") == "round(t*30/1)")
        #expect(Filter("scale", ["w": 320, "h": -2]).text == "scale=w=320:h=-2")
    }

    @Test("graph-level specials in an option are escaped")
    func graphSpecialsAreEscaped() {
        let filter = Filter("overlay", ["x": "max(0,1)"])
        #expect(filter.text == "overlay=x=max(0\\,1)")
    }

    private func expectRoundTrip(_ value: String) throws {
        let filter = Filter("metadata", ["mode": "add", "key": "probe", "value": value], instance: "probe")
        let graph = "nullsrc=s=16x16," + filter.text + ",nullsink"
        let parsed = try GraphParser.optionValue(in: graph, filterInstance: "probe", option: "value")
        #expect(parsed == value, "escaped as \(filter.text)")
    }
}
