import CParallaxAV
import ParallaxCore

/// PNG reading and writing through libpng.
public enum PNGImage {
    /// Reads any PNG as 8-bit RGB (channels 3), RGBA (channels 4) or gray (channels 1).
    /// The header is checked first: a folder, a FIFO or a picture over ``PixelLimit`` is
    /// refused before libpng opens the file.
    public static func read(_ path: String, channels: Int = 3) throws -> Raster {
        _ = try PNGHeader.size(ofFile: path)
        var pixels: UnsafeMutablePointer<UInt8>?
        var width: Int32 = 0, height: Int32 = 0
        do {
            try AVError.check { pav_png_read(path, Int32(channels), &pixels, &width, &height, $0, $1) }
        } catch let error as AVError {
            throw SceneError(file: path, error.message)
        }
        defer { pav_free(pixels) }
        let count = Int(width) * Int(height) * channels
        return Raster(width: Int(width), height: Int(height), channels: channels,
                      pixels: Array(UnsafeBufferPointer(start: pixels, count: count)))
    }

    /// Writes a raster as PNG; callers wanting atomicity write to a temporary name first.
    public static func write(_ raster: Raster, to path: String, encoding: PNGEncoding = .compact) throws {
        do {
            try raster.pixels.withUnsafeBufferPointer { buffer in
                try AVError.check {
                    pav_png_write(path, Int32(raster.channels), buffer.baseAddress, Int32(raster.width),
                                  Int32(raster.height), encoding.code, $0, $1)
                }
            }
        } catch let error as AVError {
            throw SceneError(file: path, error.message)
        }
    }
}
