import Foundation
import ParallaxAV
import ParallaxCore
@testable import ParallaxGenerate
import TestSupport
import Testing

@Suite struct StepLoopTests {
    @Test func writesEveryStepMaskAndJournalLine() throws {
        let directory = TemporaryDirectory()
        let project = try GenerateFixtures.project(in: directory.path)
        let summary = try StepLoop(project: project, inpainter: BuiltinInpainter(), settings: GenerateSettings(seed: 3)).run()
        #expect(summary.stepsWritten == 6 && summary.resumedAfter == 0)
        let folder = project.folder
        try folder.validate(steps: 6, width: 96, height: 64)
        for step in 1...6 { #expect(FileManager.default.fileExists(atPath: folder.maskPath(step))) }
        let entries = StepJournal(projectDirectory: directory.path).completedEntries()
        #expect(entries.map(\.step) == Array(1...6))
        #expect(entries.allSatisfy { $0.inpainter == "builtin" })
        #expect(entries[0].seed == StepSeed.derive(seed: 3, step: 1))
        // Step 0 is the input image.
        #expect(try PNGImage.read(folder.stepPath(0)) == GenerateFixtures.image())
    }

    @Test func knownPixelsOfEachStepAreTheShiftedPreviousStep() throws {
        let directory = TemporaryDirectory()
        let project = try GenerateFixtures.project(in: directory.path)
        try StepLoop(project: project, inpainter: BuiltinInpainter(), settings: GenerateSettings()).run()
        for step in 1...6 {
            let previous = try PNGImage.read(project.folder.stepPath(step - 1))
            let current = try PNGImage.read(project.folder.stepPath(step))
            let shifted = StepShift.apply(to: previous, plan: project.plan, step: step)
            for index in 0..<shifted.gap.pixels.count where shifted.gap.pixels[index] == 0 {
                #expect(current.pixels[(index * 3)..<(index * 3 + 3)] == shifted.image.pixels[(index * 3)..<(index * 3 + 3)])
            }
        }
    }

    @Test func resumingAfterACutJournalGivesTheSameBytes() throws {
        let whole = TemporaryDirectory(), cut = TemporaryDirectory()
        let wholeProject = try GenerateFixtures.project(in: whole.path)
        try StepLoop(project: wholeProject, inpainter: BuiltinInpainter(), settings: GenerateSettings(seed: 9)).run()

        let cutProject = try GenerateFixtures.project(in: cut.path)
        try StepLoop(project: cutProject, inpainter: BuiltinInpainter(), settings: GenerateSettings(seed: 9)).run()
        // As if killed while writing step 4's journal line, after step 5's image was half written.
        let journal = StepJournal(projectDirectory: cut.path)
        let lines = try String(contentsOfFile: journal.path, encoding: .utf8).split(separator: "\n")
        try (lines[0..<3].joined(separator: "\n") + "\n" + lines[3].prefix(10)).write(toFile: journal.path, atomically: true, encoding: .utf8)
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: cutProject.folder.stepPath(5)))
        // A killed run's temporary: its process is gone (only such temporaries are removed).
        let killed = Process()
        killed.executableURL = URL(fileURLWithPath: "/bin/true")
        try killed.run()
        killed.waitUntilExit()
        let abandoned = cut.path + "/steps/.000006.partial-\(killed.processIdentifier).png"
        try Data("partial".utf8).write(to: URL(fileURLWithPath: abandoned))
        let loop = StepLoop(project: cutProject, inpainter: BuiltinInpainter(), settings: GenerateSettings(seed: 9))
        #expect(loop.resumePoint() == 4)
        let summary = try loop.run()
        #expect(summary.resumedAfter == 3 && summary.stepsWritten == 3)
        #expect(GenerateFixtures.stepBytes(cut.path, steps: 6) == GenerateFixtures.stepBytes(whole.path, steps: 6))
        #expect(!FileManager.default.fileExists(atPath: abandoned))
        #expect(journal.completedEntries().map(\.step) == Array(1...6))
    }

    @Test func aFailingInpainterKeepsEveryFinishedStep() throws {
        final class FailsAtThree: Inpainter {
            let name = "flaky"
            func inpaint(_ request: InpaintRequest) throws -> Raster {
                if request.step == 3 { throw InpaintError("flaky gave up on step 3") }
                return request.image
            }
        }
        let directory = TemporaryDirectory()
        let project = try GenerateFixtures.project(in: directory.path)
        #expect(throws: InpaintError.self) {
            try StepLoop(project: project, inpainter: FailsAtThree(), settings: GenerateSettings()).run()
        }
        #expect(project.folder.consecutiveStepCount() == 3)
        #expect(StepJournal(projectDirectory: directory.path).completedEntries().map(\.step) == [1, 2])
    }

    @Test func wrongSizedInpainterOutputIsRejected() throws {
        final class Shrinks: Inpainter {
            let name = "shrinks"
            func inpaint(_ request: InpaintRequest) throws -> Raster { Raster(width: 4, height: 4, channels: 3) }
        }
        let directory = TemporaryDirectory()
        let project = try GenerateFixtures.project(in: directory.path)
        do {
            try StepLoop(project: project, inpainter: Shrinks(), settings: GenerateSettings()).run()
            Issue.record("expected an error")
        } catch let error as InpaintError {
            #expect(error.description.contains("4x4") && error.description.contains("96x64"))
        }
        #expect(project.folder.consecutiveStepCount() == 1)
    }

    @Test func resumingWithChangedLayersIsRefusedUntilRestart() throws {
        let directory = TemporaryDirectory()
        let project = try GenerateFixtures.project(in: directory.path, steps: 3)
        try StepLoop(project: project, inpainter: BuiltinInpainter(), settings: GenerateSettings()).run()
        // More steps with the same layers resume.
        let longer = try GenerateFixtures.project(in: directory.path, steps: 5)
        #expect(try StepLoop(project: longer, inpainter: BuiltinInpainter(), settings: GenerateSettings()).run().resumedAfter == 3)
        let changed = try GenerateFixtures.project(in: directory.path, steps: 6, layers: [Layer(name: "one", height: nil, depth: .speed(1))])
        #expect(throws: SceneError.self) {
            try StepLoop(project: changed, inpainter: BuiltinInpainter(), settings: GenerateSettings()).run()
        }
        let summary = try StepLoop(project: changed, inpainter: BuiltinInpainter(), settings: GenerateSettings(restart: true)).run()
        #expect(summary.resumedAfter == 0 && summary.stepsWritten == 6)
    }

    @Test func thinBandsAreFilledWithContextFromTheirNeighboursButOnlyInsideTheBand() throws {
        #expect(BuiltinInpainter.contextRows(10..<13, minimum: 9, imageHeight: 64) == 7..<16)
        #expect(BuiltinInpainter.contextRows(0..<2, minimum: 9, imageHeight: 64) == 0..<9)
        #expect(BuiltinInpainter.contextRows(60..<64, minimum: 9, imageHeight: 64) == 55..<64)
        #expect(BuiltinInpainter.contextRows(20..<40, minimum: 9, imageHeight: 64) == 20..<40)
        let directory = TemporaryDirectory()
        let layers = [Layer(name: "a", height: 30, depth: .speed(0)), Layer(name: "thin", height: 3, depth: .speed(1)),
                      Layer(name: "b", height: nil, depth: .speed(0))]
        let project = try GenerateFixtures.project(in: directory.path, steps: 2, layers: layers)
        try StepLoop(project: project, inpainter: BuiltinInpainter(), settings: GenerateSettings()).run()
        let before = try PNGImage.read(project.folder.stepPath(0)), after = try PNGImage.read(project.folder.stepPath(2))
        let still = Array(0..<(30 * 96 * 3)) + Array((33 * 96 * 3)..<(64 * 96 * 3))
        #expect(still.allSatisfy { before.pixels[$0] == after.pixels[$0] })
        #expect(before.pixels[(30 * 96 * 3)..<(33 * 96 * 3)] != after.pixels[(30 * 96 * 3)..<(33 * 96 * 3)])
    }

    @Test func stepsMadeElsewhereAreNotOverwrittenUnasked() throws {
        let directory = TemporaryDirectory()
        let project = try GenerateFixtures.project(in: directory.path)
        try FileManager.default.createDirectory(atPath: project.folder.stepsDirectory, withIntermediateDirectories: true)
        for step in 0...1 { try PNGImage.write(GenerateFixtures.noise(width: 96, height: 64), to: project.folder.stepPath(step)) }
        #expect(throws: SceneError.self) {
            try StepLoop(project: project, inpainter: BuiltinInpainter(), settings: GenerateSettings()).run()
        }
        #expect(try PNGImage.read(project.folder.stepPath(1)) == GenerateFixtures.noise(width: 96, height: 64))
        try StepLoop(project: project, inpainter: BuiltinInpainter(), settings: GenerateSettings(restart: true)).run()
        #expect(try PNGImage.read(project.folder.stepPath(0)) == GenerateFixtures.image())
    }
}
