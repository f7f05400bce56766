/// How the final frames are encoded and muxed: one codec, its settings, and the container.
public struct VideoEncoding: Hashable, Sendable {
    public var codec: VideoCodec
    /// Constant rate factor for codecs that have one; nil keeps the codec's default.
    public var crf: Int?
    /// Encoder speed: libx264/libx265 preset names ("medium", "veryfast"), libvpx-vp9 cpu-used
    /// (0 slowest … 8 fastest).
    public var preset: String?
    /// Muxer short name; nil lets libavformat choose by the output's extension.
    public var container: String?
    /// The highest x86 instruction set libx264 may use (its `asm` parameter, e.g. "avx2"); nil
    /// lets it use all the CPU has. Renders that must repeat bit for bit set it (see
    /// `VideoEncoding.forThisHost` in ParallaxAV); it must not exceed what the CPU supports.
    public var instructionSetCeiling: String?

    public init(codec: VideoCodec = .h264, crf: Int? = nil, preset: String? = nil, container: String? = nil,
                instructionSetCeiling: String? = nil) {
        self.codec = codec
        self.crf = crf
        self.preset = preset
        self.container = container ?? codec.requiredContainer
        self.instructionSetCeiling = instructionSetCeiling
    }

    /// libx264's speed presets, fastest first.
    public static let h264Presets = ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium",
                                     "slow", "slower", "veryslow", "placebo"]

    /// Options given to the encoder, in the order both the shim and the ffmpeg command use.
    public var encoderOptions: [(key: String, value: String)] {
        var options: [(key: String, value: String)] = []
        if codec.supportsCRF { options.append(("crf", String(crf ?? codec.defaultCRF))) }
        if codec.supportsPreset { options.append((codec.presetOption, preset ?? codec.defaultPreset)) }
        if !codec.isRGB && codec != .gif {
            // Tag the stream as the graph converted it, so players decode the colours right.
            options += [("color_range", "tv"), ("colorspace", "bt709"), ("color_primaries", "bt709"), ("color_trc", "bt709")]
        }
        if codec.supportsInstructionSetCeiling, let ceiling = instructionSetCeiling {
            options.append(("x264-params", "asm=\(ceiling)"))
        }
        return options + codec.fixedOptions
    }

    /// Options given to the muxer (MP4 gets its index up front so players start at once).
    public var muxerOptions: [(key: String, value: String)] {
        switch container {
        case "mp4", "mov": [("movflags", "+faststart")]
        case nil where codec.fastStartByDefault: [("movflags", "+faststart")]
        case "image2": [("start_number", "0")]
        default: []
        }
    }

    /// The audio encoder that goes with this video, or nil when the format holds no sound.
    public var audio: AudioEncoding? {
        guard codec.carriesAudio else { return nil }
        switch codec {
        case .vp9: return .opus
        case .ffv1: return .lossless  // a check render: the sound exact too
        default: return .aac
        }
    }
}

/// The video codecs the renderer can write.
public enum VideoCodec: String, CaseIterable, Hashable, Sendable {
    /// H.264 in 4:2:0, the default: plays everywhere.
    case h264
    /// H.265/HEVC (libx265): smaller files at the same quality.
    case h265
    /// VP9 (libvpx-vp9) for WebM.
    case vp9
    /// Apple ProRes 422 HQ (prores_ks) in MOV, for editing.
    case prores
    /// Animated GIF with a palette made from the video itself.
    case gif
    /// A PNG per frame (image2): the output is a folder.
    case png
    /// FFV1 in RGB: lossless, for checking renders pixel by pixel.
    case ffv1

    public var encoder: String {
        switch self {
        case .h264: "libx264"
        case .h265: "libx265"
        case .vp9: "libvpx-vp9"
        case .prores: "prores_ks"
        case .gif: "gif"
        case .png: "png"
        case .ffv1: "ffv1"
        }
    }

