import ArgumentParser
import ParallaxAV
import ParallaxCore

/// Flags that choose how the video is encoded, and the render options scene keys can also set.
struct EncodingOptions: ParsableArguments {
    @Option(help: "Video codec: \(VideoCodec.allCases.map(\.rawValue).joined(separator: ", ")) (default: by the output's extension, else h264).")
    var codec: VideoCodec?

    @Option(help: "Output kind: \(OutputFormat.allCases.map(\.rawValue).joined(separator: ", ")) (png writes a folder of frames).")
    var format: OutputFormat?

    @Option(parsing: .unconditional,
            help: "Constant rate factor, lower is better and larger: H.264 and H.265 0…51 (default 18, 22), VP9 0…63 (31).")
    var crf: Int?

    @Option(parsing: .unconditional,
            help: "Encoder speed (H.264/H.265: ultrafast … veryslow, default medium; VP9: cpu-used 0 … 8, default 2).")
    var preset: String?

    @Option(help: "Container format (mp4, matroska, mov, nut); by default from the output's extension.")
    var container: String?

    @Option(help: "Frames between steps: \(Interpolation.modeNames.joined(separator: ", ")) (overrides the scene's \"interpolation\").")
    var interpolation: String?

    @Option(help: "Seamless loop: pingpong or crossfade (overrides the scene's \"loop\").")
    var loop: String?

    @Option(parsing: .unconditional, help: "Seconds of the crossfade for --loop crossfade (default 1).")
    var loopSeconds: Double?

    @Flag(help: "A fast preview: half size, half the frame rate, fastest encoder settings.")
    var preview = false

    func validate() throws {
        if let crf, !(0...63).contains(crf) { throw ValidationError("--crf must be between 0 and 63, got \(crf)") }
        if let interpolation, Interpolation.named(interpolation) == nil {
            throw ValidationError("--interpolation must be one of \(Interpolation.modeNames.joined(separator: ", ")), got \(interpolation)")
        }
        if let loop, LoopMode.parse(loop) == nil { throw ValidationError("--loop must be pingpong or crossfade, got \(loop)") }
        if let loopSeconds, !(loopSeconds > 0 && loopSeconds <= LoopMode.longestCrossfade) {
            throw ValidationError("--loop-seconds must be greater than 0 and at most \(Int(LoopMode.longestCrossfade)), got \(loopSeconds)")
        }
        if let container, !Muxers.exists(named: container) {
            throw ValidationError("--container must be a container FFmpeg writes (mp4, matroska, mov, nut, webm, …), got \"\(container)\"")
        }
    }

    func encoding(output: String?) -> VideoEncoding {
        OutputFormat.encoding(output: output, format: format, codec: codec, crf: crf, preset: preset, container: container)
    }

    /// The scene's render settings with these flags applied over them.
    func settings(project: Project, output: String?) throws -> RenderSettings {
        let video = encoding(output: output)
        // An extension FFmpeg has no container for (clip.xyz): say how to choose one, before any work.
        if video.container == nil, let output, !video.codec.writesFolder, !Muxers.knowsExtension(of: output) {
            throw SceneError(file: output, "FFmpeg has no container for this extension; "
                             + "name it .mp4, .mkv, .webm or .mov, or give --format or --container")
        }
        if let crf {
            guard let range = video.codec.crfRange else {
                throw FlagError("--crf applies to h264, h265 and vp9; \(video.codec.rawValue) has no constant rate factor")
            }
            guard range.contains(crf) else {
                throw FlagError("--crf for \(video.codec.rawValue) must be between \(range.lowerBound) and \(range.upperBound), got \(crf)")
            }
        }
        if video.codec == .vp9, let preset, Int(preset).map({ !(0...8).contains($0) }) ?? true {
            throw FlagError("--preset for VP9 is cpu-used, a number from 0 (slowest) to 8 (fastest); got \(preset)")
        }
        // libx264 reports an unknown preset only on its own stderr, and then the render fails.
        if [.h264, .h265].contains(video.codec), let preset, !VideoEncoding.h264Presets.contains(preset) {
            throw FlagError("--preset must be one of \(VideoEncoding.h264Presets.joined(separator: ", ")), got \(preset)")
        }
        var settings = try RenderSettings(project: project, video: video)
        if let interpolation, settings.interpolation.modeName != interpolation {
            settings.interpolation = Interpolation.named(interpolation)!
        }
        if let loop {
            var seconds = loopSeconds ?? 1
            if loopSeconds == nil, case .crossfade(let scene)? = settings.loop { seconds = scene }
            settings.loop = LoopMode.parse(loop, crossfadeSeconds: seconds)
        } else if let loopSeconds, case .crossfade? = settings.loop {
            settings.loop = .crossfade(seconds: loopSeconds)
        }
        settings = preview ? settings.previewing() : settings
        if loop != nil || loopSeconds != nil { try checkLoopFits(settings, project: project) }
        return settings
    }

    /// A crossfade asked for here that the video is too short for: name the flag, not scene.json.
    private func checkLoopFits(_ settings: RenderSettings, project: Project) throws {
        var plan = project.plan
        if let divisor = settings.preview?.frameRateDivisor, divisor > 1 {
            plan = plan.withFrameRate(Rational(plan.fps.numerator, plan.fps.denominator * divisor))
        }
        do {
            try settings.loop?.check(frames: plan.frameCount, fps: plan.fps, sceneFile: "")
        } catch let error as SceneError {
            let flag = loopSeconds != nil ? "--loop-seconds \(loopSeconds!)" : "--loop \(loop ?? "")"
            throw FlagError("\(flag): \(error.problem)")
        }
    }
}

extension VideoCodec: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}

/// A flag that is wrong only in combination with the output (so after parsing): one line, no usage.
struct FlagError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
