import FilterGraph

/// Where the graph's one colour conversion happens.
///
/// A 4:2:0 video of stacked straight bands is composited in 4:4:4 YUV (BT.709, limited range):
/// each step picture is converted once, at the step rate, and per frame only the chroma is
/// subsampled to 4:2:0. Unsubsampled, every offset stays exact and a band's edge stays crisp
/// (the reason compositing never happens in 4:2:0). Everything else composites in planar RGB and
/// converts once at the end: RGB outputs (no conversion at all), effects and resampling modes
/// (their filters work in RGB), contour strips (their alpha slides as grey RGB), previews and
/// 10-bit or 4:2:2 outputs (converted from RGB directly, at their own precision).
extension RenderGraphBuilder {
    /// The pixel format the bands are composited in (see ``compositesInYUV``).
    var compositingPixelFormat: String { compositesInYUV ? "yuv444p" : Self.workingPixelFormat }
    /// The same, as overlay's `format` option.
    var compositingOverlayFormat: String { compositesInYUV ? "yuv444" : "gbrp" }

    /// True when the render may composite in 4:4:4 YUV: stacked bands, exact motion, no effects,
    /// no preview scaling, and a 4:2:0 8-bit output.
    public static func compositesInYUV(plan: MotionPlan, settings: RenderSettings) -> Bool {
        guard StripLayout(plan: plan).isStacked, settings.effects.isEmpty, settings.preview == nil,
              settings.video.codec.pixelFormat == "yuv420p" else { return false }
        if case .exact = settings.interpolation { return true }
        return false
    }

    /// Step pictures (in the working RGB format) to the compositing format, once per step.
    func toCompositingFormat() -> [Filter] {
        guard compositesInYUV else { return [] }
        return [
            Filter("scale", ["flags": Self.conversionFlags, "out_color_matrix": "bt709", "out_range": "tv"]),
            Filter("format", ["pix_fmts": "yuv444p"]),
        ]
    }

    /// swscale flags of the RGB → YUV conversion.
    static let conversionFlags = "bicubic+accurate_rnd+full_chroma_int"

    /// The last conversion to the encoder's YUV format: from RGB, or from 4:4:4 YUV (a chroma
    /// subsample; the matrix and range are stated on both sides so nothing else changes).
    func toOutputYUV() -> [Filter] {
        // Subsampled per step, the bands are stacked in 4:2:0 already.
        if subsamplesPerStep { return [] }
        guard compositesInYUV else {
            return [Filter("scale", ["flags": Self.conversionFlags, "out_color_matrix": "bt709", "out_range": "tv"])]
        }
        return [Filter("scale", ["flags": Self.subsamplingFlags, "in_color_matrix": "bt709", "in_range": "tv",
                                 "out_color_matrix": "bt709", "out_range": "tv"])]
    }

    /// swscale flags of the 4:4:4 → 4:2:0 chroma subsample.
    static let subsamplingFlags = "bicubic+accurate_rnd"
}
