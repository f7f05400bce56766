import ParallaxCore
import Testing
@testable import ParallaxGenerate

private typealias Images = ExemplarFillTestImages
private typealias Quality = ExemplarFillQualityTests

/// A mountain's slope that goes down into the gap, revealed step after step: the sky above the
/// continued slope stays sky. The colour corrections (`BaseAndDetail`'s guide, `SeamBlend`)
/// carry each row's colour at the gap's edge along the row; below where the slope meets the
/// gap's edge that colour is the mountain's, and a correction that pulled the copy towards it
/// would grow a grey wedge above the slope, a few rows more each step (round 12 looked for it on
/// the harness's low-poly picture: the grey there is the next mountain, already at the input's edge).
@Suite struct ExemplarFillSlopeTests {
    static let sky = (120, 170, 220), mountain = (80, 84, 96)

    /// Soft grainy sky over a grainy mountain whose top edge runs down to the right at `slope`
    /// rows per column, from row `top` at x = 0.
    static func slope(width: Int, height: Int, top: Double, slope: Double) -> Raster {
        Images.image(width: width, height: height) { x, y in
            let g = ExemplarFillColourTests.grain(x, y) / 3
            let edge = top + slope * Double(x)
            let colour = Double(y) < edge ? sky : mountain
            return (colour.0 + g, colour.1 + g, colour.2 + g)
        }
    }

    /// Of the pixels in `columns` at least `margin` rows above the slope, the share nearer the
    /// sky's colour than the mountain's.
    static func skyShare(_ image: Raster, columns: Range<Int>, edge: (Int) -> Double, margin: Double) -> Double {
        var skyLike = 0, count = 0
        for x in columns {
            for y in 0..<image.height where Double(y) < edge(x) - margin {
                func distance(_ c: (Int, Int, Int)) -> Int {
                    abs(Int(image[x, y, 0]) - c.0) + abs(Int(image[x, y, 1]) - c.1) + abs(Int(image[x, y, 2]) - c.2)
                }
                if distance(sky) < distance(mountain) { skyLike += 1 }
                count += 1
            }
        }
        return count == 0 ? 1 : Double(skyLike) / Double(count)
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func theSkyAboveASlopeGoingDownIntoTheGapStaysSky(seed: UInt64) {
        let width = 240, height = 80, shift = 8, steps = 12, top = 10.0, slope = 0.2
        let canvas = Self.slope(width: width + shift * steps, height: height, top: top, slope: slope)
        let (last, revealed, _) = Quality.reveal(canvas, width: width, shift: shift, steps: steps, seed: seed)
        Images.dump(last, "slope\(seed)")
        // In the last step the picture has moved left by the whole reveal: column x shows the
        // canvas's column x + shift * steps.
        let edge = { (x: Int) in top + slope * Double(x + shift * steps) }
        let share = Self.skyShare(last, columns: revealed, edge: edge, margin: 4)
        // Main (round 12): 1.0 in all three seeds; with the guide alone as the copy's colour
        // (BaseAndDetail's allowed spread 0, "full base"): 0.87-0.88.
        #expect(share >= 0.95, "only \(share) of the revealed pixels above the slope look like sky")
    }
}
