import FilterGraph

extension RenderGraphBuilder {
    static let sampleRate = 48_000

    /// Samples in the video's length: frames · 48000 / fps, exactly (rounded once).
    var audioSamples: Int { samples(frames: plan.frameCount) }

    func samples(frames: Int) -> Int {
        let numerator = frames * Self.sampleRate * plan.fps.denominator
        return (numerator + plan.fps.numerator / 2) / plan.fps.numerator
    }

    /// Every track shaped and mixed, faded, at the video's length (before looping).
    mutating func mix(_ mix: AudioMix) -> Label {
        var tracks: [Label] = []
        let fastest = plan.layers.map(\.speed).max() ?? 0
        for (index, track) in mix.tracks.enumerated() {
            let layer = plan.layers[track.layer]
            let acoustics = LayerAcoustics(nearness: fastest > 0 ? layer.speed / fastest : 0, direction: layer.direction)
            let gains = acoustics.channelGains
            let delay = Int((acoustics.delay * Double(Self.sampleRate)).rounded())
            tracks.append(graph.chain([], source(track.source, seed: index + 1, channels: "mono") + [
                Filter("lowpass", ["frequency": PlaceholderExpression.format(acoustics.cutoff.rounded())]),
                Filter("volume", ["volume": PlaceholderExpression.format(acoustics.gain * track.volume * mix.volume)]),
                Filter("adelay", ["delays": "\(delay)S"]),
                Filter("pan", ["args": "stereo|c0=\(PlaceholderExpression.format(gains.left))*c0|c1=\(PlaceholderExpression.format(gains.right))*c0"]),
                Filter("atrim", ["end_sample": audioSamples]),
            ], hint: "sound"))
        }
        if let bed = mix.bed {
            tracks.append(graph.chain([], source(bed.source, seed: 1000, channels: "stereo") + [
                Filter("volume", ["volume": PlaceholderExpression.format(bed.volume * mix.volume)]),
                Filter("atrim", ["end_sample": audioSamples]),
            ], hint: "bed"))
        }
        var filters: [Filter] = []
        if tracks.count > 1 {
            // Straight sum: the volumes in the scene are the levels heard.
            filters.append(Filter("amix", ["inputs": tracks.count, "normalize": 0, "duration": "longest"]))
        }
        let total = audioSamples
        if mix.fadeIn > 0 {
            filters.append(Filter("afade", ["type": "in", "start_sample": 0,
                                            "nb_samples": min(total, Int(mix.fadeIn * Double(Self.sampleRate)))]))
        }
        if mix.fadeOut > 0 {
            let length = min(total, Int(mix.fadeOut * Double(Self.sampleRate)))
            filters.append(Filter("afade", ["type": "out", "start_sample": total - length, "nb_samples": length]))
        }
        if filters.isEmpty { filters.append(Filter("anull")) }
        return graph.chain(tracks, filters, hint: "mix")
    }

    /// A sound source at 48 kHz with `channels`, long enough for the video.
    private func source(_ source: SoundSource, seed: Int, channels: String) -> [Filter] {
        let format = Filter("aformat", ["sample_fmts": "fltp", "sample_rates": Self.sampleRate, "channel_layouts": channels])
        switch source {
        case .file(let path):
            // loop=0 repeats the file forever; atrim later cuts it to the video's length.
            // Each pass restarts the file's time stamps, so they are renumbered from the samples.
            return [Filter("amovie", ["filename": path, "loop": 0]), Filter("asetpts", ["expr": "N/SR/TB"]), format]
        case .noise(let noise):
            let samples = audioSamples + Int(LayerAcoustics.maximumDelay * Double(Self.sampleRate)) + 1
            return [Filter("anoisesrc", ["color": noise.color, "sample_rate": Self.sampleRate, "amplitude": 0.5,
                                         "seed": seed, "duration": durationMicroseconds(samples)])]
                + noise.shaping + [format]
        }
    }

    private func durationMicroseconds(_ samples: Int) -> String {
        "\((samples * 1_000_000 + Self.sampleRate - 1) / Self.sampleRate)us"
    }

    /// The loop mode's audio counterpart, so picture and sound loop together.
    mutating func loopAudio(_ sound: Label) -> Label {
        guard let loop = settings.loop else { return sound }
        let copies = graph.split(sound, into: 2, audio: true)
        switch loop {
        case .pingpong:
            let backwards = graph.chain([copies[1]], [Filter("areverse")], hint: "areversed")
            return graph.chain([copies[0], backwards], [Filter("concat", ["n": 2, "v": 0, "a": 1])], hint: "alooped")
        case .crossfade(let seconds):
            let overlap = samples(frames: LoopMode.crossfadeFrames(seconds, fps: plan.fps))
            let body = graph.chain([copies[0]], [Filter("atrim", ["start_sample": overlap]), Filter("asetpts", ["expr": "PTS-STARTPTS"])], hint: "abody")
            let head = graph.chain([copies[1]], [Filter("atrim", ["end_sample": overlap])], hint: "ahead")
            return graph.chain([body, head], [Filter("acrossfade", ["nb_samples": overlap, "curve1": "tri", "curve2": "tri"])], hint: "alooped")
        }
    }

    /// The one conversion to the encoder's sample format, named [aout].
    mutating func finishAudio(_ sound: Label, mix: AudioMix) {
        let encoding = settings.video.audio ?? .aac
        graph.chain([sound], [
            Filter("aformat", ["sample_fmts": encoding.sampleFormat, "sample_rates": Self.sampleRate, "channel_layouts": "stereo"]),
            Filter("asetnsamples", ["nb_out_samples": encoding.frameSize, "pad": 0]),
        ], output: RenderGraph.audioOutput)
    }
}
