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

    /// The parity oracle's two sides: the frame MD5s of stock ffmpeg running `job`'s emitted
    /// script and of the in-process render, written into `folder` as stock.EXT and inprocess.EXT.
    /// Throws with ffmpeg's message when stock ffmpeg refuses the script.
    public static func parityFrameMD5s(_ job: RenderJob, in folder: TemporaryDirectory,
                                       fileExtension: String) throws -> (stock: [String], inProcess: [String]) {
        let stock = folder.file("stock." + fileExtension)
        let result = try renderWithStockFFmpeg(job, scriptPath: folder.file("graph.lavfi"), output: stock)
        guard result.succeeded else { throw InspectionError("stock ffmpeg refused the script: \(result.standardError)") }
        let inProcess = folder.file("inprocess." + fileExtension)
        try job.render(to: inProcess)
        return (try frameMD5s(stock), try frameMD5s(inProcess))
    }
}
