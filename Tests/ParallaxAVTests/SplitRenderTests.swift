import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// A render split by time (`--frames A:B`) and joined by stream copy (`concat`) is the full
/// render: the same decoded frames losslessly, the same frame count and sound when lossy.
@Suite("Split renders and joins")
struct SplitRenderTests {
    /// A still layer, a slow and a fast one, moving obliquely: every kind of band.
    static func scene(_ folder: TemporaryDirectory, audio: Bool = false) throws -> Project {
        let scene = try GroundTruthScene(directory: folder.file("project"), width: 96, height: 64, direction: 200,
                                         layers: [(16, 0), (20, 0.5), (28, 1.0)], stepShift: 8,
                                         stepsPerSecond: "3", fps: "25", steps: 9)
        guard audio else { return scene.project }
        let file = folder.file("project/scene.json")
        var text = try String(contentsOfFile: file, encoding: .utf8)
        text = String(text[..<text.lastIndex(of: "}")!])
            + #", "audio": { "layers": [ { "layer": "layer2", "noise": "water" } ], "fadeIn": 0.3 } }"#
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return try Project(path: folder.file("project"))
    }

    static let landscape = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/landscape.png").path

    /// The landscape photograph slid by a perfect inpainter (it wraps around): detail a lossy
    /// encoder keeps, as a real render has, where noise would measure only the encoder.
    static func photoScene(_ folder: TemporaryDirectory) throws -> Project {
        let photo = try PNGImage.read(landscape)
        let directory = folder.file("photo")
        let scene = Scene(direction: Direction(degrees: 180), stepShift: 12, stepsPerSecond: Rational(3), fps: Rational(25),
                          steps: 9, layers: [
            Layer(name: "far", height: 135, depth: .speed(0.25)),
            Layer(name: "near", height: nil, depth: .speed(1)),
        ])
        try FileManager.default.createDirectory(atPath: directory + "/steps", withIntermediateDirectories: true)
        try SceneFile.encode(scene).write(to: URL(fileURLWithPath: directory + "/scene.json"))
        let plan = try MotionPlan(scene: scene, width: photo.width, height: photo.height, file: "scene.json")
        for step in 0...plan.steps {
            let offsets = plan.layers.map { $0.offset(afterSteps: step) }
            try PNGImage.write(LossyQualityTests.slid(photo, plan: plan, offsets: offsets),
                               to: StepFolder(projectDirectory: directory).stepPath(step))
        }
        return try Project(path: directory)
    }

    static func render(_ project: Project, to path: String, codec: VideoCodec, frames: FrameRange? = nil,
                       interpolation: Interpolation = .exact) throws {
        var settings = try RenderSettings(project: project, video: VideoEncoding(codec: codec))
        settings.frames = frames
        settings.interpolation = interpolation
        try RenderJob(project: project, settings: settings).render(to: path)
    }

    /// Ranges that cut inside steps (25 fps, 3 steps per second: a step is 8⅓ frames).
    static func ranges(total: Int) -> [FrameRange] {
        [FrameRange(start: 0, end: 17), FrameRange(start: 17, end: 46), FrameRange(start: 46, end: total)]
    }

    @Test("a lossless render split into 3 ranges and joined decodes to the full render's frames",
          arguments: [Interpolation.exact, .crossfade(fade: 0.5), .blend])
    func losslessSplitJoinsToTheFullRender(interpolation: Interpolation) throws {
        let folder = TemporaryDirectory("split")
        let project = try Self.scene(folder)
        let total = project.plan.frameCount
        try Self.render(project, to: folder.file("full.mkv"), codec: .ffv1, interpolation: interpolation)
        // Given out of order: concat orders them by their recorded ranges.
        let parts = Self.ranges(total: total).enumerated().reversed().map { folder.file("part\($0.offset).mkv") }
        for (range, path) in zip(Self.ranges(total: total), parts.reversed()) {
            try Self.render(project, to: path, codec: .ffv1, frames: range, interpolation: interpolation)
            #expect(try VideoInspection.frameMD5s(path).count == range.count)
        }
        let result = try PartJoiner.join(parts, to: folder.file("joined.mkv"))
        #expect(result.frames == total)
        let full = try VideoInspection.frameMD5s(folder.file("full.mkv"))
        let joined = try VideoInspection.frameMD5s(folder.file("joined.mkv"))
        #expect(full.count == total)
        // Whole lines: time stamps too, not only pictures.
        #expect(joined == full)
    }

