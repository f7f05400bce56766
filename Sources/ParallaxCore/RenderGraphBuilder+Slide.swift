import FilterGraph

/// Sliding a layer along one axis by cropping a wider picture made once per step.
///
/// At frame n (step K, step time U) the canvas shows the picture of step K at
/// x0 = round(U·v) − round(K·v) over the one of step K+1 at x0 + (round(K·v) − round((K+1)·v)).
/// Every position is the same translation of a picture fixed for the whole step: the canvas
/// extended by the largest per-step shift along the motion axis, with step K+1 and step K on
/// it. So the overlays (or, for an opaque band, one stack of the two side by side) run once per
/// step, at the step rate, on that wide picture; it is repeated to the output rate as references
/// (`fps`) and each frame is a `crop` of it (a pointer move, no copy) at the frame's own offset.
/// The pixels are those of overlaying both on a fresh canvas every frame, exactly: the crop
/// window is the canvas translated.
extension RenderGraphBuilder {
    /// True when the layer moves along exactly one axis: the crop path applies. Oblique motion
    /// fills two corners along one axis each (``overlaid``) and keeps the per-frame overlays.
    func slidesByCrop(_ layer: LayerMotion) -> Bool {
        slidesByCropWhereExact && layer.isMoving && (layer.velocity.x == 0 || layer.velocity.y == 0)
    }

    /// The largest |round((K+1)·v) − round(K·v)| over the plan's steps, computed in the same
    /// double arithmetic as the graph's expressions: how much wider than the canvas the step
    /// picture must be.
    func largestStepShift(velocity: Double) -> Int {
        var largest = 0
        var previous = 0
        for step in 0...max(plan.steps, 1) {
            let position = Int((Double(step) * velocity).rounded())
            if step > 0 { largest = max(largest, abs(position - previous)) }
            previous = position
        }
        return largest
    }

    /// `top` (step K) over `under` (step K+1), both step-rate sequences, slid on a `width`×`height`
    /// canvas of `canvasColour` to their exact offsets at every output frame. `rowOffset` places
    /// both that many rows down the canvas (the part of a strip whose alpha varies). Equal, frame
    /// for frame, to ``overlaid`` on a canvas of that size at the output rate.
    mutating func slidByCrop(_ layer: LayerMotion, top: Label, under: Label, width: Int, height: Int,
                             canvasColour: String = "black", pixelFormat: String, overlayFormat: String,
                             rowOffset: Int = 0, hint: String) -> Label {
        let wide = widePicture(layer, top: top, under: under, width: width, height: height, canvasColour: canvasColour,
                               pixelFormat: pixelFormat, overlayFormat: overlayFormat, rowOffset: rowOffset)
        return graph.chain([wide.label], repeatToOutputRate() + skipToStartFrame() + [
            wide.frameWindow(rows: 0..<height),
        ], hint: hint)
    }

    /// The per-step picture a layer's frames are cropped from (``slidByCrop``).
    struct WidePicture {
        /// The picture, one per step, at the step rate.
        let label: Label
        let horizontal: Bool
        /// Its length along the motion axis.
        let span: Int
        /// The layer's own size.
        let width: Int, height: Int
        /// Where the frame's window starts along the axis: an expression of the frame's time.
        let window: String

        /// The frame's window, `rows` of it for horizontal motion (a pointer move in 4:4:4).
        func frameWindow(rows: Range<Int>) -> Filter {
            Filter("crop", ["w": width, "h": horizontal ? rows.count : height, "x": horizontal ? window : "0",
                            "y": horizontal ? "\(rows.lowerBound)" : window, "exact": 1])
        }
    }

