/// The seed an inpainter gets for one step: a fixed function of the run's seed and the step
/// number, so a resumed run fills every step exactly as an uninterrupted one would.
public enum StepSeed {
    /// SplitMix64 of (seed, step), kept to 31 bits so every tool (numpy, torch, ComfyUI) accepts it.
    public static func derive(seed: UInt64, step: Int, salt: UInt64 = 0) -> UInt64 {
        var z = seed &+ UInt64(truncatingIfNeeded: step) &* 0x9E37_79B9_7F4A_7C15 &+ salt &* 0xD1B5_4A32_D192_ED03
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return z & 0x7FFF_FFFF
    }
}
