import Foundation
import ParallaxCore
import Testing
import TestSupport

/// Issue 13, item 4: a folder where a file is expected is one line, not a trap; a FIFO is
/// refused, not read (which would hang). And item 12's pixel limit, read from the header.
@Suite("Inputs that are not regular files, or too large")
struct InputFileKindTests {
    static let stepReaders = ["plan", "render", "graph", "sheet", "generate"]

    func arguments(_ command: String, _ fixture: ReliabilityFixture) -> [String] {
        switch command {
        case "render": ["render", fixture.project, "-o", fixture.output, "-q"]
        case "graph": ["graph", fixture.project, "-o", fixture.output, "--script", fixture.script]
        case "sheet": ["sheet", fixture.project, "-o", fixture.outputFolder + "/sheet.png"]
        case "generate": ["generate", fixture.project, "-q"]
        default: [command, fixture.project]
        }
    }

    @Test("init with a folder named like an image")
    func initWithAFolder() throws {
        let fixture = try ReliabilityFixture()
        let folder = fixture.root.file("d.png")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let run = try ChildProcess.run(parallax: ["init", folder, fixture.newProject])
        expectRefused(run, naming: [folder, "folder"], "init d.png")
        #expect(!FileManager.default.fileExists(atPath: fixture.newProject))
    }

    @Test("a folder in place of a step", arguments: [0, 2])
    func folderInSteps(_ step: Int) throws {
        let fixture = try ReliabilityFixture()
        try fixture.placePreviousOutputs()
        try FileManager.default.removeItem(atPath: fixture.stepPath(step))
        try FileManager.default.createDirectory(atPath: fixture.stepPath(step), withIntermediateDirectories: true)
        for command in Self.stepReaders where step == 0 || command != "plan" && command != "generate" {
            let run = try ChildProcess.run(parallax: arguments(command, fixture))
            expectRefused(run, naming: [fixture.stepPath(step), "folder"], command)
            #expect(contents(fixture.output) == ReliabilityFixture.previousContent)
            #expect(fixture.leftoverTemporaries().isEmpty)
        }
    }

    @Test("a FIFO as the image, a step or the sound bed is refused at once, not read")
    func fifosAreRefused() throws {
        let fixture = try ReliabilityFixture()
        let image = fixture.root.file("pipe.png")
        #expect(mkfifo(image, 0o644) == 0)
        var runs: [(String, [String], String)] = [("init", ["init", image, fixture.newProject], image)]

        try FileManager.default.removeItem(atPath: fixture.stepPath(3))
        #expect(mkfifo(fixture.stepPath(3), 0o644) == 0)
        runs.append(("render with a FIFO step", arguments("render", fixture), fixture.stepPath(3)))

        let other = try ReliabilityFixture()
        let bed = other.project + "/bed.wav"
        #expect(mkfifo(bed, 0o644) == 0)
        try other.editScene { $0["audio"] = ["bed": ["file": "bed.wav"]] }
        runs.append(("render with a FIFO sound bed", arguments("render", other), bed))

        for (name, arguments, path) in runs {
            guard let run = try ChildProcess.parallax(arguments).wait(atMost: 30) else {
                Issue.record("\(name): still running after 30 s (it is reading the FIFO)")
                continue
            }
            expectRefused(run, naming: [path, "FIFO"], name)
        }
    }

    /// The fixture image with its header claiming `width`×`height` (and a matching header CRC):
    /// a file of a few KB that would inflate to gigabytes.
    static func hugeHeader(from source: String, to path: String, width: UInt32, height: UInt32) throws {
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: source)))
        for (offset, value) in [(16, width), (20, height)] {
            for index in 0..<4 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (24 - 8 * UInt32(index))) }
        }
        var crc = ~UInt32(0)
        for byte in bytes[12..<29] {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        crc = ~crc
        for index in 0..<4 { bytes[29 + index] = UInt8(truncatingIfNeeded: crc >> (24 - 8 * UInt32(index))) }
        try Data(bytes).write(to: URL(fileURLWithPath: path))
    }

    @Test("a 20000x20000 picture is refused from its header, before decoding")
    func pixelLimitFromTheHeader() throws {
        let fixture = try ReliabilityFixture()
        let huge = fixture.root.file("huge.png")
        try Self.hugeHeader(from: fixture.image, to: huge, width: 20_000, height: 20_000)
        for arguments in [["init", huge, fixture.newProject], ["create", huge, "-o", fixture.output, "--project", fixture.newProject, "-q"]] {
            let run = try ChildProcess.run(parallax: arguments)
            expectRefused(run, naming: [huge, "20000x20000", "limit", PixelLimit.environmentName], arguments[0])
            #expect(!FileManager.default.fileExists(atPath: fixture.newProject + "/scene.json"))
        }
    }

    @Test("the pixel limit can be set in the environment, and a bad value is named")
    func pixelLimitFromTheEnvironment() throws {
        let fixture = try ReliabilityFixture()
        let lowered = try ChildProcess.run(parallax: ["plan", fixture.project], environment: [PixelLimit.environmentName: "1000"])
        expectRefused(lowered, naming: [fixture.stepPath(0), "96x64", "1000"], "a limit of 1000 pixels")
        let bad = try ChildProcess.run(parallax: ["plan", fixture.project], environment: [PixelLimit.environmentName: "lots"])
        expectRefused(bad, naming: [PixelLimit.environmentName, "lots"], "a limit that is not a number")
        let raised = try ChildProcess.run(parallax: ["plan", fixture.project], environment: [PixelLimit.environmentName: "6144"])
        #expect(raised.termination == .exit(0), Comment(rawValue: raised.standardError))
    }
}
