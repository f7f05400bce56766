import ParallaxCore
import Testing
@testable import ParallaxGenerate

/// `ForeignColour`: which source colours count as new near a target.
@Suite struct ForeignColourTests {
    /// A 160x32 image: dark green leaves with light gaps and near-black shadows, a hole of the
    /// right 16 columns, and far to the left (beyond the palette's reach of the hole) orange.
    static func scene() -> (foreign: ForeignColour, width: Int, orange: Int, white: Int, shadow: Int, target: Int) {
        let width = 160, height = 32
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        var known = [Bool](repeating: true, count: width * height)
        var order: [Int32] = []
        for y in 0..<height {
            for x in 0..<width {
                let p = y * width + x
                var colour: (UInt8, UInt8, UInt8) = (50, 72, 40)
                if x < 8 { colour = (200, 96, 48) }
                else if (x + y) % 7 == 0 { colour = (230, 235, 232) }
                else if (x * 3 + y) % 11 == 0 { colour = (10, 14, 8) }
                pixels[3 * p] = colour.0; pixels[3 * p + 1] = colour.1; pixels[3 * p + 2] = colour.2
                if x >= width - 16 { known[p] = false; order.append(Int32(p)) }
            }
        }
        let foreign = ForeignColour(pixels: pixels, known: known, order: order, width: width, height: height)
        let white = (0..<width).first { ($0 + 3) % 7 == 0 && $0 > 20 }!
        let shadow = (0..<width).first { ($0 * 3 + 3) % 11 == 0 && $0 > 20 && ($0 + 3) % 7 != 0 }!
        return (foreign, width, 3 * width + 2, 3 * width + white, 3 * width + shadow, 16 * width + width - 4)
    }

    @Test func aColourNothingNearTheTargetHoldsIsForeign() {
        let s = Self.scene()
        let orange = s.foreign.brings(source: s.orange, target: s.target)
        #expect(orange)
    }

    @Test func coloursNearTheTargetAndTheirBrighterOrDarkerShadesAreNot() {
        let s = Self.scene()
        let white = s.foreign.brings(source: s.white, target: s.target)
        let shadow = s.foreign.brings(source: s.shadow, target: s.target)
        let leaf = s.foreign.brings(source: s.target - 40, target: s.target)
        #expect(!white, "a light gap between leaves")
        #expect(!shadow, "a near-black shadow")
        #expect(!leaf, "a leaf")
    }

    @Test func aTargetWithNothingKnownWithinReachHasNoPaletteAndNothingIsForeign() {
        // Grey, known only in the first two columns; an orange pixel at x 100 (a source).
        let width = 200, height = 8, orange = 100
        var pixels = [UInt8](repeating: 60, count: width * height * 3)
        pixels[3 * orange] = 200; pixels[3 * orange + 1] = 96; pixels[3 * orange + 2] = 48
        var known = [Bool](repeating: false, count: width * height)
        for y in 0..<height { known[y * width] = true; known[y * width + 1] = true }
        let order = (0..<(width * height)).filter { !known[$0] }.map(Int32.init)
        let foreign = ForeignColour(pixels: pixels, known: known, order: order, width: width, height: height)
        let nearGrey = foreign.brings(source: orange, target: 4 * width + 20)
        let farFromAll = foreign.brings(source: orange, target: 4 * width + 190)
        #expect(nearGrey, "grey within reach of the target")
        #expect(!farFromAll, "no known pixel within reach of the target")
    }
}
