import Foundation
import ParallaxAV
import ParallaxCore
@testable import ParallaxGenerate
import Testing
import TestSupport

/// A contour layer's edge through the columns its motion opens. With `--edges sketch` it is
/// sketched from the input's own curve before the fill, so it neither runs flat along the rows'
/// end nor drifts out of them, and the fill draws the layer under it. With `follow` (the default)
/// it follows the edge the fill drew near such a sketch; where the fill draws a clear edge the
/// edge still lies on it, so on this skyline, whose fill runs the old edge on flat at full
/// contrast, `follow` still runs flat for 89 columns (the step-loop test is for `sketch`).
@Suite("Contour edges continued")
struct ContourEdgeContinuationTests {
    /// A skyline of hills: two sines, 36 rows from its highest to its lowest row.
    static let hills: [Int] = (0..<480).map { x in
        let wave: Double = 12 * sin(Double(x) / 23) + 6 * sin(Double(x) / 7.3)
        return 60 + Int(wave.rounded())
    }

    static func longestFlatRun(_ rows: [Int]) -> Int {
        var longest = 1, run = 1
        for (a, b) in zip(rows, rows.dropFirst()) {
            run = a == b ? run + 1 : 1
            longest = max(longest, run)
        }
        return longest
    }

    @Test func aSketchFromTheHighestRowTurnsBackAndStaysWithinTheCurvesRows() {
        let low = Self.hills.min()!, high = Self.hills.max()!
        let sketch = CurveContinuation.sketch(after: [Int](repeating: low, count: 12), exemplar: Self.hills, count: 400, seed: 7)
        #expect(sketch.count == 400)
        #expect(sketch.allSatisfy { (low...high).contains($0) })
        let atEnds = sketch.count { $0 <= low + 1 || $0 >= high - 1 }
        #expect(atEnds < 80, "\(atEnds) of 400 columns on the curve's first or last rows")
        #expect(sketch.max()! - sketch.min()! >= (high - low) / 2, "the sketch spans \(sketch.min()!)...\(sketch.max()!)")
        #expect(Self.longestFlatRun(sketch) <= Self.longestFlatRun(Self.hills) + 4)
    }

    @Test func aFlatHistoryWhereTheInputIsFlatStillTurns() {
        // The input's curve ends in a flat run; the path beside the gap is that run.
        let curve = Self.hills.prefix(420) + [Int](repeating: Self.hills[419], count: 60)
        let sketch = CurveContinuation.sketch(after: [Int](repeating: Self.hills[419], count: 12), exemplar: Array(curve),
                                              count: 300, seed: 3)
        #expect(Self.longestFlatRun(sketch) < 120, "a flat run of \(Self.longestFlatRun(sketch)) columns")
    }

    @Test func theSameSeedGivesTheSameSketchAndAnotherSeedAnother() {
        let history = Array(Self.hills.suffix(12))
        let a = CurveContinuation.sketch(after: history, exemplar: Self.hills, count: 200, seed: 1)
        let b = CurveContinuation.sketch(after: history, exemplar: Self.hills, count: 200, seed: 1)
        let c = CurveContinuation.sketch(after: history, exemplar: Self.hills, count: 200, seed: 2)
        #expect(a == b)
        #expect(a != c)
    }

