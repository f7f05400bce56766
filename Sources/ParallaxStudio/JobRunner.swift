import Foundation
import ParallaxCore
import ParallaxGenerate

/// Runs `generate` and `render` as child processes of this same binary, one job at a time, and
/// turns their progress lines, the journal's new steps and their exit into events.
final class JobRunner: Sendable {
    enum Kind: String, Sendable { case generate, render }

    struct Busy: Error, CustomStringConvertible {
        let description: String
    }

    private struct Running {
        var kind: Kind
        var process: Process?
        var cancelled = false
        var startedAt = Date()
    }

    private let executable: String
    private let directory: String
    private let hub: EventHub
    private let running = Locked<Running?>(nil)

    init(executable: String, projectDirectory: String, hub: EventHub) {
        self.executable = executable
        directory = projectDirectory
        self.hub = hub
    }

    var current: Kind? { running.current?.kind }

    /// The output files a finished render leaves in the project.
    static let videoName = "studio-render.mp4"
    static let sheetName = "studio-sheet.png"

    /// Starts a job in the background; throws Busy when one runs already here, or a generate
    /// when another process holds the project lock.
    func start(_ kind: Kind, restart: Bool = false) throws {
        let commands: [[String]] = switch kind {
        case .generate: [["generate", directory] + (restart ? ["--restart"] : [])]
        case .render: [["render", directory, "-o", path(JobRunner.videoName)],
                       ["sheet", directory, "-o", path(JobRunner.sheetName)]]
        }
        let claimed = running.withValue { running -> Bool in
            guard running == nil else { return false }
            running = Running(kind: kind)
            return true
        }
        guard claimed else { throw Busy(description: "a \(current?.rawValue ?? "job") is running; cancel it or wait") }
        if kind == .generate {
            // The child takes the project lock itself; asking first turns "another generate is
            // working on this project" into a refusal here instead of a failed job.
            do {
                _ = try ProjectLock(projectDirectory: directory)
            } catch {
                running.withValue { $0 = nil }
                throw Busy(description: "\(error)")
            }
        }
        hub.publish("job", ["kind": kind.rawValue, "state": "started"])
        Thread.detachNewThread { [self] in
            let (state, message) = run(commands, kind: kind)
            running.withValue { $0 = nil }
            hub.publish("job", ["kind": kind.rawValue, "state": state, "message": message])
        }
    }

    /// Asks the running child to stop as Ctrl-C would (it keeps its finished steps); one that
    /// has not stopped after `patience` seconds is killed (its outputs are temporaries until
    /// complete, so nothing half-written is left under a final name).
    @discardableResult
    func cancel(patience: Double = 10) -> Bool {
        let process = running.withValue { running -> Process?? in
            guard running != nil else { return nil }
            running!.cancelled = true
            return .some(running!.process)
        }
        guard let process else { return false }
        guard let process, process.isRunning else { return true }
        process.interrupt()
        let pid = process.processIdentifier
        DispatchQueue.global().asyncAfter(deadline: .now() + patience) {
            if process.isRunning && process.processIdentifier == pid { kill(pid, SIGKILL) }
        }
        return true
    }

    /// Cancels and waits for the child to exit (the studio is stopping).
    func stop() {
        guard cancel(patience: 5) else { return }
        for _ in 0..<350 where running.current != nil { usleep(20_000) }
    }

    private func path(_ name: String) -> String { (directory as NSString).appendingPathComponent(name) }

    /// Runs each command in turn; returns the job's end state and its last message line.
    private func run(_ commands: [[String]], kind: Kind) -> (String, String) {
        var lastLine = ""
        var reportedSteps = StepJournal(projectDirectory: directory).completedEntries().count
        for arguments in commands {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            var environment = ProcessInfo.processInfo.environment
            environment["PARALLAX_PROGRESS_INTERVAL"] = "0.2"
            process.environment = environment
            let pipe = Pipe()
            process.standardOutput = pipe
            process.standardError = pipe
            process.standardInput = FileHandle.nullDevice
            let launched = running.withValue { running -> Bool in
                guard running?.cancelled == false else { return false }
                running?.process = process
                return (try? process.run()) != nil
            }
            guard launched else {
                try? pipe.fileHandleForWriting.close()
                return running.current?.cancelled == true ? ("cancelled", "cancelled") : ("failed", "cannot start \(executable)")
            }
            try? pipe.fileHandleForWriting.close()
            var pending = Data()
            while true {
                let chunk = pipe.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                pending.append(chunk)
                while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                    let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                    pending.removeSubrange(pending.startIndex...newline)
                    handle(line: line, kind: kind, reportedSteps: &reportedSteps)
                    if !line.isEmpty { lastLine = line }
                }
            }
            process.waitUntilExit()
            if kind == .generate { publishNewSteps(after: &reportedSteps) }
            if running.current?.cancelled == true { return ("cancelled", lastLine) }
            guard process.terminationStatus == 0 else { return ("failed", lastLine) }
        }
        return ("finished", lastLine)
    }

    private func handle(line: String, kind: Kind, reportedSteps: inout Int) {
        if let progress = ProgressLine(line) {
            var fields = progress.fields
            fields["kind"] = kind.rawValue
            hub.publish("progress", fields)
        } else if !line.isEmpty {
            hub.publish("log", ["kind": kind.rawValue, "line": line])
        }
        if kind == .generate { publishNewSteps(after: &reportedSteps) }
    }

    /// One `step` event per journal line not yet reported: the page shows its thumbnail.
    private func publishNewSteps(after reported: inout Int) {
        let entries = StepJournal(projectDirectory: directory).completedEntries()
        if entries.count < reported { reported = 0 }
        for entry in entries.dropFirst(reported) {
            hub.publish("step", ["step": entry.step, "inpainter": entry.inpainter,
                                 "inpaintMs": entry.inpaintMilliseconds,
                                 "file": "steps/" + StepFolder.fileName(step: entry.step)])
        }
        reported = entries.count
    }
}
