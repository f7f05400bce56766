import FilterGraph

/// What a render graph needs besides the plan.
public struct RenderSettings: Hashable, Sendable {
    public var video: VideoEncoding

    public init(video: VideoEncoding = VideoEncoding()) {
        self.video = video
    }
}

/// A built render graph and the names of its open outputs.
public struct RenderGraph: Sendable {
    public static let videoOutput = Label("vout")
    public static let audioOutput = Label("aout")

    public let graph: FilterGraph
    public let hasAudio: Bool
    public let frameCount: Int

    public var script: String { graph.script }

    /// Builds the one streaming graph that turns a step folder into finished frames.
    public init(plan: MotionPlan, stepPattern: String, settings: RenderSettings) {
        var builder = RenderGraphBuilder(plan: plan, stepPattern: stepPattern)
        let steps = builder.stepStreams()
        let bands = plan.layers.indices.map { builder.band($0, current: steps.current[$0], next: steps.next[$0]) }
        let frames = builder.stack(bands)
        builder.finish(frames, encoding: settings.video)
        graph = builder.graph
        hasAudio = false
        frameCount = plan.frameCount
    }
}

/// Builds the render graph stage by stage; each method appends chains and returns the label of
/// what it made.
public struct RenderGraphBuilder: Sendable {
    public let plan: MotionPlan
    public let stepPattern: String
    public private(set) var graph = FilterGraph()
    private let slide: SlideExpression

    /// Compositing happens in planar RGB; conversion to the output format happens once, at the end.
    public static let workingPixelFormat = "gbrp"

    public init(plan: MotionPlan, stepPattern: String) {
        self.plan = plan
        self.stepPattern = stepPattern
        slide = SlideExpression(clock: plan.clock)
    }

    /// Two copies of the step sequence: at frame n, `current` shows step
    /// K = ⌊n·R/fps⌋ and `next` shows step K+1. One label per layer in each (only moving layers
    /// need `next`). Each step image is decoded once and shared by both.
    public mutating func stepStreams() -> (current: [Label], next: [Label?]) {
        let moving = plan.layers.filter(\.isMoving).count
        let decoded = graph.chain([], [
            Filter("movie", ["filename": stepPattern, "format_name": "image2"]),
            Filter("format", ["pix_fmts": Self.workingPixelFormat]),
        ], hint: "steps")
        let sources = moving > 0 ? graph.split(decoded, into: 2) : [decoded]
        let current = graph.split(graph.chain([sources[0]], atStepRate(), hint: "step"), into: plan.layers.count)
        var nextCopies: ArraySlice<Label> = []
        if moving > 0 {
            let next = graph.chain([sources[1]], [Filter("trim", ["start_frame": 1])] + atStepRate(), hint: "next")
            nextCopies = graph.split(next, into: moving)[...]
        }
        let next = plan.layers.map { layer -> Label? in layer.isMoving ? nextCopies.popFirst() : nil }
        return (current, next)
    }

    /// One step per tick of 1/R. The sequence stays at the step rate: a moving band's overlays
    /// take their frame clock from the canvas and hold the latest step at or before each frame's
    /// time, so step k shows from frame ⌈k·fps/R⌉, exactly where ⌊n·R/fps⌋ reaches k.
    /// (Repeating step images up front with `fps` let libavfilter materialise a whole step's
    /// worth of composited frames at once: memory grew with the frames per step.)
    private func atStepRate() -> [Filter] {
        let rate = plan.stepsPerSecond
        return [
            Filter("settb", ["expr": "\(rate.denominator)/\(rate.numerator)"]),
            Filter("setpts", ["expr": "N"]),
        ]
    }

