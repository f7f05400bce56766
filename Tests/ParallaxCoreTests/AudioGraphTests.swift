import Foundation
@testable import ParallaxCore
import Testing

@Suite struct AudioGraphTests {
    func graph(_ audio: String, video: VideoEncoding = VideoEncoding()) throws -> RenderGraph {
        let (scene, plan) = try makePlan(sceneWith(#""audio": "# + audio))
        let mix = try AudioMix.parse(scene.extensions["audio"], scene: scene, sceneFile: "scene.json")
        return RenderGraph(plan: plan, stepPattern: "/s/%06d.png", settings: RenderSettings(video: video, audio: mix))
    }

    @Test func layerSoundsFollowDepthAndAreMixedToAnOpenAudioOutput() throws {
        let graph = try graph(#"{ "layers": [ { "layer": "layer0", "noise": "wind" }, { "layer": "layer2", "noise": "water" } ], "fadeIn": 0.5 }"#)
        #expect(graph.hasAudio)
        let lines = graph.script.split(separator: "\n").map(String.init)
        let far = try #require(lines.first { $0.contains("seed=1") }), near = try #require(lines.first { $0.contains("seed=2") })
        // layer0 (speed 0.2 of 1): quieter, duller, later; layer2 (the fastest): full range, no delay.
        #expect(far.contains("lowpass=frequency=1523") && far.contains("volume=volume=0.36") && far.contains("adelay=delays=2304S"))
        #expect(near.contains("lowpass=frequency=20000") && near.contains("volume=volume=1,") && near.contains("adelay=delays=0S"))
        // Moving left (180°): the left channel is louder.
        #expect(near.contains("stereo|c0=0.987688341*c0|c1=0.156434465*c0"))
        #expect(graph.script.contains("amix=inputs=2:normalize=0:duration=longest,afade=type=in:start_sample=0:nb_samples=24000"))
        #expect(graph.script.hasSuffix("aformat=sample_fmts=fltp:sample_rates=48000:channel_layouts=stereo,asetnsamples=nb_out_samples=1024:pad=0[aout]\n"))
        // 4 steps at 4/s: exactly 48000 samples.
        #expect(graph.script.contains("atrim=end_sample=48000"))
    }

    @Test func badAudioValuesNameTheirField() throws {
        func problem(_ audio: String) throws -> String {
            try #require(throws: SceneError.self) { try graph(audio) }.description
        }
        #expect(try problem(#"{ "layers": [ { "layer": "sea", "noise": "wind" } ] }"#)
                == #"scene.json: audio.layers[0].layer: no layer named "sea" (layers: layer0, layer1, layer2)"#)
        #expect(try problem(#"{ "bed": { "noise": "hum" } }"#).hasPrefix("scene.json: audio.bed.noise: expected one of white"))
        #expect(try problem(#"{ "bed": { "noise": "pink", "volume": 9 } }"#) == "scene.json: audio.bed.volume: must be between 0 and 4, got 9")
        #expect(try problem(#"{ "bed": { "noise": "pink", "file": "a.wav" } }"#).contains("no such file"))
        #expect(try problem(#"{ "bed": { } }"#) == "scene.json: audio.bed: give exactly one of file or noise")
        #expect(try problem(#"{ "volume": 1 }"#) == "scene.json: audio: give at least one layer sound or a bed")
    }

    @Test func webmGetsOpusFramesAndImageFormatsGetNoSound() throws {
        let webm = try graph(#"{ "bed": { "noise": "pink" } }"#, video: VideoEncoding(codec: .vp9))
        #expect(webm.script.contains("aformat=sample_fmts=flt:sample_rates=48000:channel_layouts=stereo,asetnsamples=nb_out_samples=960"))
        #expect(!(try graph(#"{ "bed": { "noise": "pink" } }"#, video: VideoEncoding(codec: .png))).hasAudio)
    }
}
