import ParallaxCore
import Testing
@testable import ParallaxGenerate

private typealias Images = ExemplarFillTestImages
private typealias Measure = ExemplarFillMeasure

/// The gap can open on any side of a band, at any angle, or span a whole band.
@Suite struct ExemplarFillShapeTests {
    enum Side: String, CaseIterable { case left, right, top, bottom, diagonal }

    private static func inside(_ side: Side, width: Int, height: Int) -> (Int, Int) -> Bool {
        switch side {
        case .left: return { x, _ in x < 24 }
        case .right: return { x, _ in x >= width - 24 }
        case .top: return { _, y in y < 16 }
        case .bottom: return { _, y in y >= height - 16 }
        // A 24 px band at 45°, crossing the image.
        case .diagonal: return { x, y in abs((x - y) - 20) < 12 }
        }
    }

    @Test(arguments: Side.allCases)
    func aStripOnAnySideIsFilledToMatchItsSurroundings(side: Side) {
        let texture = Images.noise(width: 100, height: 90, seed: 21)
        let inside = Self.inside(side, width: texture.width, height: texture.height)
        let mask = Images.mask(width: texture.width, height: texture.height, inside)
        let output = ExemplarFill(seed: 2).fill(Measure.scrambled(texture, mask: mask), mask: mask)
        let unmaskedError = Measure.meanAbsoluteError(output, texture) { x, y in !inside(x, y) }
        #expect(unmaskedError == 0)
        let filled = Measure.meanColour(output, where: inside)
        let known = Measure.meanColour(texture) { x, y in !inside(x, y) }
        #expect(Measure.largestChannelGap(filled, known) < 4, "\(side): filled \(filled) known \(known)")
        // No stale magenta left behind.
        let magenta = (0..<(texture.width * texture.height)).filter {
            output.pixels[$0 * 3] == 255 && output.pixels[$0 * 3 + 1] == 0 && output.pixels[$0 * 3 + 2] == 255
        }
        #expect(magenta.isEmpty)
    }

    @Test(arguments: [Side.left, .right, .top, .bottom])
    func stripesContinueIntoAStripOnAnySide(side: Side) {
        // Stripes running along the strip, so the strip's continuation is known exactly.
        let stripes = (side == .top || side == .bottom) ? Images.verticalStripes() : Images.horizontalStripes()
        let inside = Self.inside(side, width: stripes.width, height: stripes.height)
        let mask = Images.mask(width: stripes.width, height: stripes.height, inside)
        let output = ExemplarFill(seed: 4).fill(Measure.scrambled(stripes, mask: mask), mask: mask)
        let error = Measure.meanAbsoluteError(output, stripes, where: inside)
        #expect(error < 5, "\(side): mean abs error \(error)")
    }

    @Test func aMaskAcrossAWholeBandIsFilledFromAboveAndBelow() {
        // Horizontal stripes; the band y in 30..<50 is masked edge to edge.
        let stripes = Images.horizontalStripes()
        let inside: (Int, Int) -> Bool = { _, y in y >= 30 && y < 50 }
        let mask = Images.mask(width: stripes.width, height: stripes.height, inside)
        let output = ExemplarFill(seed: 9).fill(Measure.scrambled(stripes, mask: mask), mask: mask)
        let filled = Measure.meanColour(output, where: inside)
        let known = Measure.meanColour(stripes) { x, y in !inside(x, y) }
        #expect(Measure.largestChannelGap(filled, known) < 20, "filled \(filled) known \(known)")
        #expect(Measure.meanAbsoluteError(output, stripes) { x, y in !inside(x, y) } == 0)
    }

    @Test func anAllMaskedImageBecomesMidGray() {
        let image = Images.noise(width: 32, height: 20)
        let mask = Raster(width: 32, height: 20, channels: 1, fill: 255)
        let output = ExemplarFill().fill(image, mask: mask)
        #expect(output.pixels.allSatisfy { $0 == 128 })
    }

    @Test func anImageTooSmallForPatchesIsFilledFromItsNeighbours() {
        // 4x4 with only the left column known: no 3x3 known patch exists.
        let image = Images.image(width: 4, height: 4) { _, y in (50 + y * 10, 100, 150) }
        let mask = Images.mask(width: 4, height: 4) { x, _ in x >= 1 }
        let output = ExemplarFill().fill(Measure.scrambled(image, mask: mask), mask: mask)
        for y in 0..<4 {
            for x in 1..<4 { #expect(abs(Int(output[x, y, 1]) - 100) <= 1) }
        }
    }
}

@Suite struct ExemplarFillBandTests {
    /// Two bands: red noise on top (rows 0..<40), green noise below. The top band moved up, so its
    /// gap is its bottom 12 rows, right against the green band.
    private static func twoBands() -> (Raster, Raster, (Int, Int) -> Bool) {
        let red = ExemplarFillTestImages.noise(width: 90, height: 40, seed: 3)
        var image = ExemplarFillTestImages.image(width: 90, height: 80) { x, y in
            y < 40 ? (Int(red[x, y, 0]) + 80, 30, 30) : (30, 150 + (x * 7 + y * 13) % 40, 30)
        }
        let inside: (Int, Int) -> Bool = { _, y in y >= 28 && y < 40 }
        let mask = ExemplarFillTestImages.mask(width: 90, height: 80, inside)
        image = ExemplarFillMeasure.scrambled(image, mask: mask)
        return (image, mask, inside)
    }

    @Test func aGapAtABandsEdgeIsFilledFromItsOwnBandOnly() {
        let (image, mask, inside) = Self.twoBands()
        let output = ExemplarFill(seed: 1).fill(image, mask: mask, bands: [0..<40, 40..<80])
        let filled = ExemplarFillMeasure.meanColour(output, where: inside)
        #expect(filled[0] > 120 && filled[1] < 60, "the top band's gap took the other band's colour: \(filled)")
        #expect(ExemplarFillMeasure.meanAbsoluteError(output, image) { x, y in !inside(x, y) } == 0)
    }

    /// The rows `band` of `image`, as an image of their own.
    private static func rows(_ image: Raster, _ band: Range<Int>) -> Raster {
        let row = image.width * image.channels
        return Raster(width: image.width, height: band.count, channels: image.channels,
                      pixels: Array(image.pixels[(band.lowerBound * row)..<(band.upperBound * row)]))
    }

    @Test func bandsFillTheSameAsSeparateImages() {
        let (image, mask, _) = Self.twoBands()
        let bands = [0..<40, 40..<80]
        let whole = ExemplarFill(seed: 4).fill(image, mask: mask, bands: bands)
        // Each band cut out as an image of its own and filled alone, with the seed the band fill
        // gives band i (seed + i·0x9E3779B97F4A7C15), must come out exactly as in the whole.
        for (index, band) in bands.enumerated() {
            let seed = UInt64(4) &+ UInt64(index) &* 0x9E37_79B9_7F4A_7C15
            let alone = ExemplarFill(seed: seed).fill(Self.rows(image, band), mask: Self.rows(mask, band))
            #expect(Self.rows(whole, band) == alone, "band \(index) filled unlike the same band as an image alone")
        }
        // Rows outside every band are still filled (by the whole-image fill).
        let partial = ExemplarFill(seed: 4).fill(image, mask: mask, bands: [40..<80])
        #expect(!(28..<40).contains { y in (0..<90).contains { x in partial[x, y, 0] == 255 && partial[x, y, 1] == 0 } })
    }
}