    /// One layer's band at every output frame.
    public mutating func band(_ index: Int, current: Label, next: Label?) -> Label {
        let layer = plan.layers[index]
        let crop = Filter("crop", ["w": plan.width, "h": layer.height, "x": 0, "y": layer.top, "exact": 1])
        guard layer.isMoving, let next else {
            // A still band has no canvas to set its clock: repeat each step image at the output
            // rate (round=up starts step k at frame ⌈k·fps/R⌉). Repeats are references, not copies.
            return graph.chain([current], [crop, Filter("fps", ["fps": plan.fps.description, "round": "up"])], hint: "band")
        }
        let canvas = graph.chain([], [
            Filter("color", ["c": "black", "s": "\(plan.width)x\(layer.height)", "r": plan.fps.description]),
            Filter("format", ["pix_fmts": Self.workingPixelFormat]),
        ], hint: "canvas")
        var nextBand = graph.chain([next], [crop], hint: "nextband")
        let currentBand = graph.chain([current], [crop], hint: "curband")
        var under = canvas
        if layer.velocity.x != 0 && layer.velocity.y != 0 {
            // Oblique motion: content that enters on one side and leaves on the other within one
            // step is in no step image (two corners of at most |vx|×|vy| px). Fill them from the
            // band of step K+1, positioned exactly along one axis.
            let fillers = graph.split(nextBand, into: 3)
            under = graph.chain([under, fillers[1]], [overlay(layer, stepsAheadX: 1, stepsAheadY: 0)], hint: "corner")
            under = graph.chain([under, fillers[2]], [overlay(layer, stepsAheadX: 0, stepsAheadY: 1)], hint: "corner")
            nextBand = fillers[0]
        }
        // The band of step K+1 goes underneath and shows only in the gap the band of step K opens.
        under = graph.chain([under, nextBand], [overlay(layer, stepsAheadX: 1, stepsAheadY: 1)], hint: "under")
        return graph.chain([under, currentBand], [overlay(layer, stepsAheadX: 0, stepsAheadY: 0)], hint: "band")
    }

    private func overlay(_ layer: LayerMotion, stepsAheadX: Int, stepsAheadY: Int) -> Filter {
        Filter("overlay", [
            "x": slide.offset(velocity: layer.velocity.x, stepsAhead: stepsAheadX),
            "y": slide.offset(velocity: layer.velocity.y, stepsAhead: stepsAheadY),
            "eval": "frame",
            "format": "gbrp",
        ])
    }

    /// Stacks the bands top to bottom and cuts the stream to the plan's exact frame count.
    public mutating func stack(_ bands: [Label]) -> Label {
        let trim = Filter("trim", ["end_frame": plan.frameCount])
        if bands.count == 1 { return graph.chain(bands, [trim], hint: "frames") }
        return graph.chain(bands, [Filter("vstack", ["inputs": bands.count]), trim], hint: "frames")
    }

    /// Converts to the encoder's pixel format, once, and names the result [vout].
    public mutating func finish(_ frames: Label, encoding: VideoEncoding) {
        var filters: [Filter] = []
        let codec = encoding.codec
        if codec.needsEvenSize, plan.width % 2 == 1 || plan.height % 2 == 1 {
            let right = plan.width % 2, bottom = plan.height % 2
            filters.append(Filter("pad", ["w": plan.width + right, "h": plan.height + bottom, "x": 0, "y": 0]))
            filters.append(Filter("fillborders", ["right": right, "bottom": bottom, "mode": "smear"]))
        }
        if codec.isRGB {
            filters.append(Filter("format", ["pix_fmts": codec.pixelFormat]))
        } else {
            filters.append(Filter("scale", [
                "flags": "bicubic+accurate_rnd+full_chroma_int",
                "out_color_matrix": "bt709", "out_range": "tv",
            ]))
            filters.append(Filter("format", ["pix_fmts": codec.pixelFormat]))
            filters.append(Filter("setparams", [
                "range": "tv", "color_primaries": "bt709", "color_trc": "bt709", "colorspace": "bt709",
            ]))
        }
        graph.chain([frames], filters, output: RenderGraph.videoOutput)
    }
}
