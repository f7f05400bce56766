import CParallaxAV

/// How a PNG's pixels are compressed. Either way the file is a standard PNG (IHDR, sRGB, IDAT,
/// IEND) of the same pixels, and its bytes depend only on the pixels.
public enum PNGEncoding: Sendable {
    /// libpng's fast simplified writer (no row filter, zlib level 3): masks and pictures that
    /// are read once.
    case compact
    /// Stored zlib blocks and no row filter: about 1.6 times the size of `.compact` on
    /// photographs, several times faster to decode. Step images and strips, which the render
    /// decodes once per step with FFmpeg's PNG decoder (bench/RESULTS.md, step-png).
    case quickToDecode

    var code: Int32 {
        switch self {
        case .compact: Int32(PAV_PNG_COMPACT)
        case .quickToDecode: Int32(PAV_PNG_QUICK_TO_DECODE)
        }
    }
}
