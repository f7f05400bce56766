/// Maps output frames to step time exactly: at frame n, u = n·R/fps steps, k = ⌊u⌋, f = u − k.
///
/// u is kept as the ratio n·a / b with integers a = R.num·fps.den and b = R.den·fps.num, so no
/// error accumulates however long the video is.
public struct FrameClock: Hashable, Sendable {
    public let stepsPerSecond: Rational
    public let fps: Rational
    /// u = n · unitsPerFrame / unitsPerStep.
    public let unitsPerFrame: Int
    public let unitsPerStep: Int

    public init(stepsPerSecond: Rational, fps: Rational) {
        self.stepsPerSecond = stepsPerSecond
        self.fps = fps
        unitsPerFrame = stepsPerSecond.numerator * fps.denominator
        unitsPerStep = stepsPerSecond.denominator * fps.numerator
    }

    /// The step k whose interval contains frame n.
    public func step(atFrame frame: Int) -> Int {
        frame * unitsPerFrame / unitsPerStep
    }

    /// u as a Double, computed in the same order as the render graph's expressions.
    public func stepTime(atFrame frame: Int) -> Double {
        Double(frame) * Double(unitsPerFrame) / Double(unitsPerStep)
    }

    /// Frames needed to show `steps` steps: ⌈steps·fps/R⌉; every one of them has u < steps.
    public func frameCount(steps: Int) -> Int {
        let units = steps * unitsPerStep
        return (units + unitsPerFrame - 1) / unitsPerFrame
    }

    /// The first frame that shows step k: ⌈k·fps/R⌉.
    public func firstFrame(ofStep step: Int) -> Int {
        frameCount(steps: step)
    }
}
