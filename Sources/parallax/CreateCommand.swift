import ArgumentParser
import Foundation
import ParallaxAV
import ParallaxCore
import ParallaxGenerate

struct CreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Still image to finished video in one go: init, generate, render.",
        discussion: """
        Writes a project folder (default: OUTPUT's name + .parallax, beside it), \
        runs the step loop and renders the video. Run the same command again and \
        it resumes where it stopped; change the image or a scene flag and the \
        steps start over. See docs/generate.md.

        Examples:
          parallax create fixtures/landscape.png -o landscape.mp4
          parallax create photo.png -o out.mp4 --direction 0 \\
              --layers "sky:120:0.1,hills:90:d600,shore::d70"
          parallax create photo.png -o out.mp4 --depth-map depth.png \\
              --auto-layers 4 --step-shift 16
          parallax create photo.png -o out.mp4 \\
              --inpaint-worker 'python3 docs/inpainters/opencv_worker.py'
          parallax create photo.png -o out.mp4 --scene my.json --project p
          parallax create photo.png -o out.mp4 --object boat:boat.png:1
        """
    )

    @Argument(help: "The input image (PNG).")
    var image: String

    @Option(name: .shortAndLong, help: "Output video file.")
    var output: String

    @Option(help: ArgumentHelp("Project folder to write (default: OUTPUT without extension + .parallax).", valueName: "dir"))
    var project: String?

    @OptionGroup(title: "Scene") var scene: SceneOptions

    @OptionGroup(title: "Inpainting") var inpaint: InpaintOptions

    @OptionGroup(title: "Encoding") var encoding: EncodingOptions

    @Flag(help: "Start the steps over even when the project already holds finished steps.")
    var restart = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    /// The input image and what the project folder will hold: the video may replace none of them.
    func createInputs(projectDirectory directory: String) -> ProtectedInputs {
        var inputs = ProtectedInputs()
        let join = { (name: String) in (directory as NSString).appendingPathComponent(name) }
        inputs.add(file: image, role: "the input image")
        if let depthMap = scene.depthMap { inputs.add(file: depthMap, role: "the depth map") }
        if let sceneFile = scene.scene { inputs.add(file: sceneFile, role: "the --scene file") }
        inputs.add(file: join(SceneFile.defaultName), role: "the scene file")
        inputs.add(file: join(ProjectSetup.imageName), role: "the project's image")
        inputs.add(file: join("journal.jsonl"), role: "the step journal")
        inputs.add(folder: join("steps"), role: "the step folder")
        inputs.add(folder: join("masks"), role: "the mask folder")
        inputs.add(folder: directory, role: "the project folder", contentsProtected: false)
        return inputs
    }

    var projectDirectory: String {
        project ?? ((output as NSString).deletingPathExtension + ".parallax")
    }

    func run() throws {
        try AtomicOutput(output).checkWritable()
        // Every output and encoding option is checked before the project is touched.
        try OutputPreflight.check(video: encoding.encoding(output: output), output: output)
        let directory = projectDirectory
        try createInputs(projectDirectory: directory).check(output: output, flag: "-o")
        let sceneFile = (directory as NSString).appendingPathComponent(SceneFile.defaultName)
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        if !existing.isEmpty && !FileManager.default.fileExists(atPath: sceneFile) {
            throw SceneError(file: directory, "exists and is not a parallax project (no scene.json); choose another --project")
        }
        let reference = try ProjectSetup.imageReference(imagePath: image, projectDirectory: directory, copy: true)
        let newScene = try scene.makeScene(imagePath: image, imageReference: reference)

        // Same scene and same image: resume. Anything else: start the steps over.
        let copiedImage = (directory as NSString).appendingPathComponent(ProjectSetup.imageName)
        let unchanged = FileManager.default.contents(atPath: sceneFile) == SceneFile.encode(newScene.scene)
            && FileManager.default.contentsEqual(atPath: copiedImage, andPath: image)
            && newScene.objectMasks.allSatisfy { target, source in
                FileManager.default.contentsEqual(atPath: Project.resolve(target, against: directory), andPath: source)
            }
        if !unchanged {
            try ProjectSetup.write(scene: newScene.scene, projectDirectory: directory, copyFrom: image,
                                   objectMasks: newScene.objectMasks)
        }
        let opened = try Project(path: directory)
        // The scene's own render keys (sound, effects, loop) are checked before the first step.
        try OutputPreflight.check(settings: try encoding.settings(project: opened, output: output), output: output)
        try runStepLoop(project: opened, inpaint: inpaint, depthPath: scene.depthMap, restart: restart || !unchanged,
                        quiet: quiet, projectArgument: directory)

        let rendered = try Project(path: directory)
        let job = try RenderJob(project: rendered, settings: encoding.settings(project: rendered, output: output))
        let display = ProgressDisplay(total: job.frameCount, label: "render", quiet: quiet)
        try runReportingCancel {
            try job.render(to: output, progress: display.update)
            display.finish("wrote \(output): \(job.frameCount) frames")
        }
    }
}
