import Foundation
import TestSupport
import Testing

@Suite struct CreateProjectFolderTests {
    @Test func createUsesAnEmptyProjectFolderAndRefusesOneWithOtherFiles() throws {
        let directory = TemporaryDirectory("createfolder")
        let image = directory.file("photo.png")
        try GenerateFixtures.writeImage(image)
        let empty = directory.file("empty")
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        let used = try ProcessRunner.parallax(["create", image, "-o", directory.file("a.mp4"), "--project", empty,
                                               "--layers", "a:24:0.5,b::1", "--steps", "2", "--quiet"])
        #expect(used.succeeded, "\(used.standardError)")
        #expect(FileManager.default.fileExists(atPath: empty + "/scene.json"))

        let other = directory.file("other")
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: other + "/notes.txt"))
        let refused = try ProcessRunner.parallax(["create", image, "-o", directory.file("b.mp4"), "--project", other, "--quiet"])
        #expect(refused.status == 1)
        #expect(refused.standardError.contains("not a parallax project"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: other) == ["notes.txt"])
        #expect(!FileManager.default.fileExists(atPath: directory.file("b.mp4")))
    }
}
