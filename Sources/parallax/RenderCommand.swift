import ArgumentParser
import ParallaxAV
import ParallaxCore

struct RenderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "render",
        abstract: "Render a project's step folder to a video, in this process.",
        discussion: """
        Reads PROJECT/scene.json and PROJECT/steps/, slides every layer between \
        consecutive steps at its exact velocity, stacks the layers and encodes. The \
        video is written under a temporary name and moved into place only when \
        complete; Ctrl-C stops cleanly.

        --no-encode runs the graph and writes nothing, so it refuses -o.

        Effects, sound, interpolation and loops come from scene.json (see \
        docs/effects.md, docs/audio.md, docs/outputs.md).

        --frames A:B renders frames A to B-1 of the full render, exactly those \
        frames, as a video of its own labelled with its range; join parts with \
        `parallax concat` (docs/distributed.md). A part has no sound: concat \
        --project muxes the whole render's sound once.

        Examples:
          parallax render landscape.parallax -o landscape.mp4
          parallax render my-project -o out.mp4 --crf 23 --preset veryfast
          parallax render my-project -o check.mkv --codec ffv1   # lossless RGB
          parallax render my-project --no-encode     # compositing speed only
          parallax render my-project -o loop.webm --loop pingpong   # VP9
          parallax render my-project -o clip.gif     # own palette
          parallax render my-project -o frames --format png
          parallax render my-project -o quick.mp4 --preview
          parallax render my-project -o x.mp4 --interpolation crossfade
          parallax render my-project -o part2.mp4 --frames 300:600  # a part
        """
    )

    @Argument(help: "Project folder (with scene.json and steps/) or a scene file.")
    var project: String

    @Option(name: .shortAndLong, help: "Output video file.")
    var output: String?

    @Flag(help: "Run the graph without encoding or writing a file (a quick check, and a speed test).")
    var noEncode = false

    @Option(help: "Only frames A to B-1 of the full render (0-based), as a part for `parallax concat`.")
    var frames: String?

    @OptionGroup var encoding: EncodingOptions

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if output == nil && !noEncode { throw ValidationError("give an output file with -o, or --no-encode") }
        if let frames, FrameRange(parsing: frames) == nil {
            throw ValidationError("--frames must be A:B with whole numbers 0 <= A < B, got \(frames)")
        }
        // --no-encode writes nothing; with -o a user would wait for a file that never comes.
        if let output, noEncode { throw ValidationError("--no-encode writes no file; leave out -o \(output) (or --no-encode)") }
    }

    func run() throws {
        let opened = try Project(path: project)
        var settings = try encoding.settings(project: opened, output: output)
        settings.frames = frames.flatMap(FrameRange.init(parsing:))
        if let output { try ProtectedInputs(project: opened, settings: settings).check(output: output, flag: "-o") }
        let job = try RenderJob(project: opened, settings: settings)
        let display = ProgressDisplay(total: job.frameCount, label: "render", quiet: quiet)
        GraphRunner.installInterruptHandler()
        try runReportingCancel {
            if let output {
                try job.render(to: output, progress: display.update)
                display.finish("wrote \(output): \(job.frameCount) frames")
            } else {
                try job.composite(progress: display.update)
                display.finish("composited \(job.frameCount) frames")
            }
        }
    }
}

/// Turns a Ctrl-C cancellation into exit code 130 with a short message.
func runReportingCancel(_ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as AVError where error.isCancellation {
        FileHandleOutput.error("parallax: cancelled; nothing was written")
        throw ExitCode(130)
    }
}
