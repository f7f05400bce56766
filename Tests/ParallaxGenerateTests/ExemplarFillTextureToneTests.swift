import ParallaxCore
import Testing
@testable import ParallaxGenerate

/// The texture level expects what the rows hold in the target's own tone: a textured object
/// sharing the rows of a flat dark one (a helmet over a black table) must not make the dark one's
/// flat sources look too flat.
@Suite struct ExemplarFillTextureToneTests {
    /// Coarse grain around a light grey over the left three quarters, a nearly flat black right of it.
    static func grainBesideFlatBlack(width: Int, height: Int) -> (pixels: [UInt8], grainEnds: Int) {
        func hash(_ x: Int, _ y: Int) -> Int {
            var h = UInt64(bitPattern: Int64(x &* 73_856_093 ^ y &* 19_349_663))
            h = (h ^ (h >> 33)) &* 0xff51_afd7_ed55_8ccd
            h = (h ^ (h >> 33)) &* 0xc4ce_b9fe_1a85_ec53
            return Int((h ^ (h >> 33)) % 1000)
        }
        let grainEnds = width * 3 / 4
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let grain = hash(x / 2, y / 2) / 10 - 50  // -50...49, in 2x2 grains
                let v = x < grainEnds ? 170 + grain : 14 + grain / 25
                for c in 0..<3 { pixels[(y * width + x) * 3 + c] = UInt8(clamping: v) }
            }
        }
        return (pixels, grainEnds)
    }

    static func level(width: Int, height: Int) -> TextureLevel {
        let (pixels, _) = grainBesideFlatBlack(width: width, height: height)
        return TextureLevel(pixels: pixels, known: [Bool](repeating: true, count: width * height),
                            width: width, height: height, columns: 0..<width)
    }

    @Test func aBlackTargetExpectsWhatTheBlackOfItsRowsHolds() {
        let level = Self.level(width: 240, height: 40)
        // With one expectation for all tones (round 5) the black's target wanted the grain's level.
        #expect(level.wanted(row: 20, guide: (14, 14, 14)) <= 1)
        #expect(level.wanted(row: 20, guide: (170, 170, 170)) >= 10)
    }

    @Test func aToneTheRowsDoNotHoldExpectsWhatTheRowsHoldOverall() {
        let level = Self.level(width: 240, height: 40)
        // No known pixel near white: the rows' expectation over all tones (mostly grain), not nothing.
        #expect(level.wanted(row: 20, guide: (250, 250, 250)) >= 8)
    }

    @Test func aFlatSourceOfTheTargetsToneIsFreeAndAFlatOneForTheGrainPays() {
        let width = 240, height = 40
        let level = Self.level(width: width, height: height)
        let blackSource = 20 * width + 220
        #expect(level.shortfallCost(source: blackSource, wanted: level.wanted(row: 20, guide: (14, 14, 14)), weight: 4) == 0)
        #expect(level.shortfallCost(source: blackSource, wanted: level.wanted(row: 20, guide: (170, 170, 170)), weight: 4) > 0)
    }
}
