import ArgumentParser
import Foundation
import ParallaxAV
import ParallaxCore

struct GraphCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graph",
        abstract: "Write the render's filter graph as a script and print the ffmpeg command that runs it.",
        discussion: """
        The script is the very graph `parallax render` runs in-process; stock ffmpeg 5.1 or newer
        renders the same frames from it. Paths in the script are absolute, so the command runs
        from any folder.

        Examples:
          parallax graph landscape.parallax -o landscape.mp4 --script landscape.lavfi
          sh -c "$(parallax graph landscape.parallax -o landscape.mp4 --script landscape.lavfi)"
          parallax graph my-project -o clip.webm --script clip.lavfi --loop crossfade

        For a PNG sequence (--format png) the command writes OUTPUT/%06d.png; create the folder
        first.
        """
    )

    @Argument(help: "Project folder (with scene.json and steps/) or a scene file.")
    var project: String

    @Option(name: .shortAndLong, help: "The video file the printed ffmpeg command writes.")
    var output: String

    @Option(help: "Where to write the filter script.")
    var script: String

    @OptionGroup var encoding: EncodingOptions

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
                                    encoding: job.settings.video, hasAudio: job.graph.hasAudio)
        print(command.shellLine)
    }
}
