import ParallaxCore

/// A step of a contour scene in progress: its strips so far, the layers drawn so far (the
/// backdrop of the next one), the gaps opened so far, and how many layers are done.
struct StripStepWork: Sendable {
    let step: Int
    /// What the fills and edge follows read (for a layer in `shown`, its draft), and the backdrop
    /// they make.
    var pictures: [StripPicture]
    var backdrop: Backdrop
    /// The layers filled a second time under their followed edges, as shown, and when there are
    /// any, the shown layers drawn so far: the composite.
    var shown: [Int: StripPicture]
    var shownBackdrop: Backdrop?
    var gaps: Raster
    var done = 0
    var fillTime = Duration.zero
    /// Shifting, drawing and the objects: the journal's "shift" time.
    var otherTime = Duration.zero

    init(step: Int, pictures: [StripPicture], shown: [Int: StripPicture], width: Int, height: Int) {
        self.step = step
        self.pictures = pictures
        self.shown = shown
        backdrop = Backdrop(width: width, height: height)
        shownBackdrop = shown.isEmpty ? nil : backdrop
        gaps = Raster(width: width, height: height, channels: 1)
    }
}

extension StepLoop {
    /// Steps `steps` of a contour scene after `state`, as a wavefront: a layer of step s needs only
    /// the same layer of step s − 1 and the layers behind it in step s, so while step s fills its
    /// second layer, step s + 1 can fill its first. Each round moves every step in progress on by
    /// one layer, at once, and starts the next step (at most ``Inpainter/concurrentRequests``
    /// steps in progress); the oldest step, once done, is written and journaled, so steps land in
    /// order and an interrupted run resumes as before. Every fill reads exactly what it reads in a
    /// loop of one step at a time, so the bytes are the same. `progress` gets each step written.
    func makeStripSteps(_ steps: ClosedRange<Int>, from state: StripState, progress: (Int) -> Void) throws {
        let order = layout.drawOrder, stepsAtOnce = max(1, min(inpainter.concurrentRequests, order.count))
        let references = try stripReferences()
        let plan = project.plan
        var finished = state
        var working: [StripStepWork] = []
        var next = steps.lowerBound
        while next <= steps.upperBound || !working.isEmpty {
            if Interruption.requested { throw InpaintError("interrupted") }
            if next <= steps.upperBound, working.isEmpty || (working.count < stepsAtOnce && working.last!.done >= 1) {
                working.append(StripStepWork(step: next, pictures: working.last?.pictures ?? finished.strips,
                                             shown: working.last?.shown ?? finished.shown, width: plan.width, height: plan.height))
                next += 1
            }
            // Each step's next layer starts from that layer as the step before left it.
            let layers = working.map { order[$0.done] }
            for (position, index) in layers.enumerated() {
                working[position].pictures[index] = position == 0 ? finished.strips[index] : working[position - 1].pictures[index]
                if working[position].shown[index] != nil {
                    working[position].shown[index] = position == 0 ? finished.shown[index] : working[position - 1].shown[index]
                }
            }
            let round = working
            // The fills read only the loop's settings and plan, which nothing writes while they
            // run; the inpainter said it takes concurrent calls.
            nonisolated(unsafe) let loop = self
            let advanced = Parallel.map(round.count) { position in
                Result { () throws -> StripStepWork in
                    var work = round[position]
                    try loop.advance(&work, layer: layers[position], reference: references[layers[position]]!)
                    return work
                }
            }
            working = try advanced.map { try $0.get() }
            if working[0].done == order.count {
                let done = working.removeFirst()
                finished = try finish(done, objects: state.objects)
                progress(done.step)
            }
        }
    }
}
