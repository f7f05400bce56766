import Foundation
import ParallaxCore

/// The `ffmpeg` the user's shell would run: the first on PATH, asked for its version.
enum FFmpegOnPath {
    enum Found {
        case release(FFmpegVersion)
        /// A build from git's main branch: newer than every release.
        case development
        case missing
    }

    static func find() -> Found {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["ffmpeg", "-version"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return .missing }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return .missing }
        let text = String(decoding: output, as: UTF8.self)
        if let version = FFmpegVersion(versionOutput: text) { return .release(version) }
        return .development
    }
}
