import Foundation
import ParallaxCore
import Testing
import TestSupport

/// Issue 13: a property test over the scene's numeric fields. Whatever numbers scene.json holds
/// (random finite, infinite, NaN, huge, tiny, negative, ratios with huge terms), reading the
/// scene, planning it and building its render graph either succeeds or fails with one line
/// naming the scene file; it never traps.
@Suite("Scene numbers, property test")
struct SceneNumberPropertyTests {
    /// Number tokens as they would appear in scene.json (some are not JSON at all).
    static let hostile = [
        "1e400", "-1e400", "NaN", "Infinity", "1e308", "-1e308", "9223372036854775807", "9223372036854775808",
        "18446744073709551616", "5e-324", "1e-300", "-1e-300", "-1", "-0.0", "0", "1e18", "1e-18", "0.0001",
        "\"9223372036854775807/3\"", "\"-9223372036854775808/-1\"", "\"1/0\"", "\"0/0\"", "\"3/9223372036854775807\"",
        "\"1001000/1\"", "\"1/1001000\"", "\"99999999999999999999/1\"", "\"30000/1001\"", "\"-30/1\"", "\"1e400\"",
    ]

    static func randomToken(_ random: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<3, using: &random) {
        case 0: return hostile.randomElement(using: &random)!
        case 1:
            let exponent = Double(Int.random(in: -320...308, using: &random))
            let value = Double.random(in: 1..<10, using: &random) * pow(10, exponent) * (Bool.random(using: &random) ? 1 : -1)
            return "\(value)"
        default:
            return String(Int.random(in: -5...200, using: &random)) + (Bool.random(using: &random) ? "" : ".5")
        }
    }

    /// A scene for a 96x64 picture with each numeric field either sane or drawn at random.
    static func randomScene(_ random: inout SeededGenerator) -> String {
        func field(_ sane: String) -> String { Bool.random(using: &random) ? sane : randomToken(&random) }
        let firstDepth = Bool.random(using: &random) ? "\"speed\": \(field("0.5"))" : "\"distance\": \(field("600"))"
        let secondDepth = Bool.random(using: &random) ? "\"speed\": \(field("1"))" : "\"distance\": \(field("70"))"
        let steps = Bool.random(using: &random) ? "" : "\"steps\": \(field("6")),"
        let loop = Bool.random(using: &random) ? "" : "\"loop\": {\"mode\": \"crossfade\", \"seconds\": \(field("0.5"))},"
        return """
        {"direction": \(field("180")), "stepShift": \(field("8")), "stepsPerSecond": \(field("4")), "fps": \(field("30")),
         \(steps) \(loop)
         "layers": [{"name": "a", "height": \(field("24")), \(firstDepth)}, {"name": "b", \(secondDepth)}]}
        """
    }

    /// Everything a render computes from the numbers before it touches a pixel.
    static func planAndBuild(_ text: String) throws {
        let scene = try SceneFile.parse(Data(text.utf8), file: "scene.json")
        let plan = try MotionPlan(scene: scene, width: 96, height: 64, file: "scene.json")
        let loop = try LoopMode.parse(scene.extensions["loop"], sceneFile: "scene.json")
        try loop?.check(frames: plan.frameCount, fps: plan.fps, sceneFile: "scene.json")
        let graph = RenderGraph(plan: plan, stepPattern: "/steps/%06d.png", settings: RenderSettings(loop: loop))
        _ = graph.script
        let last = plan.frameCount - 1
        _ = plan.clock.step(atFrame: last)
        for layer in plan.layers {
            _ = layer.offset(afterSteps: plan.steps)
            _ = layer.offset(atStepTime: plan.clock.stepTime(atFrame: last))
        }
    }

    @Test("2000 random scenes plan or fail with one line naming the scene; none traps")
    func randomScenesNeverTrap() {
        var random = SeededGenerator(seed: 13)
        var planned = 0, refused = 0
        for _ in 0..<2000 {
            let text = Self.randomScene(&random)
            do {
                try Self.planAndBuild(text)
                planned += 1
            } catch let error as SceneError {
                refused += 1
                #expect(error.description.hasPrefix("scene.json"), "\(error) for \(text)")
                #expect(!error.description.contains("\n"), "one line: \(error) for \(text)")
            } catch {
                Issue.record("not a one-line scene error: \(error) for \(text)")
            }
        }
        // The generator must reach both outcomes, or the property says little.
        #expect(planned > 50 && refused > 50, "planned \(planned), refused \(refused)")
    }

    @Test("random scenes through the built tool: exit 0 or 1 with one line, never a signal")
    func randomScenesThroughTheTool() throws {
        var random = SeededGenerator(seed: 1313)
        let fixture = try ReliabilityFixture()
        for _ in 0..<30 {
            let text = Self.randomScene(&random)
            try fixture.writeScene(text)
            let run = try ChildProcess.run(parallax: ["plan", fixture.project])
            let context = Comment(rawValue: "\(text)\n\(run.standardError)")
            #expect(run.termination == .exit(0) || run.termination == .exit(1), context)
            if run.termination != .exit(0) {
                expectRefused(run, naming: [fixture.sceneFile], "plan \(text)")
            }
        }
    }
}
