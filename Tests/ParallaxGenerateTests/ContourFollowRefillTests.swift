import Foundation
import ParallaxAV
import ParallaxCore
@testable import ParallaxGenerate
import Testing
import TestSupport

/// With `--edges follow` the fill draws a contour layer's edge from the layer and what lies
/// behind it alike; where the two sides differ and the layer holds one colour along its edge, the
/// shown strip is filled again under the followed edge from the layer alone (``EdgeContrast``), so
/// no sky is left in the ground, while the draft the next step follows stays as one fill left it.
@Suite("Contour layers: the layer under a followed edge")
struct ContourFollowRefillTests {
    /// The same fill, but as an inpainter that does not read `behindLayer`: one fill per layer
    /// and step, as external inpainters get.
    private final class SingleFill: Inpainter {
        let builtin = BuiltinInpainter()
        var name: String { builtin.name }
        var concurrentRequests: Int { builtin.concurrentRequests }
        func inpaint(_ request: InpaintRequest) throws -> Raster { try builtin.inpaint(request) }
    }

    /// Sky-coloured pixels of the last step from two rows below the ground's edge to the frame's
    /// bottom, and how many pixels that is.
    static func skyUnderTheEdge(_ scene: WavySkylineScene, step: Int) throws -> (sky: Int, pixels: Int) {
        let strip = try PNGImage.read(scene.project.folder.stripPath(layer: 1, step: step), channels: 4)
        let frame = try PNGImage.read(scene.project.folder.stepPath(step), channels: 3)
        let top = scene.plan.height - strip.height
        var sky = 0, pixels = 0
        for x in 0..<strip.width {
            let row = (0..<strip.height).first { strip[x, $0, 3] >= 128 } ?? strip.height
            for y in (top + row + 2)..<scene.plan.height {
                pixels += 1
                if !WavySkylineScene.isGround(frame, x: x, y: y) { sky += 1 }
            }
        }
        return (sky, pixels)
    }

    @Test func theGroundUnderAFollowedEdgeHoldsNoSky() throws {
        var withRefill = (sky: 0, pixels: 0), withoutRefill = (sky: 0, pixels: 0)
        for seed in [1, 2, 3] as [UInt64] {
            let refilledFolder = TemporaryDirectory("follow-refill"), singleFolder = TemporaryDirectory("follow-single")
            let refilled = try WavySkylineScene(directory: refilledFolder.path, steps: 24)
            try refilled.generate(seed: seed, edges: .follow)
            let single = try WavySkylineScene(directory: singleFolder.path, steps: 24)
            try StepLoop(project: single.project, inpainter: SingleFill(), settings: GenerateSettings(seed: seed, edges: .follow)).run()
            let a = try Self.skyUnderTheEdge(refilled, step: 24), b = try Self.skyUnderTheEdge(single, step: 24)
            #expect(a.sky * 200 <= a.pixels, "seed \(seed): \(a.sky) of \(a.pixels) pixels under the edge are sky (one fill: \(b.sky))")
            withRefill = (withRefill.sky + a.sky, withRefill.pixels + a.pixels)
            withoutRefill = (withoutRefill.sky + b.sky, withoutRefill.pixels + b.pixels)
        }
        // One fill leaves sky under the edge on some seeds: what the second fill is for.
        #expect(withoutRefill.sky > withRefill.sky, "one fill leaves \(withoutRefill.sky) sky pixels, two \(withRefill.sky)")
    }

    @Test func theEdgesAndDraftsAreThoseOfOneFill() throws {
        let refilledFolder = TemporaryDirectory("follow-drafts"), singleFolder = TemporaryDirectory("follow-drafts-single")
        let refilled = try WavySkylineScene(directory: refilledFolder.path, steps: 8)
        try refilled.generate(seed: 2, edges: .follow)
        let single = try WavySkylineScene(directory: singleFolder.path, steps: 8)
        try StepLoop(project: single.project, inpainter: SingleFill(), settings: GenerateSettings(seed: 2, edges: .follow)).run()
        let folder = refilled.project.folder
        for step in 0...8 {
            let draft = try PNGImage.read(folder.draftStripPath(layer: 1, step: step), channels: 4)
            let shown = try PNGImage.read(folder.stripPath(layer: 1, step: step), channels: 4)
            let one = try PNGImage.read(single.project.folder.stripPath(layer: 1, step: step), channels: 4)
            #expect(draft.pixels == one.pixels, "step \(step): the draft is not what one fill leaves")
            #expect(stride(from: 3, to: shown.pixels.count, by: 4).allSatisfy { shown.pixels[$0] == one.pixels[$0] },
                    "step \(step): the shown strip's alpha is not the followed edge's")
            if step > 0 { #expect(shown.pixels != draft.pixels, "step \(step): nothing filled again") }
        }
        // The sky never moves its edge and is not filled again: no draft of its own.
        #expect(!FileManager.default.fileExists(atPath: folder.draftStripPath(layer: 0, step: 1)))
    }

