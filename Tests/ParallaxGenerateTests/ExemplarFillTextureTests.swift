import ParallaxCore
import Testing
@testable import ParallaxGenerate

private typealias Images = ExemplarFillTestImages
private typealias Measure = ExemplarFillMeasure

/// A strip cut out of a texture whose continuation is known must come back close to the original.
@Suite struct ExemplarFillTextureTests {
    private func refill(_ image: Raster, seed: UInt64 = 5, name: String = #function,
                        _ inside: @escaping (Int, Int) -> Bool) -> (Raster, Double) {
        let mask = Images.mask(width: image.width, height: image.height, inside)
        let output = ExemplarFill(seed: seed).fill(Measure.scrambled(image, mask: mask), mask: mask)
        Images.dump(output, String(name.prefix { $0 != "(" }))
        return (output, Measure.meanAbsoluteError(output, image, where: inside))
    }

    @Test func aSmoothGradientStripComesBackClose() {
        // Known on both sides; the colour also changes across the strip (0.5 level per px), so
        // copies from either side are off and the seam blend has to pull them back.
        let (_, error) = refill(Images.gradient()) { x, _ in x >= 48 && x < 72 }
        #expect(error < 6, "mean abs error \(error)")
    }

    @Test func aGradientStripAtTheTrailingEdgeComesBackClose() {
        let (_, error) = refill(Images.gradient()) { x, _ in x >= 96 }
        #expect(error < 6, "mean abs error \(error)")
    }

    @Test(arguments: [1, 2, 3, 5, 8] as [UInt64])
    func verticalStripesContinueAcrossAStrip(seed: UInt64) {
        let (_, error) = refill(Images.verticalStripes(), seed: seed) { x, _ in x >= 48 && x < 72 }
        #expect(error < 4, "mean abs error \(error)")
    }

    @Test(arguments: [1, 2, 3, 5, 8] as [UInt64])
    func horizontalStripesContinueIntoARightEdgeStrip(seed: UInt64) {
        let (_, error) = refill(Images.horizontalStripes(), seed: seed) { x, _ in x >= 96 }
        #expect(error < 4, "mean abs error \(error)")
    }

    @Test func aNoiseStripHasNoSeam() {
        let texture = Images.noise()
        let (output, _) = refill(texture) { x, _ in x >= 96 }
        let filled = Measure.meanColour(output) { x, _ in x >= 96 }
        let beside = Measure.meanColour(texture) { x, _ in x >= 72 && x < 96 }
        #expect(Measure.largestChannelGap(filled, beside) < 4, "filled \(filled) beside \(beside)")
        // And it is still noise, not a smooth smear: neighbouring pixels differ as much as in the source.
        #expect(roughness(output, columns: 96..<120) > 0.6 * roughness(texture, columns: 72..<96))
    }

    @Test func theLandscapeStripContinuesEachRegion() throws {
        let landscape = try Images.landscape()
        let width = landscape.width
        let (output, _) = refill(landscape) { x, _ in x >= width - 24 }
        // The regions that run across the whole picture (see fixtures/make_landscape.py): the
        // filled strip must carry on each one's colour. (Mountains and hills may take another,
        // equally plausible outline, so they are not compared.)
        let regions = ["sky": 0..<40, "lake": 188..<213, "grass": 222..<270]
        for (name, rows) in regions {
            let filled = Measure.meanColour(output) { x, y in x >= width - 24 && rows.contains(y) }
            let beside = Measure.meanColour(landscape) { x, y in x >= width - 48 && x < width - 24 && rows.contains(y) }
            #expect(Measure.largestChannelGap(filled, beside) < 6, "\(name): filled \(filled) beside \(beside)")
            #expect(roughness(output, columns: (width - 24)..<width, rows: rows)
                    > 0.6 * roughness(landscape, columns: (width - 48)..<(width - 24), rows: rows), "\(name) is smeared")
        }
    }

    /// Mean absolute difference between horizontal neighbours, over some columns.
    private func roughness(_ image: Raster, columns: Range<Int>, rows: Range<Int>? = nil) -> Double {
        var total = 0, count = 0
        for y in rows ?? 0..<image.height {
            for x in columns.dropLast() {
                for c in 0..<3 { total += abs(Int(image[x, y, c]) - Int(image[x + 1, y, c])) }
                count += 3
            }
        }
        return Double(total) / Double(count)
    }
}
