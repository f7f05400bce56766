/// A short fingerprint of a full render: the scene file's bytes, the graph of the whole render
/// (with a fixed step path, so the same project mounted at another path on another machine gives
/// the same identity) and the encoder and its options. Parts of one render share it; a part of
/// another render, or of the same scene encoded differently, does not.
public enum RenderIdentity {
    public static func of(sceneBytes: [UInt8], graphScript: String, encoder: String,
                          encoderOptions: [(key: String, value: String)]) -> String {
        var hash = FNV1a()
        hash.add(sceneBytes)
        hash.add(Array(graphScript.utf8))
        hash.add(Array(encoder.utf8))
        for option in encoderOptions { hash.add(Array("\(option.key)=\(option.value)\n".utf8)) }
        return hash.hex
    }
}

/// FNV-1a, 64 bits: a fingerprint, not a cryptographic hash (parts are trusted files; the
/// identity catches mistakes, not forgery).
struct FNV1a {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func add(_ bytes: [UInt8]) {
        for byte in bytes {
            value ^= UInt64(byte)
            value = value &* 0x0000_0100_0000_01b3
        }
        // A separator, so ("ab", "c") and ("a", "bc") differ.
        value ^= 0xff
        value = value &* 0x0000_0100_0000_01b3
    }

    var hex: String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
