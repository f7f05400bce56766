import Foundation
import ParallaxCore
import Testing
import TestSupport

/// Issue 13, item 9: messages are one line about the user's file, never a Foundation error dump,
/// a temporary's name, or a worker's raw text; a broken worker reply is reported at once.
@Suite("Messages")
struct MessageTests {
    /// Runs parallax with writes limited to `blocks` 512-byte blocks (a full disk, as far as the
    /// writer can tell: EFBIG instead of ENOSPC). SIGXFSZ is ignored so the write fails instead.
    static func runWithFullDisk(_ arguments: [String], blocks: Int = 0) throws -> FinishedRun {
        let quoted = ([ProcessRunner.parallaxExecutable] + arguments).map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let child = try ChildProcess("/bin/sh", ["-c", "ulimit -f \(blocks); trap '' XFSZ; exec " + quoted.joined(separator: " ")])
        return child.wait()
    }

    static func expectPlain(_ run: FinishedRun, naming path: String, _ what: String) {
        expectRefused(run, naming: [path], what)
        #expect(!run.standardError.contains(".partial"), "no temporary name: \(run.standardError)")
        #expect(!run.standardError.contains("Error Domain"), "no Foundation dump: \(run.standardError)")
        #expect(!run.standardError.contains("NSError"), "no Foundation dump: \(run.standardError)")
    }

    @Test("a full disk while writing a filter script names the script")
    func fullDiskGraphScript() throws {
        let fixture = try ReliabilityFixture()
        try fixture.placePreviousOutputs()
        let run = try Self.runWithFullDisk(["graph", fixture.project, "-o", fixture.output, "--script", fixture.script])
        Self.expectPlain(run, naming: fixture.script, "graph --script on a full disk")
        #expect(contents(fixture.script) == ReliabilityFixture.previousContent)
        #expect(fixture.leftoverTemporaries().isEmpty)
    }

    @Test("a full disk while writing a contact sheet names the sheet")
    func fullDiskSheet() throws {
        let fixture = try ReliabilityFixture()
        let sheet = fixture.outputFolder + "/sheet.png"
        let run = try Self.runWithFullDisk(["sheet", fixture.project, "-o", sheet])
        Self.expectPlain(run, naming: sheet, "sheet on a full disk")
        #expect(fixture.leftoverTemporaries().isEmpty)
    }

    @Test("a full disk during generate names a project file, not a temporary")
    func fullDiskGenerate() throws {
        let fixture = try ReliabilityFixture()
        let project = fixture.root.file("gen")
        let made = try ChildProcess.run(parallax: ["init", fixture.image, project, "--layers", "a:24:0.5,b", "--steps", "2"])
        #expect(made.termination == .exit(0))
        let run = try Self.runWithFullDisk(["generate", project, "-q"])
        Self.expectPlain(run, naming: project, "generate on a full disk")
    }

    /// A worker script that answers every request with `reply`.
    static func worker(_ fixture: ReliabilityFixture, reply: String) throws -> String {
        let path = fixture.root.file("worker.sh")
        try Data("#!/bin/sh\nwhile read -r line; do printf '%s\\n' '\(reply)'; done\n".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path)
        return path
    }

    @Test("a worker's error text with line breaks and escape codes is printed on one clean line")
    func workerErrorIsOneLine() throws {
        let fixture = try ReliabilityFixture()
        let worker = try Self.worker(fixture, reply: #"{"ok": false, "error": "first line\nsecond line \u001b[31mred\u001b[0m"}"#)
        let arguments = ["create", fixture.image, "-o", fixture.output, "--project", fixture.newProject, "-q", "--inpaint-worker", worker]
        let run = try ChildProcess.run(parallax: arguments)
        expectRefused(run, naming: ["first line second line", "red"], prefix: "parallax: ", "worker error text")
        #expect(!run.standardError.contains("\u{1B}"), "no escape codes reach the terminal")
    }

    @Test("a malformed worker reply is reported at once, not as a timeout")
    func malformedReplyIsReportedAtOnce() throws {
        let fixture = try ReliabilityFixture()
        let worker = try Self.worker(fixture, reply: "{not json")
        let started = Date()
        let arguments = ["create", fixture.image, "-o", fixture.output, "--project", fixture.newProject, "-q",
                         "--inpaint-worker", worker, "--timeout", "600"]
        guard let run = try ChildProcess.parallax(arguments).wait(atMost: 60) else {
            Issue.record("still waiting for a reply after 60 s")
            return
        }
        expectRefused(run, naming: ["not JSON", "{not json"], prefix: "parallax: ", "malformed reply")
        #expect(!run.standardError.contains("timed out"))
        #expect(Date().timeIntervalSince(started) < 60)
    }
}
