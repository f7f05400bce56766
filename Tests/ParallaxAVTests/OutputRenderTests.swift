import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// Every output kind, the loop modes and the preview, rendered for real and probed.
@Suite struct OutputRenderTests {
    static func streams(_ path: String) throws -> String {
        try ProcessRunner.run(VideoInspection.ffprobe, ["-v", "error", "-show_entries",
                                                        "stream=codec_name,pix_fmt,width,height", "-of", "csv=p=0", path]).standardOutput
    }

    @Test func eachFormatIsChosenByExtensionAndWritesItsCodec() throws {
        let scene = try EffectsTestScene(extensions: ["audio": ["bed": ["noise": "pink", "volume": 0.2]]])
        let expected: [(name: String, video: String, audio: String?)] = [
            ("a.mp4", "h264,96,64,yuv420p", "aac"), ("b.webm", "vp9,96,64,yuv420p", "opus"),
            ("c.mov", "prores,96,64,yuv422p10le", "aac"), ("d.gif", "gif,96,64,bgra", nil),
        ]
        for output in expected {
            let video = OutputFormat.encoding(output: output.name, format: nil, codec: nil, crf: nil, preset: nil, container: nil)
            let path = try scene.render(output.name, settings: scene.settings(video).previewingEncoderOnly())
            let streams = try Self.streams(path)
            #expect(streams.contains(output.video), "\(output.name): \(streams)")
            if let audio = output.audio { #expect(streams.contains(audio), "\(output.name) lacks \(audio)") }
            else { #expect(streams.split(separator: "\n").count == 1, "\(output.name) should have no sound") }
        }
        let hevc = OutputFormat.encoding(output: "e.mp4", format: .hevc, codec: nil, crf: nil, preset: "ultrafast", container: nil)
        #expect(try Self.streams(scene.render("e.mp4", settings: scene.settings(hevc))).contains("hevc,96,64,yuv420p"))
    }

    @Test func theGIFPaletteKeepsColoursClose() throws {
        let scene = try EffectsTestScene()
        let gif = try scene.render("clip.gif", settings: scene.settings(VideoEncoding(codec: .gif)))
        let lossless = try scene.render("clip.mkv")
        let a = try scene.frames(gif), b = try scene.frames(lossless)
        #expect(a.count == b.count)
        // One palette of 256 colours for per-pixel noise: dithered, but on average close.
        #expect(PixelStatistics.meanDifference(a[20], b[20]) < 20)
        #expect(abs(PixelStatistics.mean(a[20]) - PixelStatistics.mean(b[20])) < 3)
    }

    @Test func aPNGSequenceIsAFolderMovedIntoPlaceWhole() throws {
        let scene = try EffectsTestScene()
        let folder = scene.directory.file("frames")
        try RenderJob(project: scene.project, settings: scene.settings(VideoEncoding(codec: .png))).render(to: folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        #expect(files.count == 45)
        #expect(files.first == "000000.png" && files.last == "000044.png")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scene.directory.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)
        // Lossless RGB: frame 0 is step 0.
        let first = try PNGImage.read(folder + "/000000.png"), step = try PNGImage.read(scene.project.folder.stepPath(0))
        #expect(first == step)
        // A second render into the now non-empty folder is refused instead of mixing frames.
        #expect(throws: SceneError.self) {
            try RenderJob(project: scene.project, settings: scene.settings(VideoEncoding(codec: .png))).render(to: folder)
        }
    }

    @Test func pingpongPlaysTheFramesForwardThenBackward() throws {
        let scene = try EffectsTestScene()
        var settings = try scene.settings()
        settings.loop = .pingpong
        let job = try RenderJob(project: scene.project, settings: settings)
        #expect(job.frameCount == 90)
        let frames = try scene.frames(scene.render("loop.mkv", settings: settings))
        #expect(frames.count == 90)
        for k in [0, 10, 44] { #expect(frames[45 + k] == frames[44 - k]) }
    }

    @Test func crossfadeLoopEndsWhereItBegins() throws {
        let scene = try EffectsTestScene()
        let plain = try scene.frames(scene.render("plain.mkv"))
        var settings = try scene.settings()
        settings.loop = .crossfade(seconds: 0.2)  // 6 frames
        let frames = try scene.frames(scene.render("loop.mkv", settings: settings))
        #expect(frames.count == 39)
        #expect(frames[0] == plain[6])
        // The last frame is almost all the head: close to plain[5], which plays just before frames[0].
        #expect(PixelStatistics.meanDifference(frames[38], plain[5]) < PixelStatistics.meanDifference(plain[44], plain[5]) / 3)
    }

    @Test func previewRendersHalfSizeAtHalfTheRate() throws {
        let scene = try EffectsTestScene()
        let settings = try scene.settings(VideoEncoding(codec: .h264)).previewing()
        #expect(settings.video.preset == "ultrafast")
        let path = try scene.render("preview.mp4", settings: settings)
        #expect(try Self.streams(path).contains("h264,48,32,yuv420p"))
        let probe = try VideoInspection.probe(path, entries: "stream=nb_frames,avg_frame_rate")
        #expect(probe["nb_frames"] == "23")  // ⌈6 steps · 15 fps / 4⌉
        #expect(probe["avg_frame_rate"] == "15/1")
    }

    @Test func graphCommandMapsTheSoundWithTheSameEncoderSettings() throws {
        let command = FFmpegCommand(scriptPath: "/g.lavfi", outputPath: "/o.webm", encoding: VideoEncoding(codec: .vp9), hasAudio: true)
        #expect(command.shellLine.contains("-map '[aout]' -c:a libopus -b:a 192k"))
        #expect(command.shellLine.contains("-c:v libvpx-vp9 -crf 31 -cpu-used 2 -color_range tv"))
        #expect(command.shellLine.contains("-b:v 0 -deadline good -map '[aout]'"))
        let frames = FFmpegCommand(scriptPath: "/g.lavfi", outputPath: "/out/frames", encoding: VideoEncoding(codec: .png))
        #expect(frames.arguments.suffix(5) == ["-start_number", "0", "-f", "image2", "/out/frames/%06d.png"])
    }
}

extension RenderSettings {
    /// Fast encoder settings without the preview's smaller picture (keeps the tests quick).
    func previewingEncoderOnly() -> RenderSettings {
        var copy = self
        copy.video = Preview().encoding(from: video)
        return copy
    }
}
