import Foundation
import FilterGraph

/// A built render graph and the names of its open outputs.
public struct RenderGraph: Sendable {
    public static let videoOutput = Label("vout")
    public static let audioOutput = Label("aout")

    public let graph: FilterGraph
    public let hasAudio: Bool
    /// Video frames the graph outputs (after preview and loop).
    public let frameCount: Int
    /// The plan actually rendered (a preview renders fewer frames per second).
    public let plan: MotionPlan
    /// The picture's size as encoded (after a preview's scaling, before even-size padding).
    public let outputWidth: Int
    public let outputHeight: Int

    public var script: String { graph.script }

    /// Builds the one streaming graph that turns a step folder into finished frames (and sound).
    /// `stepRuns`: runs of steps stored in one PNG pixel layout (``StepFolder/pixelLayoutRuns``);
    /// empty when all steps share one. `stripPatterns` gives the image2 pattern of each layer's
    /// strips (contour scenes only); by default `layers/NN/%06d.png` beside the steps folder.
    public init(plan: MotionPlan, stepPattern: String, settings: RenderSettings, stepRuns: [StepRun] = [],
                stripPatterns: ((Int) -> String)? = nil, objectPictures: ((Int) -> String)? = nil) {
        var builder = RenderGraphBuilder(plan: plan, stepPattern: stepPattern, settings: settings,
                                         stripPatterns: stripPatterns, objectPictures: objectPictures)
        builder.stepRuns = stepRuns
        builder.compositesInYUV = RenderGraphBuilder.compositesInYUV(plan: plan, settings: settings)
        var frames = builder.effectedFrames()
        frames = builder.loop(frames)
        frames = builder.previewScale(frames)
        frames = builder.selectRange(frames)
        builder.finish(frames, encoding: settings.video)
        if let audio = settings.renderedAudio {
            builder.finishAudio(builder.loopAudio(builder.mix(audio)), mix: audio)
        }
        graph = builder.graph
        hasAudio = settings.renderedAudio != nil
        self.plan = builder.plan
        (outputWidth, outputHeight) = builder.outputSize
        frameCount = settings.frames?.count
            ?? settings.loop?.frameCount(from: builder.plan.frameCount, fps: builder.plan.fps) ?? builder.plan.frameCount
    }
}

/// Builds the render graph stage by stage; each method appends chains and returns the label of
/// what it made. Stages: step streams → bands (by interpolation mode) → layer effects → stack →
/// frame effects → loop → preview scale → the one conversion to the output format.
public struct RenderGraphBuilder: Sendable {
    public let plan: MotionPlan
    public let stepPattern: String
    /// Runs of consecutive steps whose PNGs share one pixel layout; empty or one run: all do.
    public var stepRuns: [StepRun] = []
    public let settings: RenderSettings
    /// How the layers are drawn: stacked bands, or strips overlaid back to front.
    public let layout: StripLayout
    /// Each layer's strip pattern (contour scenes; see ``StepFolder/stripSequencePattern(layer:)``).
    public let stripPatterns: [String]
    /// Each object's picture (``StepFolder/objectPicturePath(_:)``).
    public let objectPictures: [String]
    public internal(set) var graph = FilterGraph()
    /// Layers moving along one axis slide by cropping a per-step picture (``slidByCrop``); false
    /// gives the per-frame canvas overlays instead, the reference the crop path is tested against.
    public var slidesByCropWhereExact = true
    /// Composite in 4:4:4 YUV, converting each step once (``compositesInYUV(plan:settings:)``).
    /// Set by ``RenderGraph`` for renders; a contact sheet composites in RGB.
    public var compositesInYUV = false
    /// Where the YUV composite allows, subsample each band's chroma once per step in two phases
    /// (``subsamplesPerStep``); false subsamples the stacked frames once per frame instead, the
    /// reference the per-step path is tested against.
    public var subsamplesPerStepWhereExact = true
    var slide: SlideExpression
    /// Building the backward half of a pingpong loop (``RenderGraphBuilder+Backward``).
    var timeReversed = false

