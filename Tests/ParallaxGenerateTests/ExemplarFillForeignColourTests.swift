import ParallaxCore
import Testing
@testable import ParallaxGenerate

private typealias Images = ExemplarFillTestImages
private typealias Quality = ExemplarFillQualityTests

/// Light foliage at a band's far end, dark foliage between, and in one part of the band light
/// foliage again with an orange railing seen through it: as the fill's recent sources near the
/// gap are used up, it reaches for the far light foliage, and must not bring the railing's orange
/// along (china.jpg, the default layers: specks of the pagoda's railing all over a tree on the far
/// side of the band, step after step).
@Suite struct ExemplarFillForeignColourTests {
    static let railing = (200, 96, 48)

    /// Grainy leaves with light gaps: light green from x 340 on and between `railingColumns`
    /// (where short orange bars stand every 12 columns), dark green elsewhere.
    static func foliage(width: Int, height: Int, railingColumns: Range<Int>) -> Raster {
        Images.image(width: width, height: height) { x, y in
            let g = ExemplarFillColourTests.grain(x, y)
            let light = (120 + 2 * g, 135 + 2 * g, 110 + g)
            if railingColumns.contains(x) {
                if x % 12 < 3, ExemplarFillColourTests.grain(x / 12, y / 6) >= 0 { return railing }
                return light
            }
            if ExemplarFillColourTests.grain(x &* 7, y &* 11) >= 10 { return (170 + g, 180 + g, 175 + g) }
            return x >= 340 ? light : (50 + 2 * g, 72 + 2 * g, 40 + g)
        }
    }

    /// Pixels of `columns` (every row) whose red exceeds their green by more than 60 levels, as a share.
    static func orangeShare(_ image: Raster, columns: Range<Int>) -> Double {
        var orange = 0
        for y in 0..<image.height {
            for x in columns where Int(image[x, y, 0]) - Int(image[x, y, 1]) > 60 { orange += 1 }
        }
        return Double(orange) / Double(columns.count * image.height)
    }

    /// Before `ForeignColour`: 12–14 % of the revealed leaves orange (seeds 1–3); the truth there
    /// holds none.
    @Test(arguments: [1, 2, 3] as [UInt64])
    func aColourFoundOnlyFarAlongTheBandIsNotScatteredIntoTheFill(seed: UInt64) {
        let width = 400, height = 48, shift = 16, steps = 8
        let canvas = Self.foliage(width: width + shift * steps, height: height, railingColumns: 140..<260)
        let (last, revealed, _) = Quality.reveal(canvas, width: width, shift: shift, steps: steps, seed: seed)
        Images.dump(last, "foreignColour\(seed)")
        let share = Self.orangeShare(last, columns: revealed)
        #expect(share <= 0.005, "orange in the revealed leaves: \(share)")
    }
}
