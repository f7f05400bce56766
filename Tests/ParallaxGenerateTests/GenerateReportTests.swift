import Foundation
import ParallaxCore
import ParallaxGenerate
import TestSupport
import Testing

/// What `generate` tells a user after --restart, after switching inpainters, and what it leaves.
@Suite struct GenerateReportTests {
    func fakeCommand(_ directory: TemporaryDirectory, failStep: Int) throws -> String {
        let python = try #require(GenerateFixtures.python, "python3 is required")
        try GenerateCommandTests.fakeInpainter.write(toFile: directory.file("fake.py"), atomically: true, encoding: .utf8)
        return "\(python) \(directory.file("fake.py")) exit \(failStep) {step} {image} {mask} {output}"
    }

    @Test func aFailedRestartCountsTheStepsItMadeBeforeFailing() throws {
        let directory = TemporaryDirectory("restart")
        let project = directory.file("project")
        _ = try GenerateFixtures.project(in: project, steps: 6)
        let first = try ProcessRunner.parallax(["generate", project, "--quiet"])
        #expect(first.succeeded, "\(first.standardError)")
        let failing = try ProcessRunner.parallax(["generate", project, "--restart", "--quiet",
                                                  "--inpaint-command", try fakeCommand(directory, failStep: 4)])
        #expect(!failing.succeeded)
        #expect(StepJournal(projectDirectory: project).completedEntries().map(\.step) == [1, 2, 3])
        #expect(failing.standardError.contains("3 finished steps are kept"), "\(failing.standardError)")
        #expect(!FileManager.default.fileExists(atPath: project + "/.work"))
    }

    @Test func resumingWithAnotherInpainterSaysWhichStepsCameFromTheFirst() throws {
        let directory = TemporaryDirectory("switch")
        let project = directory.file("project")
        _ = try GenerateFixtures.project(in: project, steps: 6)
        #expect(try ProcessRunner.parallax(["generate", project, "--quiet"]).succeeded)
        let switched = try ProcessRunner.parallax(["generate", project, "--inpaint-command", try fakeCommand(directory, failStep: 99)])
        #expect(switched.succeeded, "\(switched.standardError)")
        #expect(switched.standardError.contains("steps 1–6 came from the builtin inpainter, not command, and are kept"),
                "\(switched.standardError)")
        #expect(switched.standardError.contains("--restart"))
        // Quiet means quiet; the same inpainter again says nothing of the kind.
        let quiet = try ProcessRunner.parallax(["generate", project, "--quiet", "--inpaint-command", try fakeCommand(directory, failStep: 99)])
        #expect(quiet.standardError.isEmpty)
        let same = try ProcessRunner.parallax(["generate", project])
        #expect(!same.standardError.contains("came from"))
    }
}
