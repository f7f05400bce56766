import ParallaxCore

/// The built-in inpainter's fill: context-aware, no network, no model, deterministic for a seed.
///
/// First version: each masked run of a row is filled by reflecting the known pixels beside it,
/// which continues the band's texture at the seam. (To be replaced by a patch-based fill.)
public struct ExemplarFill: Sendable {
    public let seed: UInt64
    public let patchSize: Int

    public init(seed: UInt64 = 0, patchSize: Int = 9) {
        self.seed = seed
        self.patchSize = patchSize
    }

    /// `image`: RGB (3 channels). `mask`: gray (1 channel), same size; non-zero means fill.
    /// Returns the image with masked pixels filled and every other pixel unchanged.
    public func fill(_ image: Raster, mask: Raster) -> Raster {
        precondition(image.channels == 3 && mask.channels == 1, "fill needs an RGB image and a gray mask")
        precondition(image.width == mask.width && image.height == mask.height, "image and mask sizes differ")
        var output = image
        let width = image.width
        for y in 0..<image.height {
            var x = 0
            while x < width {
                guard mask.pixels[y * width + x] != 0 else { x += 1; continue }
                var end = x
                while end < width, mask.pixels[y * width + end] != 0 { end += 1 }
                for target in x..<end {
                    // Reflect across the nearer known edge of the run.
                    let fromLeft = x - 1 - (target - x), fromRight = end + (end - 1 - target)
                    var source = (target - x < end - target) ? fromLeft : fromRight
                    if source < 0 || source >= width || (source >= x && source < end) {
                        source = x > 0 ? min(x - 1, width - 1) : min(end, width - 1)
                    }
                    if source >= x && source < end { continue }
                    for channel in 0..<3 {
                        output.pixels[(y * width + target) * 3 + channel] = image.pixels[(y * width + source) * 3 + channel]
                    }
                }
                x = end
            }
        }
        return output
    }
}
