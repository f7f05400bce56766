import Foundation
import FilterGraph
import ParallaxCore
import Testing
import TestSupport

/// Stacked bands subsampled to 4:2:0 once per step, in two phases, against the stacked 4:4:4
/// frames subsampled once per frame: luma bit for bit, chroma equal except next to a band's
/// edges, where the per-frame subsample filtered across a band boundary or clamped at the
/// frame's edge, and by no more than the filter taps that reach across.
@Suite("Chroma subsampled once per step")
struct SubsamplePerStepTests {
    /// The render graph's 4:2:0 frames (stock ffmpeg, raw), subsampled per step or per frame.
    func frames(_ scene: GroundTruthScene, perStep: Bool, in folder: TemporaryDirectory) throws -> [UInt8] {
        var builder = RenderGraphBuilder(plan: scene.plan, stepPattern: scene.project.folder.imageSequencePattern)
        builder.compositesInYUV = true
        builder.subsamplesPerStepWhereExact = perStep
        builder.finish(builder.effectedFrames(), encoding: VideoEncoding())
        let script = builder.graph.script
        // Per step: one subsample per phase of each moving band; per frame: one, after vstack.
        #expect(script.contains("stack=inputs=2[phases") == perStep)
        let output = folder.file(perStep ? "per-step.yuv" : "per-frame.yuv")
        let result = try ProcessRunner.run(VideoInspection.ffmpeg, [
            "-nostdin", "-v", "error", "-filter_complex", script, "-map", "[vout]", "-f", "rawvideo", "-y", output,
        ])
        #expect(result.succeeded, "\(result.standardError)")
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
    }

    /// How far chroma sample `index` lies from the nearest of `edges` (luma positions) along one
    /// axis: 0 beside an edge, 1 one further, and so on; −1 when it straddles an odd edge (the
    /// seam's chroma covers the rows of both bands).
    static func depth(_ index: Int, edges: [Int]) -> Int {
        edges.map { edge in
            if 2 * index < edge && edge < 2 * index + 2 { return -1 }
            return (index < edge / 2 + edge % 2 ? edge - 2 * index - 2 : 2 * index - edge) / 2
        }.min() ?? Int.max
    }

    static let evenBands = [(height: 20, speed: 0.3), (16, 0.0), (28, 1.0)]
    /// A band so slow that it never moves a whole pixel in the render (its wide picture has no
    /// extra columns).
    static let creepingBand = [(height: 20, speed: 0.01), (16, 0.0), (28, 1.0)]
    /// Boundaries on odd rows, a band one row high, another with both edges odd.
    static let oddBands = [(height: 13, speed: 0.3), (1, 0.6), (9, 0.0), (16, 0.8), (25, 1.0)]

