import Foundation

/// How a PNG stores its pixels: colour type, bit depth and whether a tRNS chunk adds
/// transparency. Files that differ in any of these decode to different pixel formats.
public struct PNGPixelLayout: Hashable, Sendable, CustomStringConvertible {
    public let colorType: UInt8
    public let bitDepth: UInt8
    public let hasTransparencyChunk: Bool

    public init(colorType: UInt8, bitDepth: UInt8, hasTransparencyChunk: Bool = false) {
        self.colorType = colorType
        self.bitDepth = bitDepth
        self.hasTransparencyChunk = hasTransparencyChunk
    }

    /// Reads the header and the chunks' headers (``PNGStructure``, which also checks that the
    /// file is whole); the pixels are not decoded.
    public init(ofFile path: String) throws {
        self = try PNGStructure.check(ofFile: path)
    }

    public var description: String {
        let kinds: [UInt8: String] = [0: "gray", 2: "RGB", 3: "palette", 4: "gray+alpha", 6: "RGBA"]
        return "\(bitDepth)-bit \(kinds[colorType] ?? "type \(colorType)")" + (hasTransparencyChunk ? " with tRNS" : "")
    }
}

/// Consecutive steps whose PNGs are stored alike.
public struct StepRun: Hashable, Sendable {
    public let steps: ClosedRange<Int>
    public let layout: PNGPixelLayout
    /// The file after this run exists but is no well-formed PNG (a stray extra step): the run must be read
    /// by its own file names, since a numbered sequence would decode that file too.
    public let isFollowedByAStrayFile: Bool

    public init(steps: ClosedRange<Int>, layout: PNGPixelLayout, isFollowedByAStrayFile: Bool = false) {
        self.steps = steps
        self.layout = layout
        self.isFollowedByAStrayFile = isFollowedByAStrayFile
    }

    /// Whether `runs` must be read file by file rather than as one numbered sequence.
    public static func needFileLists(_ runs: [StepRun]) -> Bool {
        runs.count > 1 || runs.last?.isFollowedByAStrayFile == true
    }
}

extension StepFolder {
    /// An image2 glob pattern (glibc glob with braces) naming exactly the files of `steps` in
    /// `directory`, in order: "/dir/{000002,000003}.png". Glob's special characters in the
    /// folder's name are escaped with a backslash.
    public static func globPattern(directory: String, steps: ClosedRange<Int>) -> String {
        let special = Set("\\*?[]{},")
        let escaped = directory.map { special.contains($0) ? "\\\($0)" : String($0) }.joined()
        let names = steps.map { fileName(step: $0).replacingOccurrences(of: ".png", with: "") }
        return escaped + "/" + (names.count == 1 ? names[0] : "{" + names.joined(separator: ",") + "}") + ".png"
    }

    /// Steps 0...steps grouped into runs of consecutive files stored alike (one run when the
    /// whole folder is). The render reads each run separately: see `RenderGraphBuilder.decodedSteps`.
    ///
    /// Step S+1, when present and readable, is counted too: the single `movie` of a uniform
    /// folder decodes it (image2 reads one step past S), so one stored differently needs runs.
    /// One that is not a well-formed PNG is left out, and the last run says so: it is then read by its
    /// file names, so a stray extra file never fails the render (docs/step-folder.md).
    public func pixelLayoutRuns(steps: Int) throws -> [StepRun] {
        var runs: [StepRun] = []
        var start = 0
        var current = try PNGPixelLayout(ofFile: stepPath(0))
        let nextExists = FileManager.default.fileExists(atPath: stepPath(steps + 1))
        let lookAhead = nextExists ? (try? PNGPixelLayout(ofFile: stepPath(steps + 1))) : nil
        let last = lookAhead == nil ? steps : steps + 1
        for step in stride(from: 1, through: last, by: 1) {
            let layout = step > steps ? lookAhead! : try PNGPixelLayout(ofFile: stepPath(step))
            if layout != current {
                runs.append(StepRun(steps: start...(step - 1), layout: current))
                start = step
                current = layout
            }
        }
        runs.append(StepRun(steps: start...last, layout: current, isFollowedByAStrayFile: nextExists && lookAhead == nil))
        return runs
    }
}
