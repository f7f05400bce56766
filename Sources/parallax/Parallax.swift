import ArgumentParser

@main
struct Parallax: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parallax",
        abstract: "Turn one still image into a living parallax video.",
        discussion: """
        A project folder holds scene.json (how the image is cut into layers and how they move) and
        steps/ (the image after each shift-and-fill step). `render` turns it into a video in this
        process; `graph` writes the same filter graph as a script for stock ffmpeg.

        `create` does everything from a still image: `init` (scene.json), `generate` (the step
        loop with an inpainter) and `render`.

        Examples:
          parallax create fixtures/landscape.png -o landscape.mp4
          parallax init photo.png my-project && parallax generate my-project
          parallax plan fixtures/demo
          parallax render fixtures/demo -o demo.mp4
          parallax graph fixtures/demo -o demo.mp4 --script demo.lavfi
        """,
        version: "0.1.0",
        subcommands: [CreateCommand.self, InitCommand.self, GenerateCommand.self, PlanCommand.self, RenderCommand.self,
                      GraphCommand.self]
    )
}
