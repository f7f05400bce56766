import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// Sound follows the picture's loop (docs/audio.md): pingpong plays it forward then backward,
/// crossfade fades its end into its start. The bed is a 1.5 s file (the video's length) that
/// holds a tone for its first 0.5 s and silence after, so where the tone lands shows the order.
@Suite struct AudioLoopTests {
    func render(loop: JSONValue) throws -> (scene: EffectsTestScene, path: String) {
        let scene = try EffectsTestScene(extensions: ["audio": ["bed": ["file": "tone.wav"]], "loop": loop])
        let made = try ProcessRunner.run(VideoInspection.ffmpeg, [
            "-v", "error", "-f", "lavfi", "-i", "sine=frequency=440:duration=0.5", "-af", "apad=whole_dur=1.5",
            scene.directory.file("tone.wav"),
        ])
        try #require(made.succeeded, "\(made.standardError)")
        let path = try scene.render("loop.mp4", settings: scene.settings(VideoEncoding(codec: .h264, preset: "ultrafast")))
        return (scene, path)
    }

    /// The durations of the video and audio streams, in seconds.
    func durations(_ path: String) throws -> (video: Double, audio: Double) {
        let result = try ProcessRunner.run(VideoInspection.ffprobe, [
            "-v", "error", "-show_entries", "stream=codec_type,duration", "-of", "csv=p=0", path,
        ])
        var values: [String: Double] = [:]
        for line in result.standardOutput.split(separator: "\n") {
            let fields = line.split(separator: ",")
            if fields.count == 2, let seconds = Double(fields[1]) { values[String(fields[0])] = seconds }
        }
        return (try #require(values["video"]), try #require(values["audio"]))
    }

    @Test func pingpongPlaysTheSoundForwardThenBackward() throws {
        let (scene, path) = try render(loop: ["mode": "pingpong"])
        defer { withExtendedLifetime(scene) {} }
        let lengths = try durations(path)
        #expect(abs(lengths.video - 3) < 0.04 && abs(lengths.audio - 3) < 0.05, "\(lengths)")
        let volume = { (from: Double, to: Double) in try AudioRenderTests.meanVolume(path, from: from, to: to) }
        // Forward: tone 0–0.5 s, silence to 1.5 s. Backward: silence to 2.5 s, tone 2.5–3 s.
        #expect(try volume(0.1, 0.4) > -30)
        #expect(try volume(0.7, 1.3) < -60)
        #expect(try volume(1.7, 2.3) < -60, "the tone came back too early: played forward twice?")
        #expect(try volume(2.6, 2.9) > -30, "no tone at the end: the second half is not the first reversed")
    }

    @Test func crossfadeFadesTheSoundsEndIntoItsStart() throws {
        let (scene, path) = try render(loop: ["mode": "crossfade", "seconds": 0.5])
        defer { withExtendedLifetime(scene) {} }
        let lengths = try durations(path)
        #expect(abs(lengths.video - 1) < 0.04 && abs(lengths.audio - 1) < 0.05, "\(lengths)")
        let volume = { (from: Double, to: Double) in try AudioRenderTests.meanVolume(path, from: from, to: to) }
        // The first 0.5 s (the tone) became the tail: silence first, then the tone fading in
        // over the last 0.5 s, so the end leads into the start.
        #expect(try volume(0.05, 0.45) < -60, "the loop should start after the crossfaded part")
        #expect(try volume(0.85, 1.0) > -30, "the end should fade into the tone the video starts with")
        #expect(try volume(0.85, 1.0) > volume(0.55, 0.7) + 3, "the tone should rise through the crossfade")
    }
}
