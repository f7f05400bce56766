import Foundation
import ParallaxCore
@testable import ParallaxGenerate
import Testing

@Suite struct MaskShapeTests {
    let width = 40, height = 30

    func shifted(direction: Double = 180, layers: [Layer]? = nil) throws -> ShiftedStep {
        let layers = layers ?? [Layer(name: "only", height: nil, depth: .speed(1))]
        let plan = try GenerateFixtures.plan(width: width, height: height, direction: direction, stepShift: 4, layers: layers)
        return StepShift.apply(to: GenerateFixtures.noise(width: width, height: height), plan: plan, step: 1)
    }

    @Test func defaultMaskIsExactlyTheGap() throws {
        let step = try shifted()
        #expect(MaskShape().mask(for: step) == step.gap)
    }

    @Test(arguments: [(180.0, true), (0.0, true), (90.0, false), (270.0, false)])
    func growWidensTheGapIntoTheKnownPixelsBesideIt(direction: Double, horizontal: Bool) throws {
        let step = try shifted(direction: direction)
        let mask = MaskShape(grow: 3).mask(for: step)
        for y in 0..<height {
            for x in 0..<width {
                // Distance from the trailing edge along the motion axis; the gap is 4 px wide.
                let along: Int = switch direction {
                case 180: width - 1 - x
                case 0: x
                case 90: height - 1 - y
                default: y
                }
                #expect((mask[x, y, 0] == 255) == (along < 7), "\(direction)° at \(x),\(y)")
            }
        }
        _ = horizontal
    }

    @Test func taperedCornersNarrowTheGrownStripAtTheBandEdgesButNeverTheGap() throws {
        let step = try shifted()
        let mask = MaskShape(grow: 6, cornerSize: 4, cornerStyle: .taper).mask(for: step)
        func grownWidth(_ y: Int) -> Int { (0..<36).filter { mask[$0, y, 0] == 255 }.count }
        #expect(grownWidth(15) == 6)
        #expect(grownWidth(0) < grownWidth(2))
        #expect(grownWidth(2) < grownWidth(15))
        for y in 0..<height { #expect((36..<40).allSatisfy { mask[$0, y, 0] == 255 }) }
        let round = MaskShape(grow: 6, cornerSize: 4, cornerStyle: .round).mask(for: step)
        let roundWidth = (0..<36).filter { round[$0, 1, 0] == 255 }.count
        #expect(roundWidth > grownWidth(1), "a round corner is fuller than a straight taper")
    }

    @Test func featherRampsDownTowardsTheOuterEdgeOfTheGrownStrip() throws {
        let step = try shifted()
        let mask = MaskShape(grow: 4, feather: 4).mask(for: step)
        let row = (30..<40).map { mask[$0, 10, 0] }
        // x 32…35 are grown (distance 4…1), 36…39 the gap.
        #expect(row[0..<2] == [0, 0])
        #expect(row[2] < row[3] && row[3] < row[4] && row[4] < row[5])
        #expect(row[6...].allSatisfy { $0 == 255 })
        #expect(row[2] == UInt8((255.0 / 4).rounded()))
    }

    @Test func falloffDecaysWithDistanceFromTheGap() throws {
        let step = try shifted()
        let mask = MaskShape(falloff: 3).mask(for: step)
        let row = (0..<36).map { mask[$0, 10, 0] }
        for x in 1..<36 { #expect(row[x - 1] <= row[x]) }
        #expect(row[35] == UInt8((255 * exp(-1.0 / 3)).rounded()))
        #expect(row[0] == 0)
    }

    @Test func blurSoftensOnlyWithinTheBandAndKeepsTheGapFull() throws {
        let layers = [Layer(name: "still", height: 10, depth: .speed(0)), Layer(name: "moving", height: nil, depth: .speed(1))]
        let step = try shifted(layers: layers)
        let mask = MaskShape(grow: 2, blur: 3).mask(for: step)
        #expect(!mask.pixels[0..<(10 * width)].contains { $0 != 0 }, "the still band stays unmasked")
        for y in 10..<height { #expect((36..<40).allSatisfy { mask[$0, y, 0] == 255 }) }
        #expect(mask[33, 20, 0] > 0 && mask[33, 20, 0] < 255)
        #expect(mask[20, 20, 0] == 0)
    }

    @Test func alphaScalesEverythingOutsideTheGap() throws {
        let step = try shifted()
        let full = MaskShape(grow: 3).mask(for: step)
        let half = MaskShape(grow: 3, alpha: 0.5).mask(for: step)
        #expect(full[34, 5, 0] == 255 && half[34, 5, 0] == 128)
        #expect(half[38, 5, 0] == 255)
    }

    @Test func obliqueMotionGrowsBothArmsOfTheGap() throws {
        let step = try shifted(direction: 225)
        // v = 4·(−0.707, 0.707) → shift (−3, 3): gap right columns 37… and top rows 0..<3.
        #expect(step.bands[0].shift == PixelOffset(x: -3, y: 3))
        let mask = MaskShape(grow: 2).mask(for: step)
        #expect(mask[36, 15, 0] == 255 && mask[35, 15, 0] == 0)  // 1 px back along x = 1/0.707 ≈ 1.41 ≤ 2
        #expect(mask[15, 3, 0] == 255 && mask[15, 4, 0] == 0)
    }

    @Test func pasteKeepsKnownPixelsOutsideTheMaskAndBlendsTheFeather() {
        let known = Raster(width: 3, height: 1, channels: 3, pixels: [10, 10, 10, 100, 100, 100, 0, 0, 0])
        let filled = Raster(width: 3, height: 1, channels: 3, pixels: [99, 99, 99, 200, 200, 200, 50, 60, 70])
        let mask = Raster(width: 3, height: 1, channels: 1, pixels: [0, 128, 255])
        let result = KnownPixelPaste.apply(known: known, inpainted: filled, mask: mask)
        #expect(result.pixels == [10, 10, 10, 150, 150, 150, 50, 60, 70])
    }
}
