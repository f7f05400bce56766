import ArgumentParser
import ParallaxCore

/// Flags that choose how the video is encoded.
struct EncodingOptions: ParsableArguments {
    @Option(help: "Video codec: \(VideoCodec.allCases.map(\.rawValue).joined(separator: ", ")).")
    var codec: VideoCodec = .h264

    @Option(help: "Constant rate factor (lower is better and larger; H.264 default 18).")
    var crf: Int?

    @Option(help: "Encoder speed preset (H.264: ultrafast … veryslow; default medium).")
    var preset: String?

    @Option(help: "Container format (mp4, matroska, mov, nut); by default from the output's extension.")
    var container: String?

    func validate() throws {
        if let crf, !(0...51).contains(crf) { throw ValidationError("--crf must be between 0 and 51, got \(crf)") }
        if let preset, codec == .h264, !VideoEncoding.h264Presets.contains(preset) {
            throw ValidationError("--preset must be one of \(VideoEncoding.h264Presets.joined(separator: ", ")), got \(preset)")
        }
    }

    var encoding: VideoEncoding {
        VideoEncoding(codec: codec, crf: crf, preset: preset, container: container)
    }
}

extension VideoCodec: ExpressibleByArgument {}
