import ArgumentParser
import ParallaxAV
import ParallaxCore

struct ConcatCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "concat",
        abstract: "Join the parts of a split render by stream copy, without re-encoding.",
        discussion: """
        Each part (from `parallax render --frames A:B`) records its frame range
        and the render it belongs to. concat orders the parts by their ranges,
        refuses parts that do not fit together (size, codec, frame rate,
        another render, missing or overlapping frames), and copies their
        packets into one video with continuous time stamps. With --project,
        the project's sound is rendered once for the whole video and muxed in.

        Examples:
          parallax render my-project -o part0.mp4 --frames 0:300
          parallax render my-project -o part1.mp4 --frames 300:612
          parallax concat -o whole.mp4 part0.mp4 part1.mp4
          parallax concat -o whole.mp4 parts/*.mp4 --project my-project
        """
    )

    @Option(name: .shortAndLong, help: "The joined video.")
    var output: String

    @Option(help: "The project the parts were rendered from: its sound is muxed in.")
    var project: String?

    @Option(help: "Container format (mp4, matroska, mov, nut); by default from the output's extension.")
    var container: String?

    @Argument(help: "The parts, in any order.")
    var parts: [String]

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        if parts.isEmpty { throw ValidationError("give the parts to join") }
    }

    func run() throws {
        let opened = try project.map { try Project(path: $0) }
        var inputs = opened.map { ProtectedInputs(project: $0) } ?? ProtectedInputs()
        for part in parts { inputs.add(file: part, role: "a part being joined") }
        try inputs.check(output: output, flag: "-o")
        GraphRunner.installInterruptHandler()
        try runReportingCancel {
            let result = try PartJoiner.join(parts, to: output, project: opened, container: container)
            if !quiet {
                let sound = result.soundPackets > 0 ? " and the project's sound" : ""
                FileHandleOutput.error("wrote \(output): \(result.frames) frames from \(parts.count) parts\(sound)")
            }
        }
    }
}
