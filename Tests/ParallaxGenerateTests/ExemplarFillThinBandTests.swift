import Foundation
import ParallaxAV
import ParallaxCore
@testable import ParallaxGenerate
import TestSupport
import Testing

/// Thin bands moving at an angle: the gap eats most of the band, the fill's sources are cut off
/// by the band's edges, and a trap here (issue #13, item 1) killed `generate`.
@Suite struct ExemplarFillThinBandTests {
    static let cases: [(height: Int, direction: Double)] =
        (1...6).flatMap { height in [33.0, 45.0].map { (height, $0) } }

    @Test("a thin band moving at an angle is filled, known pixels kept",
          arguments: cases.map { "\($0.height)@\($0.direction)" })
    func thinBandAtAnAngleIsFilled(_ name: String) throws {
        let parts = name.split(separator: "@")
        try runAndCheck(width: 96, height: 64, bandHeight: Int(parts[0])!, direction: Double(parts[1])!,
                        stepShift: 5, steps: 3)
    }

    @Test func tenRowBandAtFortyFiveDegreesIsFilled() throws {
        try runAndCheck(width: 480, height: 270, bandHeight: 10, direction: 45, stepShift: 5, steps: 2)
    }

    private func runAndCheck(width: Int, height: Int, bandHeight: Int, direction: Double,
                             stepShift: Double, steps: Int) throws {
        let directory = TemporaryDirectory()
        let project = try GenerateFixtures.project(
            in: directory.path, width: width, height: height, direction: direction, stepShift: stepShift,
            steps: steps, layers: [Layer(name: "a", height: bandHeight, depth: .speed(0.5)),
                                   Layer(name: "b", height: nil, depth: .speed(1))])
        let summary = try StepLoop(project: project, inpainter: BuiltinInpainter(),
                                   settings: GenerateSettings(seed: 5)).run()
        #expect(summary.stepsWritten == steps)
        for step in 1...steps {
            let previous = try PNGImage.read(project.folder.stepPath(step - 1))
            let current = try PNGImage.read(project.folder.stepPath(step))
            let shifted = StepShift.apply(to: previous, plan: project.plan, step: step)
            var changedKnown = 0
            for index in 0..<shifted.gap.pixels.count where shifted.gap.pixels[index] == 0 {
                if current.pixels[(index * 3)..<(index * 3 + 3)] != shifted.image.pixels[(index * 3)..<(index * 3 + 3)] {
                    changedKnown += 1
                }
            }
            #expect(changedKnown == 0, "step \(step): known pixels must come back unchanged")
        }
    }
}
