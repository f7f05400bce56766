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

    @Test func rainFalls() throws {
        let (with, without) = try renderPair([["type": "rain", "opacity": 1, "density": 0.5]])
        // The streaks (what rain added) differ from frame to frame.
        let streaks = { (n: Int) in zip(with[n].pixels, without[n].pixels).map { Int($0) - Int($1) > 20 } }
        #expect(streaks(10) != streaks(11))
        #expect(streaks(10).filter { $0 }.count > 50)
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

