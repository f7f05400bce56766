import Foundation
import ParallaxCore
import Testing
import TestSupport

@Suite("A stray file after the last step")
struct StrayStepTests {
    /// docs/step-folder.md: extra later steps are ignored; one that is no PNG must not fail the
    /// render (issue 13, item 8), and the frames are those of the folder without it.
    @Test("a step file past the scene's steps that is no PNG is left unread")
    func strayStepIsIgnored() throws {
        let folder = TemporaryDirectory("stray")
        _ = try GroundTruthScene(directory: folder.path, steps: 3)
        let clean = folder.file("clean.mkv"), stray = folder.file("stray.mkv")
        let first = try ProcessRunner.parallax(["render", folder.path, "-o", clean, "--codec", "ffv1", "-q"])
        #expect(first.succeeded, "\(first.standardError)")
        let extra = StepFolder(projectDirectory: folder.path).stepPath(4)
        try Data("not a picture".utf8).write(to: URL(fileURLWithPath: extra))
        let second = try ProcessRunner.parallax(["render", folder.path, "-o", stray, "--codec", "ffv1", "-q"])
        #expect(second.succeeded, "\(second.standardError)")
        #expect(try VideoInspection.frameMD5s(stray) == VideoInspection.frameMD5s(clean))
    }
}
