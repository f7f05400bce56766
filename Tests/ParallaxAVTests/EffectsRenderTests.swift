import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// Real renders of each effect (lossless FFV1, 96×64, 45 frames), judged by pixel statistics
/// against the same scene rendered without the effect.
@Suite struct EffectsRenderTests {
    /// The scene with `effects`, and the same frames without them.
    func renderPair(_ effects: JSONValue, files: [String: String] = [:]) throws -> (with: [Raster], without: [Raster]) {
        let plain = try EffectsTestScene()
        let fx = try EffectsTestScene(extensions: ["effects": effects])
        for (name, text) in files { _ = try fx.write(name, text) }
        // Scene keys are read at render time, so files written beside the scene now are found.
        return (try fx.frames(fx.render()), try plain.frames(plain.render()))
    }

    @Test func vignetteDarkensTheCornersMoreThanTheCentre() throws {
        let (with, without) = try renderPair([["type": "vignette", "angle": 0.9]])
        let frame = 20
        let corner = PixelStatistics.mean(with[frame], x: 0..<10, y: 0..<8) / PixelStatistics.mean(without[frame], x: 0..<10, y: 0..<8)
        let centre = PixelStatistics.mean(with[frame], x: 40..<56, y: 26..<38) / PixelStatistics.mean(without[frame], x: 40..<56, y: 26..<38)
        #expect(corner < 0.7)
        #expect(centre > 0.9)
    }

    @Test func grainAddsFreshNoiseToEveryFrame() throws {
        let (with, without) = try renderPair([["type": "grain", "strength": 30]])
        #expect(PixelStatistics.differenceDeviation(with[10], without[10]) > 5)
        // Temporal grain: the noise added to two frames is not the same pattern.
        let added10 = zip(with[10].pixels, without[10].pixels).map { Int($0) - Int($1) }
        let added11 = zip(with[11].pixels, without[11].pixels).map { Int($0) - Int($1) }
        #expect(added10 != added11)
    }

    @Test func fadeInStartsBlackAndFadeOutEndsBlack() throws {
        let (with, without) = try renderPair([["type": "fadein", "seconds": 0.5], ["type": "fadeout", "seconds": 0.5]])
        #expect(PixelStatistics.mean(with[0]) < 2)
        #expect(PixelStatistics.mean(with[with.count - 1]) < 12)
        #expect(PixelStatistics.meanDifference(with[22], without[22]) < 1)  // the middle is untouched
        #expect(PixelStatistics.mean(with[7]) < PixelStatistics.mean(with[12]))  // brightening
    }

    @Test func fogIsStrongerOnFarLayersAndLeavesTheNearestAlone() throws {
        // layer0 moves at half the speed of layer1: depth 0.5, fog opacity 0.5; layer1 is nearest: 0.
        let (with, without) = try renderPair([["type": "fog", "layers": ["layer0", "layer1"], "strength": 1, "color": "white"]])
        let frame = 20
        #expect(PixelStatistics.meanDifference(with[frame], without[frame], y: 24..<64) < 0.5)
        let far = PixelStatistics.mean(with[frame], y: 0..<24), plainFar = PixelStatistics.mean(without[frame], y: 0..<24)
        #expect(abs(far - (plainFar + (255 - plainFar) * 0.5)) < 2)
    }

    @Test func gradeAppliesACubeLUT() throws {
        // A 2×2×2 LUT that inverts every channel.
        var lut = "TITLE \"invert\"\nLUT_3D_SIZE 2\n"
        for b in [1, 0] { for g in [1, 0] { for r in [1, 0] { lut += "\(r) \(g) \(b)\n" } } }
        let (with, without) = try renderPair([["type": "grade", "file": "invert.cube"]], files: ["invert.cube": lut])
        var inverted = without[20]
        inverted.pixels = inverted.pixels.map { 255 - $0 }
        #expect(PixelStatistics.meanDifference(with[20], inverted) < 1.5)
    }

    @Test func rainAndGlowOnlyBrighten() throws {
        for effect in ["rain", "glow"] {
            let (with, without) = try renderPair([["type": .string(effect), "opacity": 1]])
            let frame = with[20], plain = without[20]
            let darker = zip(frame.pixels, plain.pixels).filter { Int($0) < Int($1) - 1 }.count
            #expect(darker == 0, "\(effect) darkened \(darker) samples")
            #expect(PixelStatistics.mean(frame) > PixelStatistics.mean(plain) + 1, "\(effect) added no light")
        }
    }

