import Foundation
import ParallaxCore

/// Renders a project's step folder to a video file (or a folder of frames), atomically.
public struct RenderJob: Sendable {
    public let project: Project
    public let settings: RenderSettings
    public let graph: RenderGraph
    /// What a part of a split render (`settings.frames`) records in its container.
    public let partLabel: PartLabel?

    /// `settings.video` is adapted to this machine (``VideoEncoding/forThisHost``): use
    /// `job.settings.video` for an ffmpeg command that must give the same video.
    public init(project: Project, settings: RenderSettings) throws {
        self.project = project
        var adapted = settings
        adapted.video = settings.video.forThisHost
        self.settings = adapted
        let plan = project.plan
        try project.folder.validate(steps: plan.steps, width: plan.width, height: plan.height)
        let layout = StripLayout(plan: plan)
        if !layout.isStacked && settings.interpolation != .exact {
            throw SceneError(file: project.sceneFile, "interpolation \(settings.interpolation.modeName) works on straight bands "
                             + "only; a scene with contour layers renders with exact interpolation")
        }
        try project.folder.validateStrips(layout, objects: plan.objects, steps: plan.steps, width: plan.width)
        graph = RenderGraph(plan: plan, stepPattern: project.folder.imageSequencePattern, settings: adapted,
                            stepRuns: try project.folder.pixelLayoutRuns(steps: plan.steps),
                            stripPatterns: project.folder.stripSequencePattern(layer:),
                            objectPictures: project.folder.objectPictureFilename(_:))
        try adapted.loop?.check(frames: graph.plan.frameCount, fps: graph.plan.fps, sceneFile: project.sceneFile)
        partLabel = try settings.frames.map { try RenderJob.label(project: project, settings: settings, range: $0) }
    }

    public var frameCount: Int { graph.frameCount }

    /// The label of one part: its range and the identity of the full render. The identity uses
    /// the settings before host adaptation, so parts from machines with and without AVX-512 join.
    private static func label(project: Project, settings: RenderSettings, range: FrameRange) throws -> PartLabel {
        if settings.loop != nil {
            throw FrameRangeError("--frames \(range): a looped video (pingpong or crossfade) renders only whole")
        }
        if settings.video.codec == .gif {
            throw FrameRangeError("--frames \(range): a GIF's palette comes from the whole video; render it whole")
        }
        var whole = settings
        whole.frames = nil
        let full = RenderGraph(plan: project.plan, stepPattern: "steps/%06d.png", settings: whole)
        try range.check(total: full.frameCount)
        let sceneBytes = (FileManager.default.contents(atPath: project.sceneFile)).map { [UInt8]($0) } ?? []
        let identity = RenderIdentity.of(sceneBytes: sceneBytes, graphScript: full.script,
                                         encoder: settings.video.codec.encoder,
                                         encoderOptions: settings.video.encoderOptions)
        return PartLabel(frames: range, totalFrames: full.frameCount, width: full.outputWidth,
                         height: full.outputHeight, rate: full.plan.fps, codec: settings.video.codec.rawValue,
                         render: identity)
    }

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
        // Encoding, x264's frame threads take every core and the graph runs beside them on a
        // thread of its own: two graph threads are enough (one starved the graph beside x264).
        // libavfilter gives its thread count to the step decoders (`movie`) too, whose frame
        // threads each hold a decoded step and its file: encoding, they decode on one thread
        // (11 MB less at 1600x1050, no wall time lost; docs/rendering.md). The frames are the
        // same. Compositing alone, and the emitted script, keep libavfilter's defaults.
        let text = path == nil ? graph.script : graph.graph.setting(.init("threads", "1"), onEvery: "movie").script
        var job = GraphJob(graphText: text, streams: streams, outputPath: output,
                           container: video.container, muxerOptions: video.muxerOptions)
        job.filterThreads = path == nil ? 0 : 2
        if let partLabel {
            job.metadata = partLabel.metadata
            job.muxerOptions = PartContainer.keepingMetadata(job.muxerOptions, container: video.container, path: path)
        }
        return job
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
