import ParallaxCore
import Testing
@testable import ParallaxGenerate

private typealias Images = ExemplarFillTestImages
private typealias Measure = ExemplarFillMeasure

/// A copy brings its source's colour along; the fill must take the colour its surroundings give
/// it at a large scale (a bright tower's texture copied into a dark sky must not stay bright).
@Suite struct ExemplarFillColourTests {
    /// Grain of ±12 levels from a fixed hash, the same kind everywhere.
    static func grain(_ x: Int, _ y: Int) -> Int {
        var h = UInt64(bitPattern: Int64(x &* 73_856_093 ^ y &* 19_349_663))
        h = (h ^ (h >> 33)) &* 0xff51_afd7_ed55_8ccd
        h = (h ^ (h >> 33)) &* 0xc4ce_b9fe_1a85_ec53
        return Int((h ^ (h >> 33)) % 25) - 12
    }

    static let sky = (30, 45, 90)
    static let tower = (200, 190, 170)

    /// Dark sky in the 24 columns beside the gap (all within the fill's source clearance), bright
    /// towers everywhere further left: every source the fill may copy from is tower-coloured.
    static func skyBesideTowers(width: Int = 120, height: Int = 32, gap: Int = 24) -> Raster {
        Images.image(width: width, height: height) { x, y in
            let colour = x >= width - 2 * gap ? sky : tower
            let g = grain(x, y)
            return (colour.0 + g, colour.1 + g, colour.2 + g)
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func aFillWhoseOnlySourcesHaveAnotherColourTakesItsSurroundingsColour(seed: UInt64) {
        let width = 120, height = 32, gap = 24
        let image = Self.skyBesideTowers(width: width, height: height, gap: gap)
        let inGap: (Int, Int) -> Bool = { x, _ in x >= width - gap }
        let mask = Images.mask(width: width, height: height, inGap)
        let output = ExemplarFill(seed: seed).fill(Measure.scrambled(image, mask: mask), mask: mask)
        Images.dump(output, "skyBesideTowers\(seed)")
        // Every 8x8 block of the gap (the scale the harness's coarse score judges) keeps sky colour.
        var worst = 0.0
        for top in stride(from: 0, to: height, by: 8) {
            for left in stride(from: width - gap, to: width, by: 8) {
                let block = Measure.meanColour(output) { x, y in x >= left && x < left + 8 && y >= top && y < top + 8 }
                worst = max(worst, Measure.largestChannelGap(block, [Double(Self.sky.0), Double(Self.sky.1), Double(Self.sky.2)]))
            }
        }
        #expect(worst <= 16, "an 8x8 block of the gap is \(worst) levels off the sky's colour")
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func theCopiedGrainSurvivesTheColourCorrection(seed: UInt64) {
        // Same picture: the gap is not a flat smear of sky colour but keeps grain like the sky's.
        let width = 120, height = 32, gap = 24
        let image = Self.skyBesideTowers(width: width, height: height, gap: gap)
        let mask = Images.mask(width: width, height: height) { x, _ in x >= width - gap }
        let output = ExemplarFill(seed: seed).fill(Measure.scrambled(image, mask: mask), mask: mask)
        func roughness(_ raster: Raster, columns: Range<Int>) -> Double {
            var sum = 0, count = 0
            for y in 0..<height {
                for x in columns.dropLast() {
                    sum += abs(Int(raster[x + 1, y, 1]) - Int(raster[x, y, 1])); count += 1
                }
            }
            return Double(sum) / Double(count)
        }
        let filled = roughness(output, columns: (width - gap)..<width)
        let sky = roughness(image, columns: (width - 2 * gap)..<(width - gap))
        #expect(filled > 0.6 * sky, "roughness \(filled) in the gap, \(sky) in the sky beside it")
    }
}