    /// Where rain (at opacity 1, screened: a streak is white) lit a frame: pixels white with rain
    /// and not white without.
    static func streakMask(_ with: Raster, _ without: Raster) -> [[Bool]] {
        (0..<with.height).map { y in
            (0..<with.width).map { x in
                (0..<3).allSatisfy { with[x, y, $0] >= 250 } && !(0..<3).allSatisfy { without[x, y, $0] >= 250 }
            }
        }
    }

    @Test func rainDrawsThinVerticalStreaksThatFallDownEveryFrame() throws {
        let length = 8
        let (with, without) = try renderPair([["type": "rain", "opacity": 1, "density": 1, "length": .number(Double(length))]])
        let masks = (10...12).map { Self.streakMask(with[$0], without[$0]) }
        let lit = masks[0].joined().filter { $0 }.count
        // Density 1 lights about 9 % of the 96x64 picture.
        #expect(lit > 200 && lit < 1500, "\(lit) streak pixels")
        // Streaks: runs down a column are about `length` long, runs along a row about 1 wide.
        var vertical: [Int] = [], horizontal: [Int] = []
        for x in 0..<96 {
            var run = 0
            for y in 0..<64 { if masks[0][y][x] { run += 1 } else if run > 0 { vertical.append(run); run = 0 } }
        }
        for row in masks[0] {
            var run = 0
            for pixel in row { if pixel { run += 1 } else if run > 0 { horizontal.append(run); run = 0 } }
        }
        let mean = { (runs: [Int]) in Double(runs.reduce(0, +)) / Double(max(runs.count, 1)) }
        #expect(mean(vertical) >= Double(length) * 0.7, "vertical runs \(mean(vertical))")
        #expect(mean(horizontal) < 1.6, "horizontal runs \(mean(horizontal))")
        // Falling: the next frame's streaks are this frame's moved down by fall x height (3.84 px).
        for (now, next) in zip(masks, masks.dropFirst()) {
            let overlap = { (dy: Int) -> Double in
                var same = 0, total = 0
                for y in 0..<(64 - 6) { for x in 0..<96 where now[y][x] { total += 1; if next[y + dy][x] { same += 1 } } }
                return Double(same) / Double(max(total, 1))
            }
            let best = (0...6).max { overlap($0) < overlap($1) }!
            #expect((3...4).contains(best), "streaks moved \(best) px down")
            #expect(overlap(best) > 0.8 && overlap(best) > overlap(0) + 0.2)
        }
    }

    @Test func moreDensityMoreStreaks() throws {
        let light = try renderPair([["type": "rain", "opacity": 1, "density": 0.3]])
        let heavy = try renderPair([["type": "rain", "opacity": 1, "density": 1]])
        let count = { (pair: (with: [Raster], without: [Raster])) in
            Self.streakMask(pair.with[20], pair.without[20]).joined().filter { $0 }.count
        }
        #expect(count(light) > 0)
        #expect(count(heavy) > 4 * count(light))
    }

    @Test func swayMovesOnlyTheChosenLayer() throws {
        let (with, without) = try renderPair([["type": "sway", "layers": ["layer1"], "amplitude": 4]])
        #expect(PixelStatistics.meanDifference(with[20], without[20], y: 0..<24) == 0)
        #expect(PixelStatistics.meanDifference(with[20], without[20], y: 24..<64) > 10)
    }

    @Test func overlayMediaBlendsAnImageOverEveryFrame() throws {
        // A mid-grey image multiplied at full opacity halves every pixel.
        let plain = try EffectsTestScene()
        let fx = try EffectsTestScene(extensions: ["effects": [["type": "overlay", "file": "grey.png", "mode": "multiply", "opacity": 1]]])
        try PNGImage.write(Raster(width: 20, height: 10, channels: 3, fill: 128), to: fx.directory.file("grey.png"))
        let with = try fx.frames(fx.render()), without = try plain.frames(plain.render())
        #expect(with.count == without.count)
        for frame in [0, 44] {
            var halved = without[frame]
            halved.pixels = halved.pixels.map { UInt8((Int($0) * 128 + 127) / 255) }
            #expect(PixelStatistics.meanDifference(with[frame], halved) < 1.5)
        }
    }
}

