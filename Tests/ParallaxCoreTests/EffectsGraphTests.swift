import FilterGraph
import Foundation
@testable import ParallaxCore
import Testing

/// Scene text → plan, for graph-text tests that need no files.
func makePlan(_ json: String, width: Int = 96, height: Int = 64) throws -> (Scene, MotionPlan) {
    let scene = try SceneFile.parse(Data(json.utf8), file: "scene.json")
    return (scene, try MotionPlan(scene: scene, width: width, height: height, file: "scene.json"))
}

let threeLayerScene = """
{ "direction": 180, "stepShift": 16, "stepsPerSecond": 4, "fps": 30, "steps": 4,
  "layers": [ { "name": "layer0", "height": 16, "speed": 0.2 }, { "name": "layer1", "height": 16, "speed": 0.5 },
              { "name": "layer2", "height": 32, "speed": 1.0 } ] }
"""

func goldenPath(_ name: String) -> String {
    FragmentLibrary.sourceTreeFolder + "/golden/" + name
}

/// Parses the scene's effects with the source tree's filters/ folder.
func effects(_ json: String, directory: String = "/nonexistent") throws -> [Effect] {
    let scene = try SceneFile.parse(Data(json.utf8), file: directory + "/scene.json")
    return try EffectList.parse(scene.extensions["effects"], scene: scene, sceneFile: directory + "/scene.json",
                                library: FragmentLibrary(projectDirectory: nil))
}

func sceneWith(_ extra: String) -> String {
    String(threeLayerScene.dropLast(2)) + ", " + extra + " }"
}

