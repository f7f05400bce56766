import Foundation
import ParallaxCore
import Testing
import TestSupport

@Suite("Abandoned temporaries")
struct AbandonedTemporaryTests {
    /// A process id that surely belongs to no running process: one that has just exited.
    private func deadProcessIdentifier() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test("only this output's temporaries whose process is gone count as abandoned")
    func findsOnlyDeadRunsOfTheSameOutput() throws {
        let folder = TemporaryDirectory("parallax-abandoned")
        let output = AtomicOutput(folder.file("my video.mp4"))
        let dead = try deadProcessIdentifier()
        let names = [
            ".my video.partial-\(dead).mp4",          // a killed run of this output: abandoned
            ".my video.partial-1.mp4",                // pid 1 is alive: another run may be writing
            ".other.partial-\(dead).mp4",             // another output's
            ".my video.partial-\(dead).mkv",          // another extension: another output
            ".my video.partial-12ab.mp4",             // not a process id
            "my video.mp4",                           // the output itself
        ]
        for name in names { FileManager.default.createFile(atPath: folder.file(name), contents: Data("x".utf8)) }
        #expect(output.abandonedTemporaries() == [folder.file(".my video.partial-\(dead).mp4")])

        try output.write { temporary in
            try Data("new".utf8).write(to: URL(fileURLWithPath: temporary))
        }
        let left = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(left == Set(names.dropFirst()), "writing removes only the abandoned temporary")
        #expect(FileManager.default.contents(atPath: folder.file("my video.mp4")) == Data("new".utf8))
    }

    @Test("writing a folder output (an image sequence) also clears a killed run's temporary folder")
    func folderOutputsClearAbandonedFolders() throws {
        let folder = TemporaryDirectory("parallax-abandoned")
        let output = AtomicOutput(folder.file("frames"))
        let abandoned = folder.file(".frames.partial-\(try deadProcessIdentifier())")
        try FileManager.default.createDirectory(atPath: abandoned, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: abandoned + "/000000.png", contents: Data("x".utf8))
        try output.writeFolder { temporary in
            FileManager.default.createFile(atPath: temporary + "/000000.png", contents: Data("new".utf8))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["frames"])
    }
}
