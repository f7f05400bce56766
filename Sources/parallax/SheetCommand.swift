import ArgumentParser
import Foundation
import ParallaxAV
import ParallaxCore

struct SheetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sheet",
        abstract: "Write a contact sheet: evenly spaced frames of the render, tiled into one PNG.",
        discussion: """
        Runs the same graph as `parallax render` (effects and interpolation \
        included) in this process, keeps FRAMES evenly spaced frames from the first \
        to the last, and tiles them COLUMNS across. A quick way to check a scene \
        without playing a video.

        Examples:
          parallax sheet landscape.parallax -o sheet.png
          parallax sheet my-project -o sheet.png --frames 12 --columns 4
          parallax sheet my-project -o sheet.png --thumbnail-width 240
        """
    )

    @Argument(help: "Project folder (with scene.json and steps/) or a scene file.")
    var project: String

    @Option(name: .shortAndLong, help: "The PNG to write.")
    var output: String

    @Option(parsing: .unconditional, help: "How many frames to show.")
    var frames = 12

    @Option(parsing: .unconditional, help: "Frames per row.")
    var columns = 4

    @Option(parsing: .unconditional, help: "Width of each frame on the sheet, in pixels (default: the image's, at most 320).")
    var thumbnailWidth: Int?

    @Option(help: "Frames between steps: \(Interpolation.modeNames.joined(separator: ", ")).")
    var interpolation: String?

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func validate() throws {
        guard frames >= 1, frames <= 400 else { throw ValidationError("--frames must be between 1 and 400, got \(frames)") }
        guard columns >= 1 else { throw ValidationError("--columns must be at least 1, got \(columns)") }
        if let thumbnailWidth, thumbnailWidth < 8 || thumbnailWidth % 2 == 1 {
            throw ValidationError("--thumbnail-width must be an even number of at least 8, got \(thumbnailWidth)")
        }
        if let interpolation, Interpolation.named(interpolation) == nil {
            throw ValidationError("--interpolation must be one of \(Interpolation.modeNames.joined(separator: ", "))")
        }
    }

    func run() throws {
        let opened = try Project(path: project)
        let plan = opened.plan
        try opened.folder.validate(steps: plan.steps, width: plan.width, height: plan.height)
        var settings = try RenderSettings(project: opened, video: VideoEncoding(codec: .png))
        try ProtectedInputs(project: opened, settings: settings).check(output: output, flag: "-o")
        if let interpolation { settings.interpolation = Interpolation.named(interpolation)! }
        let width = thumbnailWidth ?? min(plan.width, 320) / 2 * 2
        let graph = RenderGraph.contactSheet(plan: plan, stepPattern: opened.folder.imageSequencePattern, settings: settings,
                                             frames: min(frames, plan.frameCount), columns: columns, thumbnailWidth: width,
                                             stepRuns: try opened.folder.pixelLayoutRuns(steps: plan.steps))
        let sheet = AtomicOutput(output)
        try sheet.checkWritable()
        GraphRunner.installInterruptHandler()
        try runReportingCancel {
            try sheet.write { temporary in
                do {
                    // image2 with update=1 writes one image to a plain file name.
                    try GraphRunner.run(GraphJob(graphText: graph.script,
                                                 streams: [StreamSpec(sinkLabel: RenderGraph.videoOutput.name, encoder: "png")],
                                                 outputPath: temporary, container: "image2", muxerOptions: [("update", "1")]))
                } catch let error as AVError where !error.isCancellation {
                    // The user never chose the temporary name: report the path they gave.
                    let explained = StepDiagnosis.explain(error.naming(output, insteadOf: temporary), folder: opened.folder,
                                                          steps: plan.steps)
                    guard let error = explained as? AVError, !error.message.contains(output) else { throw explained }
                    throw SceneError(file: output, error.message)
                }
            }
        }
        if !quiet { print("wrote \(output): \(min(frames, plan.frameCount)) frames of \(plan.frameCount)") }
    }
}
