import ParallaxCore
import Testing
@testable import ParallaxGenerate

private typealias Images = ExemplarFillTestImages

/// The repeat detector behind the fill's repeat penalty: a source whose detail already lies near
/// the target is a repeat; one whose detail is nowhere near, or a flat one, is not.
@Suite struct RecentRepeatsTests {
    /// Dark sky with faint grain, one bright grainy tower at x 20..<26 and a copy of it (12
    /// levels darker, as the colour correction may leave a copy) at x 100..<106; a second,
    /// different tower at 60.
    static func scene(width: Int = 160, height: Int = 30) -> Raster {
        Images.image(width: width, height: height) { x, y in
            let g = ExemplarFillColourTests.grain(x, y)
            if x >= 20, x < 26 { let v = 150 + 3 * ExemplarFillColourTests.grain(x - 20, y); return (v, v, v - 20) }
            if x >= 100, x < 106 { let v = 138 + 3 * ExemplarFillColourTests.grain(x - 100, y); return (v, v, v - 20) }
            if x >= 60, x < 66 { let v = 150 + 3 * ExemplarFillColourTests.grain(y, x - 60 + 7); return (v, v, v - 20) }
            return (30 + g / 6, 45 + g / 6, 90 + g / 6)
        }
    }

    static func detector(reach: Int) -> RecentRepeats {
        let image = scene()
        // The hole: the right 20 columns, as in the step loop.
        let original = (0..<(image.width * image.height)).map { $0 % image.width < 140 }
        return RecentRepeats(pixels: image.pixels, original: original,
                             width: image.width, height: image.height, radius: 4, reach: reach, rows: 2)
    }

    @Test func aSourceWhoseDetailWasCopiedNearTheTargetIsARepeat() {
        let repeats = Self.detector(reach: 40)
        let tower = 15 * 160 + 22
        // The copy at 100 lies within 40 px of a target at 130; the source tower itself does not.
        let copied = repeats.isPresent(source: tower, nearX: 130, y: 15)
        #expect(copied)
        // One row lower the copy is still there (rows: 2).
        let lower = repeats.isPresent(source: tower, nearX: 130, y: 17)
        #expect(lower)
    }

    @Test func aSourceWhoseDetailIsNowhereNearIsNot() {
        let repeats = Self.detector(reach: 20)
        // The other tower (different grain) at 60: nothing like it within 20 px of x 130.
        let other = repeats.isPresent(source: 15 * 160 + 62, nearX: 130, y: 15)
        #expect(!other)
        // The first tower, 20 px reach around x 145: the copy at 100 is out of reach.
        let outOfReach = repeats.isPresent(source: 15 * 160 + 22, nearX: 145, y: 15)
        #expect(!outOfReach)
    }

    @Test func flatSourcesAreNeverRepeats() {
        let repeats = Self.detector(reach: 60)
        // Sky (grain of ±2 levels): too faint to tell a copy from any other sky, though sky lies
        // all around the target.
        let sky = repeats.isPresent(source: 15 * 160 + 45, nearX: 130, y: 15)
        #expect(!sky)
    }

    @Test func aSourceNearTheTargetIsARepeatItself() {
        let repeats = Self.detector(reach: 50)
        // The copy at 100 lies within 50 px of a target at 145 in the hole: in the step loop, a
        // source that near the gap is one of the last steps' fills, and copying it is a repeat.
        let near = repeats.isPresent(source: 15 * 160 + 102, nearX: 145, y: 15)
        #expect(near)
    }
}
