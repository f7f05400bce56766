/// How the final frames are encoded and muxed: one codec, its settings, and the container.
public struct VideoEncoding: Hashable, Sendable {
    public var codec: VideoCodec
    /// Constant rate factor for codecs that have one; nil keeps the codec's default.
    public var crf: Int?
    /// Encoder speed preset for codecs that have one (libx264's "medium", "veryfast").
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
        self.container = container
        self.instructionSetCeiling = instructionSetCeiling
    }

    /// libx264's speed presets, fastest first.
    public static let h264Presets = ["ultrafast", "superfast", "veryfast", "faster", "fast", "medium",
                                     "slow", "slower", "veryslow", "placebo"]

    /// Options given to the encoder, in the order both the shim and the ffmpeg command use.
    public var encoderOptions: [(key: String, value: String)] {
        var options: [(key: String, value: String)] = []
        if codec.supportsCRF { options.append(("crf", String(crf ?? codec.defaultCRF))) }
        if codec.supportsPreset { options.append(("preset", preset ?? "medium")) }
        if !codec.isRGB {
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
        case "mp4", "mov", nil: [("movflags", "+faststart")]
        default: []
        }
    }
}

/// The video codecs the renderer can write.
public enum VideoCodec: String, CaseIterable, Hashable, Sendable {
    /// H.264 in 4:2:0, the default: plays everywhere.
    case h264
    /// FFV1 in RGB: lossless, for checking renders pixel by pixel.
    case ffv1

    public var encoder: String {
        switch self {
        case .h264: "libx264"
        case .ffv1: "ffv1"
        }
    }

    /// The pixel format frames are converted to, once, at the end of the graph.
    public var pixelFormat: String {
        switch self {
        case .h264: "yuv420p"
        case .ffv1: "bgr0"
        }
    }

    /// 4:2:0 needs even sizes; odd ones are padded by repeating the last row or column.
    public var needsEvenSize: Bool { pixelFormat.hasSuffix("420p") }
    public var isRGB: Bool { ["gbr", "rgb", "bgr"].contains { pixelFormat.hasPrefix($0) } }

    var supportsCRF: Bool { self == .h264 }
    var supportsPreset: Bool { self == .h264 }
    var supportsInstructionSetCeiling: Bool { self == .h264 }
    var defaultCRF: Int { 18 }
    var fixedOptions: [(key: String, value: String)] { [] }
}
