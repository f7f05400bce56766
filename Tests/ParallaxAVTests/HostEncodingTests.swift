import Foundation
import ParallaxAV
import ParallaxCore
import Testing

@Suite("Encoding adapted to this machine")
struct HostEncodingTests {
    /// Whether this CPU has what libavutil calls AVX-512 (AVX512F, DQ, CD, BW and VL, the set
    /// libx264's AVX-512 code needs), read from the kernel's flags rather than from libavutil,
    /// so the test does not ask the code under test for its own answer.
    static var cpuHasAVX512: Bool {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8),
              let line = info.split(separator: "\n").first(where: { $0.hasPrefix("flags") }) else { return false }
        let flags = Set(line.split(separator: " ").map(String.init))
        return ["avx2", "avx512f", "avx512dq", "avx512cd", "avx512bw", "avx512vl"].allSatisfy(flags.contains)
    }

    @Test("H.264 is capped at AVX2 exactly on AVX-512 machines; other codecs and chosen ceilings are kept")
    func adaptation() throws {
        try #require(FileManager.default.isReadableFile(atPath: "/proc/cpuinfo"), "the oracle reads /proc/cpuinfo")
        #expect(VideoEncoding(codec: .ffv1).forThisHost == VideoEncoding(codec: .ffv1))
        let chosen = VideoEncoding(codec: .h264, instructionSetCeiling: "sse4")
        #expect(chosen.forThisHost == chosen)
        let expected: String? = Self.cpuHasAVX512 ? "avx2" : nil
        #expect(VideoEncoding(codec: .h264).forThisHost.instructionSetCeiling == expected,
                "this CPU \(Self.cpuHasAVX512 ? "has" : "lacks") AVX-512")
    }
}
