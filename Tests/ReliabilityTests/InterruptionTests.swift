import Foundation
import Testing
import TestSupport

/// A render long enough to interrupt (900 frames of 96x64, about a second), its uninterrupted
/// result, and how long that took.
private struct InterruptibleRender {
    let fixture: ReliabilityFixture
    let expectedFrames: [String]
    let duration: Double

    init() throws {
        fixture = try ReliabilityFixture(steps: 120)
        let reference = fixture.root.file("reference.mp4")
        let start = Date()
        let run = try ChildProcess.run(parallax: ["render", fixture.project, "-o", reference, "-q"])
        duration = Date().timeIntervalSince(start)
        guard run.termination == .exit(0) else { throw InspectionError("reference render failed: \(run.standardError)") }
        expectedFrames = try VideoInspection.frameMD5s(reference)
    }

    var renderArguments: [String] { ["render", fixture.project, "-o", fixture.output, "-q"] }

    /// Starts a render over a previous output, signals it after a seeded random delay, and
    /// returns how it ended.
    func interrupt(with signalNumber: Int32, using generator: inout SeededGenerator)
        throws -> (termination: Termination, standardError: String) {
        try ReliabilityFixture.previousContent.write(to: URL(fileURLWithPath: fixture.output))
        // Within the render's middle: after start-up (the handler is installed early) and
        // before the end, scaled to how fast this machine rendered the reference.
        let delay = Double.random(in: max(0.1, 0.25 * duration)...max(0.11, 0.85 * duration), using: &generator)
        let child = try ChildProcess.parallax(renderArguments)
        usleep(useconds_t(delay * 1_000_000))
        child.send(signalNumber)
        let result = child.wait()
        return (result.termination, result.standardError)
    }

    /// A clean rerun: it succeeds, leaves no temporaries (not even a killed run's) and gives the
    /// same frames as the uninterrupted render.
    func expectCleanRerun() throws {
        let run = try ChildProcess.run(parallax: renderArguments)
        #expect(run.termination == .exit(0), "\(run.standardError)")
        #expect(fixture.leftoverTemporaries().isEmpty, "the rerun clears what killed runs left: \(fixture.leftoverTemporaries())")
        #expect(try VideoInspection.frameMD5s(fixture.output) == expectedFrames)
    }

    var outputIsPrevious: Bool {
        FileManager.default.contents(atPath: fixture.output) == ReliabilityFixture.previousContent
    }
}

@Suite("Interruption")
struct InterruptionTests {
    @Test("Ctrl-C at random moments exits 130 with a message and keeps the previous output; a rerun renders the same frames")
    func interruptWithCtrlC() throws {
        let render = try InterruptibleRender()
        var generator = SeededGenerator(seed: 0x5EED_0001)
        var interrupted = 0
        // Five moments, and up to five more while fewer than two landed mid-render (a loaded machine).
        for trial in 0..<10 where trial < 5 || interrupted < 2 {
            let result = try render.interrupt(with: SIGINT, using: &generator)
            switch result.termination {
            case .exit(130):
                interrupted += 1
                #expect(result.standardError.contains("cancelled"), "\(result.standardError)")
                #expect(render.outputIsPrevious, "an interrupted render must not touch the output")
            case .exit(0):
                // The signal came after the render finished: the output must then be complete.
                #expect(try VideoInspection.frameMD5s(render.fixture.output) == render.expectedFrames)
            case .signal(SIGINT):
                // The signal came before the handler was installed, during start-up: nothing written yet.
                #expect(render.outputIsPrevious)
            default:
                Issue.record("Ctrl-C should exit 130, got \(result.termination): \(result.standardError)")
            }
            #expect(render.fixture.leftoverTemporaries().isEmpty, "Ctrl-C must remove the temporary")
        }
        #expect(interrupted >= 2, "too few renders were still running when interrupted")
        try render.expectCleanRerun()
    }

    @Test("SIGKILL at random moments keeps the previous output; a rerun clears the leftovers and renders the same frames")
    func killOutright() throws {
        let render = try InterruptibleRender()
        var generator = SeededGenerator(seed: 0x5EED_0009)
        var killed = 0
        for trial in 0..<10 where trial < 5 || killed < 2 {
            let result = try render.interrupt(with: SIGKILL, using: &generator)
            switch result.termination {
            case .signal(SIGKILL):
                killed += 1
                #expect(render.outputIsPrevious, "a killed render must not touch the output")
            case .exit(0):
                #expect(try VideoInspection.frameMD5s(render.fixture.output) == render.expectedFrames)
            default:
                Issue.record("expected death by SIGKILL, got \(result.termination): \(result.standardError)")
            }
        }
        #expect(killed >= 2, "too few renders were still running when killed")
        try render.expectCleanRerun()
    }
}
