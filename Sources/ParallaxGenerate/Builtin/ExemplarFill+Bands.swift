import ParallaxCore

extension ExemplarFill {
    /// Fills each band (a range of rows, as the layers cut the image) on its own: only the band's
    /// own pixels serve as context and sources, so a gap at a band's bottom edge is not grown from
    /// the next band's sky or grass. Masked pixels outside every band get the whole-image fill.
    /// This is the fill the step loop should use; `fill(_:mask:)` knows no bands.
    public func fill(_ image: Raster, mask: Raster, bands: [Range<Int>]) -> Raster {
        precondition(image.channels == 3 && mask.channels == 1, "fill needs an RGB image and a gray mask")
        precondition(image.width == mask.width && image.height == mask.height, "image and mask sizes differ")
        let width = image.width
        var output = image
        var covered = [Bool](repeating: false, count: image.height)
        var jobs: [(rows: Range<Int>, fill: ExemplarFill, image: Raster, mask: Raster, masked: Int)] = []
        for (index, band) in bands.enumerated() {
            let rows = band.clamped(to: 0..<image.height)
            guard !rows.isEmpty else { continue }
            for y in rows { covered[y] = true }
            let bandMask = Raster(width: width, height: rows.count, channels: 1,
                                  pixels: Array(mask.pixels[(rows.lowerBound * width)..<(rows.upperBound * width)]))
            let masked = bandMask.pixels.count { $0 != 0 }
            guard masked > 0 else { continue }
            let bandImage = Raster(width: width, height: rows.count, channels: 3,
                                   pixels: Array(image.pixels[(rows.lowerBound * width * 3)..<(rows.upperBound * width * 3)]))
            // A different stream per band, still fixed by the seed.
            let bandFill = ExemplarFill(seed: seed &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15, patchSize: patchSize,
                                        searchRadius: searchRadius, sourceClearance: sourceClearance,
                                        refinementPasses: refinementPasses)
            jobs.append((rows, bandFill, bandImage, bandMask, masked))
        }
        // Independent bands, filled at once, the largest gap first (the cores then finish together).
        let bandJobs = jobs.sorted { $0.masked > $1.masked }
        let filled = Parallel.map(bandJobs.count) { bandJobs[$0].fill.fill(bandJobs[$0].image, mask: bandJobs[$0].mask) }
        for (job, band) in zip(bandJobs, filled) {
            output.pixels.replaceSubrange((job.rows.lowerBound * width * 3)..<(job.rows.upperBound * width * 3), with: band.pixels)
        }
        var rest = Raster(width: width, height: image.height, channels: 1)
        for y in 0..<image.height where !covered[y] {
            for x in 0..<width { rest.pixels[y * width + x] = mask.pixels[y * width + x] }
        }
        return rest.pixels.contains(where: { $0 != 0 }) ? fill(output, mask: rest) : output
    }
}
