import FilterGraph
import ParallaxCore
import Testing

@Suite("Frame-range graphs")
struct FrameRangeGraphTests {
    func plan() throws -> MotionPlan {
        let scene = Scene(direction: Direction(degrees: 180), stepShift: 8, steps: 6, layers: [
            Layer(name: "sky", height: 24, depth: .speed(0)),
            Layer(name: "near", height: nil, depth: .speed(1)),
        ])
        return try MotionPlan(scene: scene, width: 96, height: 64, file: "s")
    }

    @Test("a range starts the step source at the step its first frame shows and the frame clocks at that frame")
    func rangeStartsLate() throws {
        var settings = RenderSettings()
        settings.frames = FrameRange(start: 23, end: 40)
        let script = RenderGraph(plan: try plan(), stepPattern: "p", settings: settings).script
        // 30 fps, 4 steps per second: frame 23 shows step 3.
        #expect(script.contains("start_number=3"))
        #expect(script.contains("setpts=expr=N+3"))
        // Both bands (the still one and the one slid by cropping its per-step picture) are
        // repeated from that step to the output rate and start at frame 23.
        #expect(script.components(separatedBy: "trim=start_pts=23").count - 1 == 2)
        #expect(script.contains("trim=start_frame=0:end_frame=17"))
        #expect(RenderGraph(plan: try plan(), stepPattern: "p", settings: settings).frameCount == 17)
    }

    @Test("without a range the graph is exactly as before")
    func noRangeNoChange() throws {
        let script = RenderGraph(plan: try plan(), stepPattern: "p", settings: RenderSettings()).script
        #expect(!script.contains("start_number"))
        #expect(!script.contains("PTS+"))
        #expect(!script.contains("STARTPTS"))
    }

    @Test("with effects the sources start at frame 0 and the range is cut after them")
    func effectsStartAtZero() throws {
        var settings = RenderSettings(interpolation: .blend)
        settings.frames = FrameRange(start: 23, end: 40)
        let script = RenderGraph(plan: try plan(), stepPattern: "p", settings: settings).script
        #expect(!script.contains("start_number"))
        #expect(script.contains("trim=start_frame=23:end_frame=40"))
    }

    @Test("a contour scene's strips have sources of their own: it renders from frame 0 and cuts the range after")
    func contourScenesStartAtZero() throws {
        let scene = Scene(direction: Direction(degrees: 180), stepShift: 8, steps: 6, layers: [
            Layer(name: "sky", height: 24, depth: .speed(0.25)),
            Layer(name: "land", height: nil, depth: .speed(1), boundary: (0..<96).map { 20 + $0 % 8 }),
        ])
        let plan = try MotionPlan(scene: scene, width: 96, height: 64, file: "s")
        var settings = RenderSettings()
        settings.frames = FrameRange(start: 23, end: 40)
        let script = RenderGraph(plan: plan, stepPattern: "p", settings: settings).script
        #expect(!script.contains("start_number"))
        #expect(script.contains("trim=start_frame=23:end_frame=40"))
    }

    @Test("split covers 0..<total in nearly equal, contiguous ranges", arguments: [(100, 3), (7, 4), (2, 5), (45, 1)])
    func split(total: Int, parts: Int) {
        let ranges = FrameRange.split(total: total, into: parts)
        #expect(ranges.first?.start == 0 && ranges.last?.end == total)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.end == $1.start })
        #expect(ranges.allSatisfy { $0.count >= total / parts })
    }
}