    /// The codec an output file name asks for (by extension), or nil to keep the default.
    public static func forOutput(_ path: String) -> VideoCodec? {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return .png }  // no extension: a frame folder
        switch name[name.index(after: dot)...].lowercased() {
        case "webm": return .vp9
        case "mov": return .prores
        case "gif": return .gif
        case "png": return .png
        default: return nil
        }
    }

    /// The pixel format frames are converted to, once, at the end of the graph.
    public var pixelFormat: String {
        switch self {
        case .h264, .h265, .vp9: "yuv420p"
        case .prores: "yuv422p10le"
        case .gif: "pal8"
        case .png: "rgb24"
        case .ffv1: "bgr0"
        }
    }

    /// 4:2:0 and 4:2:2 need even sizes; odd ones are padded by repeating the last row or column.
    public var needsEvenSize: Bool { pixelFormat.hasSuffix("420p") || pixelFormat.hasPrefix("yuv422") }
    public var isRGB: Bool { ["gbr", "rgb", "bgr"].contains { pixelFormat.hasPrefix($0) } }
    public var carriesAudio: Bool { self != .gif && self != .png }
    /// The output is a folder of numbered images rather than one file.
    public var writesFolder: Bool { self == .png }

    var supportsInstructionSetCeiling: Bool { self == .h264 }
    /// The muxer this codec needs whatever the file is called.
    var requiredContainer: String? {
        switch self {
        case .png: "image2"
        case .gif: "gif"
        default: nil
        }
    }

    var fastStartByDefault: Bool { [.h264, .h265, .prores, .ffv1].contains(self) }

    public var supportsCRF: Bool { [.h264, .h265, .vp9].contains(self) }
    /// The encoder's constant-rate-factor scale (libx264/libx265 0–51, libvpx-vp9 0–63).
    public var crfRange: ClosedRange<Int>? {
        switch self {
        case .h264, .h265: 0...51
        case .vp9: 0...63
        default: nil
        }
    }

    var supportsPreset: Bool { [.h264, .h265, .vp9].contains(self) }
    var presetOption: String { self == .vp9 ? "cpu-used" : "preset" }
    var defaultPreset: String { self == .vp9 ? "2" : "medium" }
    var fastestPreset: String { self == .vp9 ? "8" : "ultrafast" }
    var defaultCRF: Int {
        switch self {
        case .h265: 22
        case .vp9: 31
        default: 18
        }
    }
    var previewCRF: Int {
        switch self {
        case .vp9: 40
        default: 28
        }
    }
    var fixedOptions: [(key: String, value: String)] {
        switch self {
        case .h265: [("x265-params", "log-level=error")]
        case .vp9: [("b", "0"), ("deadline", "good")]  // b=0 makes crf a constant quality
        case .prores: [("profile", "3")]
        default: []
        }
    }
}

/// The audio encoder and its settings, shared by the shim and the ffmpeg command.
public struct AudioEncoding: Hashable, Sendable {
    public let encoder: String
    /// nil for uncompressed sound.
    public let bitRate: String?
    /// The sample format the mix ends in (the encoder's own, so no conversion is left to chance).
    public let sampleFormat: String
    /// Samples per encoder frame. The graph itself cuts the sound into frames this long:
    /// ffmpeg 5.1 sets its sink's frame size only after the first frame has been pulled, which
    /// fails with "more samples than frame size" otherwise.
    public let frameSize: Int

    public static let aac = AudioEncoding(encoder: "aac", bitRate: "192k", sampleFormat: "fltp", frameSize: 1024)
    public static let opus = AudioEncoding(encoder: "libopus", bitRate: "192k", sampleFormat: "flt", frameSize: 960)
    /// 32-bit float PCM: the mix's own samples, so two FFmpeg releases can be compared exactly.
    public static let lossless = AudioEncoding(encoder: "pcm_f32le", bitRate: nil, sampleFormat: "flt", frameSize: 1024)

    public var encoderOptions: [(key: String, value: String)] { bitRate.map { [("b", $0)] } ?? [] }
}