    @Test("per-step subsampling keeps luma and changes chroma only beside band edges", arguments: [
        (180.0, 9.3, "7/3", "24", evenBands), (0, 13.7, "4", "30", evenBands), (90, 7.55, "4", "30000/1001", evenBands),
        (270, 11.5, "5", "60", evenBands), (180, 9.3, "7/3", "24", oddBands), (0, 6.5, "5", "30", oddBands),
        (0, 9.3, "4", "30", creepingBand), (180, 9.3, "4", "30", creepingBand),
    ])
    func lumaSameChromaOnlyAtEdges(direction: Double, stepShift: Double, rate: String, fps: String,
                                   layers: [(height: Int, speed: Double)]) throws {
        let folder = TemporaryDirectory("subsample")
        let scene = try GroundTruthScene(directory: folder.file("p"), width: 96, height: 64, direction: direction,
                                         layers: layers, stepShift: stepShift,
                                         stepsPerSecond: rate, fps: fps, steps: 5)
        let plan = scene.plan
        let perStep = try frames(scene, perStep: true, in: folder), perFrame = try frames(scene, perStep: false, in: folder)
        let (width, height) = (plan.width, plan.height)
        let lumaSize = width * height, chromaWidth = width / 2, chromaHeight = height / 2
        let frameSize = lumaSize + 2 * chromaWidth * chromaHeight
        #expect(perStep.count == plan.frameCount * frameSize)
        #expect(perFrame.count == perStep.count)
        guard perStep.count == perFrame.count else { return }

        // Band boundaries inside the frame; horizontal motion: the frame's left and right edges
        // (where the per-frame subsample clamped and this one sees the columns beside the window);
        // vertical motion: the frame's top and bottom edges, for the same reason along y.
        let horizontal = plan.layers.contains { $0.isMoving && $0.velocity.x != 0 }
        let boundaries = plan.layers.dropFirst().map(\.top) + (horizontal ? [] : [0, height])
        let sides = horizontal ? [0, width] : []
        // The subsample's bicubic taps (Keys, a = −0.6, stretched ×2) that reach across an edge:
        // from the sample beside it 0.12 + 0.042 + 0.014 of the weight, from the next 0.014; a
        // seam's (next to a band of fewer than 7 rows) from both sides. A limited-range chroma
        // step is at most 224: at most 40, 3 and 80, plus rounding.
        func bound(depth: Int) -> Int { depth == -1 ? 80 : depth == 0 ? 41 : depth == 1 ? 4 : 0 }
        // A seam between bands of 7 rows or more sees every row the per-frame subsample did:
        // its chroma row is the same.
        let exactSeams = Set(zip(plan.layers, plan.layers.dropFirst()).filter { above, below in
            below.top % 2 == 1 && above.height >= 7 && below.height >= 7
        }.map { $0.1.top / 2 })

        var changed = 0, largest = [0, 0, 0]
        for frame in 0..<plan.frameCount {
            let base = frame * frameSize
            #expect(perStep[base..<base + lumaSize] == perFrame[base..<base + lumaSize], "frame \(frame): luma differs")
            for plane in 0..<2 {
                let start = base + lumaSize + plane * chromaWidth * chromaHeight
                for y in 0..<chromaHeight {
                    let rowDepth = Self.depth(y, edges: boundaries)
                    for x in 0..<chromaWidth {
                        let index = start + y * chromaWidth + x
                        let difference = abs(Int(perStep[index]) - Int(perFrame[index]))
                        guard difference > 0 else { continue }
                        changed += 1
                        let depth = min(rowDepth, Self.depth(x, edges: sides))
                        if depth < 2 { largest[depth + 1] = max(largest[depth + 1], difference) }
                        #expect(difference <= (exactSeams.contains(y) ? 0 : bound(depth: depth)),
                                "frame \(frame) plane \(plane + 1) chroma (\(x), \(y)): differs by \(difference)")
                    }
                }
            }
        }
        // The noise texture makes the edges differ: the comparison is not vacuous.
        #expect(changed > 0)
        print("per-step subsample: \(changed) chroma samples differ; largest on a seam \(largest[0]), beside an edge \(largest[1]), one further \(largest[2])")
    }

    /// Stock ffmpeg's raw frames of the render graph with `settings`.
    func rawFrames(_ scene: GroundTruthScene, settings: RenderSettings, to output: String) throws -> [UInt8] {
        let script = RenderGraph(plan: scene.plan, stepPattern: scene.project.folder.imageSequencePattern, settings: settings).script
        #expect(script.contains("[phases"))
        let result = try ProcessRunner.run(VideoInspection.ffmpeg, [
            "-nostdin", "-v", "error", "-filter_complex", script, "-map", "[vout]", "-f", "rawvideo", "-y", output,
        ])
        #expect(result.succeeded, "\(result.standardError)")
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: output)))
    }

    @Test("a frame range of a per-step subsampled render is exactly those frames of the full render")
    func frameRangeIsPartOfTheWhole() throws {
        let folder = TemporaryDirectory("subsample-range")
        let scene = try GroundTruthScene(directory: folder.file("p"), width: 96, height: 64, direction: 180,
                                         layers: Self.oddBands, stepShift: 9.3, stepsPerSecond: "7/3", fps: "24", steps: 5)
        let whole = try rawFrames(scene, settings: RenderSettings(), to: folder.file("whole.yuv"))
        let range = FrameRange(start: 23, end: 40), frameSize = 96 * 64 * 3 / 2
        let part = try rawFrames(scene, settings: RenderSettings(frames: range), to: folder.file("part.yuv"))
        #expect(whole.count == scene.plan.frameCount * frameSize)
        #expect(part.count == range.count * frameSize)
        #expect(part == Array(whole[range.start * frameSize..<range.end * frameSize]))
    }

    /// The emitted script is read alike by FFmpeg 5.1 (whose libraries render in-process: the
    /// parity tests) and FFmpeg 9, phases, seams and all.
    @Test("FFmpeg 9 runs the per-step subsampled script to FFmpeg 5.1's frames", arguments: [180.0, 0, 90])
    func ffmpeg9GivesTheSameFrames(direction: Double) throws {
        let folder = TemporaryDirectory("subsample-ffmpeg9")
        let scene = try GroundTruthScene(directory: folder.file("p"), width: 96, height: 64, direction: direction,
                                         layers: direction == 90 ? Self.evenBands : Self.oddBands, stepShift: 9.3,
                                         stepsPerSecond: "7/3", fps: "24", steps: 5)
        let script = RenderGraph(plan: scene.plan, stepPattern: scene.project.folder.imageSequencePattern,
                                 settings: RenderSettings()).script
        #expect(script.contains("[phases"))
        let path = folder.file("graph.lavfi")
        try script.write(toFile: path, atomically: true, encoding: .utf8)
        func md5s(_ ffmpeg: String, option: String) throws -> [String] {
            let result = try ProcessRunner.run(ffmpeg, [
                "-nostdin", "-v", "error", option, path, "-map", "[vout]", "-f", "framemd5", "-",
            ])
            #expect(result.succeeded, "\(result.standardError)")
            return result.standardOutput.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        }
        let old = try md5s(VideoInspection.ffmpeg, option: "-filter_complex_script")
        #expect(old.count == scene.plan.frameCount)
        #expect(try md5s(try CurrentFFmpeg.binary(), option: "-/filter_complex") == old)
    }

    @Test("per-step subsampling applies to an even-sized frame whose bands slide along one axis")
    func whenItApplies() throws {
        func script(width: Int = 96, heights: [Int?] = [24, nil], direction: Double = 180) throws -> String {
            let scene = Scene(direction: Direction(degrees: direction), stepShift: 8, steps: 4, layers: heights.enumerated().map {
                Layer(name: "l\($0.offset)", height: $0.element, depth: .speed(Double($0.offset + 1) / 2))
            })
            let plan = try MotionPlan(scene: scene, width: width, height: 64, file: "s")
            return RenderGraph(plan: plan, stepPattern: "p", settings: RenderSettings()).script
        }
        let phased = "stack=inputs=2[phases"
        #expect(try script().contains(phased))
        #expect(try script(direction: 90).contains("hstack=inputs=2[phases"))
        #expect(try !script(width: 95).contains(phased))
        // An odd boundary: its two rows are subsampled together per frame.
        #expect(try script(heights: [23, nil]).contains("vstack=inputs=2,scale="))
        #expect(try !script(heights: [23, nil], direction: 90).contains(phased))
        #expect(try !script(direction: 30).contains(phased))
        // Falling back, the frames are subsampled once, after the stack.
        #expect(try script(direction: 30).contains("[frames0]scale=flags=bicubic+accurate_rnd:in_color_matrix"))
    }
}