    /// Compositing happens in planar RGB; conversion to the output format happens once, at the end.
    public static let workingPixelFormat = "gbrp"

    public init(plan: MotionPlan, stepPattern: String, settings: RenderSettings = RenderSettings(),
                stripPatterns: ((Int) -> String)? = nil, objectPictures: ((Int) -> String)? = nil) {
        let divisor = settings.preview?.frameRateDivisor ?? 1
        self.plan = divisor > 1 ? plan.withFrameRate(Rational(plan.fps.numerator, plan.fps.denominator * divisor)) : plan
        self.stepPattern = stepPattern
        self.settings = settings
        layout = StripLayout(plan: plan)
        let patterns = stripPatterns ?? { Self.defaultStripPattern(stepPattern: stepPattern, layer: $0) }
        self.stripPatterns = layout.isStacked ? [] : plan.layers.indices.map(patterns)
        let pictures = objectPictures ?? { Self.defaultObjectPicture(stepPattern: stepPattern, object: $0) }
        self.objectPictures = plan.objects.indices.map(pictures)
        slide = SlideExpression(clock: self.plan.clock)
    }

    /// Every frame, composited, with layer and frame effects applied: the picture before looping
    /// and encoding. Straight bands are stacked; contour strips are overlaid back to front.
    public mutating func effectedFrames() -> Label {
        if !layout.isStacked { return applyEffects(to: compositedStrips(), layer: nil) }
        // No effects apply on this path (it needs a YUV composite).
        if subsamplesPerStep { return stackSubsampled() }
        let bands = self.bands().enumerated().map { applyEffects(to: $0.element, layer: $0.offset) }
        return applyEffects(to: stack(bands), layer: nil)
    }

    /// One label per layer: that layer's band at every output frame.
    public mutating func bands() -> [Label] {
        switch settings.interpolation {
        case .exact:
            let steps = stepStreams()
            return plan.layers.indices.map { band($0, current: steps.current[$0], next: steps.next[$0]) }
        case .crossfade(let fade):
            let steps = stepStreams()
            return plan.layers.indices.map { crossfadeBand($0, current: steps.current[$0], next: steps.next[$0], fade: fade) }
        case .minterpolate(let settings):
            return resampledBands(settings.filter(fps: plan.fps))
        case .blend:
            return resampledBands(Filter("framerate", ["fps": plan.fps.description, "interp_start": 0,
                                                       "interp_end": 255, "scene": 100]))
        }
    }

    /// Two copies of the step sequence: at frame n, `current` shows step K = ⌊n·R/fps⌋ and `next`
    /// shows step K+1. One label per layer in each (only moving layers need `next`). Each step
    /// image is decoded once and shared by both.
    ///
    /// Both stay at the step rate: a moving band's overlays take their frame clock from its canvas
    /// and hold the latest step at or before each frame's time, so step k shows from frame
    /// ⌈k·fps/R⌉, exactly where ⌊n·R/fps⌋ reaches k. (Repeating the steps to the output rate here,
    /// before compositing, let libavfilter composite a whole step's worth of frames ahead and
    /// queue them: memory grew with the frames per step.) Still bands repeat with `fps` in ``band``.
    public mutating func stepStreams() -> (current: [Label], next: [Label?]) {
        let moving = plan.layers.filter(\.isMoving).count
        let steps = timeReversed ? descendingSteps() : decodedSteps()
        let decoded = compositesInYUV ? graph.chain([steps], toCompositingFormat(), hint: "yuvsteps") : steps
        let sources = moving > 0 ? graph.split(decoded, into: 2) : [decoded]
        // Forward, `next` is the sequence one step ahead; backward (steps descending from one
        // past the last shown) `current` is.
        let ahead = [Filter("trim", ["start_frame": 1])]
        let current = graph.split(graph.chain([sources[0]], (timeReversed ? ahead : []) + atStepRate(), hint: "step"),
                                  into: plan.layers.count)
        var nextCopies: ArraySlice<Label> = []
        if moving > 0 {
            let next = graph.chain([sources[1]], (timeReversed ? [] : ahead) + atStepRate(), hint: "next")
            nextCopies = graph.split(next, into: moving)[...]
        }
        let next = plan.layers.map { layer -> Label? in layer.isMoving ? nextCopies.popFirst() : nil }
        return (current, next)
    }

