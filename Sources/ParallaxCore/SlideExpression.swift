/// libavutil expressions for where a band sits at output frame `n`.
///
/// With U = n·a/b (step time) and K = floor(U), the band of step K is drawn at
/// round(U·v) − round(K·v) and the band of step K+1 at round(U·v) − round((K+1)·v): both land
/// where the continuous motion puts them, within half a pixel, and exactly at whole steps.
public struct SlideExpression: Sendable {
    public let clock: FrameClock
    /// Time runs backward (the second half of a pingpong loop): the stream's frame j shows the
    /// forward frame `frames` − 1 − j, and its step-rate frame i shows step `lastStep` − i.
    public let reversal: (frames: Int, lastStep: Int)?

    public init(clock: FrameClock, reversal: (frames: Int, lastStep: Int)? = nil) {
        self.clock = clock
        self.reversal = reversal
    }

    /// The output frame index, recovered from the frame's time stamp. (Overlay's own `n` counts
    /// from 1 in some FFmpeg versions and from 0 in others; t·fps is exact to well under 1e-6.)
    private var frame: String {
        let index = "round(t*\(clock.fps.numerator)/\(clock.fps.denominator))"
        guard let reversal else { return index }
        return "(\(reversal.frames - 1)-\(index))"
    }
    private var stepTime: String { "\(frame)*\(clock.unitsPerFrame)/\(clock.unitsPerStep)" }

    /// Offset along one axis of the band from step K + `stepsAhead` (0 or 1).
    public func offset(velocity: Double, stepsAhead: Int) -> String {
        if velocity == 0 { return "0" }
        let speed = "(\(velocity))"
        let base = stepsAhead == 0 ? "floor(\(stepTime))" : "(floor(\(stepTime))+\(stepsAhead))"
        return "round(\(stepTime)*\(speed))-round(\(base)*\(speed))"
    }

    /// `start` + round(U·v): where something that started at `start` is at frame n.
    public func position(velocity: Double, start: Int) -> String {
        if velocity == 0 { return "\(start)" }
        return "\(start)+round(\(stepTime)*(\(velocity)))"
    }

    /// The same quantity computed in Swift, in the same order of operations as libavutil.
    public func offset(velocity: Double, stepsAhead: Int, frame: Int) -> Int {
        if velocity == 0 { return 0 }
        let time = clock.stepTime(atFrame: frame)
        let step = Double(clock.step(atFrame: frame) + stepsAhead)
        return Int((time * velocity).rounded()) - Int((step * velocity).rounded())
    }
}

extension SlideExpression {
    /// The step K of a frame on the step clock (time base 1/R, one frame per step): round(t·R).
    private var stepIndex: String {
        let index = "round(t*\(clock.stepsPerSecond.numerator)/\(clock.stepsPerSecond.denominator))"
        guard let reversal else { return index }
        return "(\(reversal.lastStep)-\(index))"
    }

    /// |round((K+1)·v) − round(K·v)| for a step-rate frame: how far along the axis the picture
    /// of step K+1 lies from the one of step K. The same double products as ``offset``'s, so
    /// the difference of its two offsets is exactly this.
    public func stepShift(velocity: Double) -> String {
        if velocity == 0 { return "0" }
        let speed = "(\(velocity))"
        let this = "round(\(stepIndex)*\(speed))", next = "round((\(stepIndex)+1)*\(speed))"
        return velocity < 0 ? "\(this)-\(next)" : "\(next)-\(this)"
    }
}
