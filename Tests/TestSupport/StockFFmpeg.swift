import Foundation
import ParallaxAV
import ParallaxCore

extension VideoInspection {
    /// Stock ffmpeg running `job`'s emitted script into `output`, with the command `parallax graph`
    /// prints (the script is written to `scriptPath`): the other side of every parity test.
    /// `job.settings.video`, not the encoding asked for: it carries this machine's adaptations.
    public static func renderWithStockFFmpeg(_ job: RenderJob, scriptPath: String, output: String) throws -> ProcessResult {
        try job.graph.script.write(toFile: scriptPath, atomically: true, encoding: .utf8)
        var arguments = FFmpegCommand(scriptPath: scriptPath, outputPath: output, encoding: job.settings.video).arguments
        arguments.removeFirst()  // the program's name
        return try ProcessRunner.run(ffmpeg, ["-v", "error"] + arguments)
    }
}
