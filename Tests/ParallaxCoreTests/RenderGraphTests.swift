import FilterGraph
import ParallaxCore
import Testing

@Suite("Render graph")
struct RenderGraphTests {
    func plan(direction: Double = 180, width: Int = 96, height: Int = 64) throws -> MotionPlan {
        let scene = Scene(direction: Direction(degrees: direction), stepShift: 8, steps: 6, layers: [
            Layer(name: "sky", height: 24, depth: .speed(0)),
            Layer(name: "near", height: nil, depth: .speed(1)),
        ])
        return try MotionPlan(scene: scene, width: width, height: height, file: "s")
    }

    @Test("a still layer is cropped, a moving one gets steps K and K+1 side by side, and each band is subsampled to 4:2:0 at the step rate")
    func graphShape() throws {
        let script = RenderGraph(plan: try plan(), stepPattern: "/p/steps/%06d.png", settings: RenderSettings()).script
        #expect(script.components(separatedBy: "hstack=inputs=2[wide").count - 1 == 1)
        #expect(!script.contains("overlay="))
        #expect(script.components(separatedBy: "movie=").count - 1 == 1)
        #expect(script.contains("trim=end_frame=45"))
        #expect(script.hasSuffix("[vout]\n"))
        // The still band once, the moving one in two phases, then only the format stated at [vout].
        #expect(script.components(separatedBy: "scale=").count - 1 == 4)
        #expect(script.components(separatedBy: "format=pix_fmts=yuv420p").count - 1 == 4)
        #expect(script.contains("[frames0]format=pix_fmts=yuv420p,setparams"))
    }

    @Test("odd sizes are padded by repeating the edge for 4:2:0, not for RGB output")
    func oddSizes() throws {
        let odd = try plan(width: 95, height: 63)
        let h264 = RenderGraph(plan: odd, stepPattern: "p", settings: RenderSettings()).script
        #expect(h264.contains("pad=w=96:h=64") && h264.contains("fillborders=right=1:bottom=1:mode=smear"))
        let lossless = RenderGraph(plan: odd, stepPattern: "p", settings: RenderSettings(video: VideoEncoding(codec: .ffv1))).script
        #expect(!lossless.contains("pad="))
    }

    @Test("slide expressions agree with the Swift computation of the same offsets")
    func slideExpressionMatchesSwift() {
        let slide = SlideExpression(clock: FrameClock(stepsPerSecond: Rational(7), fps: Rational(24)))
        #expect(slide.offset(velocity: 0, stepsAhead: 0) == "0")
        #expect(slide.offset(velocity: -8, stepsAhead: 0, frame: 0) == 0)
        // frame 5: u = 35/24 = 1.458…, k = 1: round(-11.67) - round(-8) = -4
        #expect(slide.offset(velocity: -8, stepsAhead: 0, frame: 5) == -4)
        #expect(slide.offset(velocity: -8, stepsAhead: 1, frame: 5) == 4)
    }

    @Test("paths with % are doubled for the image2 pattern")
    func imagePatternEscapesPercent() {
        let folder = StepFolder(projectDirectory: "/tmp/100% real")
        #expect(folder.imageSequencePattern == "/tmp/100%% real/steps/%06d.png")
    }

    @Test("the ffmpeg command line is shell-quoted")
    func commandQuoting() {
        let command = FFmpegCommand(scriptPath: "/tmp/it's.lavfi", outputPath: "/tmp/a b.mp4", encoding: VideoEncoding())
        #expect(command.shellLine.contains("'/tmp/it'\\''s.lavfi'"))
        #expect(command.shellLine.contains("'/tmp/a b.mp4'"))
        #expect(command.shellLine.contains("-map '[vout]' -c:v libx264 -crf 18 -preset medium -color_range tv -colorspace bt709"))
    }

    @Test("an instruction-set ceiling reaches libx264 in both render paths and is ignored by FFV1")
    func instructionSetCeiling() {
        let capped = VideoEncoding(codec: .h264, instructionSetCeiling: "avx2")
        #expect(capped.encoderOptions.contains { $0.key == "x264-params" && $0.value == "asm=avx2" })
        let command = FFmpegCommand(scriptPath: "/tmp/g.lavfi", outputPath: "/tmp/o.mp4", encoding: capped)
        #expect(command.shellLine.contains("-x264-params asm=avx2"))
        #expect(!VideoEncoding(codec: .h264).encoderOptions.contains { $0.key == "x264-params" })
        #expect(!VideoEncoding(codec: .ffv1, instructionSetCeiling: "avx2").encoderOptions.contains { $0.key == "x264-params" })
    }
}
