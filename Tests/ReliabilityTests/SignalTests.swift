import Foundation
import Testing
import TestSupport

/// A lossless render big enough to signal mid-way: 192x128 noise (about 74 KB a frame in FFV1,
/// more than FFmpeg's 32 KB write buffer, so the file grows frame by frame), 450 frames, into
/// an AVI (written packet by packet, no clusters held back).
private struct SignalFixture {
    let root = TemporaryDirectory("parallax-signals")
    let project: String
    let outputFolder: String
    let output: String
    let frameCount: Int

    init() throws {
        project = root.file("project")
        let scene = try GroundTruthScene(directory: project, width: 192, height: 128,
                                         layers: [(48, 0.5), (80, 1.0)], steps: 60)
        frameCount = scene.plan.frameCount
        outputFolder = root.file("out")
        try FileManager.default.createDirectory(atPath: outputFolder, withIntermediateDirectories: true)
        output = (outputFolder as NSString).appendingPathComponent("video.avi")
        try ReliabilityFixture.previousContent.write(to: URL(fileURLWithPath: output))
    }

    var arguments: [String] { ["render", project, "-o", output, "--codec", "ffv1", "-q"] }

    var outputIsPrevious: Bool { FileManager.default.contents(atPath: output) == ReliabilityFixture.previousContent }

    var leftovers: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: outputFolder)) ?? []).filter { $0.contains(".partial") }
    }

    /// Bytes of one frame in the uninterrupted render (its size over its frames).
    func bytesPerFrame() throws -> Int {
        let reference = root.file("reference.avi")
        let run = try ChildProcess.run(parallax: ["render", project, "-o", reference, "--codec", "ffv1", "-q"])
        guard run.termination == .exit(0) else { throw InspectionError("reference render failed: \(run.standardError)") }
        return SpawnedRender.size(reference) / frameCount
    }
}

/// A pipe for a child's stderr. `filled` leaves no room in it, so the child's first write to
/// stderr blocks until the test reads.
private final class ErrorPipe {
    let readEnd: Int32
    let writeEnd: Int32

    init(filled: Bool) {
        var ends: [Int32] = [0, 0]
        pipe(&ends)
        readEnd = ends[0]
        writeEnd = ends[1]
        // Children started by other tests meanwhile must not hold the pipe open.
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        if filled {
            let flags = fcntl(writeEnd, F_GETFL)
            _ = fcntl(writeEnd, F_SETFL, flags | O_NONBLOCK)
            let chunk = [UInt8](repeating: UInt8(ascii: "."), count: 4096)
            while write(writeEnd, chunk, chunk.count) > 0 {}
            _ = fcntl(writeEnd, F_SETFL, flags)  // the child must block, not fail
        }
    }

    /// Everything in the pipe once every writer has closed it (call after the child ended).
    func drain() -> String {
        close(writeEnd)
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(readEnd, &buffer, buffer.count)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        close(readEnd)
        return String(decoding: data, as: UTF8.self)
    }
}

/// Signals sent at known points of a render (its temporary output exists), not at random times:
/// SIGTERM, a second Ctrl-C, SIGINT blocked at start, and how soon a render stops.
@Suite("Signals")
struct SignalTests {
    @Test("SIGTERM during a render exits 130 with the message, keeps the previous output and leaves no temporary")
    func sigtermStopsLikeCtrlC() throws {
        let fixture = try SignalFixture()
        let errors = ErrorPipe(filled: false)
        let render = try SpawnedRender(fixture.arguments, outputFolder: fixture.outputFolder, errorDescriptor: errors.writeEnd)
        try #require(render.waitForTemporary() != nil, "the render ended before its output appeared")
        render.send(SIGTERM)
        let ended = render.wait()
        let message = errors.drain()
        #expect(ended == .exit(130), "\(message)")
        #expect(message.contains("parallax: cancelled; nothing was written"), "\(message)")
        #expect(fixture.outputIsPrevious, "SIGTERM must leave the previous output alone")
        #expect(fixture.leftovers.isEmpty, "\(fixture.leftovers)")
    }

    @Test("Ctrl-C stops the render at the next frame: the output grows by at most a frame or two after it")
    func ctrlCStopsAtTheNextFrame() throws {
        let fixture = try SignalFixture()
        let frameBytes = try fixture.bytesPerFrame()
        let render = try SpawnedRender(fixture.arguments, outputFolder: fixture.outputFolder)
        // Stop the render a few frames in, keep a second name for its temporary (the render
        // removes its own name), then Ctrl-C and let it go on.
        let temporary = try #require(render.waitForTemporary(holding: 5 * frameBytes), "the render ended too soon")
        render.send(SIGSTOP)
        let observed = fixture.root.file("observed.avi")
        try #require(link(temporary, observed) == 0, "cannot link \(temporary): \(String(cString: strerror(errno)))")
        let before = SpawnedRender.size(observed)
        render.send(SIGINT)
        render.send(SIGCONT)
        #expect(render.wait() == .exit(130))
        let after = SpawnedRender.size(observed)
        #expect(before < (fixture.frameCount - 10) * frameBytes, "stopped too late to tell: \(before) bytes")
        // The frame being made when the signal came, plus FFmpeg's write buffer: under 3 frames.
        #expect(after - before < 3 * frameBytes,
                "grew by \(after - before) bytes (\((after - before) / frameBytes) frames of \(frameBytes)) after Ctrl-C")
        #expect(fixture.outputIsPrevious)
    }

    @Test("a second Ctrl-C ends the process at once, even while it is stuck finishing the first")
    func secondCtrlCEndsAtOnce() throws {
        let fixture = try SignalFixture()
        // stderr is a full pipe: after the first Ctrl-C, the render cleans up and then blocks
        // printing its message, as a process stuck in its cleanup would.
        let errors = ErrorPipe(filled: true)
        let render = try SpawnedRender(fixture.arguments, outputFolder: fixture.outputFolder, errorDescriptor: errors.writeEnd)
        try #require(render.waitForTemporary() != nil, "the render ended before its output appeared")
        render.send(SIGINT)
        // The first Ctrl-C was handled once the temporary is gone; the process is now blocked.
        try #require(render.waitUntil(seconds: 30) { render.temporary == nil }, "the first Ctrl-C did not stop the render")
        usleep(100_000)
        #expect(render.termination == nil, "the process should be blocked writing its message")
        render.send(SIGINT)
        let ended = render.wait(seconds: 10)
        let message = errors.drain()  // unblocks the process if the second Ctrl-C did nothing
        #expect(ended == .signal(SIGINT), "a second Ctrl-C must end the process at once, got \(String(describing: ended))")
        if ended == nil { _ = render.wait(seconds: 10) }
        #expect(!message.isEmpty)
        #expect(fixture.outputIsPrevious)
    }

    @Test("a render started with SIGINT and SIGTERM blocked still stops on Ctrl-C and on SIGTERM",
          arguments: [SIGINT, SIGTERM])
    func blockedSignalsAreUnblocked(signal: Int32) throws {
        let fixture = try SignalFixture()
        let render = try SpawnedRender(fixture.arguments, outputFolder: fixture.outputFolder, blocking: [SIGINT, SIGTERM])
        try #require(render.waitForTemporary() != nil, "the render ended before its output appeared")
        render.send(signal)
        #expect(render.wait() == .exit(130), "a blocked signal stays pending and the render runs to its end")
        #expect(fixture.outputIsPrevious)
        #expect(fixture.leftovers.isEmpty, "\(fixture.leftovers)")
    }
}