    /// Step K over step K+1 on a canvas longer along the motion axis by the largest per-step
    /// shift. `subsampled`: long enough for the two phases of ``phases(of:rows:)``, with step K+1
    /// (and step K, on the far side from it) repeating their edges out to its ends, so no canvas
    /// colour is ever beside a window.
    mutating func widePicture(_ layer: LayerMotion, top: Label, under: Label, width: Int, height: Int,
                              canvasColour: String = "black", pixelFormat: String, overlayFormat: String,
                              rowOffset: Int = 0, subsampled: Bool = false) -> WidePicture {
        let horizontal = layer.velocity.y == 0
        let velocity = horizontal ? layer.velocity.x : layer.velocity.y
        let extra = largestStepShift(velocity: velocity)
        let length = horizontal ? width : height
        let span = subsampled ? Self.phasedSpan(length + extra) : length + extra
        let underPad = span - length, topPad = velocity > 0 ? span - extra - length : 0
        var top = top, under = under
        if subsampled {
            precondition(rowOffset == 0, "only whole bands are subsampled per step")
            under = graph.chain([under], smeared(by: underPad, horizontal: horizontal, after: velocity < 0,
                                                 width: width, height: height), hint: "smeared")
            if topPad > 0 {
                top = graph.chain([top], smeared(by: topPad, horizontal: horizontal, after: true,
                                                 width: width, height: height), hint: "smeared")
            }
        }
        // Step K's picture sits at `lead` along the axis, step K+1's beside it at `nextAt` (cell c
        // of the wide picture is cell c − nextAt of `under`), where it shows in the gap step K
        // opens: after it for leftward/upward motion, before it otherwise.
        let underStart = subsampled ? extra - underPad : extra
        let nextAt = velocity < 0 ? slide.stepShift(velocity: velocity) : "\(underStart)-(\(slide.stepShift(velocity: velocity)))"
        let wide: Label
        if subsampled && extra > 0 && extra < length {
            wide = sideBySide(top: top, under: under, nextAt: nextAt, velocity: velocity, horizontal: horizontal,
                              length: length, span: span, extra: extra, width: width, height: height)
        } else {
            let lead = velocity < 0 ? "0" : "\(extra)"
            func at(_ along: String) -> (x: String, y: String) {
                horizontal ? (along, "\(rowOffset)") : ("0", rowOffset == 0 ? along : "\(rowOffset)+(\(along))")
            }
            let size = horizontal ? "\(width + span - length)x\(height)" : "\(width)x\(height + span - length)"
            let canvas = graph.chain([], [
                Filter("color", ["c": canvasColour, "s": size, "r": plan.stepsPerSecond.description]),
                Filter("format", ["pix_fmts": pixelFormat]),
            ] + atStepRate(), hint: "widecanvas")
            let withNext = graph.chain([canvas, under], [overlayAtStep(at(nextAt), format: overlayFormat)], hint: "wideunder")
            wide = graph.chain([withNext, top], [overlayAtStep(at(lead), format: overlayFormat)], hint: "wide")
        }
        // The window: the canvas translated so that step K lands at its offset this frame.
        let offset = slide.offset(velocity: velocity, stepsAhead: 0)
        let window = velocity < 0 ? "-(\(offset))" : "\(extra)-(\(offset))"
        return WidePicture(label: wide, horizontal: horizontal, span: span, width: width, height: height, window: window)
    }

    /// The wide picture of an opaque band whose both pictures are smeared out to its ends: step K
    /// and the part of step K+1 beside it, stacked along the axis. Step K+1 covers every cell step
    /// K leaves (no canvas shows), so these are the overlays' pixels, made by one copy into a
    /// pooled frame instead of a canvas, its writable copy and two blends per step.
    private mutating func sideBySide(top: Label, under: Label, nextAt: String, velocity: Double, horizontal: Bool,
                                     length: Int, span: Int, extra: Int, width: Int, height: Int) -> Label {
        // Leftward/upward: step K first, then step K+1 from where step K ends. Otherwise step K
        // (smeared on its far side) last, after the `extra` cells of step K+1 before it.
        let (first, count) = velocity < 0 ? (length, span - length) : (0, extra)
        let start = "\(first)-(\(nextAt))"
        let part = graph.chain([under], [
            Filter("crop", ["w": horizontal ? count : width, "h": horizontal ? height : count,
                            "x": horizontal ? start : "0", "y": horizontal ? "0" : start, "exact": 1]),
        ], hint: "nextpart")
        return graph.chain(velocity < 0 ? [top, part] : [part, top],
                           [Filter(horizontal ? "hstack" : "vstack", ["inputs": 2])], hint: "wide")
    }

    /// An overlay evaluated per step-rate frame (its position is a function of the step).
    private func overlayAtStep(_ position: (x: String, y: String), format: String) -> Filter {
        Filter("overlay", ["x": position.x, "y": position.y, "eval": "frame", "format": format])
    }
}
