import Foundation
import ParallaxCore
@testable import ParallaxGenerate
import TestSupport
import Testing

/// The built-in inpainter, told to take one request at a time: the contour loop then runs one
/// step after another, as an external command or worker gets it.
private final class OneRequestAtATime: Inpainter {
    let inner = BuiltinInpainter()
    let name = "builtin"
    var readsBehindLayer: Bool { inner.readsBehindLayer }
    private(set) var requests: [(step: Int, layer: Int)] = []

    func inpaint(_ request: InpaintRequest) throws -> Raster {
        requests.append((request.step, request.bands[0].layerIndex))
        return try inner.inpaint(request)
    }
}

/// The contour loop fills the layers of several steps at once (`StepLoop.makeStripSteps`).
@Suite struct ContourWavefrontTests {
    /// Every file a contour run writes for its steps: composites, masks, each layer's strips and masks.
    private static func files(_ directory: String) -> [String: Data] {
        var files: [String: Data] = [:]
        let root = URL(fileURLWithPath: directory)
        for subfolder in ["steps", "masks", "layers"] {
            let enumerator = FileManager.default.enumerator(atPath: root.appendingPathComponent(subfolder).path)
            while let name = enumerator?.nextObject() as? String {
                guard name.hasSuffix(".png") else { continue }
                files[subfolder + "/" + name] = FileManager.default.contents(atPath: root.appendingPathComponent(subfolder + "/" + name).path)
            }
        }
        return files
    }

    @Test("several steps at once write the bytes of one step at a time", arguments: [false, true])
    func wavefrontGivesTheSameFiles(tower: Bool) throws {
        let together = TemporaryDirectory("wavefront"), alone = TemporaryDirectory("wavefront")
        let steps = 6
        let first = try WavySkylineScene(directory: together.path, steps: steps, tower: tower)
        #expect(BuiltinInpainter().concurrentRequests > 1)
        let summary = try first.generate(seed: 7)
        #expect(summary.stepsWritten == steps)

        let second = try WavySkylineScene(directory: alone.path, steps: steps, tower: tower)
        let serial = OneRequestAtATime()
        #expect(serial.concurrentRequests == 1)
        _ = try StepLoop(project: second.project, inpainter: serial, settings: GenerateSettings(seed: 7)).run()

        let written = Self.files(together.path)
        #expect(written.count >= (steps + 1) * 3)
        #expect(written == Self.files(alone.path))
        // An inpainter that takes one request at a time gets them in step order, back layer first.
        let order = serial.requests.filter { $0.step > 0 }
        #expect(order.map(\.step) == order.map(\.step).sorted())
        #expect(StepJournal(projectDirectory: together.path).completedEntries().map(\.step) == Array(1...steps))
    }
}
