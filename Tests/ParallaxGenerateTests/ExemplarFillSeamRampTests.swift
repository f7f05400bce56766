import ParallaxCore
import Testing
@testable import ParallaxGenerate

private typealias Quality = ExemplarFillQualityTests

/// `SeamRamp`: the colour step left where a fill meets the known image is taken out over the
/// fill's first rings, and nothing else moves.
@Suite struct ExemplarFillSeamRampTests {
    /// A flat grey image (`known` levels) whose columns from `holeStart` are a hole filled at
    /// `filled` levels (plus `grain`), each copied from a known pixel 12 columns left of the hole.
    struct Strip {
        let width = 40, height = 30
        let holeStart: Int
        var original: [UInt8], pixels: [UInt8], hole: [Bool], sourceOf: [Int32], order: [Int32]

        init(holeStart: Int = 20, known: UInt8 = 100, filled: UInt8, grain: (Int, Int) -> Int = { _, _ in 0 }) {
            self.holeStart = holeStart
            original = [UInt8](repeating: known, count: width * height * 3)
            hole = [Bool](repeating: false, count: width * height)
            sourceOf = [Int32](repeating: -1, count: width * height)
            for y in 0..<height {
                for x in holeStart..<width {
                    hole[y * width + x] = true
                    sourceOf[y * width + x] = Int32(y * width + holeStart - 12)
                }
            }
            order = OnionPeelOrder.make(hole: hole, width: width, height: height)
            pixels = original
            for entry in order {
                let x = Int(entry) % width, y = Int(entry) / width
                for c in 0..<3 { pixels[Int(entry) * 3 + c] = UInt8(clamping: Int(filled) + grain(x, y)) }
            }
        }

        func ramped() -> [UInt8] {
            var out = pixels
            SeamRamp.apply(to: &out, original: original, sourceOf: sourceOf, hole: hole, order: order,
                           width: width, height: height)
            return out
        }

        /// Mean red level of column `x` over the middle rows (away from the top and bottom edges).
        func column(_ image: [UInt8], _ x: Int) -> Double {
            let rows = 8..<(height - 8)
            return Double(rows.map { Int(image[($0 * width + x) * 3]) }.reduce(0, +)) / Double(rows.count)
        }
    }

    @Test func aColourStepAtTheBorderIsTakenOutAndFadesWithinItsReach() {
        let strip = Strip(filled: 106)
        let out = strip.ramped()
        let x0 = strip.holeStart
        #expect(strip.column(out, x0) == 100, "the first filled column meets the known one")
        // Fading: each ring a fifth of the step back, the sixth ring and beyond untouched.
        #expect(strip.column(out, x0 + 1) > strip.column(out, x0))
        #expect(strip.column(out, x0 + 4) < 106)
        for x in (x0 + SeamRamp.reach - 1)..<strip.width { #expect(strip.column(out, x) == 106, "column \(x)") }
        // Known pixels never move.
        for p in 0..<(strip.width * strip.height) where !strip.hole[p] { #expect(out[p * 3] == strip.pixels[p * 3]) }
    }

    @Test func aLargeStepIsTakenOutOnlyUpToTheLimit() {
        // A step this large is mostly an object at the border (a halo), not a colour offset.
        let strip = Strip(filled: 140)
        let out = strip.ramped()
        #expect(strip.column(out, strip.holeStart) == 140 - SeamRamp.limit)
    }

    @Test func theFarSideOfANarrowGapKeepsItsColour() {
        // A gap 3 columns deep: in the step loop its far side is the next step's border, so a
        // correction reaching it would add up step after step.
        let strip = Strip(holeStart: 37, filled: 106)
        let out = strip.ramped()
        #expect(strip.column(out, 37) == 100)
        #expect(strip.column(out, 38) == 103)
        #expect(strip.column(out, 39) == 106)
    }

    @Test func grainThatDoesNotLineUpIsNotTakenForAStep() {
        // Strong grain with no mean offset: the border's mismatches scatter around nothing.
        let strip = Strip(filled: 100) { x, y in
            var h = UInt64(x &* 7919 &+ y &* 104_729) &* 0x9E37_79B9_7F4A_7C15
            h ^= h >> 29
            return Int(h % 61) - 30
        }
        let out = strip.ramped()
        let moved = zip(out, strip.pixels).map { abs(Int($0) - Int($1)) }
        #expect(Double(moved.reduce(0, +)) / Double(strip.order.count * 3) < 0.5, "grain moved on average")
    }

    /// The seam measure of bench/fill_quality.py: the mean change of grey across the columns where
    /// consecutive steps' fills meet over the mean change across the other revealed columns.
    static func seam(_ image: Raster, columns: Range<Int>, shift: Int) -> Double {
        func grey(_ x: Int, _ y: Int) -> Double { (Double(image[x, y, 0]) + Double(image[x, y, 1]) + Double(image[x, y, 2])) / 3 }
        var atSeams = 0.0, seams = 0.0, elsewhere = 0.0, others = 0.0
        for x in (columns.lowerBound + 1)..<columns.upperBound {
            let isSeam = (columns.upperBound - x) % shift == 0
            for y in 0..<image.height {
                let change = abs(grey(x, y) - grey(x - 1, y))
                if isSeam { atSeams += change; seams += 1 } else { elsewhere += change; others += 1 }
            }
        }
        return (atSeams / seams) / (elsewhere / others)
    }

    @Test func theLandscapesStepsLeaveNoLineWhereTheyMeet() throws {
        // The fixture's hills and trees (rows 150-229), revealed 8 px at a time. Over seeds 1-6
        // the change across the steps' borders is 1.13 times the change elsewhere without the
        // ramp, 1.07 with it; the truth's own ratio on the same columns is 1.02.
        let landscape = try ExemplarFillTestImages.landscape()
        let band = landscape.cropped(x: 0..<landscape.width, y: 150..<230)
        let shift = 8, steps = 12, width = band.width - shift * steps
        var excess = 0.0
        let seeds: [UInt64] = [1, 2, 3, 4, 5, 6]
        for seed in seeds {
            let (last, revealed, truthColumns) = Quality.reveal(band, width: width, shift: shift, steps: steps, seed: seed)
            excess += Self.seam(last, columns: revealed, shift: shift) - Self.seam(band, columns: truthColumns, shift: shift)
        }
        #expect(excess / Double(seeds.count) <= 0.08, "the steps' borders change \(excess / Double(seeds.count)) more than the truth's")
    }
}
