import ParallaxCore
import Testing
@testable import ParallaxGenerate

private typealias Images = ExemplarFillTestImages
private typealias Measure = ExemplarFillMeasure

@Suite struct ExemplarFillTests {
    @Test func fillsMaskedPixelsAndLeavesEveryOtherByteAlone() throws {
        let landscape = try Images.landscape()
        let mask = Images.mask(width: landscape.width, height: landscape.height) { x, _ in x >= landscape.width - 24 }
        let input = Measure.scrambled(landscape, mask: mask)
        let output = ExemplarFill(seed: 3).fill(input, mask: mask)
        var changed = 0, unmaskedDifferences = 0
        for i in 0..<(input.width * input.height) {
            let differs = (0..<3).contains { input.pixels[i * 3 + $0] != output.pixels[i * 3 + $0] }
            if mask.pixels[i] != 0 { changed += differs ? 1 : 0 } else { unmaskedDifferences += differs ? 1 : 0 }
        }
        #expect(unmaskedDifferences == 0)
        #expect(changed == 24 * landscape.height)
    }

    @Test func sameSeedGivesTheSameFillAndAnotherSeedADifferentOne() {
        let texture = Images.noise()
        let mask = Images.mask(width: texture.width, height: texture.height) { x, _ in x >= 96 }
        let first = ExemplarFill(seed: 11).fill(texture, mask: mask)
        let again = ExemplarFill(seed: 11).fill(texture, mask: mask)
        let other = ExemplarFill(seed: 12).fill(texture, mask: mask)
        #expect(first == again)
        #expect(first != other)
    }

    @Test func anEmptyMaskReturnsTheImageUnchanged() {
        let image = Images.gradient()
        let mask = Raster(width: image.width, height: image.height, channels: 1)
        #expect(ExemplarFill().fill(image, mask: mask) == image)
    }

    @Test(arguments: [1, 2, 3, 5, 8] as [UInt64])
    func aFeatheredMaskIsFilledWhereverItIsNonZero(seed: UInt64) {
        let image = Images.verticalStripes()
        // A soft edge: 1...255 ramps over 8 columns before the solid strip.
        let mask = Images.mask(width: image.width, height: image.height) { x, _ in x >= 88 }
        var soft = mask
        for y in 0..<image.height { for x in 88..<96 { soft.pixels[y * image.width + x] = UInt8(1 + (x - 88) * 30) } }
        let input = Measure.scrambled(image, mask: soft)
        let output = ExemplarFill(seed: seed).fill(input, mask: soft)
        Images.dump(output, "feathered")
        let error = Measure.meanAbsoluteError(output, image) { x, _ in x >= 88 }
        #expect(error < 4, "mean abs error \(error) over the feathered strip")
    }
}
