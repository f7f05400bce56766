import Foundation
import ParallaxCore
import Testing
import TestSupport

/// A `parallax studio --port 0 --no-open` child process, with the address from its first line.
final class RunningStudio: @unchecked Sendable {
    let process = Process()
    let port: Int
    let token: String
    let address: String
    private let errors = Pipe()

    init(project: String) throws {
        process.executableURL = URL(fileURLWithPath: ProcessRunner.parallaxExecutable)
        process.arguments = ["studio", project, "--port", "0", "--no-open"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let line = RunningStudio.firstLine(of: output.fileHandleForReading)
        let pattern = /^studio: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([0-9a-f]{64}))$/
        guard let match = line.wholeMatch(of: pattern), let port = Int(match.2) else {
            process.terminate()
            let problem = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            throw StudioTestError("studio's first line was \(line.debugDescription); stderr: \(problem)")
        }
        address = String(match.1)
        self.port = port
        token = String(match.3)
    }

    /// Sends Ctrl-C's signal and waits up to `seconds`; returns the exit status, or nil if still running.
    func interrupt(waiting seconds: Double = 10) -> Int32? {
        guard process.isRunning else { return process.terminationStatus }
        kill(process.processIdentifier, SIGINT)
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        return process.isRunning ? nil : process.terminationStatus
    }

    /// Everything the studio wrote to stderr; call after it has exited.
    func errorOutput() -> String {
        String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    private static func firstLine(of handle: FileHandle) -> String {
        var bytes = Data()
        while true {
            let byte = handle.readData(ofLength: 1)
            if byte.isEmpty || byte.first == UInt8(ascii: "\n") { break }
            bytes.append(byte)
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

struct StudioTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// A project for the studio: the shipped landscape fixture cut into three layers, a few steps.
enum StudioFixture {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func project(in folder: TemporaryDirectory, steps: Int = 3) throws -> String {
        let project = folder.file("studio-project")
        let image = repository.appendingPathComponent("fixtures/landscape.png").path
        let result = try ProcessRunner.parallax(["init", image, project, "--layers", "sky:90:0.2,hills:80:0.5,shore::1",
                                                 "--steps", String(steps)])
        guard result.succeeded else { throw StudioTestError("init failed: \(result.standardError)") }
        return project
    }

    /// Gives the last layer (shore, from row 170) a wavy contour boundary instead of a straight top.
    static func makeShoreContour(project: String) throws {
        let file = (project as NSString).appendingPathComponent("scene.json")
        var scene = try SceneFile.load(file)
        scene.layers[2].boundary = (0..<480).map { 170 + Int((6 * sin(Double($0) / 30)).rounded()) }
        try SceneFile.encode(scene).write(to: URL(fileURLWithPath: file))
    }
}
