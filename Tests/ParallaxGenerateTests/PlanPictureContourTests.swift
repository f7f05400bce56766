import Foundation
import ParallaxCore
import ParallaxGenerate
import TestSupport
import Testing

@Suite("Plan picture of contours and objects")
struct PlanPictureContourTests {
    func isDash(_ picture: Raster, _ x: Int, _ y: Int) -> Bool {
        let pixel = (0..<3).map { picture[x, y, $0] }
        return pixel == [255, 255, 255] || pixel == [0, 0, 0]
    }

    @Test("the dashed edge runs along the curve, joined where it steps between columns")
    func drawsTheCurve() throws {
        let width = 120, height = 64
        let boundary = (0..<width).map { x in 20 + Int(8 * sin(Double(x) / 10)) + (x >= 60 ? 12 : 0) }
        let layers = [Layer(name: "sky", height: 24, depth: .speed(0.2)),
                      Layer(name: "land", height: nil, depth: .speed(1), boundary: boundary)]
        let plan = try GenerateFixtures.plan(width: width, height: height, direction: 180, layers: layers)
        let picture = PlanPicture.draw(plan: plan, over: GenerateFixtures.image(width: width, height: height))
        #expect((0..<width).allSatisfy { isDash(picture, $0, boundary[$0]) })
        // The 12-row cliff at x = 60 is drawn as one vertical stroke.
        #expect((min(boundary[59], boundary[60])...max(boundary[59], boundary[60])).allSatisfy { isDash(picture, 60, $0) })
        // No straight edge at the median row where the curve is far from it.
        let far = (0..<width).filter { abs(boundary[$0] - 24) > 3 }
        #expect(far.filter { isDash(picture, $0, 24) }.count < far.count / 4)
    }

    @Test("an object without its mask gets its box drawn")
    func drawsObjectBox() throws {
        let scene = Scene(stepShift: 8, steps: 4, layers: [Layer(name: "all", height: nil, depth: .speed(0.5))],
                          objects: [SceneObject(name: "boat", mask: "boat.png", depth: .speed(1),
                                                box: PixelBox(x: 30, y: 30, width: 20, height: 10))])
        let plan = try MotionPlan(scene: scene, width: 96, height: 64, file: "scene")
        let picture = PlanPicture.draw(plan: plan, over: GenerateFixtures.image())
        let cyan: [UInt8] = [60, 230, 255]
        #expect((30..<50).allSatisfy { x in (0..<3).allSatisfy { picture[x, 39, $0] == cyan[$0] } })
    }
}
