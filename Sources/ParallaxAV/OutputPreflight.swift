import CParallaxAV
import ParallaxCore

/// Checks an output's container and encoders before any work is done, so `create` refuses
/// `--container bogus` before generating steps rather than after.
public enum OutputPreflight {
    /// Throws one line naming `output` when its container or an encoder it needs is missing;
    /// `withAudio` also checks the audio encoder that goes with `video`.
    public static func check(video: VideoEncoding, withAudio: Bool = false, output: String) throws {
        let path = video.codec.writesFolder ? FFmpegCommand.framePattern(in: output) : output
        let encoders = [video.codec.encoder] + (withAudio ? [video.audio?.encoder].compactMap { $0 } : [])
        for encoder in encoders {
            do {
                try AVError.check { pav_check_output(video.container, path, encoder, $0, $1) }
            } catch let error as AVError {
                throw SceneError(file: output, error.message)
            }
        }
    }

    /// The same for a render's settings: the audio encoder is checked when the scene has sound.
    public static func check(settings: RenderSettings, output: String) throws {
        try check(video: settings.video, withAudio: settings.audio != nil, output: output)
    }
}
