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
        expectRefused(run, naming: [fixture.output, flags.last!], "create \(flags.joined(separator: " "))")
        #expect(!FileManager.default.fileExists(atPath: fixture.newProject), "no project, no steps")
        #expect(contents(fixture.output) == ReliabilityFixture.previousContent)
    }

    @Test("create refuses an output name no container knows before making a project")
    func createChecksTheExtensionFirst() throws {
        let fixture = try ReliabilityFixture()
        let output = fixture.outputFolder + "/video.xyz"
        let run = try ChildProcess.run(parallax: ["create", fixture.image, "-o", output, "--project", fixture.newProject, "-q"])
        expectRefused(run, naming: [output], "create -o video.xyz")
        #expect(!FileManager.default.fileExists(atPath: fixture.newProject))
    }
}
