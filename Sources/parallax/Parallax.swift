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

        Examples:
          parallax plan fixtures/demo
          parallax render fixtures/demo -o demo.mp4
          parallax graph fixtures/demo -o demo.mp4 --script demo.lavfi
          parallax sheet fixtures/demo -o sheet.png --frames 12
        """,
        version: "0.1.0",
        subcommands: [PlanCommand.self, RenderCommand.self, GraphCommand.self, SheetCommand.self]
    )
}
