import Foundation
import ParallaxCore
import Testing

@Suite("Layer regions")
struct LayerRegionTests {
    static func scene(boundary: [Int]) -> Scene {
        Scene(stepShift: 8, steps: 4, layers: [
            Layer(name: "sky", height: 4, depth: .speed(0.25)),
            Layer(name: "land", height: nil, depth: .speed(1), boundary: boundary),
        ])
    }

    @Test("a straight band has the same rows in every column")
    func straightBand() throws {
        let plan = try MotionPlan(scene: Self.scene(boundary: [4, 4, 4]), width: 3, height: 10, file: "scene.json")
        #expect(plan.layers.allSatisfy { $0.region.isStraight })
        #expect(plan.layers[1].region.reach == 4..<10)
    }

    @Test("a boundary ends the layer above and starts the one below, column by column")
    func contourBoundary() throws {
        let plan = try MotionPlan(scene: Self.scene(boundary: [2, 5, 7]), width: 3, height: 10, file: "scene.json")
        #expect(plan.layers[0].region.bottom == [2, 5, 7])
        #expect(plan.layers[1].region.top == [2, 5, 7])
        #expect(plan.layers[1].region.reach == 2..<10)
        #expect(!plan.layers[1].region.isStraight)
        let again = try SceneFile.parse(SceneFile.encode(Self.scene(boundary: [2, 5, 7])), file: "scene.json")
        #expect(again.layers[1].boundary == [2, 5, 7])
    }

    @Test("a boundary of the wrong width or below the image is refused with its field named",
          arguments: [([1, 2], "layers[1].boundary: has 2 rows but the image is 3 columns wide"),
                      ([1, 2, 11], "layers[1].boundary: column 2: row 11 is below the image's 10 rows"),
                      ([3, 0, 2], "layers[1].boundary: column 1: row 0 leaves no row for layer sky"),
                      ([3, 10, 2], "layers[1].boundary: column 1: row 10 leaves no row for layer land")])
    func badBoundary(boundary: [Int], message: String) {
        do {
            _ = try MotionPlan(scene: Self.scene(boundary: boundary), width: 3, height: 10, file: "scene.json")
            Issue.record("accepted a bad boundary \(boundary)")
        } catch {
            #expect("\(error)".contains(message), "\(error)")
        }
    }
}