@Suite struct EffectsGraphTests {
    /// A change signal, not a proof of correctness: filters/golden/exact-three-layers.lavfi is
    /// the plain exact-mode graph as last reviewed, and any change to its text fails here so the
    /// change is seen (an effect, sound or mode leaking into a plain scene's graph, a reordered
    /// chain). Whether a graph is right is decided by the ground-truth, parity and memory tests;
    /// after a deliberate builder change, run those, then rewrite the golden file from
    /// `graph.script` (PARALLAX_REWRITE_GOLDEN=1 swift test --filter this test). The structural checks below hold across such rewrites.
    @Test func aSceneWithoutEffectsOrSoundBuildsTheSameGraphTextAsBefore() throws {
        let (_, plan) = try makePlan(threeLayerScene)
        let graph = RenderGraph(plan: plan, stepPattern: "/golden/steps/%06d.png", settings: RenderSettings())
        if ProcessInfo.processInfo.environment["PARALLAX_REWRITE_GOLDEN"] == "1" {
            try graph.script.write(toFile: goldenPath("exact-three-layers.lavfi"), atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: goldenPath("exact-three-layers.lavfi"), encoding: .utf8)
        #expect(graph.script == golden, "the plain graph's text changed: review it, then rewrite the golden file")
        #expect(!graph.hasAudio)
        // What the design fixes, whatever the text: the step images decoded once, each moving
        // layer cropped at SlideExpression's offset for step K (as an even offset into one of
        // two phases) from a per-step picture of step K beside step K+1 at the step's shift, each
        // phase subsampled to 4:2:0 once per step, nothing converted after the stack.
        let script = graph.script
        #expect(script.components(separatedBy: "movie=").count - 1 == 1)
        let slide = SlideExpression(clock: plan.clock)
        for layer in plan.layers where layer.isMoving {
            let x = slide.offset(velocity: layer.velocity.x, stepsAhead: 0)
            #expect(script.contains("crop=w=\(plan.width):h=\(layer.height):x=2*floor((-(\(x)))/2):y=\(layer.height)*mod(-(\(x))\\,2):"),
                    "\(layer.name): no crop at step K's offset")
            let shift = slide.stepShift(velocity: layer.velocity.x)
            #expect(script.contains(":x=\(plan.width)-(\(shift)):y=0:exact=1[nextpart"),
                    "\(layer.name): step K+1 not taken from where step K ends, at the step's shift")
        }
        let moving = plan.layers.filter(\.isMoving).count
        #expect(script.components(separatedBy: "format=pix_fmts=yuv420p[phase").count - 1 == 2 * moving)
        #expect(script.contains("[frames0]format=pix_fmts=yuv420p,setparams"))
    }

    /// The per-frame subsample the per-step one is compared against (SubsamplePerStepTests) is
    /// the graph as it was before: filters/golden/exact-three-layers-subsampled-per-frame.lavfi.
    @Test func subsampledPerFrameTheGraphIsTheOneBeforePerStepSubsampling() throws {
        let (_, plan) = try makePlan(threeLayerScene)
        var builder = RenderGraphBuilder(plan: plan, stepPattern: "/golden/steps/%06d.png")
        builder.compositesInYUV = true
        builder.subsamplesPerStepWhereExact = false
        builder.finish(builder.effectedFrames(), encoding: VideoEncoding())
        let golden = try String(contentsOfFile: goldenPath("exact-three-layers-subsampled-per-frame.lavfi"), encoding: .utf8)
        #expect(builder.graph.script == golden)
    }

    @Test func everyBuiltInFragmentLoadsAndDocumentsItsParameters() throws {
        let library = FragmentLibrary(projectDirectory: nil)
        let names = library.availableNames
        for expected in ["vignette", "grain", "fadein", "fadeout", "fog", "rain", "glow", "sway", "grade", "overlay"] {
            #expect(names.contains(expected), "filters/\(expected).lavfi is missing")
        }
        for name in names {
            let fragment = try #require(try library.load(name))
            #expect(!fragment.summary.isEmpty, "\(name) has no summary line")
            for parameter in fragment.parameters { #expect(!parameter.summary.isEmpty, "\(name).\(parameter.name) is undocumented") }
        }
    }

    @Test func aBadEffectValueNamesTheFileTheFieldAndTheValue() throws {
        let json = sceneWith("""
        "effects": [ { "type": "vignette" }, { "type": "grain" }, { "type": "rain", "opacity": 3 } ]
        """)
        #expect(throws: SceneError(file: "/p/scene.json", field: "effects[2].opacity", "must be between 0 and 1, got 3")) {
            try effects(json, directory: "/p")
        }
    }

    @Test func unknownEffectsParametersAndLayersAreRejectedWithTheAlternatives() throws {
        let unknownType = sceneWith(#""effects": [ { "type": "sparkle" } ]"#)
        let error = try #require(throws: SceneError.self) { try effects(unknownType) }
        #expect(error.field == "effects[0].type")
        #expect(error.problem.contains("vignette"))
        let unknownKey = sceneWith(#""effects": [ { "type": "vignette", "angel": 1 } ]"#)
        let keyError = try #require(throws: SceneError.self) { try effects(unknownKey) }
        #expect(keyError.description == "/nonexistent/scene.json: effects[0].angel: vignette has no parameter angel (it takes angle, mode)")
        let unknownLayer = sceneWith(#""effects": [ { "type": "fog", "layers": ["sea"] } ]"#)
        let layerError = try #require(throws: SceneError.self) { try effects(unknownLayer) }
        #expect(layerError.field == "effects[0].layers")
        let missingFile = sceneWith(#""effects": [ { "type": "grade" } ]"#)
        let fileError = try #require(throws: SceneError.self) { try effects(missingFile) }
        #expect(fileError.field == "effects[0].file")
        #expect(fileError.problem.contains("missing"))
    }

    @Test func userTextReachesTheGraphOnlyThroughFilterEscaping() throws {
        // A LUT path with every character that means something to libavfilter.
        let directory = TemporaryDirectoryForCore()
        let name = "it's [a]: grade, v1; \\ final.cube"
        FileManager.default.createFile(atPath: directory.path + "/" + name, contents: Data("LUT_3D_SIZE 2\n".utf8))
        let json = sceneWith(#""effects": [ { "type": "grade", "file": "it's [a]: grade, v1; \\ final.cube" } ]"#)
        let list = try effects(json, directory: directory.path)
        let (_, plan) = try makePlan(threeLayerScene)
        let graph = RenderGraph(plan: plan, stepPattern: "/s/%06d.png", settings: RenderSettings(effects: list))
        let chain = try #require(graph.graph.chains.first { $0.filters.contains { $0.name == "lut3d" } })
        let lut = try #require(chain.filters.first { $0.name == "lut3d" })
        #expect(lut.options.first { $0.key == "file" }?.value == directory.path + "/" + name)
        // Reading the emitted text back the way libavfilter does gives the path unchanged.
        let reread = try GraphTextReader.chains(FilterChain(inputs: [], [lut], outputs: []).text)
        #expect(reread[0].filters[0].options.first { $0.key == "file" }?.value == directory.path + "/" + name)
    }

    @Test func layerEffectsApplyBeforeStackingAndFrameEffectsAfter() throws {
        let json = sceneWith(#""effects": [ { "type": "fog", "layers": ["layer0"] }, { "type": "vignette" } ]"#)
        let (_, plan) = try makePlan(threeLayerScene)
        let script = RenderGraph(plan: plan, stepPattern: "/s/%06d.png", settings: RenderSettings(effects: try effects(json))).script
        let lines = script.split(separator: "\n")
        let fog = try #require(lines.firstIndex { $0.contains("blend=all_mode=normal") })
        let stack = try #require(lines.firstIndex { $0.contains("vstack") })
        let vignette = try #require(lines.firstIndex { $0.contains("vignette=") })
        #expect(fog < stack && stack < vignette)
        // Only layer0 is fogged: the far layer (speed 0.2 of 1) gets depth 0.8, opacity 1 − 0.6·0.8.
        #expect(lines[fog].hasPrefix("[band0]"))
        #expect(lines[fog].contains("all_opacity=0.52"))
        // Fog fills the band's size at the output rate, taken from the plan.
        #expect(script.contains("color=color=0xD8DDE6:size=96x16:rate=30/1"))
    }

    @Test func placeholdersEvaluateArithmeticAndFragmentsAreCheckedWhenLoaded() throws {
        #expect(try PlaceholderExpression.evaluate("max(duration-seconds,0)", values: ["duration": 1.5, "seconds": 2]) == 0)
        #expect(try PlaceholderExpression.evaluate("1-(near+(strength-near)*depth)", values: ["near": 0, "strength": 0.5, "depth": 1]) == 0.5)
        #expect(throws: SceneError.self) { try EffectFragment(name: "x", file: "x.lavfi", text: "[in]null[other]") }
        #expect(throws: SceneError.self) {
            try EffectFragment(name: "x", file: "x.lavfi", text: "# param f path required  a file\n[in]lut3d=file=a{f}[out]")
        }
        #expect(throws: SceneError.self) { try EffectFragment(name: "x", file: "x.lavfi", text: "[in]eq=gamma={undefined}[out]") }
        let fragment = try EffectFragment(name: "x", file: "x.lavfi", text: """
        # x: test
        # param g number 0..10 default 2  gamma
        [in]split[a][b];[a]eq=gamma='{g*2}':contrast={max(g,1)}[c];[b][c]blend=all_mode=screen[out]
        """)
        var graph = FilterGraph()
        let out = fragment.instantiate(into: &graph, input: Label("src"), values: ["g": .number(2)], context: [:], textContext: [:])
        #expect(graph.script == "[src]split[x_a_0][x_b_0];\n[x_a_0]eq=gamma=4:contrast=2[x_c_0];\n[x_b_0][x_c_0]blend=all_mode=screen[x_out_0]\n")
        #expect(out == Label("x_out_0"))
    }
}

/// A scratch folder for Core tests (TestSupport needs ParallaxAV, which Core tests do not link).
final class TemporaryDirectoryForCore {
    let path: String
    init() {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("parallax-core-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
}

@Suite struct EffectsFragmentLookupTests {
    @Test func aProjectsOwnFiltersFolderOverridesABuiltInAndCustomFragmentsLoadByPath() throws {
        let directory = TemporaryDirectoryForCore()
        try FileManager.default.createDirectory(atPath: directory.path + "/filters", withIntermediateDirectories: true)
        try Data("# vignette: my own\n# param angle number 0..1 default 0.5  angle\n[in]vignette=angle={angle}[out]\n".utf8)
            .write(to: URL(fileURLWithPath: directory.path + "/filters/vignette.lavfi"))
        try Data("# ripple: custom\n# param amount number 0..10 default 1  how much\n[in]gblur=sigma={amount*2}[out]\n".utf8)
            .write(to: URL(fileURLWithPath: directory.path + "/ripple.lavfi"))
        let json = sceneWith(#""effects": [ { "type": "vignette" }, { "fragment": "ripple.lavfi", "amount": 3 } ]"#)
        let scene = try SceneFile.parse(Data(json.utf8), file: directory.path + "/scene.json")
        let list = try EffectList.parse(scene.extensions["effects"], scene: scene, sceneFile: directory.path + "/scene.json",
                                        library: FragmentLibrary(projectDirectory: directory.path))
        #expect(list[0].fragment.summary == "vignette: my own")
        let (_, plan) = try makePlan(threeLayerScene)
        let script = RenderGraph(plan: plan, stepPattern: "/s/%06d.png", settings: RenderSettings(effects: list)).script
        #expect(script.contains("vignette=angle=0.5[vignette_out_0]"))
        #expect(script.contains("gblur=sigma=6[fx1_out_0]"))
    }
}
