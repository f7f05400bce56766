import ArgumentParser
import Foundation
import ParallaxCore

@main
struct Parallax: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parallax",
        abstract: "Turn one still image into a living parallax video.",
        discussion: """
        A project folder holds scene.json (how the image is cut into layers and \
        how they move) and steps/ (the image after each shift-and-fill step). \
        `create` goes from a still image to a video: `init` writes scene.json, \
        `generate` runs the step loop with an inpainter, `render` turns the \
        steps into a video in this process; `graph` writes the same filter \
        graph as a script for stock ffmpeg. `create` keeps its project beside \
        the video (landscape.parallax/ below), for re-rendering.

        Numbers that start with a minus sign are values: --direction -90.

        Examples:
          parallax create fixtures/landscape.png -o landscape.mp4
          parallax init photo.png my-project && parallax generate my-project
          parallax plan landscape.parallax
          parallax render landscape.parallax -o landscape.mp4
          parallax graph landscape.parallax -o l.mp4 --script l.lavfi
          parallax sheet landscape.parallax -o sheet.png --frames 12
          parallax render landscape.parallax -o part1.mp4 --frames 0:300
          parallax concat -o whole.mp4 part*.mp4 --project landscape.parallax
          parallax studio landscape.parallax
        """,
        version: "0.1.0",
        subcommands: [CreateCommand.self, InitCommand.self, GenerateCommand.self, PlanCommand.self, RenderCommand.self,
                      GraphCommand.self, SheetCommand.self, ConcatCommand.self, StudioCommand.self]
    )

    /// Runs the chosen command; any failure is printed as one line (no usage dump) with a non-zero exit.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            var code = exitCode(for: error)
            if code == .success || error is ExitCode {
                exit(withError: error)
            }
            // Wrong in combination with the scene or output, found after parsing: still a bad flag value.
            if error is FlagError { code = .validationFailure }
            // SceneBuilder names the flag (--layers, --layer) as the "file" its value came from.
            if let scene = error as? SceneError, scene.file.hasPrefix("--") { code = .validationFailure }
            let message = IOErrorText.reason(error) ?? oneLine(Self.message(for: error))
            FileHandleOutput.error("Error: " + OneLine.clean(message))
            Foundation.exit(code.rawValue)
        }
    }

    /// The parser's multi-line messages ("… one of the following:\n  - h264\n  - h265") as one
    /// line, the list kept: "… one of the following: h264, h265".
    static func oneLine(_ message: String) -> String {
        let lines = message.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        guard let first = lines.first else { return message }
        let rest = lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }
        return rest.isEmpty ? first : first + " " + rest.joined(separator: ", ")
    }
}
