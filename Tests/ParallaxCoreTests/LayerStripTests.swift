import Foundation
import ParallaxCore
import Testing

@Suite("Layer strips")
struct LayerStripTests {
    static func plan(boundary: [Int], skySpeed: Double = 0.25, groundSpeed: Double = 1, direction: Double = 180) throws -> MotionPlan {
        let scene = Scene(direction: Direction(degrees: direction), stepShift: 8, steps: 4, layers: [
            Layer(name: "sky", height: 4, depth: .speed(skySpeed)),
            Layer(name: "ground", height: nil, depth: .speed(groundSpeed), boundary: boundary),
        ])
        return try MotionPlan(scene: scene, width: boundary.count, height: 12, file: "scene.json")
    }

    @Test func upperLayersAreDrawnFirstAndTheLowerOneCarriesTheCurve() throws {
        let layout = StripLayout(plan: try Self.plan(boundary: [3, 4, 6, 5]))
        #expect(!layout.isStacked)
        #expect(layout.drawOrder == [0, 1])
        #expect(layout.strips[0].rows == 0..<6 && layout.strips[0].bottomEdge == .covered && layout.strips[0].isOpaque)
        #expect(layout.strips[1].rows == 3..<12 && layout.strips[1].topEdge == .curve && !layout.strips[1].isOpaque)
        // A sky faster than the ground below it still passes behind it: the curve is the
        // ground's edge and moves with the ground.
        let faster = StripLayout(plan: try Self.plan(boundary: [3, 4, 6, 5], skySpeed: 1, groundSpeed: 0.25))
        #expect(faster.drawOrder == [0, 1])
        #expect(faster.strips[0].bottomEdge == .covered && faster.strips[1].topEdge == .curve)
    }

    @Test func aFlatEdgeIsHardAndAOneRowStepIsAntialiasedWithinTwoRows() throws {
        let strip = StripLayout(plan: try Self.plan(boundary: [5, 5, 5, 6, 6, 6])).strips[1]
        let alpha = strip.initialAlpha()
        let width = 6
        func value(_ x: Int, _ y: Int) -> UInt8 { alpha[(y - strip.rows.lowerBound) * width + x] }
        #expect(strip.rows == 5..<12)
        #expect(value(0, 5) == 255 && value(5, 5) == 0 && value(5, 6) == 255)
        // Beside the step the edge sits between rows: partial coverage, nowhere beyond two rows.
        #expect(value(2, 5) > 0 && value(2, 5) < 255 || value(3, 5) > 0 && value(3, 5) < 255)
        for x in 0..<width {
            for y in strip.rows where y >= 7 { #expect(value(x, y) == 255) }
        }
    }

    @Test func aCliffStaysSharp() throws {
        let strip = StripLayout(plan: try Self.plan(boundary: [4, 4, 11, 11])).strips[1]
        let alpha = strip.initialAlpha()
        func value(_ x: Int, _ y: Int) -> UInt8 { alpha[(y - strip.rows.lowerBound) * 4 + x] }
        // Only the cliff's two corner pixels are softened.
        #expect((5..<12).allSatisfy { value(1, $0) == 255 } && (4..<10).allSatisfy { value(2, $0) == 0 })
    }

    @Test func aStraightSceneIsStackedAndKeepsTheVstackGraph() throws {
        let plan = try Self.plan(boundary: [4, 4, 4, 4])
        #expect(StripLayout(plan: plan).isStacked)
        let script = RenderGraph(plan: plan, stepPattern: "/p/steps/%06d.png", settings: RenderSettings()).script
        #expect(script.contains("vstack") && !script.contains("layers/"))
    }

    @Test func aContourSceneOverlaysStripsWithAlphaInOneGraph() throws {
        let plan = try Self.plan(boundary: [3, 4, 6, 5])
        let script = RenderGraph(plan: plan, stepPattern: "/p/steps/%06d.png", settings: RenderSettings()).script
        #expect(!script.contains("vstack"))
        #expect(script.contains("/p/layers/00/%06d.png") && script.contains("/p/layers/01/%06d.png"))
        // Only the strip with a curve edge needs its alpha moved.
        #expect(script.components(separatedBy: "alphamerge").count == 2)
    }

    @Test func aContourSceneThatMovesVerticallyIsRefusedWithTheFieldNamed() {
        do {
            _ = try Self.plan(boundary: [3, 4, 6, 5], direction: 270)
            Issue.record("accepted a contour scene moving down")
        } catch {
            #expect("\(error)".contains("layers[0].direction") && "\(error)".contains("left or right"), "\(error)")
        }
    }
}
