import FilterGraph

extension RenderGraphBuilder {
    /// `crossfade` mode: both bands at their exact offsets, in both stacking orders, then "band
    /// K+1 on top" laid over "band K on top" with an opacity that rises over the last `fade`
    /// fraction of each step.
    ///
    /// The opacity is one number per frame, so it is computed by `geq` on a 1×1 picture and
    /// scaled up to an alpha mask: a per-pixel `blend` expression would cost 25 times as much.
    mutating func crossfadeBand(_ index: Int, current: Label, next: Label?, fade: Double) -> Label {
        let layer = plan.layers[index]
        guard layer.isMoving, let next else { return band(index, current: current, next: next) }
        let currentBands = graph.split(graph.chain([current], [crop(layer)], hint: "curband"), into: 2)
        let nextBands = graph.split(graph.chain([next], [crop(layer)], hint: "nextband"), into: 2)
        let currentOnTop = overlaid(layer, on: canvas(layer), top: currentBands[0], topAhead: 0, under: nextBands[0], underAhead: 1, hint: "kband")
        let nextOnTop = overlaid(layer, on: canvas(layer), top: nextBands[1], topAhead: 1, under: currentBands[1], underAhead: 0, hint: "k1band")
        let mask = graph.chain([], [
            Filter("color", ["c": "black", "s": "1x1", "r": plan.fps.description]),
        ] + frameClockAtStart() + [
            Filter("trim", ["end_frame": plan.frameCount - startFrame]),
            Filter("format", ["pix_fmts": "gray"]),
            Filter("geq", ["lum": "255*\(crossfadeWeight(fade: fade))"]),
            Filter("scale", ["w": plan.width, "h": layer.height, "flags": "neighbor"]),
        ], hint: "fademask")
        let fading = graph.chain([nextOnTop, mask], [Filter("alphamerge")], hint: "fading")
        return graph.chain([currentOnTop, fading], [
            Filter("overlay", ["format": "gbrp", "shortest": 1]),
        ], hint: "band")
    }

    /// The weight of "band K+1 on top" at a frame (time T), 0…1: 0 until the last `fade`
    /// fraction of the step, then rising linearly to 1. f, the fraction of the step done, comes
    /// from the frame index as in ``SlideExpression``.
    func crossfadeWeight(fade: Double) -> String {
        let clock = plan.clock
        let stepTime = "round(T*\(clock.fps.numerator)/\(clock.fps.denominator))*\(clock.unitsPerFrame)/\(clock.unitsPerStep)"
        let fraction = "(\(stepTime)-floor(\(stepTime)))"
        return "clip((\(fraction)-\(PlaceholderExpression.format(1 - fade)))/\(PlaceholderExpression.format(fade)),0,1)"
    }

    /// `minterpolate` and `blend` modes: each band at the step rate (positions exact at whole
    /// steps), then `resample` makes the output rate. Those filters read YUV, so the band goes
    /// 4:4:4 and back.
    mutating func resampledBands(_ resample: Filter) -> [Label] {
        // fps at the step rate changes no frame; it states the rate the resampling filters read.
        // The last step is repeated twice: interpolators stop short of their final input, and
        // frames at or beyond step S are never shown anyway.
        let filters = atStepRate() + [Filter("fps", ["fps": plan.stepsPerSecond.description]),
                                      Filter("tpad", ["stop_mode": "clone", "stop": 2])]
        let decoded = decodedSteps()
        let steps = graph.split(graph.chain([decoded], filters, hint: "step"), into: plan.layers.count)
        return plan.layers.indices.map { index in
            let layer = plan.layers[index]
            var filters = [crop(layer), Filter("format", ["pix_fmts": "yuv444p"])]
            // minterpolate needs 32×32 at least: pad small bands by repeating their edge, cut after.
            let width = max(plan.width, 32), height = max(layer.height, 32)
            let padded = width != plan.width || height != layer.height
            // fillborders refuses a border wider than the picture it smears from, so a thin band
            // grows in steps that at most double it.
            var size = (width: plan.width, height: layer.height)
            while size != (width, height) {
                let next = (width: min(width, 2 * size.width), height: min(height, 2 * size.height))
                filters.append(Filter("pad", ["w": next.width, "h": next.height, "x": 0, "y": 0]))
                filters.append(Filter("fillborders", ["right": next.width - size.width, "bottom": next.height - size.height,
                                                      "mode": "smear"]))
                size = next
            }
            filters.append(resample)
            if padded { filters.append(Filter("crop", ["w": plan.width, "h": layer.height, "x": 0, "y": 0, "exact": 1])) }
            filters.append(Filter("format", ["pix_fmts": Self.workingPixelFormat]))
            return graph.chain([steps[index]], filters, hint: "band")
        }
    }
}
