import Foundation
import Testing
@testable import ParallaxGenerate
import ParallaxCore

/// `RunSeams`: the jumps between runs copied from unrelated sources, taken out where the picture
/// is smooth and left where it is textured.
@Suite struct ExemplarFillRunSeamTests {
    /// A 140x60 picture, `left(x, y)` in columns 0..<100 and `right(x, y)` beyond; the hole is
    /// columns 40..<80 of rows 20..<40, its left half copied from columns 0..<20 and its right
    /// half from columns 110..<130, the same rows.
    struct TwoRuns {
        let width = 140, height = 60
        let original: [UInt8]
        let hole: [Bool]
        let sourceOf: [Int32]
        let order: [Int32]
        var copy: [UInt8]

        init(left: (Int, Int) -> Int, right: (Int, Int) -> Int) {
            let width = self.width, height = self.height
            var original = [UInt8](repeating: 0, count: width * height * 3)
            for y in 0..<height {
                for x in 0..<width {
                    let v = UInt8(clamping: x < 100 ? left(x, y) : right(x, y))
                    for c in 0..<3 { original[(y * width + x) * 3 + c] = v }
                }
            }
            var hole = [Bool](repeating: false, count: width * height)
            var sourceOf = [Int32](repeating: -1, count: width * height)
            var copy = original
            for y in 20..<40 {
                for x in 40..<80 {
                    let p = y * width + x
                    let source = x < 60 ? y * width + x - 40 : y * width + x + 50
                    hole[p] = true; sourceOf[p] = Int32(source)
                    for c in 0..<3 { copy[p * 3 + c] = original[source * 3 + c] }
                }
            }
            self.original = original; self.hole = hole; self.sourceOf = sourceOf; self.copy = copy
            order = OnionPeelOrder.make(hole: hole, width: width, height: height)
        }

        func corrected(sourceOf: [Int32]? = nil) -> [UInt8] {
            var pixels = copy
            RunSeams.apply(to: &pixels, original: original, sourceOf: sourceOf ?? self.sourceOf, hole: hole,
                           order: order, width: width, height: height)
            return pixels
        }

        /// The largest difference between horizontal neighbours in the hole's rows, from the
        /// column before it to the one after, first channel.
        func largestStep(_ pixels: [UInt8]) -> Int {
            var largest = 0
            for y in 20..<40 {
                for x in 39..<80 {
                    let p = y * width + x
                    largest = max(largest, abs(Int(pixels[p * 3]) - Int(pixels[(p + 1) * 3])))
                }
            }
            return largest
        }
    }

    @Test func aJumpBetweenTwoFlatSourcesIsSpreadOut() {
        // The right run's source is 12 levels lighter than everything around the hole.
        let runs = TwoRuns(left: { _, _ in 100 }, right: { _, _ in 112 })
        #expect(runs.largestStep(runs.copy) == 12)
        let corrected = runs.corrected()
        #expect(runs.largestStep(corrected) <= 3)
        // Far from the jump the left run keeps its colour: the change is local, nothing drifts.
        #expect(corrected[(30 * runs.width + 41) * 3] == 100)
    }

    @Test func aJumpAmongTextureStays() {
        // Noise of 24 levels: a jump of 12 between runs is one more edge of the texture.
        func texture(_ x: Int, _ y: Int) -> Int { ((x * 7 + y * 13) * 37 % 97) % 24 }
        let runs = TwoRuns(left: { x, y in 100 + texture(x, y) }, right: { x, y in 112 + texture(x, y) })
        #expect(runs.corrected() == runs.copy)
    }

    @Test func aGradientsOwnStepsAreNoJumps() {
        // Two levels a row down the whole picture, each run copied from its own rows: every step
        // of the copy, between runs and across the border, is one the sources take too.
        let runs = TwoRuns(left: { _, y in 60 + 2 * y }, right: { _, y in 60 + 2 * y })
        #expect(runs.corrected() == runs.copy)
    }

    @Test func aStepLeftAtTheBorderIsTakenOut() {
        // The copy sits 10 levels above the flat picture around it, as a colour correction can
        // leave it: the border's step goes, spread into the fill.
        var runs = TwoRuns(left: { _, _ in 100 }, right: { _, _ in 100 })
        runs.copy = runs.copy.enumerated().map { index, value in runs.hole[index / 3] ? value + 10 : value }
        func borderStep(_ pixels: [UInt8]) -> Int { abs(Int(pixels[(30 * runs.width + 40) * 3]) - Int(pixels[(30 * runs.width + 39) * 3])) }
        #expect(borderStep(runs.copy) == 10)
        #expect(borderStep(runs.corrected()) <= 3)
    }

    @Test func aCopyOfOneRunIsLeftAlone() {
        let runs = TwoRuns(left: { _, _ in 100 }, right: { _, _ in 100 })
        var sourceOf = runs.sourceOf
        for y in 20..<40 { for x in 40..<80 { sourceOf[y * runs.width + x] = Int32(y * runs.width + x - 40) } }
        #expect(runs.corrected(sourceOf: sourceOf) == runs.copy)
    }

    @Test func aFillOfASoftBackgroundHasNoMoreJumpsThanTheBackground() {
        // Soft blobs (a defocused background) over 200x80, filled over its right 48 columns. Without
        // the run seams: 0.6 to 0.8 % of the fill's neighbours a jump of 4 levels or more (seeds 1-3).
        let image = ExemplarFillTestImages.image(width: 200, height: 80) { x, y in
            let u = Double(x), v = Double(y)
            let blobs: Double = 18 * sin(u / 23) * cos(v / 17)
            let wave: Double = blobs + 12 * sin((u + 2 * v) / 31)
            return (Int(60 + wave), Int(110 + 0.8 * wave), Int(90 - 0.5 * wave))
        }
        let mask = ExemplarFillTestImages.mask(width: 200, height: 80) { x, _ in x >= 152 }
        let filled = ExemplarFill(seed: 3).fill(image, mask: mask)
        func jumps(_ columns: Range<Int>) -> Double {
            var count = 0, total = 0
            for y in 0..<79 {
                for x in columns where x + 1 < 200 {
                    for (nx, ny) in [(x + 1, y), (x, y + 1)] where columns.contains(nx) {
                        let step = (0..<3).map { abs(Int(filled[x, y, $0]) - Int(filled[nx, ny, $0])) }.max()!
                        if step >= 4 { count += 1 }
                        total += 1
                    }
                }
            }
            return Double(count) / Double(total)
        }
        #expect(jumps(0..<152) == 0)
        #expect(jumps(152..<200) < 0.002)
    }
}