    @Test func sketchedEdgesKeepTheSkylineWavyWithGroundUnderIt() throws {
        let folder = TemporaryDirectory("contour-edges")
        // The ground moves 8 px a step: 24 steps open 192 columns, the whole frame.
        let scene = try WavySkylineScene(directory: folder.path, steps: 24)
        try scene.generate(edges: .sketch)
        let strip = try PNGImage.read(scene.project.folder.stripPath(layer: 1, step: 24), channels: 4)
        let frame = try PNGImage.read(scene.project.folder.stepPath(24), channels: 3)
        let top = scene.plan.height - strip.height
        var edge: [Int] = []
        var skyUnderTheEdge = 0, groundPixels = 0
        for x in 0..<strip.width {
            let row = (0..<strip.height).first { strip[x, $0, 3] >= 128 } ?? strip.height
            edge.append(top + row)
            // Two rows below the edge's ramp, down to the frame's bottom: the layer's own pixels.
            for y in (top + row + 2)..<scene.plan.height {
                groundPixels += 1
                if !WavySkylineScene.isGround(frame, x: x, y: y) { skyUnderTheEdge += 1 }
            }
        }
        let ridge = WavySkylineScene.ridge
        #expect(edge.max()! - edge.min()! >= (ridge.max()! - ridge.min()!) / 2,
                "the continued skyline spans rows \(edge.min()!)...\(edge.max()!)")
        #expect(Self.longestFlatRun(edge) <= 24, "a flat run of \(Self.longestFlatRun(edge)) columns")
        #expect(skyUnderTheEdge * 100 <= groundPixels, "\(skyUnderTheEdge) of \(groundPixels) pixels under the edge are sky")
    }

    /// A 60x40 picture, flat grey, or with one clear horizontal edge from row `edge` down.
    static func picture(edge: Int?) -> Raster {
        ExemplarFillTestImages.image(width: 60, height: 40) { _, y in
            let value = edge.map { y >= $0 ? 40 : 200 } ?? 120
            return (value, value, value)
        }
    }

    @Test func whereTheFillDrawsNoEdgeTheFollowedEdgeTakesThePriorsShape() {
        let prior = (0..<50).map { 20 + Int((6 * sin(Double($0) / 5)).rounded()) }
        let rows = CurveContinuation.rows(in: Self.picture(edge: nil), columns: Array(10..<60), anchor: 20, allowed: 10...30,
                                          prior: prior)
        #expect(zip(rows, prior).allSatisfy { abs($0 - $1) <= 1 }, "\(rows) against \(prior)")
        // Without the prior the edge runs straight on from the anchor: a ridge cut flat.
        let alone = CurveContinuation.rows(in: Self.picture(edge: nil), columns: Array(10..<60), anchor: 20, allowed: 10...30)
        #expect(Set(alone) == [20])
    }

    @Test func aClearEdgeNearThePriorWinsOverThePrior() {
        let prior = [Int](repeating: 22, count: 50)
        let rows = CurveContinuation.rows(in: Self.picture(edge: 25), columns: Array(10..<60), anchor: 22, allowed: 10...30,
                                          prior: prior)
        #expect(rows.suffix(45).allSatisfy { $0 == 25 }, "\(rows)")
    }

    /// The fill drew one texture up to the strip's top, whose only clear edge lies on the highest
    /// row the input's curve reaches: followed, the edge would stay there step after step (a ridge
    /// cut flat, a layer grown to a flat-topped block; china.jpg, brick.png, the landscape at seed 2).
    @Test func anEdgeHeldOnTheTopRowOfTheCurvesRangeGivesWayToTheSketch() {
        let sketch = (0..<50).map { 20 + Int((6 * sin(Double($0) / 5)).rounded()) }
        let followed = CurveContinuation.rows(in: Self.picture(edge: 10), columns: Array(10..<60), anchor: 20, allowed: 10...30,
                                              prior: sketch)
        #expect(followed.filter { $0 == 10 }.count > 25, "the edge the fill drew holds the path on the top row: \(followed)")
        let edge = CurveContinuation.follow(in: Self.picture(edge: 10), columns: Array(10..<60), anchor: 20, allowed: 10...30,
                                            sketch: sketch)
        #expect(edge == sketch)
        let bottom = CurveContinuation.follow(in: Self.picture(edge: 30), columns: Array(10..<60), anchor: 20, allowed: 10...30,
                                              sketch: sketch)
        #expect(bottom == sketch, "held on the lowest row")
    }

    @Test func anEdgeOnTheTopRowIsFollowedWhereTheSketchGoesThereToo() {
        // The input's curve is flat on its highest row for long stretches: so is its continuation.
        let sketch = (0..<50).map { $0 % 3 == 0 ? 11 : 10 }
        let edge = CurveContinuation.follow(in: Self.picture(edge: 10), columns: Array(10..<60), anchor: 10, allowed: 10...30,
                                            sketch: sketch)
        #expect(edge.filter { $0 == 10 }.count > 40, "\(edge)")
    }

    @Test func aClearEdgeWithinTheRangeIsStillFollowed() {
        let sketch = [Int](repeating: 22, count: 50)
        let edge = CurveContinuation.follow(in: Self.picture(edge: 25), columns: Array(10..<60), anchor: 22, allowed: 10...30,
                                            sketch: sketch)
        #expect(edge.suffix(45).allSatisfy { $0 == 25 }, "\(edge)")
    }

    @Test(arguments: EdgeContinuation.allCases)
    func aResumedRunWritesTheSameBytes(edges: EdgeContinuation) throws {
        let whole = TemporaryDirectory("contour-edges-whole"), cut = TemporaryDirectory("contour-edges-cut")
        let wholeScene = try WavySkylineScene(directory: whole.path, steps: 6)
        try wholeScene.generate(edges: edges)
        let cutScene = try WavySkylineScene(directory: cut.path, steps: 3)
        try cutScene.generate(edges: edges)
        let resumed = try WavySkylineScene(directory: cut.path, steps: 6)
        #expect(try resumed.generate(edges: edges).resumedAfter == 3)
        for step in 0...6 {
            let a = try Data(contentsOf: URL(fileURLWithPath: wholeScene.project.folder.stepPath(step)))
            let b = try Data(contentsOf: URL(fileURLWithPath: resumed.project.folder.stepPath(step)))
            #expect(a == b, "step \(step) differs after a resume")
            let stripA = try Data(contentsOf: URL(fileURLWithPath: wholeScene.project.folder.stripPath(layer: 1, step: step)))
            let stripB = try Data(contentsOf: URL(fileURLWithPath: resumed.project.folder.stripPath(layer: 1, step: step)))
            #expect(stripA == stripB, "the ground's strip of step \(step) differs after a resume")
        }
    }
}