    @Test func anInpainterThatCannotTellTheLayerFromBehindIsCalledOncePerLayerAndStep() throws {
        final class Counting: Inpainter {
            let builtin = BuiltinInpainter()
            var calls = 0
            var name: String { builtin.name }
            func inpaint(_ request: InpaintRequest) throws -> Raster { calls += 1; return try builtin.inpaint(request) }
        }
        let folder = TemporaryDirectory("follow-once")
        let scene = try WavySkylineScene(directory: folder.path, steps: 4)
        let counting = Counting()
        try StepLoop(project: scene.project, inpainter: counting, settings: GenerateSettings(seed: 1, edges: .follow)).run()
        // Step 0 fills the hidden parts of the layers that have any; then one call per moving layer and step.
        let layersFilledAtStepZero = counting.calls - 4 * scene.plan.layers.count
        #expect((0...scene.plan.layers.count).contains(layersFilledAtStepZero), "\(counting.calls) calls")
    }

    /// A picture whose rows above `curve` are `upper` and below it `lower`, each with grain.
    static func picture(curve: [Int], height: Int, upper: (Int, Int, Int), lower: (Int, Int, Int)) -> Raster {
        var generator = SeededGenerator(seed: 11)
        var raster = Raster(width: curve.count, height: height, channels: 3)
        for y in 0..<height {
            for x in 0..<curve.count {
                let colour = y >= curve[x] ? lower : upper
                let noise = Int(generator.next() % 41) - 20
                let base = raster.index(x: x, y: y)
                raster.pixels[base] = UInt8(clamping: colour.0 + noise)
                raster.pixels[base + 1] = UInt8(clamping: colour.1 + noise)
                raster.pixels[base + 2] = UInt8(clamping: colour.2 + noise)
            }
        }
        return raster
    }

    @Test func oneGrainCutByACurveIsNotAnEdgeButAHillAgainstMountainsIs() {
        let curve = (0..<160).map { 40 + Int((10 * sin(Double($0) / 13)).rounded()) }
        let grass = Self.picture(curve: curve, height: 96, upper: (70, 120, 50), lower: (70, 120, 50))
        let hills = Self.picture(curve: curve, height: 96, upper: (140, 135, 170), lower: (70, 120, 50))
        #expect(EdgeContrast.difference(grass, curve: curve) < 4)
        #expect(EdgeContrast.difference(hills, curve: curve) > 60)
        #expect(EdgeContrast.difference(hills, curve: curve) > EdgeContrast.threshold)
        #expect(EdgeContrast.spread(hills, curve: curve, below: true) < EdgeContrast.spreadThreshold / 4)
    }

    @Test func aLayerOfTwoRegionsAlongItsEdgeIsNotOneColour() {
        let curve = (0..<160).map { 40 + Int((10 * sin(Double($0) / 13)).rounded()) }
        // A dark coat on the left half of the layer, sky-blue ground on the right, all under a pale sky.
        var picture = Self.picture(curve: curve, height: 96, upper: (200, 210, 230), lower: (40, 40, 50))
        let ground = Self.picture(curve: curve, height: 96, upper: (200, 210, 230), lower: (90, 130, 200))
        for y in 0..<96 { for x in 80..<160 { for channel in 0..<3 { picture[x, y, channel] = ground[x, y, channel] } } }
        #expect(EdgeContrast.difference(picture, curve: curve) > EdgeContrast.threshold)
        #expect(EdgeContrast.spread(picture, curve: curve, below: true) > EdgeContrast.spreadThreshold)
        #expect(EdgeContrast.spread(picture, curve: curve, below: false) < 4)
    }
}
