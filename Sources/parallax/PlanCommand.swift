import ArgumentParser
import Foundation
import ParallaxAV
import ParallaxCore
import ParallaxGenerate

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "Print the layer table and the totals a scene gives.",
        discussion: """
        Shows each layer's rows, speed, velocity in pixels per step and the steps \
        it needs to move its whole extent, then the step count, duration and frame \
        count.

        With --json, prints the layer geometry as one JSON document instead of the \
        table: {"width", "height", "steps", "stepShift", "stepsPerSecond", "fps", \
        "layers": [{"name", "speed", "direction", "velocity": [vx, vy], "top": [W \
        rows], "bottom": [W rows]}], "objects": [...]}. Velocity is in pixels per \
        step (x right, y down); top[x] is a layer's first row in column x and \
        bottom[x] one past its last.

        With --png, also draws the plan over the image (step 0, or the scene's \
        image): layer edges (curves where they follow the picture), names with \
        speeds, and an arrow per layer pointing where it moves, longer when faster; \
        a square marks a still layer. Objects are outlined in cyan with their own \
        name and arrow.

        Examples:
          parallax plan landscape.parallax
          parallax plan my-project/scene.json
          parallax plan my-project --png plan.png
          parallax plan my-project --json > plan.json
        """
    )

    @Argument(help: "Project folder (with scene.json) or a scene file.")
    var project: String

    @Flag(help: "Print the layer geometry as JSON (see above) instead of the table.")
    var json = false

    @Option(help: ArgumentHelp("Also draw the plan over the image into this PNG.", valueName: "file"))
    var png: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let opened = try Project(path: project)
        if let png {
            let settings = try? RenderSettings(project: opened, video: VideoEncoding())
            try ProtectedInputs(project: opened, settings: settings).check(output: png, flag: "--png")
        }
        if quiet {
        } else if json {
            print(try PlanDocument(plan: opened.plan).jsonText())
        } else {
            print(PlanTable(plan: opened.plan).text)
        }
        if let png {
            let stepZero = opened.folder.stepPath(0)
            let source = FileManager.default.fileExists(atPath: stepZero) ? stepZero : (opened.imagePath ?? stepZero)
            let plan = opened.plan
            let masks = try plan.objects.enumerated().map { index, object in
                try ObjectMask.read(object, projectDirectory: opened.directory, width: plan.width, height: plan.height,
                                    index: index)
            }
            let picture = PlanPicture.draw(plan: plan, over: try PNGImage.read(source, channels: 3), objectMasks: masks)
            let output = AtomicOutput(png)
            try output.checkWritable()
            try output.write { try PNGImage.write(picture, to: $0) }
            if !json && !quiet { print("wrote \(png)") }
        }
    }
}
