import Testing
@testable import ParallaxGenerate

/// The texture level's per-pixel contrast (sliding box sums, exact integer rounding) against the
/// definition computed directly: the standard deviation of grey over the known pixels of the
/// 9x9 box, rounded half up, and their mean grey truncated.
@Suite struct TextureLevelContrastTests {
    static func randomImage(width: Int, height: Int, seed: UInt64) -> (pixels: [UInt8], known: [Bool]) {
        var random = SeededRandom(seed: seed)
        var pixels = [UInt8](repeating: 0, count: width * height * 3)
        var known = [Bool](repeating: true, count: width * height)
        for p in 0..<(width * height) {
            // Smooth areas, strong edges and noise, so deviations from 0 to over 100 occur.
            let x = p % width, y = p / width
            let base = (x / 7 + y / 5) % 3 == 0 ? 30 : 200
            for c in 0..<3 { pixels[p * 3 + c] = UInt8(clamping: base + random.below(x < width / 2 ? 8 : 90) - c * 5) }
            // Unknown pixels: a block and scattered single ones (boxes with 0, 1 or a few known).
            known[p] = !((x >= 10 && x < 25 && y >= 4 && y < 20) || random.below(9) == 0)
        }
        return (pixels, known)
    }

    static func direct(pixels: [UInt8], known: [Bool], width: Int, height: Int, x: Int, y: Int) -> (UInt8, UInt8) {
        let r = TextureLevel.radius
        var values: [Int] = []
        for yy in max(0, y - r)...min(height - 1, y + r) {
            for xx in max(0, x - r)...min(width - 1, x + r) where known[yy * width + xx] {
                let q = (yy * width + xx) * 3
                values.append(Grey.of(Int(pixels[q]), Int(pixels[q + 1]), Int(pixels[q + 2])))
            }
        }
        guard known[y * width + x], values.count > 1 else { return (0, 0) }
        let n = Double(values.count)
        let mean = Double(values.reduce(0, +)) / n
        let variance = values.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / n
        return (UInt8(min(255, variance.squareRoot().rounded())), UInt8(values.reduce(0, +) / values.count))
    }

    @Test(arguments: [(61, 37, UInt64(1)), (9, 9, 2), (3, 40, 3), (120, 11, 4)])
    func theContrastIsTheBoxsStandardDeviationRounded(width: Int, height: Int, seed: UInt64) {
        let (pixels, known) = Self.randomImage(width: width, height: height, seed: seed)
        let (contrast, mean) = TextureLevel.localContrast(pixels: pixels, known: known, width: width, height: height)
        var mismatches = 0
        for y in 0..<height {
            for x in 0..<width {
                let (c, m) = Self.direct(pixels: pixels, known: known, width: width, height: height, x: x, y: y)
                if contrast[y * width + x] != c || mean[y * width + x] != m { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
        #expect(contrast.max()! > 40, "the scene must hold strong contrast")
    }

    @Test func halvesRoundUpAndTheEstimateIsCorrected() {
        // √(spread) / count exactly k + ½: spread = (2k + 1)² · count² / 4.
        for count in [2, 4, 9, 81] {
            for k in 0..<200 where ((2 * k + 1) * (2 * k + 1) * count * count) % 4 == 0 {
                let spread = (2 * k + 1) * (2 * k + 1) * count * count / 4
                #expect(TextureLevel.roundedDeviation(spread: spread, count: count) == k + 1)
                #expect(TextureLevel.roundedDeviation(spread: spread - 1, count: count) == k)
            }
        }
        #expect(TextureLevel.roundedDeviation(spread: 0, count: 81) == 0)
        #expect(TextureLevel.roundedDeviation(spread: 430_000_000, count: 81) == 256)
    }
}
