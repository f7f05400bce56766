import FilterGraph

/// Frame ranges (`--frames A:B`): the sources start at the first step the range needs, and every
/// frame clock keeps counting absolute frame time, so each band's offset (a function of that
/// time) is the full render's at the same frame.
extension RenderGraphBuilder {
    /// The output frame the graph's sources start at. A range starts them at its first frame
    /// when every stage is a function of absolute frame time: stacked straight bands, `exact` or
    /// `crossfade`, no effects, steps in one PNG layout. Resampling modes (minterpolate, blend)
    /// and effects may keep state from frame to frame (grain's temporal noise, rain's scrolling);
    /// contour strips, objects and mixed-layout step runs have sources of their own. Those graphs
    /// start at frame 0 and drop the frames before the range: still exact, but the start costs.
    var startFrame: Int {
        guard let range = settings.frames, settings.effects.isEmpty, settings.loop == nil,
              layout.isStacked, plan.objects.isEmpty, !StepRun.needFileLists(stepRuns) else { return 0 }
        switch settings.interpolation {
        case .exact, .crossfade: return min(range.start, plan.frameCount)
        case .minterpolate, .blend: return 0
        }
    }

    /// The step ``startFrame`` shows: where the step source starts.
    var startStep: Int { plan.clock.step(atFrame: startFrame) }

    /// Moves a frame clock (a source at the output rate, counting from 0) to start at the
    /// absolute time of ``startFrame``.
    func frameClockAtStart() -> [Filter] {
        guard startFrame > 0 else { return [] }
        return [
            // An explicit tick of one frame, so the shift below is a whole number of ticks.
            Filter("settb", ["expr": "\(plan.fps.denominator)/\(plan.fps.numerator)"]),
            Filter("setpts", ["expr": "PTS+\(startFrame)"]),
        ]
    }

    /// Drops a still band's repeated frames before ``startFrame`` (after `fps`, whose tick is one
    /// output frame): its steps start a little earlier, at the step ``startFrame`` shows.
    func skipToStartFrame() -> [Filter] {
        guard startFrame > 0 else { return [] }
        return [Filter("trim", ["start_pts": startFrame])]
    }

    /// Keeps only the range's frames, time stamps from 0, so each part is a video of its own.
    mutating func selectRange(_ frames: Label) -> Label {
        guard let range = settings.frames else { return frames }
        return graph.chain([frames], [
            Filter("trim", ["start_frame": range.start - startFrame, "end_frame": range.end - startFrame]),
            Filter("setpts", ["expr": "PTS-STARTPTS"]),
        ], hint: "range")
    }
}