    /// The step images in the working pixel format, one frame per step.
    ///
    /// A PNG decodes to its own pixel format (rgb24, rgba, rgb48be, pal8, gray…) and `movie`
    /// drops every frame whose format differs from its first ("Format changed … discarding
    /// frame"). So a folder mixing colour types is read as one `movie` per run of steps stored
    /// alike, each listing exactly its run's files (a glob of alternatives: a sequence would
    /// read one file past the run, and fail on it), converted to the working format, then
    /// joined: the same frames as if every step had been stored in one type.
    ///
    /// 16-bit steps become round(v/257), as a 16-bit picture saved in 8 bits is: swscale's own
    /// 16-to-8 conversion gives (v+128)>>8, one too bright from 128 up. Palette steps go through
    /// rgb24 (see ``toWorkingFormat(layout:)``).
    mutating func decodedSteps() -> Label {
        guard StepRun.needFileLists(stepRuns) else {
            return graph.chain([], stepImages(layout: stepRuns.first?.layout), hint: "steps")
        }
        let directory = (stepPattern as NSString).deletingLastPathComponent.replacingOccurrences(of: "%%", with: "%")
        let parts = stepRuns.map { run in
            graph.chain([], [
                Filter("movie", ["filename": StepFolder.globPattern(directory: directory, steps: run.steps),
                                 "format_name": "image2", "format_opts": "pattern_type=glob"]),
            ] + toWorkingFormat(layout: run.layout), hint: "steprun")
        }
        return graph.chain(parts, [Filter("concat", ["n": parts.count, "v": 1, "a": 0])], hint: "steps")
    }

    /// The step images, decoded in the working pixel format (all steps stored alike).
    func stepImages(layout: PNGPixelLayout? = nil) -> [Filter] {
        let movie = Filter("movie", ["filename": stepPattern, "format_name": "image2"])
        // A frame range starts at the first step it needs (RenderGraphBuilder+FrameRange).
        return [startStep > 0 ? movie.with("format_opts", "start_number=\(startStep)") : movie]
            + toWorkingFormat(layout: layout)
    }

    /// Conversion of decoded steps to the working format, exact for every PNG layout.
    func toWorkingFormat(layout: PNGPixelLayout?) -> [Filter] {
        let working = Filter("format", ["pix_fmts": Self.workingPixelFormat])
        // FFmpeg 5.1 converts pal8 straight to gbrp one off in some colours; via rgb24 it is exact.
        if layout?.colorType == 3 { return [Filter("format", ["pix_fmts": "rgb24"]), working] }
        guard layout?.bitDepth == 16 else { return [working] }
        let rounded = "floor(val/257+0.5)*256"
        return [
            Filter("format", ["pix_fmts": "gbrp16le"]),
            Filter("lutrgb", ["r": rounded, "g": rounded, "b": rounded]),
            working,
        ]
    }

    /// Time stamps of one step per tick of 1/R.
    func atStepRate() -> [Filter] {
        let rate = plan.stepsPerSecond
        return [
            Filter("settb", ["expr": "\(rate.denominator)/\(rate.numerator)"]),
            Filter("setpts", ["expr": startStep > 0 ? "N+\(startStep)" : "N"]),
        ]
    }

    /// Repeats each step image for the frames it covers: round=up starts step k at frame
    /// ⌈k·fps/R⌉, exactly where ⌊n·R/fps⌋ reaches k.
    func repeatToOutputRate() -> [Filter] {
        backwardFrameClock() + [Filter("fps", ["fps": plan.fps.description, "round": "up"])]
    }

    func crop(_ layer: LayerMotion) -> Filter {
        Filter("crop", ["w": plan.width, "h": layer.height, "x": 0, "y": layer.top, "exact": 1])
    }

