import Foundation

/// The result of running a program to completion.
public struct ProcessResult: Sendable {
    public let status: Int32
    public let standardOutput: String
    public let standardError: String
    public var succeeded: Bool { status == 0 }
}

/// Runs programs for tests: the built `parallax` binary and stock `ffmpeg`.
public enum ProcessRunner {
    /// Runs `executable` with `arguments` (no shell), capturing both outputs.
    @discardableResult
    public static func run(_ executable: String, _ arguments: [String], environment: [String: String]? = nil,
                           currentDirectory: String? = nil) throws -> ProcessResult {
        let (process, output, error) = try launch(executable, arguments, environment: environment,
                                                  currentDirectory: currentDirectory)
        // Read both pipes while the process runs so a chatty one cannot block on a full pipe.
        nonisolated(unsafe) var errorData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errorData = error.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outputData = output.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return ProcessResult(status: process.terminationStatus,
                             standardOutput: String(decoding: outputData, as: UTF8.self),
                             standardError: String(decoding: errorData, as: UTF8.self))
    }

    /// Starts the program with both outputs piped. A program a test has just written (a copied
    /// binary, a script) stays busy ("Text file busy") while a child that another test forks
    /// meanwhile still holds its write descriptor, until that child execs: a moment later it runs.
    private static func launch(_ executable: String, _ arguments: [String], environment: [String: String]?,
                               currentDirectory: String?) throws -> (Process, Pipe, Pipe) {
        var attempt = 0
        while true {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: executable)
            process.arguments = arguments
            if let environment { process.environment = environment }
            if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
            let output = Pipe(), error = Pipe()
            process.standardOutput = output
            process.standardError = error
            process.standardInput = FileHandle.nullDevice
            do {
                try process.run()
                return (process, output, error)
            } catch let failure as NSError where isTextFileBusy(failure) && attempt < 40 {
                attempt += 1
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
    }

    /// Whether launching failed with ETXTBSY ("Text file busy").
    private static func isTextFileBusy(_ error: NSError) -> Bool {
        let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError
        return [error, underlying].contains { $0?.domain == NSPOSIXErrorDomain && $0?.code == Int(ETXTBSY) }
    }

    /// The `parallax` binary built beside the test bundle.
    public static var parallaxExecutable: String { builtExecutable("parallax") }

    /// An executable product built beside the tests (`parallax`, `render-leak-probe`).
    public static func builtExecutable(_ name: String) -> String {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        var candidates = [bundle.appendingPathComponent(name).path]
        // xctest bundles on Linux live in the build folder itself; swift-testing runners may not.
        candidates.append(bundle.deletingLastPathComponent().appendingPathComponent(name).path)
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }

    /// Runs the built `parallax` with `arguments`.
    @discardableResult
    public static func parallax(_ arguments: [String], currentDirectory: String? = nil) throws -> ProcessResult {
        try run(parallaxExecutable, arguments, currentDirectory: currentDirectory)
    }

    /// Finds a program on PATH.
    public static func which(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
