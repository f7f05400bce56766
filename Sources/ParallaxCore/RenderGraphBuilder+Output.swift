import FilterGraph

extension RenderGraphBuilder {
    /// Makes the video loop seamlessly (see ``LoopMode``).
    mutating func loop(_ frames: Label) -> Label {
        guard let loop = settings.loop else { return frames }
        let tick = Filter("settb", ["expr": "\(plan.fps.denominator)/\(plan.fps.numerator)"])
        switch loop {
        case .pingpong:
            if runsBackward {
                return graph.chain([frames, backwardFrames()], [Filter("concat", ["n": 2, "v": 1, "a": 0]), tick], hint: "looped")
            }
            // `reverse` holds the whole forward half in memory.
            let copies = graph.split(frames, into: 2)
            let backwards = graph.chain([copies[1]], [Filter("reverse")], hint: "reversed")
            return graph.chain([copies[0], backwards], [Filter("concat", ["n": 2, "v": 1, "a": 0]), tick], hint: "looped")
        case .crossfade(let seconds):
            let overlap = LoopMode.crossfadeFrames(seconds, fps: plan.fps)
            let copies = graph.split(frames, into: 2)
            let body = graph.chain([copies[0]], [Filter("trim", ["start_frame": overlap]), Filter("setpts", ["expr": "PTS-STARTPTS"])], hint: "body")
            let head = graph.chain([copies[1]], [Filter("trim", ["end_frame": overlap])], hint: "head")
            return graph.chain([body, head], [
                Filter("xfade", ["transition": "fade", "duration": microseconds(frames: overlap),
                                 "offset": microseconds(frames: plan.frameCount - 2 * overlap)]),
                tick,
            ], hint: "looped")
        }
    }

    /// A duration option for `frames` frames, in microseconds ("1200000us") so it is exact.
    private func microseconds(frames: Int) -> String {
        let micro = (frames * plan.fps.denominator * 1_000_000 + plan.fps.numerator / 2) / plan.fps.numerator
        return "\(micro)us"
    }

    /// The output size after a preview's scaling.
    var outputSize: (width: Int, height: Int) {
        guard let scale = settings.preview?.scale, scale != 1 else { return (plan.width, plan.height) }
        func even(_ value: Int) -> Int { max(2, Int(Double(value) * scale) / 2 * 2) }
        return (even(plan.width), even(plan.height))
    }

    /// A preview's smaller picture, still in RGB.
    mutating func previewScale(_ frames: Label) -> Label {
        let size = outputSize
        guard size != (plan.width, plan.height) else { return frames }
        return graph.chain([frames], [Filter("scale", ["w": size.width, "h": size.height, "flags": "bicubic"])], hint: "preview")
    }

    /// Converts to the encoder's pixel format, once, and names the result [vout].
    public mutating func finish(_ frames: Label, encoding: VideoEncoding) {
        var filters: [Filter] = []
        let codec = encoding.codec
        let (width, height) = outputSize
        if codec == .gif {
            // One palette from the whole video, then error-diffusion dithering: no banding.
            let copies = graph.split(frames, into: 2)
            let palette = graph.chain([copies[0]], [Filter("palettegen", ["stats_mode": "full"])], hint: "palette")
            graph.chain([copies[1], palette], [Filter("paletteuse", ["dither": "sierra2_4a"])], output: RenderGraph.videoOutput)
            return
        }
        if codec.needsEvenSize, width % 2 == 1 || height % 2 == 1 {
            let right = width % 2, bottom = height % 2
            filters.append(Filter("pad", ["w": width + right, "h": height + bottom, "x": 0, "y": 0]))
            filters.append(Filter("fillborders", ["right": right, "bottom": bottom, "mode": "smear"]))
        }
        if codec.isRGB {
            filters.append(Filter("format", ["pix_fmts": codec.pixelFormat]))
        } else {
            filters += toOutputYUV()
            filters.append(Filter("format", ["pix_fmts": codec.pixelFormat]))
            filters.append(Filter("setparams", [
                "range": "tv", "color_primaries": "bt709", "color_trc": "bt709", "colorspace": "bt709",
            ]))
        }
        graph.chain([frames], filters, output: RenderGraph.videoOutput)
    }

    /// A contact sheet: `count` evenly spaced frames, `columns` across, each `thumbnailWidth`
    /// wide, as one RGB image at [vout].
    public mutating func contactSheet(_ frames: Label, count: Int, columns: Int, thumbnailWidth: Int) {
        let total = plan.frameCount
        let picks = (0..<count).map { count == 1 ? 0 : ($0 * (total - 1) + (count - 1) / 2) / (count - 1) }
        let select = Set(picks).sorted().map { "eq(n,\($0))" }.joined(separator: "+")
        let across = min(columns, count)
        let rows = (count + across - 1) / across
        graph.chain([frames], [
            Filter("select", ["expr": select]),
            Filter("scale", ["w": thumbnailWidth, "h": -2, "flags": "bicubic"]),
            Filter("tile", ["layout": "\(across)x\(rows)", "nb_frames": Set(picks).count, "padding": 2, "margin": 2]),
            Filter("format", ["pix_fmts": "rgb24"]),
        ], output: RenderGraph.videoOutput)
    }
}

extension RenderGraph {
    /// The graph for `parallax sheet`: the finished picture (effects included), sampled into
    /// one contact-sheet image.
    public static func contactSheet(plan: MotionPlan, stepPattern: String, settings: RenderSettings,
                                    frames count: Int, columns: Int, thumbnailWidth: Int,
                                    stepRuns: [StepRun] = []) -> FilterGraph {
        var builder = RenderGraphBuilder(plan: plan, stepPattern: stepPattern, settings: settings)
        builder.stepRuns = stepRuns
        builder.contactSheet(builder.effectedFrames(), count: count, columns: columns, thumbnailWidth: thumbnailWidth)
        return builder.graph
    }
}
