import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxGenerate

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a project: copy the image and write scene.json.",
        discussion: """
        Without layer flags the image is cut into four preset layers (sky 30%, \
        horizon 20%, background 25%, foreground the rest). Edit scene.json, check \
        it with `parallax plan --png`, then run `parallax generate` and `parallax \
        render`. See docs/generate.md.

        Examples:
          parallax init photo.png my-project
          parallax init photo.png p --layers "sky:120:0.1,hills:90:d600,shore::d70"
          parallax init photo.png p --layer sky:30%:cloud --layer land::1
          parallax init photo.png p --depth-map depth.png --auto-layers 4
          parallax init photo.png p --direction -90     # layers move down
          parallax init photo.png p --reference     # keep the image in place
          parallax init photo.png p --object tree:tree-mask.png:d40
        """
    )

    @Argument(help: "The input image (PNG).")
    var image: String

    @Argument(help: "The project folder to create.")
    var project: String

    @OptionGroup(title: "Scene") var scene: SceneOptions

    @Flag(help: "Refer to the image by a relative path instead of copying it into the project.")
    var reference = false

    @Flag(help: "Replace an existing scene.json.")
    var force = false

    @Flag(name: .shortAndLong, help: "Print nothing but errors.")
    var quiet = false

    func run() throws {
        let sceneFile = (project as NSString).appendingPathComponent(SceneFile.defaultName)
        if FileManager.default.fileExists(atPath: sceneFile) && !force {
            throw SceneError(file: sceneFile, "already exists (use --force to replace it)")
        }
        let reference = try ProjectSetup.imageReference(imagePath: image, projectDirectory: project, copy: !self.reference)
        let newScene = try scene.makeScene(imagePath: image, imageReference: reference)
        try ProjectSetup.write(scene: newScene.scene, projectDirectory: project, copyFrom: self.reference ? nil : image,
                               objectMasks: newScene.objectMasks)
        guard !quiet else { return }
        print("wrote \(sceneFile)")
        print(PlanTable(plan: try Project(path: project).plan).text)
    }
}
