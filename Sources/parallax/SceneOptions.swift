import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxGenerate

/// Flags that describe a new scene: layers (explicit, from a depth map, from masks, or presets)
/// and timing. Used by `init` and `create`.
struct SceneOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Layers top to bottom, comma separated: NAME:HEIGHT:DEPTH[:DIRECTION].",
                               discussion: "HEIGHT in pixels or percent (30%), empty for the rest; DEPTH a speed 0…1, a distance d600 or a preset (foreground, background, cloud, horizon).",
                               valueName: "list"))
    var layers: String?

    @Option(name: .customLong("layer"), help: ArgumentHelp("One layer, NAME:HEIGHT:DEPTH[:DIRECTION]; repeat top to bottom.", valueName: "spec"))
    var layerList: [String] = []

    @Option(parsing: .unconditional, help: "Direction of motion in degrees: 0 right, 90 up, 180 left, 270 down.")
    var direction: Double?

    @Option(parsing: .unconditional, help: "Pixels the fastest layer moves per step.")
    var stepShift: Double?

    @Option(parsing: .unconditional, help: "Steps shown per second of video (a number or a ratio like 5/2).")
    var stepsPerSecond: String?

    @Option(parsing: .unconditional, help: "Output frame rate (a number or a ratio like 30000/1001).")
    var fps: String?

    @Option(parsing: .unconditional, help: "Number of steps (default: until the original image has moved out of view).")
    var steps: Int?

    @Option(help: ArgumentHelp("Start from this scene file instead (its layers and timing; flags given here override timing).", valueName: "file"))
    var scene: String?

    @Option(help: ArgumentHelp("Gray depth map, brighter = nearer (as MiDaS writes): sets layer distances from each band's median depth.", valueName: "png"))
    var depthMap: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Cut N layers where the depth map's row profile changes most (needs --depth-map).", valueName: "N"))
    var autoLayers: Int?

    @Option(help: ArgumentHelp("Segment masks (white = segment, the image's size), comma separated: each one's lower edge becomes a layer boundary, followed column by column.", valueName: "pngs"))
    var layerMasks: String?

    @Flag(help: "Cut straight rows: masks and depth maps give one row each, and the default layers do not follow the picture's edges.")
    var straight = false

    @Flag(help: "Let the boundaries of --layers/--layer follow the picture's edges near their rows, as the default layers do.")
    var followEdges = false

    @Option(name: .customLong("object"), help: ArgumentHelp("An object kept whole above the layers, NAME:MASK.png:DEPTH[:DIRECTION] (mask white = object, the image's size); repeat for more.", valueName: "spec"))
    var objects: [String] = []

    func validate() throws {
        if layers != nil && !layerList.isEmpty { throw ValidationError("give --layers or --layer, not both") }
        if scene != nil && (layers != nil || !layerList.isEmpty || autoLayers != nil || layerMasks != nil) {
            throw ValidationError("--scene sets the layers; leave out --layers, --layer, --auto-layers and --layer-masks")
        }
        if straight && followEdges { throw ValidationError("give --straight or --follow-edges, not both") }
        if followEdges && layers == nil && layerList.isEmpty {
            throw ValidationError("--follow-edges applies to --layers or --layer; the default layers follow the edges already")
        }
        if let direction, !direction.isFinite { throw ValidationError("--direction must be a number of degrees") }
        if let stepShift, !(stepShift > 0 && stepShift <= NumericRange.maximumStepShift) {
            throw ValidationError("--step-shift must be greater than 0 and at most \(Int(NumericRange.maximumStepShift)), got \(stepShift)")
        }
        if let steps, !(1...NumericRange.maximumSteps).contains(steps) {
            throw ValidationError("--steps must be between 1 and \(NumericRange.maximumSteps), got \(steps)")
        }
        if let stepsPerSecond { _ = try Self.rate(stepsPerSecond, option: "--steps-per-second") }
        // The list's own syntax is a flag error (exit 64); whether it fits the image is checked later.
        do {
            if let layers { _ = try LayerSpec.parseList([layers], option: "--layers") }
            if !layerList.isEmpty { _ = try LayerSpec.parseList(layerList, option: "--layer") }
        } catch {
            throw ValidationError("\(error)")
        }
        if let fps { _ = try Self.rate(fps, option: "--fps") }
    }

    static func rate(_ text: String, option: String) throws -> Rational {
        switch NumericRange.rate(parsing: text) {
        case .success(let rate): return rate
        case .failure(let problem): throw ValidationError("\(option): \(problem.description)")
        }
    }

    /// A scene for a new project and the object masks to copy into it (project-relative
    /// target → source).
    struct NewScene {
        var scene: Scene
        var objectMasks: [String: String]
    }

    /// The scene for `imagePath`, naming the image as `imageReference`.
    func makeScene(imagePath: String, imageReference: String) throws -> NewScene {
        var scene: Scene
        var objectSpecs = try objects.map { try ObjectSpec.parse($0) }
        if let sceneFile = self.scene {
            scene = try SceneFile.load(sceneFile)
            scene.image = imageReference
            // The scene's own objects: their masks sit beside that scene file, measure them anew.
            let directory = Project.directory(ofSceneFile: sceneFile)
            objectSpecs = scene.objects.map { object in
                ObjectSpec(name: object.name, maskPath: Project.resolve(object.mask, against: directory),
                           depth: object.depth, direction: object.direction)
            } + objectSpecs
            let size = try PNGHeader.size(ofFile: imagePath)
            scene.objects = try SceneBuilder.sceneObjects(objectSpecs, width: size.width, height: size.height)
        } else {
            var builder = SceneBuilder()
            if let layers { builder.layers = try LayerSpec.parseList([layers], option: "--layers") }
            if !layerList.isEmpty { builder.layers = try LayerSpec.parseList(layerList, option: "--layer") }
            builder.depthMapPath = depthMap
            builder.autoLayers = autoLayers
            builder.layerMaskPaths = layerMasks?.split(separator: ",").map(String.init) ?? []
            builder.objects = objectSpecs
            builder.straight = straight
            if let direction { builder.direction = direction }
            builder.followEdges = followEdges
            scene = try builder.build(imagePath: imagePath, imageReference: imageReference)
        }
        if let direction { scene.direction = Direction(degrees: (direction.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)) }
        if let stepShift { scene.stepShift = stepShift }
        if let stepsPerSecond { scene.stepsPerSecond = try Self.rate(stepsPerSecond, option: "--steps-per-second") }
        if let fps { scene.fps = try Self.rate(fps, option: "--fps") }
        if let steps { scene.steps = steps }
        // Check the scene against the image now, so a bad layer list fails before any work.
        let size = try PNGHeader.size(ofFile: imagePath)
        let plan: MotionPlan
        do {
            plan = try MotionPlan(scene: scene, width: size.width, height: size.height, file: self.scene ?? "scene")
        } catch let error as SceneError where self.scene == nil && (layers != nil || !layerList.isEmpty) {
            // Layers given on the command line that do not fit the image: the flag's value is wrong.
            throw FlagError("\(layers != nil ? "--layers" : "--layer") does not fit \(imagePath): \(error)")
        }
        // Layers chosen for us may include a very slow one (a horizon at 1/16 speed) that would
        // take sixteen times longer to leave the picture: stop when the fastest layer has crossed it.
        let layersChosenForUs = self.scene == nil && layers == nil && layerList.isEmpty
        if layersChosenForUs && steps == nil, let fastest = plan.layers.filter(\.isMoving).max(by: { $0.speed < $1.speed }) {
            // Objects leave the frame whole, so wait for the slowest of them too.
            scene.steps = ([fastest.stepsNeeded] + plan.objects.map(\.stepsNeeded)).compactMap { $0 }.max()
            // The scene as it will be written must plan: nothing is written that a rerun refuses.
            _ = try MotionPlan(scene: scene, width: size.width, height: size.height, file: self.scene ?? "scene")
        }
        let masks = zip(scene.objects, objectSpecs).map { ($0.mask, $1.maskPath) }
        return NewScene(scene: scene, objectMasks: Dictionary(masks, uniquingKeysWith: { first, _ in first }))
    }
}
