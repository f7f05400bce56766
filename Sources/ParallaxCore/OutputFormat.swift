/// The kinds of output `--format` names, each with its container and default codec.
///
/// Without `--format` or `--codec` the output's extension decides: `.mp4` (and any other
/// extension FFmpeg has a container for) H.264, `.webm` VP9, `.mov` ProRes, `.gif` GIF, and a name without an extension (or
/// ending in `.png`) a folder of PNG frames.
public enum OutputFormat: String, CaseIterable, Hashable, Sendable {
    case mp4, hevc, webm, mov, mkv, gif, png

    /// The muxer; nil leaves it to the file's extension.
    public var container: String? {
        switch self {
        case .mp4, .hevc: "mp4"
        case .webm: "webm"
        case .mov: "mov"
        case .mkv: "matroska"
        case .gif: "gif"
        case .png: "image2"
        }
    }

    public var defaultCodec: VideoCodec {
        switch self {
        case .mp4, .mkv: .h264
        case .hevc: .h265
        case .webm: .vp9
        case .mov: .prores
        case .gif: .gif
        case .png: .png
        }
    }

    /// The encoding for `output` given the flags (each nil when not given).
    public static func encoding(output: String?, format: OutputFormat?, codec: VideoCodec?, crf: Int?,
                                preset: String?, container: String?) -> VideoEncoding {
        let chosen = codec ?? format?.defaultCodec ?? output.flatMap(VideoCodec.forOutput) ?? .h264
        return VideoEncoding(codec: chosen, crf: crf, preset: preset, container: container ?? format?.container)
    }
}
