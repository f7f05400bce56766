import Foundation
import TestSupport

/// A `parallax render` started with posix_spawn, so a test controls what Foundation's `Process`
/// does not: the signals blocked at start and the file its stderr writes to. Signal tests use
/// it to reach a render at a known point (its temporary output exists) and signal it there.
final class SpawnedRender {
    let pid: pid_t
    let outputFolder: String
    private var finished: Termination?

    /// Starts `parallax` with `arguments`; `blocking` signals are blocked in the child from its
    /// first instruction; stderr goes to `errorDescriptor` (or /dev/null).
    init(_ arguments: [String], outputFolder: String, blocking: [Int32] = [], errorDescriptor: Int32? = nil) throws {
        self.outputFolder = outputFolder
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var mask = sigset_t()
        sigemptyset(&mask)
        for number in blocking { sigaddset(&mask, number) }
        posix_spawnattr_setsigmask(&attributes, &mask)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGINT)
        sigaddset(&defaults, SIGTERM)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        if let errorDescriptor {
            posix_spawn_file_actions_adddup2(&actions, errorDescriptor, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let executable = ProcessRunner.parallaxExecutable
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard spawned == 0 else { throw InspectionError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
        self.pid = pid
    }

    func send(_ signalNumber: Int32) { kill(pid, signalNumber) }

    /// The render's temporary output (`.NAME.partial-PID.EXT`), if it exists now.
    var temporary: String? {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: outputFolder)) ?? []
        return names.first { $0.contains(".partial-\(pid)") }.map { (outputFolder as NSString).appendingPathComponent($0) }
    }

    /// How the process ended, if it has (reaps it).
    var termination: Termination? {
        if finished == nil {
            var status: Int32 = 0
            if waitpid(pid, &status, WNOHANG) == pid { finished = Self.termination(status) }
        }
        return finished
    }

    /// Waits until `condition` holds, polling every millisecond for up to `seconds`; false if
    /// the time ran out or the process ended first.
    func waitUntil(seconds: Double = 60, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            if termination != nil { return false }
            usleep(1000)
        }
        return false
    }

    /// Waits until the temporary output holds at least `bytes`; its path, or nil if the render
    /// ended (or ran out of time) before.
    func waitForTemporary(holding bytes: Int = 1) -> String? {
        var found: String?
        let reached = waitUntil {
            guard let path = temporary, Self.size(path) >= bytes else { return false }
            found = path
            return true
        }
        return reached ? found : nil
    }

    /// Waits for the process to end, up to `seconds`; nil if it is still running.
    func wait(seconds: Double = 60) -> Termination? {
        let deadline = Date().addingTimeInterval(seconds)
        while termination == nil && Date() < deadline { usleep(1000) }
        return termination
    }

    static func size(_ path: String) -> Int {
        ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int) ?? -1
    }

    private static func termination(_ status: Int32) -> Termination {
        let signal = status & 0x7f
        return signal == 0 ? .exit((status >> 8) & 0xff) : .signal(signal)
    }

    deinit {
        if termination == nil {
            kill(pid, SIGKILL)
            _ = wait(seconds: 10)
        }
    }
}
