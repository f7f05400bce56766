import Foundation
import Testing
import TestSupport

/// The C shim builds on FFmpeg 5.1 (this machine) and uses nothing FFmpeg 7 and later removed:
/// a scan of its sources for the names those releases dropped, and version macros read in one
/// file only.
@Suite struct ShimAPITests {
    static let shimFolder = CurrentFFmpeg.repositoryRoot + "/Sources/CParallaxAV"

    static func sources() throws -> [(name: String, text: String)] {
        let files = try FileManager.default.contentsOfDirectory(atPath: shimFolder).filter { $0.hasSuffix(".c") || $0.hasSuffix(".h") }
        return try files.sorted().map { ($0, try String(contentsOfFile: shimFolder + "/" + $0, encoding: .utf8)) }
    }

    /// Code lines only: comments may name what the code avoids.
    static func code(_ text: String) -> String {
        text.split(separator: "\n").map { line in
            line.range(of: "//").map { String(line[..<$0.lowerBound]) } ?? String(line)
        }.joined(separator: "\n")
    }

    @Test("no API that FFmpeg 7 or later removed", arguments: [
        "->channels", "->channel_layout", "av_get_channel_layout", "avcodec_close", "av_init_packet",
        "pkt_duration", "key_frame", "interlaced_frame", "top_field_first", "ticks_per_frame",
        "reordered_opaque", "avfilter_pad_count", "av_stream_get_side_data", "output_pads", "input_pads",
        "avcodec_get_frame_class", "AV_CODEC_CAP_SUBFRAMES",
    ])
    func noRemovedAPI(name: String) throws {
        for (file, text) in try Self.sources() {
            #expect(!Self.code(text).contains(name), "\(file) uses \(name)")
        }
    }

    @Test func versionMacrosAreReadInOnePlace() throws {
        let users = try Self.sources().filter { Self.code($0.text).contains("_VERSION_INT") }.map(\.name)
        #expect(users == ["pav_compat.h"])
    }
}
