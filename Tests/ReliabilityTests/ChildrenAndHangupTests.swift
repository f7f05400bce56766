import Foundation
import Testing
import TestSupport

/// Issue 13, item 12: an inpainter never outlives a killed `generate`; SIGHUP and SIGPIPE during
/// a render stop it cleanly instead of leaving its temporary behind.
@Suite("Children and hang-ups")
struct ChildrenAndHangupTests {
    /// True once `pid` has exited (a zombie nobody reaps counts as exited).
    static func hasExited(_ pid: Int32) -> Bool {
        // /proc files report a size of 0: read them to the end rather than by their size.
        guard let handle = FileHandle(forReadingAtPath: "/proc/\(pid)/stat") else { return true }
        defer { try? handle.close() }
        let stat = String(decoding: handle.readDataToEndOfFile(), as: UTF8.self)
        guard let close = stat.lastIndex(of: ")") else { return false }
        let state = stat[stat.index(close, offsetBy: 2)]
        return state == "Z" || state == "X"
    }

    @Test("SIGKILL of generate also ends its --inpaint-command child")
    func killedGenerateLeavesNoChild() throws {
        let fixture = try ReliabilityFixture()
        let project = fixture.root.file("gen")
        let made = try ChildProcess.run(parallax: ["init", fixture.image, project, "--layers", "a:24:0.5,b", "--steps", "2"])
        #expect(made.termination == .exit(0))
        let pidFile = fixture.root.file("child.pid")
        let script = fixture.root.file("slow-fill.sh")
        try Data("#!/bin/sh\necho $$ > '\(pidFile)'\nexec sleep 120\n".utf8).write(to: URL(fileURLWithPath: script))
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script)

        let generate = try ChildProcess.parallax(["generate", project, "-q", "--inpaint-command", "\(script) {image} {mask} {output}"])
        var child: Int32?
        for _ in 0..<300 where child == nil {
            child = (try? String(contentsOfFile: pidFile, encoding: .utf8)).flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
            usleep(50_000)
        }
        guard let child else {
            generate.send(SIGKILL)
            _ = generate.wait()
            Issue.record("the inpaint command never started")
            return
        }
        generate.send(SIGKILL)
        // Check before waiting for generate's pipes: a surviving child may hold them open.
        var gone = false
        for _ in 0..<100 where !gone {
            gone = Self.hasExited(child)
            if !gone { usleep(50_000) }
        }
        if !gone { kill(child, SIGKILL) }
        _ = generate.wait()
        #expect(gone, "the inpainter (pid \(child)) must end with generate")
    }

    @Test("SIGHUP and SIGPIPE during a render exit 130, keep the previous output and leave no temporary",
          arguments: [SIGHUP, SIGPIPE])
    func hangupStopsCleanly(_ signalNumber: Int32) throws {
        let fixture = try ReliabilityFixture(steps: 120)
        try fixture.placePreviousOutputs()
        let render = try ChildProcess.parallax(["render", fixture.project, "-o", fixture.output, "-q"])
        // Signal once the render has made its temporary: it is writing.
        var writing = false
        for _ in 0..<400 where !writing {
            writing = !fixture.leftoverTemporaries().isEmpty
            if !writing { usleep(10_000) }
        }
        render.send(signalNumber)
        let run = render.wait()
        if writing {
            #expect(run.termination == .exit(130), Comment(rawValue: run.standardError))
            #expect(run.standardError.contains("cancelled"))
        } else {
            #expect(run.termination == .exit(0) || run.termination == .exit(130), "never a signal: \(run.termination)")
        }
        #expect(run.termination == .exit(0) || contents(fixture.output) == ReliabilityFixture.previousContent)
        #expect(fixture.leftoverTemporaries().isEmpty, "\(fixture.leftoverTemporaries())")
    }
}
