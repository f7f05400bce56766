import CParallaxAV
import Foundation
import ParallaxCore

/// One stream of a graph run: the open output it reads and how it is encoded.
public struct StreamSpec: Sendable {
    public var sinkLabel: String
    public var encoder: String
    public var encoderOptions: [(key: String, value: String)]

    public init(sinkLabel: String, encoder: String, encoderOptions: [(key: String, value: String)] = []) {
        self.sinkLabel = sinkLabel
        self.encoder = encoder
        self.encoderOptions = encoderOptions
    }
}

/// Everything the shim needs to run a graph: text, streams and where the result goes.
public struct GraphJob: Sendable {
    public var graphText: String
    public var streams: [StreamSpec]
    /// nil runs the graph without encoding (compositing only).
    public var outputPath: String?
    public var container: String?
    public var muxerOptions: [(key: String, value: String)] = []
    public var filterThreads = 0
    /// Container metadata (a part's ``PartLabel``).
    public var metadata: [(key: String, value: String)] = []

    public init(graphText: String, streams: [StreamSpec], outputPath: String?, container: String? = nil,
                muxerOptions: [(key: String, value: String)] = []) {
        self.graphText = graphText
        self.streams = streams
        self.outputPath = outputPath
        self.container = container
        self.muxerOptions = muxerOptions
    }
}

/// Runs filter graphs in this process through the C shim.
public enum GraphRunner {
    /// Runs `job` to completion; `progress` gets the number of video frames done so far, and
    /// `shouldStop` (asked after each frame) stops this job alone with a cancellation error.
    /// Writes straight to `job.outputPath`: callers wrap it in ``AtomicOutput``.
    public static func run(_ job: GraphJob, progress: ((Int) -> Void)? = nil, shouldStop: (() -> Bool)? = nil) throws {
        let strings = CStringArena()
        let streams = job.streams.map { stream in
            pav_stream_spec(sink_label: strings.copy(stream.sinkLabel), encoder: strings.copy(stream.encoder),
                            encoder_options: strings.copy(lines(stream.encoderOptions)))
        }
        let box = ProgressBox(progress, shouldStop: shouldStop)
        let context = Unmanaged.passRetained(box)
        defer { context.release() }
        let callback: pav_progress_fn = { context, frames in
            guard let context else { return 0 }
            return Unmanaged<ProgressBox>.fromOpaque(context).takeUnretainedValue().report(Int(frames)) ? 1 : 0
        }
        try streams.withUnsafeBufferPointer { streamBuffer in
            var spec = pav_render_spec(
                graph_text: strings.copy(job.graphText),
                output_path: job.outputPath.map(strings.copy),
                format_name: job.container.map(strings.copy),
                muxer_options: strings.copy(lines(job.muxerOptions)),
                streams: streamBuffer.baseAddress,
                stream_count: Int32(streamBuffer.count),
                encode: job.outputPath == nil ? 0 : 1,
                filter_threads: Int32(job.filterThreads),
                progress: callback,
                progress_context: context.toOpaque(),
                metadata: strings.copy(lines(job.metadata))
            )
            try AVError.check { pav_render(&spec, $0, $1) }
        }
    }

    /// Installs the Ctrl-C handler that lets a running graph stop cleanly.
    public static func installInterruptHandler() { pav_install_interrupt_handler() }
    public static func requestCancel() { pav_request_cancel() }
    public static func resetCancel() { pav_reset_cancel() }
    public static var cancelRequested: Bool { pav_cancel_requested() != 0 }

    static func lines(_ options: [(key: String, value: String)]) -> String {
        options.map { "\($0.key)=\($0.value)" }.joined(separator: "\n")
    }
}

private final class ProgressBox {
    let progress: ((Int) -> Void)?
    let shouldStop: (() -> Bool)?
    init(_ progress: ((Int) -> Void)?, shouldStop: (() -> Bool)?) {
        self.progress = progress
        self.shouldStop = shouldStop
    }
    /// Reports progress; true stops the job.
    func report(_ frames: Int) -> Bool {
        progress?(frames)
        return shouldStop?() ?? false
    }
}

/// Owns C copies of Swift strings for the duration of one shim call.
final class CStringArena {
    private var pointers: [UnsafeMutablePointer<CChar>] = []
    func copy(_ string: String) -> UnsafePointer<CChar> {
        let pointer = strdup(string)!
        pointers.append(pointer)
        return UnsafePointer(pointer)
    }
    deinit { pointers.forEach { free($0) } }
}
