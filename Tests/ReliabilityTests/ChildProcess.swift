import Foundation
import TestSupport

/// How a child process ended: its exit code, or the signal that killed it.
enum Termination: Equatable, CustomStringConvertible {
    case exit(Int32)
    case signal(Int32)

    var description: String {
        switch self {
        case .exit(let code): "exit \(code)"
        case .signal(let number): "killed by signal \(number)"
        }
    }
}

/// A running `parallax` (or any program) that a test can signal, then wait for.
///
/// Unlike `ProcessRunner.run` it tells an exit from a crash (a Swift trap is SIGILL or SIGTRAP,
/// which `ProcessResult.status` cannot tell from `exit(4)` or `exit(5)`).
final class ChildProcess: @unchecked Sendable {
    private let process = Process()
    private let errorPipe = Pipe()
    private let outputPipe = Pipe()
    private var errorData = Data()
    private var outputData = Data()
    private let readers = DispatchGroup()

    init(_ executable: String, _ arguments: [String], currentDirectory: String? = nil,
         environment: [String: String] = [:]) throws {
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if !environment.isEmpty {
            process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        }
        if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
        process.standardOutput = outputPipe
        process.standardError = errorPipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Drain both pipes while the child runs so a chatty one cannot block on a full pipe.
        for (pipe, isError) in [(errorPipe, true), (outputPipe, false)] {
            readers.enter()
            DispatchQueue.global().async { [self] in
                let data = pipe.fileHandleForReading.readDataToEndOfFile()
                if isError { errorData = data } else { outputData = data }
                readers.leave()
            }
        }
    }

    /// Runs the built `parallax` with `arguments`.
    static func parallax(_ arguments: [String], currentDirectory: String? = nil,
                         environment: [String: String] = [:]) throws -> ChildProcess {
        try ChildProcess(ProcessRunner.parallaxExecutable, arguments, currentDirectory: currentDirectory,
                         environment: environment)
    }

    var processIdentifier: Int32 { process.processIdentifier }

    func send(_ signalNumber: Int32) { kill(process.processIdentifier, signalNumber) }

    /// Waits for the child to end and both pipes to close.
    func wait() -> (termination: Termination, standardOutput: String, standardError: String) {
        process.waitUntilExit()
        readers.wait()
        let termination: Termination = process.terminationReason == .uncaughtSignal
            ? .signal(process.terminationStatus) : .exit(process.terminationStatus)
        return (termination, String(decoding: outputData, as: UTF8.self), String(decoding: errorData, as: UTF8.self))
    }

    /// Runs to completion and returns how it ended.
    static func run(parallax arguments: [String], currentDirectory: String? = nil, environment: [String: String] = [:]) throws
        -> (termination: Termination, standardOutput: String, standardError: String) {
        try parallax(arguments, currentDirectory: currentDirectory, environment: environment).wait()
    }

    /// Like ``wait()``, but a child still running after `seconds` is killed (it hung) and
    /// reported as nil.
    func wait(atMost seconds: Double) -> (termination: Termination, standardOutput: String, standardError: String)? {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning {
            send(SIGKILL)
            _ = wait()
            return nil
        }
        return wait()
    }
}
