/// The stock `ffmpeg` command line that renders the same video from an emitted filter script.
/// `ffmpeg` says which release runs it: the option that reads the script changed in 7.0.
public struct FFmpegCommand: Sendable {
    public var arguments: [String]

    public init(scriptPath: String, outputPath: String, encoding: VideoEncoding, hasAudio: Bool = false,
                audioArguments: [String] = [], ffmpeg: FFmpegVersion = .oldestSupported) {
        var arguments = ["ffmpeg", "-y", "-hide_banner"] + ffmpeg.filterScriptArguments(scriptPath) + [
                         "-map", RenderGraph.videoOutput.description, "-c:v", encoding.codec.encoder]
        // Stream-qualified where a bare option would reach the audio encoder too.
        for option in encoding.encoderOptions { arguments += [option.key == "b" ? "-b:v" : "-\(option.key)", option.value] }
        if hasAudio {
            arguments += ["-map", RenderGraph.audioOutput.description]
            if let audio = encoding.audio, audioArguments.isEmpty {
                arguments += ["-c:a", audio.encoder] + (audio.bitRate.map { ["-b:a", $0] } ?? [])
            } else {
                arguments += audioArguments
            }
        }
        for option in encoding.muxerOptions { arguments += ["-\(option.key)", option.value] }
        if let container = encoding.container { arguments += ["-f", container] }
        arguments.append(encoding.codec.writesFolder ? FFmpegCommand.framePattern(in: outputPath) : outputPath)
        self.arguments = arguments
    }

    /// Where an image sequence's frames go inside its folder: `%06d.png`, like the step folder.
    public static func framePattern(in folder: String) -> String {
        folder.replacingOccurrences(of: "%", with: "%%") + "/%0\(StepFolder.digits)d.png"
    }

    /// One line a POSIX shell runs as is.
    public var shellLine: String { arguments.map(ShellQuoting.quote).joined(separator: " ") }
}

/// Quotes words for a POSIX shell; the one place the project builds shell text.
public enum ShellQuoting {
    private static let safe = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./=:+,%@")

    public static func quote(_ word: String) -> String {
        if !word.isEmpty, word.allSatisfy({ safe.contains($0) }) { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
