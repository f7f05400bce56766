/// SplitMix64: a tiny, fast generator whose stream depends only on the seed, so a fill is
/// reproducible on every platform and Swift version (the standard library's generator is not).
struct SeededRandom {
    private var state: UInt64

    init(seed: UInt64) {
        // Mix the seed once so that small neighbouring seeds start far apart.
        state = seed &+ 0x9E37_79B9_7F4A_7C15
        _ = next()
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` (bound > 0). The multiply-shift keeps it cheap and unbiased enough.
    mutating func below(_ bound: Int) -> Int {
        Int(UInt64(bound).multipliedFullWidth(by: next()).high)
    }

    /// A uniform integer in `-radius...radius`.
    mutating func offset(within radius: Int) -> Int {
        below(2 * radius + 1) - radius
    }
}
