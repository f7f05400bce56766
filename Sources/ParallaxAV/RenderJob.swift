import Foundation
import ParallaxCore

/// Renders a project's step folder to a video file, atomically.
public struct RenderJob: Sendable {
    public let project: Project
    public let settings: RenderSettings
    public let graph: RenderGraph

    /// `settings.video` is adapted to this machine (``VideoEncoding/forThisHost``): use
    /// `job.settings.video` for an ffmpeg command that must give the same video.
    public init(project: Project, settings: RenderSettings) throws {
        self.project = project
        var settings = settings
        settings.video = settings.video.forThisHost
        self.settings = settings
        let plan = project.plan
        try project.folder.validate(steps: plan.steps, width: plan.width, height: plan.height)
        graph = RenderGraph(plan: plan, stepPattern: project.folder.imageSequencePattern, settings: settings)
    }

    public var frameCount: Int { graph.frameCount }

    /// The shim job that writes to `path`, or only composites when `path` is nil.
    public func graphJob(outputPath path: String?) -> GraphJob {
        let video = settings.video
        var streams = [StreamSpec(sinkLabel: RenderGraph.videoOutput.name, encoder: video.codec.encoder,
                                  encoderOptions: video.encoderOptions)]
        if graph.hasAudio {
            streams.append(StreamSpec(sinkLabel: RenderGraph.audioOutput.name, encoder: "aac",
                                      encoderOptions: [("b", "192k")]))
        }
        return GraphJob(graphText: graph.script, streams: streams, outputPath: path,
                        container: video.container, muxerOptions: video.muxerOptions)
    }

    /// Renders to `outputPath` through a temporary file.
    public func render(to outputPath: String, progress: ((Int) -> Void)? = nil) throws {
        let output = AtomicOutput(outputPath)
        try output.checkWritable()
        try output.write { temporary in
            do {
                try GraphRunner.run(graphJob(outputPath: temporary), progress: progress)
            } catch let error as AVError where !error.isCancellation {
                // The user never chose the temporary name: report the path they gave.
                throw AVError(code: error.code, message: error.message.replacingOccurrences(of: temporary, with: outputPath))
            }
        }
    }

    /// Runs the graph without encoding: how fast compositing alone is.
    public func composite(progress: ((Int) -> Void)? = nil) throws {
        try GraphRunner.run(graphJob(outputPath: nil), progress: progress)
    }
}
