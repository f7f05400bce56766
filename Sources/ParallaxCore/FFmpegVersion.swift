/// A stock ffmpeg's release number, read from `ffmpeg -version`; it decides how the printed
/// command names the filter script (see ``FFmpegCommand``).
public struct FFmpegVersion: Comparable, Hashable, Sendable, CustomStringConvertible {
    public let major: Int
    public let minor: Int

    public init(_ major: Int, _ minor: Int = 0) {
        self.major = major
        self.minor = minor
    }

    /// The oldest release the emitted scripts are made for (Debian 12's).
    public static let oldestSupported = FFmpegVersion(5, 1)
    /// FFmpeg 7.0 added `-/option FILE` and later releases dropped `-filter_complex_script`.
    public static let fileOptionSyntax = FFmpegVersion(7, 0)

    /// "5.1", "9.0.2", "n7.1" (a git tag); nil for anything else.
    public init?(parsing text: String) {
        var digits = Substring(text)
        if digits.first == "n" { digits = digits.dropFirst() }
        let parts = digits.prefix { $0.isNumber || $0 == "." }.split(separator: ".", omittingEmptySubsequences: false)
        guard let first = parts.first, let major = Int(first), major < 1000 else { return nil }
        let minor = parts.count > 1 ? Int(parts[1]) : 0
        guard let minor, minor < 1000 else { return nil }
        self.init(major, minor)
    }

    /// The version in the first line of `ffmpeg -version`. A build from git's main branch
    /// ("ffmpeg version N-118000-g…") is newer than every release: nil, and the caller picks
    /// the newest syntax.
    public init?(versionOutput: String) {
        let firstLine = versionOutput.split(separator: "\n").first ?? ""
        let words = firstLine.split(separator: " ")
        guard let index = words.firstIndex(of: "version"), index + 1 < words.count else { return nil }
        self.init(parsing: String(words[index + 1]))
    }

    public static func < (a: FFmpegVersion, b: FFmpegVersion) -> Bool {
        (a.major, a.minor) < (b.major, b.minor)
    }

    public var description: String { "\(major).\(minor)" }

    /// The words that hand ffmpeg a filter script file.
    public func filterScriptArguments(_ path: String) -> [String] {
        self >= Self.fileOptionSyntax ? ["-/filter_complex", path] : ["-filter_complex_script", path]
    }
}
