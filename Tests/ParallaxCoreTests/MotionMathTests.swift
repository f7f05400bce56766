import Foundation
import ParallaxCore
import Testing

@Suite("Motion math")
struct MotionMathTests {
    @Test("directions follow screen coordinates: 0 right, 90 up, 180 left, 270 down",
          arguments: [(0.0, 1.0, 0.0), (90, 0, -1), (180, -1, 0), (270, 0, 1)])
    func axisDirections(degrees: Double, x: Double, y: Double) {
        let unit = Direction(degrees: degrees).unitVector
        #expect(unit.x == x && unit.y == y)
    }

    @Test("any angle works: 30 degrees points right and up")
    func obliqueDirection() {
        let unit = Direction(degrees: 30).unitVector
        #expect(abs(unit.x - 0.8660254) < 1e-6 && abs(unit.y + 0.5) < 1e-9)
    }

    @Test("distances give speed = nearest distance / distance; presets and speeds mix in")
    func speedsFromDistances() throws {
        let scene = Scene(stepShift: 20, layers: [
            Layer(name: "sky", height: 10, depth: .speed(0)),
            Layer(name: "hills", height: 10, depth: .distance(600)),
            Layer(name: "cloud", height: 10, depth: .preset(.cloud)),
            Layer(name: "shore", height: nil, depth: .distance(150)),
        ])
        let plan = try MotionPlan(scene: scene, width: 100, height: 40, file: "scene.json")
        #expect(plan.layers.map(\.speed) == [0, 0.25, 0.35, 1])
        #expect(plan.layers[3].height == 10)
        #expect(plan.layers[1].velocity == Vector(x: -5, y: 0))
        #expect(!plan.layers[0].isMoving && plan.layers[0].stepsNeeded == nil)
    }

    @Test("the prototype's presets keep its order as speeds")
    func presetSpeeds() {
        #expect(LayerPreset.allCases.map(\.speed) == [1.0, 0.8625, 0.35, 0.0625])
    }

    @Test("integer shifts never drift: after k steps a layer has moved round(k·v)")
    func driftFreeShifts() throws {
        let scene = Scene(direction: Direction(degrees: 30), stepShift: 7.3,
                          layers: [Layer(name: "a", height: nil, depth: .speed(0.37))])
        let layer = try MotionPlan(scene: scene, width: 50, height: 50, file: "s").layers[0]
        var total = PixelOffset(x: 0, y: 0)
        for step in 1...500 {
            let shift = layer.shift(inStep: step)
            total = PixelOffset(x: total.x + shift.x, y: total.y + shift.y)
            let exact = (Double(step) * layer.velocity.x, Double(step) * layer.velocity.y)
            #expect(abs(Double(total.x) - exact.0) <= 0.5 && abs(Double(total.y) - exact.1) <= 0.5)
        }
    }

    @Test("the default step count moves the slowest moving layer's whole extent")
    func defaultStepCount() throws {
        let scene = Scene(stepShift: 24, layers: [
            Layer(name: "far", height: 100, depth: .speed(0.25)),
            Layer(name: "near", height: nil, depth: .speed(1)),
        ])
        let plan = try MotionPlan(scene: scene, width: 480, height: 200, file: "s")
        #expect(plan.layers.map(\.stepsNeeded) == [80, 20])
        #expect(plan.steps == 80)
        var capped = scene
        capped.steps = 12
        #expect(try MotionPlan(scene: capped, width: 480, height: 200, file: "s").steps == 12)
    }

    @Test("a scene where nothing moves needs an explicit step count")
    func stillSceneNeedsSteps() {
        let scene = Scene(layers: [Layer(name: "sky", height: nil, depth: .speed(0))])
        #expect(throws: SceneError.self) { try MotionPlan(scene: scene, width: 10, height: 10, file: "s") }
    }
}

@Suite("Frame clock")
struct FrameClockTests {
    @Test("step of frame n is floor(n·R/fps) exactly, for rates that do not divide",
          arguments: [("4", "30"), ("7", "24"), ("3", "30000/1001"), ("2.5", "25")])
    func exactSteps(rate: String, fps: String) {
        let clock = FrameClock(stepsPerSecond: Rational(parsing: rate)!, fps: Rational(parsing: fps)!)
        let r = clock.stepsPerSecond, f = clock.fps
        for frame in [0, 1, 7, 8, 29, 30, 1_000_003, 86_400 * 60] {
            let expected = frame * r.numerator * f.denominator / (r.denominator * f.numerator)
            #expect(clock.step(atFrame: frame) == expected)
        }
    }

    @Test("frame count covers every step and no frame reaches the last step")
    func frameCount() {
        let clock = FrameClock(stepsPerSecond: Rational(4), fps: Rational(30))
        #expect(clock.frameCount(steps: 40) == 300)
        let odd = FrameClock(stepsPerSecond: Rational(7), fps: Rational(24))
        let frames = odd.frameCount(steps: 10)
        #expect(frames == 35)
        #expect(odd.step(atFrame: frames - 1) == 9)
        #expect(odd.firstFrame(ofStep: 1) == 4)
    }

    @Test("rates parse from numbers and ratios")
    func rationalParsing() {
        #expect(Rational(parsing: "30000/1001") == Rational(30000, 1001))
        #expect(Rational(parsing: "29.97") == Rational(2997, 100))
        #expect(Rational(parsing: "2.5") == Rational(5, 2))
        #expect(Rational(parsing: "x") == nil)
    }
}
