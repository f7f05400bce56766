import Foundation
import Testing
import TestSupport

/// Issue 13, item 11: every output and encoding option is checked before any step is generated.
@Suite("Checks before work")
struct CheckBeforeWorkTests {
    @Test("create refuses an unknown container or extension before making a project", arguments: [
        ["--container", "bogus"], ["--codec", "h264", "--container", "webm2"],
    ])
    func createChecksTheOutputFirst(_ flags: [String]) throws {
        let fixture = try ReliabilityFixture()
        try fixture.placePreviousOutputs()
        let arguments = ["create", fixture.image, "-o", fixture.output, "--project", fixture.newProject, "-q"] + flags
        let run = try ChildProcess.run(parallax: arguments)
        // A bad --container is a bad flag value: exit 64, the value named (docs/guarantees.md).
        expectRefused(run, code: 64, naming: [flags.last!], "create \(flags.joined(separator: " "))")
        #expect(!FileManager.default.fileExists(atPath: fixture.newProject), "no project, no steps")
        #expect(contents(fixture.output) == ReliabilityFixture.previousContent)
    }
}
