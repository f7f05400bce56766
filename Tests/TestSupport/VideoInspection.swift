import Foundation
import ParallaxCore

/// Reads rendered videos back with stock ffmpeg, for oracles that look at pixels.
public enum VideoInspection {
    public static var ffmpeg: String { ProcessRunner.which("ffmpeg") ?? "/usr/bin/ffmpeg" }
    public static var ffprobe: String { ProcessRunner.which("ffprobe") ?? "/usr/bin/ffprobe" }

    /// Decodes every frame to 8-bit RGB.
    public static func rgbFrames(_ path: String, width: Int, height: Int) throws -> [Raster] {
        let raw = TemporaryDirectory("decode")
        let file = raw.file("frames.rgb")
        let result = try ProcessRunner.run(ffmpeg, ["-v", "error", "-i", path, "-f", "rawvideo", "-pix_fmt", "rgb24", file])
        guard result.succeeded else { throw InspectionError("ffmpeg could not decode \(path): \(result.standardError)") }
        let data = try Data(contentsOf: URL(fileURLWithPath: file))
        let frameSize = width * height * 3
        guard frameSize > 0, data.count % frameSize == 0 else {
            throw InspectionError("\(path): \(data.count) bytes is not a whole number of \(width)x\(height) frames")
        }
        return stride(from: 0, to: data.count, by: frameSize).map { start in
            Raster(width: width, height: height, channels: 3, pixels: [UInt8](data[start..<(start + frameSize)]))
        }
    }

    /// One MD5 per decoded frame (ffmpeg's framemd5 muxer), without the header lines.
    public static func frameMD5s(_ path: String, pixelFormat: String? = nil) throws -> [String] {
        var arguments = ["-v", "error", "-i", path]
        if let pixelFormat { arguments += ["-pix_fmt", pixelFormat] }
        arguments += ["-f", "framemd5", "-"]
        let result = try ProcessRunner.run(ffmpeg, arguments)
        guard result.succeeded else { throw InspectionError("ffmpeg framemd5 failed on \(path): \(result.standardError)") }
        return result.standardOutput.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }

    /// `ffprobe -show_entries` for the given stream entries, as key=value lines.
    public static func probe(_ path: String, entries: String) throws -> [String: String] {
        let result = try ProcessRunner.run(ffprobe, ["-v", "error", "-show_entries", entries, "-of", "default=nw=1", path])
        guard result.succeeded else { throw InspectionError("ffprobe failed on \(path): \(result.standardError)") }
        var values: [String: String] = [:]
        for line in result.standardOutput.split(separator: "\n") {
            let parts = line.split(separator: "=", maxSplits: 1)
            if parts.count == 2, values[String(parts[0])] == nil { values[String(parts[0])] = String(parts[1]) }
        }
        return values
    }
}

public struct InspectionError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}
