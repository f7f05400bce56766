import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// docs/step-folder.md promises any PNG colour type: a folder mixing them renders exactly like
/// the same pictures stored in one type, in-process and in stock ffmpeg running the script.
@Suite struct MixedColourTypeTests {
    /// A ground-truth scene with at most 64 colours (so a palette can hold every step) and
    /// R = G = B in step 0 (so a gray PNG can hold it), stored as 8-bit RGB.
    static func scene(_ directory: String) throws -> GroundTruthScene {
        let truth = try GroundTruthScene(directory: directory, steps: 6)
        let folder = truth.project.folder
        for step in 0...truth.plan.steps {
            var picture = try PNGImage.read(folder.stepPath(step), channels: 3)
            picture.pixels = picture.pixels.map { $0 & 0xC0 | 0x20 }
            if step == 0 {
                for index in stride(from: 0, to: picture.pixels.count, by: 3) {
                    picture.pixels[index + 1] = picture.pixels[index]
                    picture.pixels[index + 2] = picture.pixels[index]
                }
            }
            try PNGImage.write(picture, to: folder.stepPath(step))
        }
        return truth
    }

    @Test func aFolderMixingColourTypesRendersLikeTheSameStepsInOneType() throws {
        let plainFolder = TemporaryDirectory("onetype"), mixedFolder = TemporaryDirectory("mixed")
        let plain = try Self.scene(plainFolder.path), mixed = try Self.scene(mixedFolder.path)
        let kinds: [Int: PNGColourTypeWriter.Kind] = [0: .gray, 2: .rgba, 3: .rgb16, 4: .palette, 5: .rgba]
        for (step, kind) in kinds {
            let path = mixed.project.folder.stepPath(step)
            try PNGColourTypeWriter.write(try PNGImage.read(path, channels: 3), as: kind, to: path)
        }
        #expect(try mixed.project.folder.pixelLayoutRuns(steps: 6).map(\.steps) == [0...0, 1...1, 2...2, 3...3, 4...4, 5...5, 6...6])
        #expect(try plain.project.folder.pixelLayoutRuns(steps: 6).map(\.steps) == [0...6])

        let settings = RenderSettings(video: VideoEncoding(codec: .ffv1))
        let expected = plainFolder.file("plain.mkv")
        try RenderJob(project: plain.project, settings: settings).render(to: expected)
        let job = try RenderJob(project: mixed.project, settings: settings)
        let inProcess = mixedFolder.file("mixed.mkv")
        try job.render(to: inProcess)
        let reference = try VideoInspection.frameMD5s(expected)
        #expect(reference.count == plain.plan.frameCount)
        #expect(try VideoInspection.frameMD5s(inProcess) == reference)

        let script = mixedFolder.file("graph.lavfi")
        try job.graph.script.write(toFile: script, atomically: true, encoding: .utf8)
        let stock = mixedFolder.file("stock.mkv")
        let command = FFmpegCommand(scriptPath: script, outputPath: stock, encoding: job.settings.video)
        let result = try ProcessRunner.run(VideoInspection.ffmpeg, ["-v", "error"] + command.arguments.dropFirst())
        #expect(result.succeeded, "\(result.standardError)")
        #expect(try VideoInspection.frameMD5s(stock) == reference)
        // And FFmpeg 9 (imageio-ffmpeg) running the same script.
        let current = mixedFolder.file("current.mkv")
        let command9 = FFmpegCommand(scriptPath: script, outputPath: current, encoding: job.settings.video, ffmpeg: FFmpegVersion(9))
        let result9 = try ProcessRunner.run(try CurrentFFmpeg.binary(), ["-v", "error"] + command9.arguments.dropFirst())
        #expect(result9.succeeded, "\(result9.standardError)")
        #expect(try VideoInspection.frameMD5s(current) == reference)
    }

    @Test func anExtraStepAfterTheLastStoredInAnotherTypeChangesNothing() throws {
        let plainFolder = TemporaryDirectory("extra-plain"), mixedFolder = TemporaryDirectory("extra-mixed")
        let plain = try Self.scene(plainFolder.path), mixed = try Self.scene(mixedFolder.path)
        let extra = try PNGImage.read(plain.project.folder.stepPath(6), channels: 3)
        try PNGImage.write(extra, to: plain.project.folder.stepPath(7))
        try PNGColourTypeWriter.write(extra, as: .rgba, to: mixed.project.folder.stepPath(7))
        #expect(try mixed.project.folder.pixelLayoutRuns(steps: 6).map(\.steps) == [0...6, 7...7])
        let settings = RenderSettings(video: VideoEncoding(codec: .ffv1))
        try RenderJob(project: plain.project, settings: settings).render(to: plainFolder.file("a.mkv"))
        try RenderJob(project: mixed.project, settings: settings).render(to: mixedFolder.file("b.mkv"))
        let reference = try VideoInspection.frameMD5s(plainFolder.file("a.mkv"))
        #expect(reference.count == plain.plan.frameCount)
        #expect(try VideoInspection.frameMD5s(mixedFolder.file("b.mkv")) == reference)
    }

    @Test func theColourTypesReadBackAsWritten() throws {
        let folder = TemporaryDirectory("kinds")
        let picture = Raster(width: 4, height: 2, channels: 3, fill: 96)
        for kind in PNGColourTypeWriter.Kind.allCases {
            let path = folder.file("\(kind).png")
            try PNGColourTypeWriter.write(picture, as: kind, to: path)
            #expect(try PNGImage.read(path, channels: 3) == picture, "\(kind)")
        }
        let layouts = try PNGColourTypeWriter.Kind.allCases.map { try PNGPixelLayout(ofFile: folder.file("\($0).png")).description }
        #expect(layouts == ["8-bit RGBA", "16-bit RGB", "8-bit palette", "8-bit gray"])
    }
}