    /// One layer's band at every output frame.
    public mutating func band(_ index: Int, current: Label, next: Label?) -> Label {
        let layer = plan.layers[index]
        guard layer.isMoving, let next else {
            // No canvas sets a still band's clock: repeat its steps to the output rate (references,
            // not copies).
            return graph.chain([current], [crop(layer)] + repeatToOutputRate() + skipToStartFrame(), hint: "band")
        }
        let nextBand = graph.chain([next], [crop(layer)], hint: "nextband")
        let currentBand = graph.chain([current], [crop(layer)], hint: "curband")
        if slidesByCrop(layer) {
            return slidByCrop(layer, top: currentBand, under: nextBand, width: plan.width, height: layer.height,
                              pixelFormat: compositingPixelFormat, overlayFormat: compositingOverlayFormat, hint: "band")
        }
        let canvas = self.canvas(layer)
        // The band of step K+1 goes underneath and shows only in the gap the band of step K opens.
        return overlaid(layer, on: canvas, top: currentBand, topAhead: 0, under: nextBand, underAhead: 1, hint: "band",
                        format: compositingOverlayFormat)
    }

    /// A black canvas the size of the band, at the output rate.
    mutating func canvas(_ layer: LayerMotion) -> Label {
        canvas(height: layer.height, pixelFormat: compositingPixelFormat)
    }

    /// A black canvas as wide as the frame and `height` rows high, at the output rate.
    mutating func canvas(height: Int, pixelFormat: String = RenderGraphBuilder.workingPixelFormat) -> Label {
        graph.chain([], [
            Filter("color", ["c": "black", "s": "\(plan.width)x\(height)", "r": plan.fps.description]),
            Filter("format", ["pix_fmts": pixelFormat]),
        ] + frameClockAtStart(), hint: "canvas")
    }

    /// `top` over `under` on `canvas`, each at its exact offset. `format` is overlay's working
    /// format (a planar one with no subsampling, so any offset is exact).
    mutating func overlaid(_ layer: LayerMotion, on canvas: Label, top: Label, topAhead: Int, under: Label, underAhead: Int,
                           hint: String, format: String = "gbrp", rowOffset: Int = 0) -> Label {
        var lower = canvas
        var under = under
        if layer.velocity.x != 0 && layer.velocity.y != 0 {
            // Oblique motion: content that enters on one side and leaves on the other within one
            // step is in no step image (two corners of at most |vx|×|vy| px). Fill them from the
            // lower band, positioned exactly along one axis.
            let copies = graph.split(under, into: 3)
            lower = graph.chain([lower, copies[1]], [overlay(layer, aheadX: underAhead, aheadY: topAhead, format: format, rowOffset: rowOffset)], hint: "corner")
            lower = graph.chain([lower, copies[2]], [overlay(layer, aheadX: topAhead, aheadY: underAhead, format: format, rowOffset: rowOffset)], hint: "corner")
            under = copies[0]
        }
        lower = graph.chain([lower, under], [overlay(layer, aheadX: underAhead, aheadY: underAhead, format: format, rowOffset: rowOffset)], hint: "under")
        return graph.chain([lower, top], [overlay(layer, aheadX: topAhead, aheadY: topAhead, format: format, rowOffset: rowOffset)], hint: hint)
    }

    /// `rowOffset` places the overlaid picture that many rows down its canvas (a part of a strip).
    private func overlay(_ layer: LayerMotion, aheadX: Int, aheadY: Int, format: String, rowOffset: Int = 0) -> Filter {
        let y = slide.offset(velocity: layer.velocity.y, stepsAhead: aheadY)
        return Filter("overlay", [
            "x": slide.offset(velocity: layer.velocity.x, stepsAhead: aheadX),
            "y": rowOffset == 0 ? y : "\(rowOffset)+(\(y))",
            "eval": "frame",
            "format": format,
        ])
    }

    /// Stacks the bands top to bottom and cuts the stream to the plan's exact frame count.
    public mutating func stack(_ bands: [Label]) -> Label {
        let trim = Filter("trim", ["end_frame": plan.frameCount - startFrame])
        if bands.count == 1 { return graph.chain(bands, [trim], hint: "frames") }
        return graph.chain(bands, [Filter("vstack", ["inputs": bands.count]), trim], hint: "frames")
    }
}
