import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// Real renders with sound: streams, levels per track, pan, loops, fades, and parity with ffmpeg.
@Suite struct AudioRenderTests {
    /// Mean volume in dB (volumedetect) of channel `channel` (nil: both) between two times.
    static func meanVolume(_ path: String, channel: Int? = nil, from start: Double = 0, to end: Double = 100) throws -> Double {
        var filter = "atrim=start=\(start):end=\(end)"
        if let channel { filter += ",pan=mono|c0=c\(channel)" }
        filter += ",volumedetect"
        let result = try ProcessRunner.run(VideoInspection.ffmpeg, ["-hide_banner", "-nostats", "-i", path, "-map", "0:a", "-af", filter, "-f", "null", "-"])
        guard let line = result.standardError.split(separator: "\n").first(where: { $0.contains("mean_volume:") }),
              let value = Double(line.split(separator: ":").last!.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " dB", with: ""))
        else { throw InspectionError("no volumedetect output for \(path): \(result.standardError)") }
        return value
    }

    func render(_ audio: JSONValue, name: String = "out.mp4", extra: [String: JSONValue] = [:],
                direction: Double = 180) throws -> (scene: EffectsTestScene, path: String) {
        var extensions = extra
        extensions["audio"] = audio
        let scene = try EffectsTestScene(extensions: extensions, direction: direction)
        return (scene, try scene.render(name, settings: scene.settings(VideoEncoding(codec: .h264, preset: "ultrafast"))))
    }

    @Test func aSceneWithSoundGetsAnAACStereoTrackAsLongAsTheVideo() throws {
        let (scene, path) = try render(["layers": [["layer": "layer1", "noise": "water"]], "bed": ["noise": "pink", "volume": 0.2]])
        defer { withExtendedLifetime(scene) {} }
        let audio = try VideoInspection.probe(path, entries: "stream=codec_name,sample_rate,channels,duration")
        let streams = try ProcessRunner.run(VideoInspection.ffprobe, ["-v", "error", "-show_entries", "stream=codec_type,codec_name,sample_rate,channels,duration", "-of", "csv=p=0", path]).standardOutput
        #expect(streams.contains("aac,audio,48000,2"))
        #expect(streams.contains("h264,video"))
        #expect(audio["codec_name"] != nil)
        let lines = streams.split(separator: "\n")
        let audioDuration = try #require(lines.first { $0.contains("audio") }.flatMap { Double($0.split(separator: ",").last!) })
        #expect(abs(audioDuration - 1.5) < 0.03)  // 45 frames at 30 fps
        #expect(try Self.meanVolume(path) > -40)
    }

    @Test func theNearLayerSoundsLouderThanTheFarOne() throws {
        let (farScene, far) = try render(["layers": [["layer": "layer0", "noise": "white"]]], name: "far.mp4")
        let (nearScene, near) = try render(["layers": [["layer": "layer1", "noise": "white"]]], name: "near.mp4")
        defer { withExtendedLifetime((farScene, nearScene)) {} }
        // layer0 moves at half layer1's speed: gain 0.6 against 1.0 (−4.4 dB) plus a 5 kHz low-pass.
        #expect(try Self.meanVolume(near) > Self.meanVolume(far) + 4)
    }

    @Test func theSoundSitsOnTheSideTheLayerMovesTowards() throws {
        let (leftScene, left) = try render(["layers": [["layer": "layer1", "noise": "pink"]]], name: "left.mp4", direction: 180)
        defer { withExtendedLifetime(leftScene) {} }
        #expect(try Self.meanVolume(left, channel: 0) > Self.meanVolume(left, channel: 1) + 6)
        let (rightScene, right) = try render(["layers": [["layer": "layer1", "noise": "pink"]]], name: "right.mp4", direction: 0)
        defer { withExtendedLifetime(rightScene) {} }
        #expect(try Self.meanVolume(right, channel: 1) > Self.meanVolume(right, channel: 0) + 6)
    }

    @Test func aShortFileLoopsToTheVideosLengthAndFadesInAndOut() throws {
        let scene = try EffectsTestScene(extensions: [
            "audio": ["bed": ["file": "tone.wav"], "fadeIn": 0.4, "fadeOut": 0.4],
        ])
        // A 0.3 s tone: the 1.5 s video needs it five times over.
        let tone = scene.directory.file("tone.wav")
        let made = try ProcessRunner.run(VideoInspection.ffmpeg, ["-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=0.3", tone])
        #expect(made.succeeded)
        let path = try scene.render("out.mp4", settings: scene.settings(VideoEncoding(codec: .h264, preset: "ultrafast")))
        let start = try Self.meanVolume(path, from: 0, to: 0.05)
        let middle = try Self.meanVolume(path, from: 0.6, to: 0.9)
        let late = try Self.meanVolume(path, from: 1.1, to: 1.2)  // well after the file's own end, before the fade
        let end = try Self.meanVolume(path, from: 1.45, to: 1.5)
        #expect(middle > -30)
        #expect(abs(late - middle) < 3)
        #expect(start < middle - 15)
        #expect(end < middle - 15)
    }

    @Test func formatsWithoutSoundDropTheMix() throws {
        let scene = try EffectsTestScene(extensions: ["audio": ["bed": ["noise": "pink"]]])
        let gif = RenderGraph(plan: scene.project.plan, stepPattern: scene.project.folder.imageSequencePattern,
                              settings: try scene.settings(VideoEncoding(codec: .gif)))
        #expect(!gif.hasAudio)
        #expect(!gif.script.contains("[aout]"))
    }

    @Test func inProcessAndStockFFmpegGiveIdenticalVideoAndAudioWithEffectsAndSound() throws {
        let scene = try EffectsTestScene(extensions: [
            "effects": [["type": "fog", "layers": ["layer0"]], ["type": "grain"], ["type": "rain"], ["type": "vignette"],
                        ["type": "fadein", "seconds": 0.3]],
            "audio": ["layers": [["layer": "layer0", "noise": "wind"], ["layer": "layer1", "noise": "water"]],
                      "bed": ["noise": "brown", "volume": 0.3], "fadeOut": 0.5],
        ])
        let settings = try scene.settings(VideoEncoding(codec: .h264, preset: "ultrafast"))
        let job = try RenderJob(project: scene.project, settings: settings)
        #expect(job.graph.hasAudio)
        let inProcess = scene.directory.file("in-process.mp4")
        try job.render(to: inProcess)
        let script = scene.directory.file("graph.lavfi")
        try Data(job.graph.script.utf8).write(to: URL(fileURLWithPath: script))
        let stock = scene.directory.file("stock.mp4")
        let command = FFmpegCommand(scriptPath: script, outputPath: stock, encoding: settings.video, hasAudio: true)
        #expect(command.arguments.contains("[aout]") && command.arguments.contains("aac") && command.arguments.contains("192k"))
        let result = try ProcessRunner.run(VideoInspection.ffmpeg, Array(command.arguments.dropFirst()) + ["-v", "error"])
        #expect(result.succeeded, "\(result.standardError)")
        for stream in ["0:v", "0:a"] {
            let framesA = try Self.frameMD5s(inProcess, stream: stream), framesB = try Self.frameMD5s(stock, stream: stream)
            #expect(framesA.count > 10)
            #expect(framesA == framesB, "stream \(stream) differs")
        }
    }

    static func frameMD5s(_ path: String, stream: String) throws -> [String] {
        let result = try ProcessRunner.run(VideoInspection.ffmpeg, ["-v", "error", "-i", path, "-map", stream, "-f", "framemd5", "-"])
        guard result.succeeded else { throw InspectionError(result.standardError) }
        return result.standardOutput.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
    }
}
