import ArgumentParser
import Foundation

@main
struct Parallax: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parallax",
        abstract: "Turn one still image into a living parallax video.",
        discussion: """
        A project folder holds scene.json (how the image is cut into layers and
        how they move) and steps/ (the image after each shift-and-fill step).
        `create` goes from a still image to a video: `init` writes scene.json,
        `generate` runs the step loop with an inpainter, `render` turns the
        steps into a video in this process; `graph` writes the same filter
        graph as a script for stock ffmpeg. `create` keeps its project beside
        the video (landscape.parallax/ below), for re-rendering.

        Examples:
          parallax create fixtures/landscape.png -o landscape.mp4
          parallax init photo.png my-project && parallax generate my-project
          parallax plan landscape.parallax
          parallax render landscape.parallax -o landscape.mp4
          parallax graph landscape.parallax -o landscape.mp4 --script landscape.lavfi
          parallax sheet landscape.parallax -o sheet.png --frames 12
          parallax render landscape.parallax -o part1.mp4 --frames 0:300
          parallax concat -o whole.mp4 part*.mp4 --project landscape.parallax
        """,
        version: "0.1.0",
        subcommands: [CreateCommand.self, InitCommand.self, GenerateCommand.self, PlanCommand.self, RenderCommand.self,
                      GraphCommand.self, SheetCommand.self, ConcatCommand.self]
    )

    /// Runs the chosen command; any failure is printed as one line (no usage dump) with a non-zero exit.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == .success || error is ExitCode {
                exit(withError: error)
            }
            let message = Self.message(for: error).split(separator: "\n").first.map(String.init) ?? "\(error)"
            FileHandleOutput.error("Error: " + message)
            Foundation.exit(code.rawValue)
        }
    }
}
