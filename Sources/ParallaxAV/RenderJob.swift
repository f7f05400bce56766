import Foundation
import ParallaxCore

/// Renders a project's step folder to a video file (or a folder of frames), atomically.
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
        let layout = StripLayout(plan: plan)
        if !layout.isStacked && settings.interpolation != .exact {
            throw SceneError(file: project.sceneFile, "interpolation \(settings.interpolation.modeName) works on straight bands "
                             + "only; a scene with contour layers renders with exact interpolation")
        }
        try project.folder.validateStrips(layout, objects: plan.objects, steps: plan.steps, width: plan.width)
        graph = RenderGraph(plan: plan, stepPattern: project.folder.imageSequencePattern, settings: settings,
                            stepRuns: try project.folder.pixelLayoutRuns(steps: plan.steps),
                            stripPatterns: project.folder.stripSequencePattern(layer:),
                            objectPictures: project.folder.objectPictureFilename(_:))
        try settings.loop?.check(frames: graph.plan.frameCount, fps: graph.plan.fps, sceneFile: project.sceneFile)
    }

    public var frameCount: Int { graph.frameCount }

    /// The shim job that writes to `path`, or only composites when `path` is nil.
    public func graphJob(outputPath path: String?) -> GraphJob {
        let video = settings.video
        var streams = [StreamSpec(sinkLabel: RenderGraph.videoOutput.name, encoder: video.codec.encoder,
                                  encoderOptions: video.encoderOptions)]
        if graph.hasAudio, let audio = video.audio {
            streams.append(StreamSpec(sinkLabel: RenderGraph.audioOutput.name, encoder: audio.encoder,
                                      encoderOptions: audio.encoderOptions))
        }
        let output = path.map { video.codec.writesFolder ? FFmpegCommand.framePattern(in: $0) : $0 }
        return GraphJob(graphText: graph.script, streams: streams, outputPath: output,
                        container: video.container, muxerOptions: video.muxerOptions)
    }

    /// Renders to `outputPath` through a temporary file (or folder, for an image sequence).
    public func render(to outputPath: String, progress: ((Int) -> Void)? = nil) throws {
        let output = AtomicOutput(outputPath)
        let folder = settings.video.codec.writesFolder
        try output.checkWritable(folder: folder)
        let run = { (temporary: String) in
            do {
                try GraphRunner.run(graphJob(outputPath: temporary), progress: progress)
            } catch let error as AVError where !error.isCancellation {
                // The user never chose the temporary name: report the path they gave.
                throw StepDiagnosis.explain(error.naming(outputPath, insteadOf: temporary), folder: project.folder, steps: project.plan.steps)
            }
        }
        if folder { try output.writeFolder(run) } else { try output.write(run) }
    }

    /// Runs the graph without encoding: how fast compositing alone is.
    public func composite(progress: ((Int) -> Void)? = nil) throws {
        do {
            try GraphRunner.run(graphJob(outputPath: nil), progress: progress)
        } catch let error as AVError {
            throw StepDiagnosis.explain(error, folder: project.folder, steps: project.plan.steps)
        }
    }
}
