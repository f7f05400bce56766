import Foundation
import ParallaxCore
import Testing

@Suite("Scene objects")
struct SceneObjectTests {
    static func scene(objects: [SceneObject], direction: Double = 180) -> Scene {
        Scene(direction: Direction(degrees: direction), stepShift: 10, layers: [
            Layer(name: "sky", height: 40, depth: .distance(400)),
            Layer(name: "land", height: nil, depth: .distance(100)),
        ], objects: objects)
    }

    static let tree = SceneObject(name: "tree", mask: "objects/01-tree.png", depth: .distance(50),
                                  box: PixelBox(x: 30, y: 20, width: 10, height: 30))

    @Test("objects survive a write and a read of scene.json")
    func roundTrip() throws {
        let boat = SceneObject(name: "boat", mask: "boat.png", depth: .speed(0.5), direction: Direction(degrees: 0),
                               box: PixelBox(x: 1, y: 2, width: 3, height: 4))
        let scene = Self.scene(objects: [Self.tree, boat])
        let again = try SceneFile.parse(SceneFile.encode(scene), file: "scene.json")
        #expect(again.objects == scene.objects)
        #expect(again.extensions["objects"] == nil)
    }

    @Test("an object's distance sets its speed together with the layers' distances")
    func objectSpeedFromDistance() throws {
        let plan = try MotionPlan(scene: Self.scene(objects: [Self.tree]), width: 100, height: 80, file: "scene.json")
        // The tree (50) is nearest, so it moves at speed 1 and the land (100) at a half.
        #expect(plan.objects[0].speed == 1)
        #expect(plan.layers[1].speed == 0.5)
        #expect(plan.objects[0].velocity == Vector(x: -10, y: 0))
        #expect(plan.objects[0].box == PixelBox(x: 30, y: 20, width: 10, height: 30))
    }

    @Test("an object needs the steps that take its whole box out of the frame")
    func stepsToLeave() throws {
        let left = try MotionPlan(scene: Self.scene(objects: [Self.tree]), width: 100, height: 80, file: "scene.json")
        // Right edge at x = 40 moving 10 px per step to the left: gone after 4 steps.
        #expect(left.objects[0].stepsNeeded == 4)
        #expect(left.objects[0].box(afterSteps: 4).maxX == 0)
        #expect(left.objects[0].box(afterSteps: 3).maxX > 0)
        let right = try MotionPlan(scene: Self.scene(objects: [Self.tree], direction: 0), width: 100, height: 80,
                                   file: "scene.json")
        // Left edge at x = 30 must pass x = 100: 7 steps.
        #expect(right.objects[0].stepsNeeded == 7)
        var still = Self.tree
        still.depth = .speed(0)
        let plan = try MotionPlan(scene: Self.scene(objects: [still]), width: 100, height: 80, file: "scene.json")
        #expect(plan.objects[0].stepsNeeded == nil)
    }

    @Test("the default step count waits for a slow object to leave")
    func defaultStepsIncludeObjects() throws {
        var slow = Self.tree
        slow.depth = .distance(2000)
        let plan = try MotionPlan(scene: Self.scene(objects: [slow]), width: 100, height: 80, file: "scene.json")
        let layerSteps = plan.layers.compactMap(\.stepsNeeded).max()!
        #expect(plan.objects[0].stepsNeeded! > layerSteps)
        #expect(plan.steps == plan.objects[0].stepsNeeded)
    }

    @Test("plan --json lists objects with their box, mask and velocity")
    func planDocument() throws {
        let plan = try MotionPlan(scene: Self.scene(objects: [Self.tree]), width: 100, height: 80, file: "scene.json")
        let text = try PlanDocument(plan: plan).jsonText()
        let object = try #require((try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["objects"]
            as? [[String: Any]]).first
        #expect(object?["name"] as? String == "tree")
        #expect(object?["box"] as? [Int] == [30, 20, 10, 30])
        #expect(object?["mask"] as? String == "objects/01-tree.png")
        #expect(object?["velocity"] as? [Double] == [-10, 0])
        #expect(PlanTable(plan: plan).text.contains("tree    30, 20, 10×30"))
    }

    @Test("bad objects are refused in one line naming the field",
          arguments: [
            ("{\"name\": \"t\", \"mask\": \"m.png\", \"speed\": 1, \"box\": [95, 10, 20, 20]}", "objects[0].box: [95, 10, 20, 20] lies outside the 100x80 picture"),
            ("{\"name\": \"t\", \"mask\": \"m.png\", \"speed\": 1}", "objects[0].box: missing"),
            ("{\"name\": \"t\", \"speed\": 1, \"box\": [1, 1, 2, 2]}", "objects[0].mask: missing"),
            ("{\"name\": \"t\", \"mask\": \"m.png\", \"box\": [1, 1, 2, 2]}", "objects[0]: needs one of distance, speed or preset"),
            ("{\"name\": \"t\", \"mask\": \"m.png\", \"speed\": 1, \"box\": [1, 1, 0, 2]}", "objects[0].box: width and height must be greater than 0"),
            ("{\"name\": \"t\", \"mask\": \"m.png\", \"speed\": 1, \"box\": [1, 1]}", "objects[0].box: expected [x, y, width, height]"),
            ("3", "objects[0]: expected an object, got a number"),
          ])
    func badObject(json: String, message: String) {
        let text = """
        {"direction": 180, "stepShift": 8, "stepsPerSecond": 4, "fps": 30,
         "layers": [{"name": "all", "speed": 1}], "objects": [\(json)]}
        """
        do {
            let scene = try SceneFile.parse(Data(text.utf8), file: "scene.json")
            _ = try MotionPlan(scene: scene, width: 100, height: 80, file: "scene.json")
            Issue.record("accepted \(json)")
        } catch {
            #expect("\(error)" == "scene.json: " + message || "\(error)".hasPrefix("scene.json: " + message), "\(error)")
        }
    }
}
