import ArgumentParser
import Foundation
import ParallaxAV
import ParallaxCore

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Write the render's filter graph as a script and print the ffmpeg command that runs it.",
        discussion: """
        The script is the very graph `parallax render` runs in-process; stock ffmpeg 5.1 or newer \
        renders the same frames from it. Paths in the script are absolute, so the command runs \
        from any folder.

        The command suits the ffmpeg first on PATH: FFmpeg 7.0 and newer read the script with \
        `-/filter_complex FILE`, older releases with `-filter_complex_script FILE`. For a command \
        meant for another machine, give its release with --ffmpeg-version.

        For a PNG sequence (--format png) the command writes OUTPUT/%06d.png; create the folder \
        first.

        Examples:
          parallax graph p -o p.mp4 --script p.lavfi
          sh -c "$(parallax graph p -o p.mp4 --script p.lavfi)"
          parallax graph p -o p.mp4 --script p.lavfi --ffmpeg-version 5.1
          parallax graph p -o clip.webm --script clip.lavfi --loop crossfade
        """
    )

    @Argument(help: "Project folder (with scene.json and steps/) or a scene file.")
    var project: String

    @Option(name: .shortAndLong, help: "The video file the printed ffmpeg command writes.")
    var output: String

    @Option(help: "Where to write the filter script.")
    var script: String

    @Option(help: ArgumentHelp("The FFmpeg release that will run the command, like 5.1 or 7.1 (default: ask the ffmpeg on PATH).",
                               valueName: "X.Y"))
    var ffmpegVersion: String?

    @OptionGroup var encoding: EncodingOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors (the script is still written).")
    var quiet = false

    func validate() throws {
        if let ffmpegVersion, FFmpegVersion(parsing: ffmpegVersion) == nil {
            throw ValidationError("--ffmpeg-version must be a release number like 5.1 or 7.1, got \"\(ffmpegVersion)\"")
        }
    }

    func run() throws {
        let opened = try Project(path: project)
        let settings = try encoding.settings(project: opened, output: output)
        let inputs = ProtectedInputs(project: opened, settings: settings)
        try inputs.check(output: script, flag: "--script")
        // The printed command would write -o when run: it must not replace an input either.
        try inputs.check(output: output, flag: "-o")
        let job = try RenderJob(project: opened, settings: settings)
        let scriptOutput = AtomicOutput(script)
        try scriptOutput.checkWritable()
        try scriptOutput.write { temporary in
            try Data(job.graph.script.utf8).write(to: URL(fileURLWithPath: temporary))
        }
        let absolute = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
        let command = FFmpegCommand(scriptPath: absolute(script), outputPath: absolute(output),
                                    encoding: job.settings.video, hasAudio: job.graph.hasAudio,
                                    ffmpeg: targetVersion())
        if !quiet { print(command.shellLine) }
    }

    /// The release given, else the one on PATH; without one, the current syntax (with a note).
    func targetVersion() -> FFmpegVersion {
        if let ffmpegVersion, let version = FFmpegVersion(parsing: ffmpegVersion) { return version }
        switch FFmpegOnPath.find() {
        case .release(let version): return version
        case .development: return .fileOptionSyntax
        case .missing:
            if !quiet {
                FileHandleOutput.error("""
                    parallax: no ffmpeg on PATH; the command is for FFmpeg 7.0 or newer \
                    (--ffmpeg-version 5.1 for older)
                    """)
            }
            return .fileOptionSyntax
        }
    }
}
