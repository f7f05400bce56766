import FilterGraph
import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// Names that break naive quoting somewhere: in the shell, in libavfilter's two escaping levels,
/// in the image2 pattern, in the muxer's protocol detection, or in UTF-8 handling.
enum HostileName {
    static let all: [String] = [
        "it's \"quoted\"",
        "colon:comma,[brackets];semi=equals",
        "back\\slash \\' \\\\ end\\",
        "new\nline and  double  spaces ",
        "percent 100% %d %06d %%",
        "ünïcödé 日本語 ☃ 🎞",
        " lead'n,trail:[x];\\ %d\n ü ",
    ]
}

@Suite("Hostile names")
struct HostileNameTests {
    @Test("a hostile project folder and output name render in-process and through stock ffmpeg to the same frames",
          arguments: HostileName.all)
    func rendersUnderHostileNames(_ name: String) throws {
        let fixture = try ReliabilityFixture(projectName: name, outputName: name + ".mp4")
        let plain = fixture.root.file("plain.mp4")
        let plainProject = fixture.root.file("plain-project")
        _ = try GroundTruthScene(directory: plainProject)

        let reference = try ChildProcess.run(parallax: ["render", plainProject, "-o", plain, "-q"])
        #expect(reference.termination == .exit(0), "\(reference.standardError)")
        let expected = try VideoInspection.frameMD5s(plain)
        #expect(expected.count == 45)

        let inProcess = try ChildProcess.run(parallax: ["render", fixture.project, "-o", fixture.output, "-q"])
        #expect(inProcess.termination == .exit(0), "\(inProcess.standardError)")
        #expect(try VideoInspection.frameMD5s(fixture.output) == expected)

        let viaFFmpeg = (fixture.outputFolder as NSString).appendingPathComponent(name + ".ffmpeg.mp4")
        let script = (fixture.outputFolder as NSString).appendingPathComponent(name + ".lavfi")
        let graph = try ChildProcess.run(parallax: ["graph", fixture.project, "-o", viaFFmpeg, "--script", script])
        #expect(graph.termination == .exit(0), "\(graph.standardError)")
        // The printed line is shell-quoted: run it through a shell exactly as a user would paste it.
        let commandLine = graph.standardOutput.hasSuffix("\n") ? String(graph.standardOutput.dropLast()) : graph.standardOutput
        let shell = try ProcessRunner.run("/bin/sh", ["-c", commandLine + " -v error -nostats"])
        #expect(shell.succeeded, "\(commandLine)\n\(shell.standardError)")
        #expect(try VideoInspection.frameMD5s(viaFFmpeg) == expected)
        #expect(fixture.leftoverTemporaries().isEmpty)
    }

    @Test("create under a hostile project and output name makes the same video as under plain names",
          arguments: HostileName.all)
    func createsUnderHostileNames(_ name: String) throws {
        let fixture = try ReliabilityFixture()
        let plain = fixture.root.file("plain.mp4")
        let hostile = (fixture.outputFolder as NSString).appendingPathComponent(name + ".mp4")
        let plainRun = try ChildProcess.run(parallax: ["create", fixture.image, "-o", plain,
                                                       "--project", fixture.root.file("plain-project"), "-q"])
        #expect(plainRun.termination == .exit(0), "\(plainRun.standardError)")
        let hostileRun = try ChildProcess.run(parallax: ["create", fixture.image, "-o", hostile,
                                                         "--project", fixture.root.file(name), "-q"])
        #expect(hostileRun.termination == .exit(0), "\(hostileRun.standardError)")
        let expected = try VideoInspection.frameMD5s(plain)
        #expect(!expected.isEmpty)
        #expect(try VideoInspection.frameMD5s(hostile) == expected)
        #expect(fixture.leftoverTemporaries().isEmpty)
    }

    @Test("a hostile string survives both escaping levels of libavfilter's own parser", arguments: HostileName.all)
    func filterOptionRoundTrips(_ name: String) throws {
        var graph = FilterGraph()
        graph.chain([], [
            Filter("color", ["s": "16x16", "d": 0.1]),
            Filter("metadata", ["mode": "add", "key": "title", "value": name], instance: "probe"),
        ], output: Label("out"))
        #expect(try GraphParser.optionValue(in: graph.script, filterInstance: "probe", option: "value") == name)
    }

    @Test("the step pattern of a folder named with % reads that folder literally", arguments: HostileName.all)
    func stepPatternDoublesPercent(_ name: String) {
        let pattern = StepFolder(projectDirectory: "/projects/" + name).imageSequencePattern
        #expect(pattern.hasSuffix("/steps/%06d.png"))
        // Undo image2's only escape (%% → %) on the folder part: it must give the folder back.
        let folder = String(pattern.dropLast("/steps/%06d.png".count))
        #expect(folder.replacingOccurrences(of: "%%", with: "%") == "/projects/" + name)
        #expect(!folder.replacingOccurrences(of: "%%", with: "").contains("%"))
    }
}
