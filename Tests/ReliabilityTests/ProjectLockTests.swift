import Foundation
import ParallaxCore
import Testing
import TestSupport

/// Issue 13, item 6: `generate` takes an exclusive lock on the project and removes only the
/// temporaries of processes that are gone.
@Suite("Generate's project lock")
struct ProjectLockTests {
    /// A small project made by `init`, ready for `generate`.
    static func project(_ root: TemporaryDirectory, fixture: ReliabilityFixture) throws -> String {
        let project = root.file("gen")
        let run = try ChildProcess.run(parallax: ["init", fixture.image, project, "--layers", "a:24:0.5,b", "--steps", "2"])
        #expect(run.termination == .exit(0), Comment(rawValue: run.standardError))
        return project
    }

    static func deadProcessIdentifier() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test("a second generate on a locked project is refused with one line naming it")
    func lockedProjectIsRefused() throws {
        let fixture = try ReliabilityFixture()
        let project = try Self.project(fixture.root, fixture: fixture)
        // Hold the lock as a running generate would.
        let descriptor = open(project + "/.generate.lock", O_RDWR | O_CREAT, 0o644)
        #expect(descriptor >= 0)
        defer { close(descriptor) }
        #expect(flock(descriptor, LOCK_EX | LOCK_NB) == 0)
        let run = try ChildProcess.run(parallax: ["generate", project, "-q"])
        expectRefused(run, naming: [project, "another parallax generate"], "generate on a locked project")
        #expect(!FileManager.default.fileExists(atPath: project + "/steps/000001.png"), "nothing generated")

        flock(descriptor, LOCK_UN)
        let free = try ChildProcess.run(parallax: ["generate", project, "-q"])
        #expect(free.termination == .exit(0), Comment(rawValue: free.standardError))
    }

    @Test("a running render's temporary in the project survives generate; a dead run's is removed")
    func onlyAbandonedTemporariesAreRemoved() throws {
        let fixture = try ReliabilityFixture()
        let project = try Self.project(fixture.root, fixture: fixture)
        let live = project + "/.out.partial-\(getpid()).mp4"
        let dead = project + "/.out.partial-\(try Self.deadProcessIdentifier()).mp4"
        let deadStep = project + "/steps/.000001.partial-\(try Self.deadProcessIdentifier()).png"
        try FileManager.default.createDirectory(atPath: project + "/steps", withIntermediateDirectories: true)
        for path in [live, dead, deadStep] { FileManager.default.createFile(atPath: path, contents: Data("x".utf8)) }
        let run = try ChildProcess.run(parallax: ["generate", project, "-q"])
        #expect(run.termination == .exit(0), Comment(rawValue: run.standardError))
        #expect(FileManager.default.fileExists(atPath: live), "the live process's temporary is its own")
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(!FileManager.default.fileExists(atPath: deadStep))
    }
}
