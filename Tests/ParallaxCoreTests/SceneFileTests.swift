import Foundation
import ParallaxCore
import Testing

@Suite("Scene file")
struct SceneFileTests {
    static let valid = """
        {"image": "input.png", "direction": 180, "stepShift": 24, "stepsPerSecond": 4, "fps": 30, "steps": 40,
         "layers": [{"name": "sky", "height": 120, "speed": 0.1}, {"name": "hills", "height": 90, "distance": 600},
                    {"name": "shore", "height": 190, "distance": 70}]}
        """

    @Test("the contract's example parses")
    func parsesContractExample() throws {
        let scene = try SceneFile.parse(Data(Self.valid.utf8), file: "scene.json")
        #expect(scene.layers.count == 3 && scene.steps == 40 && scene.fps == Rational(30))
        #expect(scene.layers[1].depth == .distance(600))
    }

    @Test("encoding and parsing give the same scene back")
    func roundTrip() throws {
        var scene = try SceneFile.parse(Data(Self.valid.utf8), file: "scene.json")
        scene.fps = Rational(30000, 1001)
        scene.extensions = ["effects": .array([.object(["name": .string("vignette")])])]
        let again = try SceneFile.parse(SceneFile.encode(scene), file: "scene.json")
        #expect(again == scene)
    }

    /// Each bad scene and the words its one-line message must contain.
    static let badScenes: [(String, String)] = [
        ("{", "scene.json: not valid JSON"),
        ("[1]", "expected a JSON object at the top level, got a list"),
        (#"{"direction": 0, "stepShift": 1, "stepsPerSecond": 4, "fps": 30}"#, "scene.json: layers: missing (required)"),
        (#"{"stepShift": 1, "stepsPerSecond": 4, "fps": 30, "layers": [{"speed": 1}]}"#, "direction: missing"),
        (#"{"direction": "left", "stepShift": 1, "stepsPerSecond": 4, "fps": 30, "layers": [{"speed": 1}]}"#, "direction: expected a number, got a string"),
        (#"{"direction": 0, "stepShift": 0, "stepsPerSecond": 4, "fps": 30, "layers": [{"speed": 1}]}"#, "stepShift: must be greater than 0, got 0"),
        (#"{"direction": 0, "stepShift": 2, "stepsPerSecond": -4, "fps": 30, "layers": [{"speed": 1}]}"#, "stepsPerSecond: must be greater than 0, got -4"),
        (#"{"direction": 0, "stepShift": 2, "stepsPerSecond": 4, "fps": "fast", "layers": [{"speed": 1}]}"#, "fps: not a rate: \"fast\""),
        (#"{"direction": 0, "stepShift": 2, "stepsPerSecond": 4, "fps": 30, "steps": 2.5, "layers": [{"speed": 1}]}"#, "steps: expected a whole number, got 2.5"),
        (#"{"direction": 0, "stepShift": 2, "stepsPerSecond": 4, "fps": 30, "layers": []}"#, "layers: needs at least one layer"),
        (#"{"direction": 0, "stepShift": 2, "stepsPerSecond": 4, "fps": 30, "layers": [{"speed": 1}, {"speed": 1}]}"#, "layers[0].height: missing (required)"),
        (#"{"direction": 0, "stepShift": 2, "stepsPerSecond": 4, "fps": 30, "layers": [{"height": -5, "speed": 1}, {"speed": 1}]}"#, "layers[0].height: must be greater than 0, got -5"),
        (#"{"direction": 0, "stepShift": 2, "stepsPerSecond": 4, "fps": 30, "layers": [{"height": 5}]}"#, "layers[0]: needs one of distance, speed or preset"),
        (#"{"direction": 0, "stepShift": 2, "stepsPerSecond": 4, "fps": 30, "layers": [{"speed": 1, "distance": 3}]}"#, "layers[0]: give only one of distance, speed or preset"),
        (#"{"direction": 0, "stepShift": 2, "stepsPerSecond": 4, "fps": 30, "layers": [{"speed": 1.5}]}"#, "layers[0].speed: must be between 0 and 1, got 1.5"),
        (#"{"direction": 0, "stepShift": 2, "stepsPerSecond": 4, "fps": 30, "layers": [{"distance": 0}]}"#, "layers[0].distance: must be greater than 0, got 0"),
        (#"{"direction": 0, "stepShift": 2, "stepsPerSecond": 4, "fps": 30, "layers": [{"preset": "moon"}]}"#, "layers[0].preset: expected one of foreground, background, cloud, horizon, got \"moon\""),
        (#"{"direction": 0, "stepShift": 2, "stepsPerSecond": 4, "fps": 30, "layers": ["sky"]}"#, "layers[0]: expected an object, got a string"),
    ]

    @Test("each bad scene gives one line naming the file and field", arguments: badScenes)
    func badSceneMessages(json: String, expected: String) {
        do {
            _ = try SceneFile.parse(Data(json.utf8), file: "scene.json")
            Issue.record("accepted a bad scene: \(json)")
        } catch let error as SceneError {
            #expect(error.description.contains(expected), "got: \(error.description)")
            #expect(error.description.hasPrefix("scene.json"))
            #expect(!error.description.contains("\n"))
        } catch {
            Issue.record("unexpected error type: \(error)")
        }
    }

    @Test("heights that do not sum to the image height are named")
    func heightsMustSum() throws {
        let scene = try SceneFile.parse(Data(Self.valid.utf8), file: "scene.json")
        #expect(throws: SceneError(file: "scene.json", field: "layers", "heights sum to 400 but the image is 401 pixels high")) {
            try MotionPlan(scene: scene, width: 640, height: 401, file: "scene.json")
        }
    }
}
