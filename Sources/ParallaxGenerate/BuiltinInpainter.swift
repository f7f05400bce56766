import ParallaxCore

/// The default inpainter: ``ExemplarFill`` run in process, band by band, so each gap is filled
/// from its own layer's texture. Deterministic for a seed.
public final class BuiltinInpainter: Inpainter {
    public let name = "builtin"
    public let patchSize: Int

    public init(patchSize: Int = 9) {
        self.patchSize = patchSize
    }

    public func inpaint(_ request: InpaintRequest) throws -> Raster {
        var output = request.image
        let width = request.image.width
        for band in request.bands {
            let rows = band.rows
            let maskSlice = Array(request.mask.pixels[(rows.lowerBound * width)..<(rows.upperBound * width)])
            guard maskSlice.contains(where: { $0 != 0 }) else { continue }
            let imageSlice = Array(request.image.pixels[(rows.lowerBound * width * 3)..<(rows.upperBound * width * 3)])
            let fill = ExemplarFill(seed: StepSeed.derive(seed: request.seed, step: request.step, salt: UInt64(band.layerIndex + 1)),
                                    patchSize: patchSize)
            let filled = fill.fill(Raster(width: width, height: rows.count, channels: 3, pixels: imageSlice),
                                   mask: Raster(width: width, height: rows.count, channels: 1, pixels: maskSlice))
            output.pixels.replaceSubrange((rows.lowerBound * width * 3)..<(rows.upperBound * width * 3), with: filled.pixels)
        }
        return output
    }
}