    @Test("an H.264 split joins to the exact frame count, rising time stamps and at least 40 dB against one render")
    func h264SplitKeepsCountTimingAndQuality() throws {
        let folder = TemporaryDirectory("split-h264")
        let project = try Self.photoScene(folder)
        let total = project.plan.frameCount
        try Self.render(project, to: folder.file("full.mp4"), codec: .h264)
        var parts: [String] = []
        for (index, range) in Self.ranges(total: total).enumerated() {
            parts.append(folder.file("part\(index).mp4"))
            try Self.render(project, to: parts[index], codec: .h264, frames: range)
        }
        let joined = folder.file("joined.mp4")
        try PartJoiner.join(parts, to: joined)
        let (width, height) = (project.plan.width, project.plan.height)
        let frames = try VideoInspection.rgbFrames(joined, width: width, height: height)
        let reference = try VideoInspection.rgbFrames(folder.file("full.mp4"), width: width, height: height)
        #expect(frames.count == total)
        #expect(reference.count == total)
        let psnr = Self.psnr(frames, reference)
        #expect(psnr >= 40, "PSNR \(psnr) dB")
        let times = try Self.presentationTimes(joined)
        #expect(times.count == total)
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 })
        let step = 1.0 / 25
        #expect(abs((times.last ?? 0) - Double(total - 1) * step) < 1e-3)
    }

    @Test("sound is rendered once for the whole video at the join: the same samples as one render, no gap")
    func soundAcrossJoinsIsTheWholeRendersSound() throws {
        let folder = TemporaryDirectory("split-sound")
        let project = try Self.scene(folder, audio: true)
        let total = project.plan.frameCount
        try Self.render(project, to: folder.file("full.mp4"), codec: .h264)
        var parts: [String] = []
        for (index, range) in Self.ranges(total: total).enumerated() {
            parts.append(folder.file("part\(index).mp4"))
            try Self.render(project, to: parts[index], codec: .h264, frames: range)
            #expect(try VideoInspection.probe(parts[index], entries: "stream=codec_type")["codec_type"] == "video")
        }
        let joined = folder.file("joined.mp4")
        let result = try PartJoiner.join(parts, to: joined, project: project)
        #expect(result.soundPackets > 0)
        let samples = try Self.decodedSound(joined), whole = try Self.decodedSound(folder.file("full.mp4"))
        #expect(samples.count == whole.count)
        #expect(samples == whole)
        let duration = try VideoInspection.probe(joined, entries: "stream=codec_type,duration")
        #expect(duration["duration"].flatMap(Double.init).map { abs($0 - Double(total) / 25) < 1e-3 } == true)
        // Nothing left beside the output: the sound file was temporary.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test("parts that do not fit together are refused with one line naming the part, and nothing is written")
    func badJoinsAreRefused() throws {
        let folder = TemporaryDirectory("split-bad")
        let project = try Self.scene(folder)
        let total = project.plan.frameCount
        func part(_ name: String, _ start: Int, _ end: Int, codec: VideoCodec = .ffv1, from other: Project? = nil) throws -> String {
            let path = folder.file(name)
            try Self.render(other ?? project, to: path, codec: codec, frames: FrameRange(start: start, end: end))
            return path
        }
        let a = try part("a.mkv", 0, 20), b = try part("b.mkv", 20, total)
        let gap = try part("gap.mkv", 25, total), overlap = try part("overlap.mkv", 15, total)
        let h264 = try part("h264.mkv", 20, total, codec: .h264)
        let otherFolder = TemporaryDirectory("split-other")
        let other = try GroundTruthScene(directory: otherFolder.file("p"), width: 64, height: 64,
                                         stepsPerSecond: "3", fps: "25", steps: 9).project
        let small = try part("small.mkv", 20, other.plan.frameCount, from: other)
        try Self.render(project, to: folder.file("whole.mkv"), codec: .ffv1)
        let cases: [([String], String)] = [
            ([a, gap], "frames 20:25 are missing between"),
            ([a, overlap], "overlaps"),
            ([a], "frames 20:\(total) are missing"),
            ([b], "frames 0:20 are missing"),
            ([a, h264], "codec h264 does not match"),
            ([a, small], "size 64x64 does not match"),
            ([a, folder.file("whole.mkv")], "not a part of a split render"),
        ]
        for (parts, expected) in cases {
            let output = folder.file("joined.mkv")
            do {
                try PartJoiner.join(parts, to: output)
                Issue.record("joined \(parts) without complaint")
            } catch {
                let message = "\(error)"
                #expect(message.contains(expected), "\(message)")
                #expect(!message.contains("\n"))
            }
            #expect(!FileManager.default.fileExists(atPath: output))
        }
    }

    @Test("a range beyond the render, or with a loop, is refused before rendering")
    func badRangesAreRefused() throws {
        let folder = TemporaryDirectory("split-range")
        let project = try Self.scene(folder)
        let total = project.plan.frameCount
        #expect(throws: FrameRangeError.self) {
            try Self.render(project, to: folder.file("x.mkv"), codec: .ffv1, frames: FrameRange(start: 10, end: total + 1))
        }
        var settings = RenderSettings(video: VideoEncoding(codec: .ffv1), loop: .pingpong)
        settings.frames = FrameRange(start: 0, end: 10)
        #expect(throws: FrameRangeError.self) { try RenderJob(project: project, settings: settings) }
        #expect(!FileManager.default.fileExists(atPath: folder.file("x.mkv")))
    }

    static func psnr(_ frames: [Raster], _ reference: [Raster]) -> Double {
        var squared = 0.0, samples = 0.0
        for (frame, expected) in zip(frames, reference) {
            for (a, b) in zip(frame.pixels, expected.pixels) {
                let difference = Double(a) - Double(b)
                squared += difference * difference
            }
            samples += Double(frame.pixels.count)
        }
        return squared == 0 ? .infinity : 10 * log10(255 * 255 / (squared / samples))
    }

    static func presentationTimes(_ path: String) throws -> [Double] {
        let result = try ProcessRunner.run(VideoInspection.ffprobe, ["-v", "error", "-select_streams", "v",
                                                                     "-show_entries", "frame=pts_time", "-of", "csv=p=0", path])
        // Lines may carry empty side-data columns ("0.000000,").
        return result.standardOutput.split(separator: "\n").compactMap { line in
            line.split(separator: ",").first.flatMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        }
    }

    static func decodedSound(_ path: String) throws -> Data {
        let folder = TemporaryDirectory("sound")
        let file = folder.file("sound.raw")
        let result = try ProcessRunner.run(VideoInspection.ffmpeg, ["-v", "error", "-i", path, "-map", "0:a",
                                                                    "-f", "s16le", file])
        guard result.succeeded else { throw InspectionError(result.standardError) }
        return try Data(contentsOf: URL(fileURLWithPath: file))
    }
}
