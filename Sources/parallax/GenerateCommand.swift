import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxGenerate

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Run (or resume) the step loop: shift every layer, mask the gaps, inpaint them.",
        discussion: """
        Writes PROJECT/steps/NNNNNN.png (step 0 is the input image), \
        PROJECT/masks/NNNNNN.png and one journal.jsonl line per finished step. Run \
        it again after a crash, a kill or an inpainter failure and it carries on \
        after the last finished step; with the built-in inpainter the result is \
        byte-identical to an uninterrupted run. See docs/generate.md.

        Examples:
          parallax generate my-project
          parallax generate my-project --seed 7 --mask-grow 6 --mask-feather 4
          parallax generate my-project --threads 2     # two cores, the same pixels
          parallax generate my-project --edges sketch  # skylines keep their peaks
          parallax generate my-project --inpaint-command \\
              'python3 docs/inpainters/opencv_inpaint.py {image} {mask} {output}'
          parallax generate my-project --timeout 60 \\
              --inpaint-worker 'python3 docs/inpainters/opencv_worker.py'
        """
    )

    @Argument(help: "Project folder (with scene.json) or a scene file.")
    var project: String

    @OptionGroup(title: "Inpainting") var inpaint: InpaintOptions

    @Option(help: ArgumentHelp("Depth map to hand to external inpainters as {depth}.", valueName: "png"))
    var depthMap: String?

    @Flag(help: "Start again from step 0, discarding finished steps.")
    var restart = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        try runStepLoop(project: try Project(path: project), inpaint: inpaint, depthPath: depthMap, restart: restart,
                        quiet: quiet, projectArgument: project)
    }
}
