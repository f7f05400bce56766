import ParallaxAV
import ParallaxCore
import Testing

@Suite("Encoding adapted to this machine")
struct HostEncodingTests {
    @Test("only H.264 without a chosen ceiling is adapted, and at most to AVX2")
    func adaptation() {
        #expect(VideoEncoding(codec: .ffv1).forThisHost == VideoEncoding(codec: .ffv1))
        let chosen = VideoEncoding(codec: .h264, instructionSetCeiling: "sse4")
        #expect(chosen.forThisHost == chosen)
        #expect([nil, "avx2"].contains(VideoEncoding(codec: .h264).forThisHost.instructionSetCeiling))
    }
}
