import ParallaxCore
import Testing
@testable import ParallaxGenerate

private typealias Images = ExemplarFillTestImages
private typealias Quality = ExemplarFillQualityTests

/// A bed of stones revealed step after step must stay stony: the fill may not let a smooth patch
/// grow from copies of copies of its own earlier steps (the harness's gravel picture, where a flat
/// grey patch spread across the revealed bands).
@Suite struct ExemplarFillGravelTests {
    /// Stones on a jittered 11 px grid (each pixel belongs to its nearest stone centre), each with
    /// its own grey and a light from the upper left, dark cracks where two stones meet, and grain.
    static func gravel(width: Int, height: Int) -> Raster {
        let cell = 11
        var random = SeededRandom(seed: 41)
        let columns = width / cell + 2, rows = height / cell + 2
        var centres = [(x: Int, y: Int, grey: Int)]()
        for cy in 0..<rows {
            for cx in 0..<columns {
                centres.append((cx * cell + random.below(cell), cy * cell + random.below(cell), 90 + random.below(90)))
            }
        }
        return Images.image(width: width, height: height) { x, y in
            var nearest = Int.max, second = Int.max, stone = 0
            let gx = x / cell, gy = y / cell
            for cy in max(0, gy - 1)...min(rows - 1, gy + 1) {
                for cx in max(0, gx - 1)...min(columns - 1, gx + 1) {
                    let c = centres[cy * columns + cx]
                    let d = (c.x - x) * (c.x - x) + (c.y - y) * (c.y - y)
                    if d < nearest { second = nearest; nearest = d; stone = cy * columns + cx } else if d < second { second = d }
                }
            }
            let c = centres[stone]
            let g = ExemplarFillColourTests.grain(x, y) / 2
            // Lit from the upper left; a crack where the two nearest centres are about as near.
            let light = 2 * ((c.x - x) + (c.y - y))
            let crack = second - nearest < 2 * cell ? 60 : 0
            let v = c.grey + light - crack + g
            return (v, v, v + 4)
        }
    }

    /// High-pass standard deviation over the given columns (the harness's texture measure).
    static func detail(_ image: Raster, columns: Range<Int>) -> Double {
        let hp = Quality.highPass(image, columns: columns).flatMap { $0 }
        let mean = hp.reduce(0, +) / Double(hp.count)
        return (hp.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(hp.count)).squareRoot()
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func aGravelBedRevealedStepAfterStepKeepsItsTexture(seed: UInt64) {
        let width = 160, height = 48, shift = 12, steps = 12
        let canvas = Self.gravel(width: width + shift * steps, height: height)
        let (last, revealed, truthColumns) = Quality.reveal(canvas, width: width, shift: shift, steps: steps, seed: seed)
        Images.dump(last, "gravel\(seed)")
        let fill = Self.detail(last, columns: revealed)
        let truth = Self.detail(canvas, columns: truthColumns)
        #expect(fill >= 0.75 * truth, "texture \(fill / truth) of the truth's (\(fill) against \(truth))")
    }
}
