import Foundation
import Testing
import TestSupport

@Suite("Studio: the command")
struct StudioCommandTests {
    @Test("studio --help has examples")
    func helpHasExamples() throws {
        let result = try ProcessRunner.parallax(["studio", "--help"])
        #expect(result.succeeded)
        #expect(result.standardOutput.contains("Examples:"))
        #expect(result.standardOutput.contains("parallax studio photo.png"))
    }

    @Test("a missing project, a bad scene or a taken port gives one line naming it and a non-zero exit")
    func badInput() throws {
        let folder = TemporaryDirectory("studio")
        let missing = try ProcessRunner.parallax(["studio", folder.file("nowhere"), "--no-open"])
        #expect(missing.status != 0)
        #expect(missing.standardError == "Error: \(folder.file("nowhere")): no such project folder, scene file or PNG image\n")

        let project = try StudioFixture.project(in: folder)
        let sceneFile = (project as NSString).appendingPathComponent("scene.json")
        try "{\"layers\": 3}".write(toFile: sceneFile, atomically: true, encoding: .utf8)
        let broken = try ProcessRunner.parallax(["studio", project, "--no-open"])
        #expect(broken.status != 0)
        #expect(broken.standardError.hasPrefix("Error: \(sceneFile): "))
        #expect(broken.standardError.split(separator: "\n").count == 1)

        let other = TemporaryDirectory("studio-port")
        let good = try StudioFixture.project(in: other)
        let first = try RunningStudio(project: good)
        let taken = try ProcessRunner.parallax(["studio", good, "--port", String(first.port), "--no-open"])
        #expect(taken.status != 0)
        #expect(taken.standardError.hasPrefix("Error: cannot serve on 127.0.0.1:\(first.port)"), "\(taken.standardError)")
        #expect(taken.standardError.split(separator: "\n").count == 1, "\(taken.standardError)")
        #expect(first.interrupt() == 0)
    }

    @Test("given a PNG, studio starts a project beside it and serves it")
    func imageStartsProject() throws {
        let folder = TemporaryDirectory("studio")
        let image = folder.file("view.png")
        try FileManager.default.copyItem(atPath: StudioFixture.repository.appendingPathComponent("fixtures/landscape.png").path,
                                         toPath: image)
        let studio = try RunningStudio(project: image)
        #expect(FileManager.default.fileExists(atPath: folder.file("view.parallax/scene.json")))
        #expect(try RawHTTP(port: studio.port).request("/api/plan?token=\(studio.token)").status == 200)
        #expect(studio.interrupt() == 0)
    }
}
