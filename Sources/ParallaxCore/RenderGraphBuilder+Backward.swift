import Foundation
import FilterGraph

/// The backward half of a pingpong loop, made by running time backward through the same
/// exact-motion graph instead of buffering the forward half with `reverse`.
///
/// Every offset is a function of the frame's time, so the backward stream's frame j is computed
/// as forward frame N − 1 − j: the steps are read in descending order (one `movie` over the
/// step files joined by the `concat:` protocol, so the emitted script needs no file beside it),
/// each step's picture is timed to the first backward frame that shows it, and
/// the slide expressions count frames and steps down. The frames are the forward ones in reverse
/// order, bit for bit; nothing holds more than a step.
extension RenderGraphBuilder {
    /// True when the backward half can run backward in time: stacked bands sliding along one
    /// axis, exact motion, no effects (grain and rain run forward in time) and steps stored in
    /// one PNG layout. Otherwise pingpong reverses the forward frames in memory.
    var runsBackward: Bool {
        guard layout.isStacked, settings.effects.isEmpty, !StepRun.needFileLists(stepRuns), startFrame == 0 else { return false }
        // The concat protocol separates files with '|': a folder name holding one cannot be listed.
        guard !stepPattern.contains("|") else { return false }
        guard case .exact = settings.interpolation else { return false }
        return plan.layers.allSatisfy { !$0.isMoving || slidesByCrop($0) }
    }

    /// The last step a forward frame shows.
    var lastShownStep: Int { plan.clock.step(atFrame: max(0, plan.frameCount - 1)) }

    /// The plan's frames in reverse order, computed backward in time.
    mutating func backwardFrames() -> Label {
        let forward = slide
        timeReversed = true
        slide = SlideExpression(clock: plan.clock, reversal: (plan.frameCount, lastShownStep))
        defer {
            timeReversed = false
            slide = forward
        }
        return subsamplesPerStep ? stackSubsampled() : stack(bands())
    }

    /// Steps one past the last shown down to 0, decoded in that order: the files joined by the
    /// `concat:` protocol into one stream of PNGs, split again by the PNG demuxer. (The concat
    /// demuxer over an ffconcat list was tried: it probes each listed file by decoding it, which
    /// decoded every step twice.)
    mutating func descendingSteps() -> Label {
        let directory = (stepPattern as NSString).deletingLastPathComponent.replacingOccurrences(of: "%%", with: "%")
        let files = stride(from: lastShownStep + 1, through: 0, by: -1).map {
            (directory as NSString).appendingPathComponent(StepFolder.fileName(step: $0))
        }
        return graph.chain([], [
            Filter("movie", ["filename": "concat:" + files.joined(separator: "|"), "format_name": "png_pipe"]),
        ] + toWorkingFormat(layout: stepRuns.first?.layout), hint: "backsteps")
    }

    /// Backward only: times step-rate frame i (step K = last − i) at the first backward frame
    /// that shows it, N − ⌈(K+1)·fps/R⌉, in ticks of one output frame, so `fps` holds it exactly
    /// as long as the forward video does.
    func backwardFrameClock() -> [Filter] {
        guard timeReversed else { return [] }
        let clock = plan.clock
        return [
            Filter("settb", ["expr": "\(plan.fps.denominator)/\(plan.fps.numerator)"]),
            Filter("setpts", ["expr": "max(0,\(plan.frameCount)-ceil((\(lastShownStep)-N+1)*\(clock.unitsPerStep)/\(clock.unitsPerFrame)))"]),
        ]
    }
}
