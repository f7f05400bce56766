import Foundation
import ParallaxAV
#if canImport(Glibc)
import Glibc
#endif

/// A child process in its own process group, so a timeout or Ctrl-C can stop it and everything
/// it started (a `--shell` pipeline, a Python worker's helpers). On Linux it is killed when
/// `parallax` dies, however it dies (see ``ProcessSpawn``).
final class ChildProcess {
    let pid: pid_t
    let executable: String
    private(set) var exitStatus: Int32?

    /// Starts `arguments[0]` (looked up on PATH) with the given descriptors for stdin/stdout and
    /// stderr appended to `logPath`.
    init(arguments: [String], standardInput: Int32?, standardOutput: Int32?, logPath: String,
         closeInChild: [Int32] = []) throws {
        precondition(!arguments.isEmpty)
        executable = arguments[0]
        do {
            pid = try ProcessSpawn.start(arguments, standardInput: standardInput, standardOutput: standardOutput,
                                         logPath: logPath, closeInChild: closeInChild)
        } catch let error as AVError {
            throw InpaintError(error.message)
        }
    }

    /// Reaps the child if it has exited; returns its status (exit code, or 128 + signal).
    @discardableResult
    func poll() -> Int32? {
        if let exitStatus { return exitStatus }
        var status: Int32 = 0
        let result = waitpid(pid, &status, WNOHANG)
        guard result == pid else { return nil }
        let signal = status & 0x7F
        exitStatus = signal == 0 ? (status >> 8) & 0xFF : 128 + signal
        return exitStatus
    }

    /// Waits until the child exits or `timeout` seconds pass (nil: forever); checks for Ctrl-C.
    /// Returns the status, or nil on timeout.
    func wait(timeout: Double?) throws -> Int32? {
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        var pause: useconds_t = 1_000
        while true {
            if let status = poll() { return status }
            if Interruption.requested {
                stop()
                throw InpaintError("interrupted")
            }
            if let deadline, Date() >= deadline { return nil }
            usleep(pause)
            pause = min(pause * 2, 20_000)
        }
    }

    /// Ends the child's whole process group: TERM, then KILL after a grace period.
    func stop(grace: Double = 2) {
        guard poll() == nil else { return }
        kill(-pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while poll() == nil, Date() < deadline { usleep(10_000) }
        if poll() == nil {
            kill(-pid, SIGKILL)
            while poll() == nil { usleep(5_000) }
        }
    }
}

/// Ctrl-C during generation: stop the running inpainter and leave every finished step in place.
/// Shares the render's handler, so one Ctrl-C stops `create` in either phase.
public enum Interruption {
    public static var requested: Bool { GraphRunner.cancelRequested }

    public static func install() {
        GraphRunner.installInterruptHandler()
        // A parent may have started us with these blocked (Foundation's Process does); unblock
        // them, or Ctrl-C would never reach the handler.
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        // A worker that dies must give a write error, not kill us.
        signal(SIGPIPE, SIG_IGN)
    }
}

/// The last non-empty line of a log file (what a failing inpainter said last), shortened.
func lastLine(ofFile path: String, after offset: UInt64) -> String? {
    guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
    defer { try? handle.close() }
    try? handle.seek(toOffset: offset)
    let data = handle.readDataToEndOfFile()
    let lines = String(decoding: data.suffix(4096), as: UTF8.self).split(whereSeparator: \.isNewline)
        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard let last = lines.last else { return nil }
    return last.count > 200 ? String(last.prefix(200)) + "…" : last
}

func fileSize(_ path: String) -> UInt64 {
    ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? UInt64) ?? 0
}
