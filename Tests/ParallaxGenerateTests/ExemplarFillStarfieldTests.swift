import ParallaxCore
import Testing
@testable import ParallaxGenerate

private typealias Images = ExemplarFillTestImages
private typealias Quality = ExemplarFillQualityTests

/// A dark sky with scattered small stars, revealed step after step: the fill must not lay the same
/// star again at the same spacing along the band, a row of dots marching in from the edge (seen on
/// hubble_deep_field.png's render; main's fill: repeat 0.47 against the truth's 0.07, seed 1).
/// It does not assert how many stars the revealed sky holds: the salient-detail rule
/// (`SalientDetail`) thins them out (9, 9 and 0 star pixels where the truth has 41), a known limit.
@Suite struct ExemplarFillStarfieldTests {
    /// Dark grainy sky; a star (a bright 3x3 dot with a dimmer cross) on about one 16x16 cell in six,
    /// placed by a seeded generator so that the part right of the input is the truth.
    static func starfield(width: Int, height: Int) -> Raster {
        var random = SeededRandom(seed: 99)
        var stars = [(Int, Int, Int)]()
        for cy in 0..<(height / 16) {
            for cx in 0..<(width / 16 + 1) {
                let (dx, dy, bright) = (random.below(14) + 1, random.below(14) + 1, 120 + random.below(120))
                if random.below(6) == 0 { stars.append((cx * 16 + dx, cy * 16 + dy, bright)) }
            }
        }
        return Images.image(width: width, height: height) { x, y in
            let g = ExemplarFillColourTests.grain(x, y) / 3
            var light = 0
            for (sx, sy, bright) in stars where abs(sx - x) <= 1 && abs(sy - y) <= 1 {
                light = max(light, sx == x || sy == y ? bright : bright / 2)
            }
            return (12 + g + light, 14 + g + light, 24 + g + light)
        }
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func starsRevealedStepAfterStepDoNotRepeatAlongTheBand(seed: UInt64) {
        let width = 200, height = 48, shift = 12, steps = 12
        let canvas = Self.starfield(width: width + shift * steps, height: height)
        let (last, revealed, truthColumns) = Quality.reveal(canvas, width: width, shift: shift, steps: steps, seed: seed)
        Images.dump(last, "starfield\(seed)")
        let fill = Quality.repeatScore(last, columns: revealed)
        let truth = Quality.repeatScore(canvas, columns: truthColumns)
        #expect(fill - truth <= 0.15, "repeat \(fill) against the truth's \(truth)")
    }
}
