import Testing
@testable import ParallaxGenerate

@Suite struct ExemplarFillSeamBlendTests {
    @Test func exactGuidanceLeavesACoherentCopyUnchanged() {
        let width = 90, height = 40, period = 30
        var original = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                let phase = x % period
                original[(y * width + x) * 3] = UInt8(40 + phase * 4)
                original[(y * width + x) * 3 + 1] = UInt8(60 + y * 3)
                original[(y * width + x) * 3 + 2] = UInt8((phase * 7 + y * 5) % 200)
            }
        }
        var hole = [Bool](repeating: false, count: width * height)
        var sourceOf = [Int32](repeating: -1, count: width * height)
        for y in 0..<height { for x in 66..<width { hole[y * width + x] = true; sourceOf[y * width + x] = Int32(y * width + x - period) } }
        let order = OnionPeelOrder.make(hole: hole, width: width, height: height)
        var pixels = original
        for entry in order { for c in 0..<3 { pixels[Int(entry) * 3 + c] = original[(Int(entry) - period) * 3 + c] } }
        var blended = pixels
        SeamBlend.apply(to: &blended, original: original, sourceOf: sourceOf, hole: hole, order: order, width: width, height: height)
        let worst = zip(blended, pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
        #expect(worst <= 1)
    }
}
