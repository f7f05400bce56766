import Foundation
import ParallaxCore

/// Names the step behind a decoding error in the middle of a render. The render decodes every
/// step once, inside libavfilter, where an error says nothing about which file it came from;
/// only when that happens are the steps decoded again, one by one with libpng (which also checks
/// every chunk's CRC), until the damaged one is found. A render that succeeds pays nothing.
public enum StepDiagnosis {
    /// libavcodec's "Invalid data found when processing input" and "Generic error in an external
    /// library" (zlib): what a damaged PNG gives.
    static let decodingErrors: Set<Int32> = [tag("I", "N", "D", "A"), tag("E", "X", "T", " ")]

    private static func tag(_ a: Character, _ b: Character, _ c: Character, _ d: Character) -> Int32 {
        let bytes = [a, b, c, d].map { Int32($0.asciiValue!) }
        return -(bytes[0] | bytes[1] << 8 | bytes[2] << 16 | bytes[3] << 24)
    }

    /// The error to report for `error` from rendering `plan`'s steps: the damaged step when
    /// the error came from decoding one, else `error` itself.
    public static func explain(_ error: AVError, folder: StepFolder, steps: Int) -> any Error {
        guard !error.isCancellation, decodingErrors.contains(error.code) else { return error }
        // The image2 demuxer also reads the step after the last one when it exists (the graph
        // needs to see where step S ends), so a damaged extra step can be the one at fault.
        let extra = FileManager.default.fileExists(atPath: folder.stepPath(steps + 1)) ? 1 : 0
        for step in 0...(steps + extra) {
            do {
                _ = try PNGImage.read(folder.stepPath(step), channels: 3)
            } catch let damaged as SceneError {
                return SceneError(file: damaged.file, "is damaged and cannot be decoded (\(damaged.problem)); nothing was written")
            } catch {
                return error
            }
        }
        return error
    }
}
