import Foundation
import ParallaxCore
import Testing
import TestSupport

/// Issue 13, item 10: names never become graph syntax. Labels come only from the builder; file
/// names reach filters only as escaped option values, never as image2 patterns.
@Suite("Graph text from names")
struct GraphTextFromNamesTests {
    @Test("an overlay file named ov%d.png is read by its name, not as a pattern")
    func overlayFileWithPercent() throws {
        let fixture = try ReliabilityFixture()
        try FileManager.default.copyItem(atPath: fixture.image, toPath: fixture.project + "/ov%d.png")
        try fixture.editScene { $0["effects"] = [["type": "overlay", "file": "ov%d.png", "opacity": 0.5]] }
        let output = fixture.outputFolder + "/overlay.mkv"
        let run = try ChildProcess.run(parallax: ["render", fixture.project, "-o", output, "--codec", "ffv1", "-q"])
        #expect(run.termination == .exit(0), Comment(rawValue: run.standardError))
        #expect(try VideoInspection.frameMD5s(output).count == (try Project(path: fixture.project)).plan.frameCount)
    }

    @Test("an effect type that would close a label is refused before any script is written")
    func effectTypeCannotInjectLabels() throws {
        let fixture = try ReliabilityFixture()
        try fixture.placePreviousOutputs()
        let filters = fixture.project + "/filters"
        try FileManager.default.createDirectory(atPath: filters, withIntermediateDirectories: true)
        let hostile = "x];nullsrc[z"
        try FileManager.default.copyItem(atPath: FragmentLibrary.sourceTreeFolder + "/vignette.lavfi",
                                         toPath: filters + "/\(hostile).lavfi")
        try fixture.editScene { $0["effects"] = [["type": hostile]] }
        let run = try ChildProcess.run(parallax: ["graph", fixture.project, "-o", fixture.output, "--script", fixture.script])
        expectRefused(run, naming: [fixture.sceneFile, "effects[0].type", hostile], "graph with a hostile effect type")
        #expect(contents(fixture.script) == ReliabilityFixture.previousContent, "no broken script is written")
    }
}
