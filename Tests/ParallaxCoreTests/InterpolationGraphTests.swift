import Foundation
@testable import ParallaxCore
import Testing

@Suite struct InterpolationGraphTests {
    @Test func minterpolateSettingsReachTheFilterPerLayer() throws {
        let json = sceneWith(#""interpolation": { "mode": "minterpolate", "mi_mode": "mci", "mc_mode": "aobmc", "me_mode": "bidir", "vsbmc": 1 }"#)
        let (scene, plan) = try makePlan(json)
        let mode = try Interpolation.parse(scene.extensions["interpolation"], sceneFile: "scene.json")
        let script = RenderGraph(plan: plan, stepPattern: "/s/%06d.png", settings: RenderSettings(interpolation: mode)).script
        let filters = script.components(separatedBy: "minterpolate=fps=30/1:mi_mode=mci:mc_mode=aobmc:me_mode=bidir:vsbmc=1")
        #expect(filters.count == 4)  // one per layer
        // Steps enter at the step rate; the 16-row bands are padded to minterpolate's 32 and cut back.
        #expect(script.contains("setpts=expr=N,fps=fps=4/1,tpad=stop_mode=clone:stop=2[step0]"))
        #expect(script.contains("pad=w=96:h=32"))
    }

    @Test func crossfadeBlendsByTheFractionOfTheStep() throws {
        let (scene, plan) = try makePlan(sceneWith(#""interpolation": { "mode": "crossfade", "fade": 0.25 }"#))
        let mode = try Interpolation.parse(scene.extensions["interpolation"], sceneFile: "scene.json")
        #expect(mode == .crossfade(fade: 0.25))
        let graph = RenderGraph(plan: plan, stepPattern: "/s/%06d.png", settings: RenderSettings(interpolation: mode)).graph
        let masks = graph.chains.flatMap(\.filters).filter { $0.name == "geq" }
        #expect(masks.count == 3)  // one per moving layer
        let weight = "clip(((round(T*30/1)*4/30-floor(round(T*30/1)*4/30))-0.75)/0.25,0,1)"
        #expect(masks[0].options.first?.value == "255*\(weight)")
        #expect(graph.chains.flatMap(\.filters).filter { $0.name == "alphamerge" }.count == 3)
    }

    @Test func badInterpolationValuesSayWhatIsAllowed() throws {
        func problem(_ value: String) throws -> SceneError {
            let (scene, _) = try makePlan(sceneWith(#""interpolation": "# + value))
            return try #require(throws: SceneError.self) { try Interpolation.parse(scene.extensions["interpolation"], sceneFile: "scene.json") }
        }
        #expect(try problem(#""smooth""#).description == #"scene.json: interpolation: expected one of exact, minterpolate, blend, crossfade, got "smooth""#)
        #expect(try problem(#"{ "mode": "crossfade", "fade": 3 }"#).field == "interpolation.fade")
        #expect(try problem(#"{ "mode": "minterpolate", "mc_mode": "fast" }"#).description
                == #"scene.json: interpolation.mc_mode: expected one of obmc, aobmc, got "fast""#)
        #expect(try problem(#"{ "mode": "blend", "fade": 1 }"#).field == "interpolation.fade")
    }
}
