import ParallaxAV
import ParallaxCore

/// Small PNGs for tests.
public enum PNGImageFixture {
    /// Writes a mid-gray RGB PNG of the given size.
    public static func write(width: Int, height: Int, to path: String, fill: UInt8 = 128) throws {
        try PNGImage.write(Raster(width: width, height: height, channels: 3, fill: fill), to: path)
    }
}
