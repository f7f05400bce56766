import Foundation
import ParallaxCore
import Testing
import TestSupport

/// Issue 13, item 2: no output may be a file the command reads.
@Suite("Outputs never replace inputs")
struct OutputOverInputTests {
    /// A command line whose output is one of the project's inputs, and the input it names.
    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let arguments: @Sendable (ReliabilityFixture) throws -> [String]
        let input: @Sendable (ReliabilityFixture) -> String
        let flag: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plan --png over step 0", arguments: { ["plan", $0.project, "--png", $0.stepPath(0)] },
             input: { $0.stepPath(0) }, flag: "--png"),
        Case(name: "sheet -o over step 1", arguments: { ["sheet", $0.project, "-o", $0.stepPath(1)] },
             input: { $0.stepPath(1) }, flag: "-o"),
        Case(name: "render -o over the scene", arguments: { ["render", $0.project, "-o", $0.sceneFile, "--container", "mp4", "-q"] },
             input: { $0.sceneFile }, flag: "-o"),
        Case(name: "graph --script over the scene",
             arguments: { ["graph", $0.project, "-o", $0.output, "--script", $0.sceneFile] },
             input: { $0.sceneFile }, flag: "--script"),
        Case(name: "render -o through a symlink to a step",
             arguments: { fixture in
                 let link = fixture.root.file("link.png")
                 try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: fixture.stepPath(2))
                 return ["render", fixture.project, "-o", link, "--format", "png", "-q"]
             },
             input: { $0.stepPath(2) }, flag: "-o"),
        Case(name: "render -o into the step folder by another spelling",
             arguments: { ["render", $0.project, "-o", $0.project + "/steps/../steps/000003.png", "--container", "image2", "-q"] },
             input: { $0.stepPath(3) }, flag: "-o"),
        Case(name: "create -o over its own input image",
             arguments: { ["create", $0.image, "-o", $0.image, "--format", "mp4", "--project", $0.newProject, "-q"] },
             input: { $0.image }, flag: "-o"),
    ]

    @Test("writing over an input is refused with one line and the input is left as it was", arguments: cases)
    func refusesOutputThatIsAnInput(_ row: Case) throws {
        let fixture = try ReliabilityFixture()
        let input = row.input(fixture)
        let before = contents(input)
        let arguments = try row.arguments(fixture)
        let run = try ChildProcess.run(parallax: arguments)
        expectRefused(run, naming: [row.flag, "input"], "parallax \(arguments.joined(separator: " "))")
        #expect(contents(input) == before, "\(input) must be unchanged")
        #expect(fixture.leftoverTemporaries().isEmpty)
        #expect(!FileManager.default.fileExists(atPath: fixture.newProject + "/steps"), "create must refuse before any work")
    }

    @Test("an output beside the inputs, in the project folder, is still allowed")
    func outputInsideTheProjectFolderIsFine() throws {
        let fixture = try ReliabilityFixture()
        let run = try ChildProcess.run(parallax: ["plan", fixture.project, "--png", fixture.project + "/plan.png"])
        #expect(run.termination == .exit(0), Comment(rawValue: run.standardError))
        #expect(FileManager.default.fileExists(atPath: fixture.project + "/plan.png"))
    }
}
