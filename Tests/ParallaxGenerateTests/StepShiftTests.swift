import ParallaxCore
import ParallaxGenerate
import Testing

@Suite struct StepShiftTests {
    let width = 40, height = 30

    /// Checks every pixel of a shifted step against the rule: band pixel p comes from p − s when
    /// that lies in the band, else it is gap (masked 255, black).
    func checkShift(direction: Double, step: Int) throws {
        let layers = [Layer(name: "top", height: 12, depth: .speed(0.5)), Layer(name: "bottom", height: nil, depth: .speed(1))]
        let plan = try GenerateFixtures.plan(width: width, height: height, direction: direction, stepShift: 5, layers: layers)
        let previous = GenerateFixtures.noise(width: width, height: height)
        let shifted = StepShift.apply(to: previous, plan: plan, step: step)
        for (index, layer) in plan.layers.enumerated() {
            let shift = layer.shift(inStep: step)
            #expect(shifted.bands[index].shift == shift)
            for y in layer.rows {
                for x in 0..<width {
                    let sourceX = x - shift.x, sourceY = y - shift.y
                    let known = (0..<width).contains(sourceX) && layer.rows.contains(sourceY)
                    #expect(shifted.gap[x, y, 0] == (known ? 0 : 255), "gap at \(x),\(y) for \(direction)°")
                    for channel in 0..<3 {
                        let expected = known ? previous[sourceX, sourceY, channel] : 0
                        if shifted.image[x, y, channel] != expected {
                            Issue.record("pixel \(x),\(y) at \(direction)° step \(step)")
                            return
                        }
                    }
                }
            }
        }
    }

    @Test(arguments: [0.0, 90, 180, 270, 30, 225])
    func bandsMoveByTheirStepShiftAndTheGapOpensBehind(direction: Double) throws {
        for step in 1...4 { try checkShift(direction: direction, step: step) }
    }

    @Test func gapSitsAtTheTrailingEdgeForEachAxis() throws {
        let layers = [Layer(name: "only", height: nil, depth: .speed(1))]
        let expectations: [(Double, (Int, Int) -> Bool)] = [
            (0, { x, _ in x < 5 }),              // moving right: gap on the left
            (180, { x, _ in x >= 35 }),          // moving left: gap on the right
            (90, { _, y in y >= 25 }),           // moving up: gap at the bottom
            (270, { _, y in y < 5 }),            // moving down: gap at the top
        ]
        for (direction, isGap) in expectations {
            let plan = try GenerateFixtures.plan(width: width, height: height, direction: direction, stepShift: 5, layers: layers)
            let shifted = StepShift.apply(to: GenerateFixtures.noise(width: width, height: height), plan: plan, step: 1)
            for y in 0..<height {
                for x in 0..<width {
                    #expect((shifted.gap[x, y, 0] == 255) == isGap(x, y), "\(direction)° at \(x),\(y)")
                }
            }
        }
    }

    @Test func obliqueShiftsAddUpToTheRoundedTotalWithoutDrift() throws {
        let layers = [Layer(name: "only", height: nil, depth: .speed(0.37))]
        for direction in [30.0, 225, 123.4] {
            let plan = try GenerateFixtures.plan(width: width, height: height, direction: direction, stepShift: 7, layers: layers)
            let layer = plan.layers[0]
            var total = PixelOffset(x: 0, y: 0)
            for step in 1...50 {
                let shift = StepShift.bands(plan: plan, step: step)[0].shift
                total = PixelOffset(x: total.x + shift.x, y: total.y + shift.y)
                #expect(total.x == Int((Double(step) * layer.velocity.x).rounded()))
                #expect(total.y == Int((Double(step) * layer.velocity.y).rounded()))
            }
        }
    }

    @Test func thirtyDegreesOpensAnLShapedGapLeftAndBelow() throws {
        let layers = [Layer(name: "only", height: nil, depth: .speed(1))]
        let plan = try GenerateFixtures.plan(width: width, height: height, direction: 30, stepShift: 10, layers: layers)
        let shifted = StepShift.apply(to: GenerateFixtures.noise(width: width, height: height), plan: plan, step: 1)
        // v = (8.66, −5): shift (9, −5) → columns 0..<9 and rows 25..<30 are gap.
        #expect(shifted.bands[0].shift == PixelOffset(x: 9, y: -5))
        #expect(shifted.gap[8, 0, 0] == 255 && shifted.gap[9, 0, 0] == 0)
        #expect(shifted.gap[20, 25, 0] == 255 && shifted.gap[20, 24, 0] == 0)
    }

    @Test func stillLayerIsCopiedUnchanged() throws {
        let layers = [Layer(name: "sky", height: 10, depth: .speed(0)), Layer(name: "land", height: nil, depth: .speed(1))]
        let plan = try GenerateFixtures.plan(width: width, height: height, direction: 180, layers: layers)
        let previous = GenerateFixtures.noise(width: width, height: height)
        let shifted = StepShift.apply(to: previous, plan: plan, step: 3)
        #expect(Array(shifted.image.pixels[0..<(10 * width * 3)]) == Array(previous.pixels[0..<(10 * width * 3)]))
        #expect(!shifted.gap.pixels[0..<(10 * width)].contains(255))
    }
}
