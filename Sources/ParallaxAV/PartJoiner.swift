import CParallaxAV
import Foundation
import ParallaxCore

/// `parallax concat`: joins the parts of a split render by stream copy, and muxes the whole
/// render's sound (rendered once) at the join.
public enum PartJoiner {
    /// Reads a part's stream parameters and label; one line when the file is not a part.
    public static func probe(_ path: String) throws -> JoinPart {
        var info = pav_probe_info()
        var metadata = [CChar](repeating: 0, count: 16_384)
        try AVError.check { error, size in
            pav_probe(path, &info, &metadata, metadata.count, error, size)
        }
        let text = String(decoding: metadata.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var entries: [String: String] = [:]
        for line in text.split(separator: "\n") {
            guard let equals = line.firstIndex(of: "=") else { continue }
            // Matroska writes tag names in capitals.
            entries[String(line[..<equals]).lowercased()] = String(line[line.index(after: equals)...])
        }
        guard let label = PartLabel(metadata: entries) else {
            throw PartJoinError("\(path): not a part of a split render (no parallax_frames label); "
                                + "make parts with parallax render --frames A:B")
        }
        let codec = withUnsafeBytes(of: info.codec) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        let rate = info.rate_den > 0 ? Rational(Int(info.rate_num), Int(info.rate_den)) : Rational(0)
        return JoinPart(path: path, label: label, width: Int(info.width), height: Int(info.height),
                        codec: codec, rate: rate)
    }

    /// What a join wrote.
    public struct Result: Sendable {
        public let frames: Int
        public let soundPackets: Int
    }

    /// Checks that `paths` make one whole render, then writes them joined to `output` (atomically).
    /// With `project`, its sound is rendered once for the whole length and muxed in.
    public static func join(_ paths: [String], to output: String, project: Project? = nil,
                            container: String? = nil) throws -> Result {
        let parts = try PartJoin.order(try paths.map(probe))
        let whole = parts[0].label
        let target = AtomicOutput(output)
        try target.checkWritable()
        let sound = try project.flatMap { try soundFile(of: $0, for: whole, beside: output) }
        defer { if let sound { try? FileManager.default.removeItem(atPath: sound) } }
        var label = whole
        label.frames = FrameRange(start: 0, end: whole.totalFrames)
        let muxerOptions = PartContainer.keepingMetadata(
            ["mp4", "mov"].contains(container ?? URL(fileURLWithPath: output).pathExtension.lowercased())
                ? [("movflags", "+faststart")] : [],
            container: container, path: output)
        return try target.write { temporary in
            let strings = CStringArena()
            let pathPointers = parts.map { Optional(strings.copy($0.path)) }
            let starts = parts.map { Int64($0.label.frames.start) }
            let counts = parts.map { Int64($0.label.frames.count) }
            var spec = pav_concat_spec()
            spec.part_count = Int32(parts.count)
            spec.rate_num = Int32(whole.rate.numerator)
            spec.rate_den = Int32(whole.rate.denominator)
            spec.audio_path = sound.map(strings.copy)
            spec.output_path = strings.copy(temporary)
            spec.format_name = container.map(strings.copy)
            spec.muxer_options = strings.copy(GraphRunner.lines(muxerOptions))
            spec.metadata = strings.copy(GraphRunner.lines(label.metadata))
            do {
                try pathPointers.withUnsafeBufferPointer { pathBuffer in
                    try starts.withUnsafeBufferPointer { startBuffer in
                        try counts.withUnsafeBufferPointer { countBuffer in
                            spec.part_paths = pathBuffer.baseAddress
                            spec.start_frames = startBuffer.baseAddress
                            spec.frame_counts = countBuffer.baseAddress
                            try AVError.check { pav_concat(&spec, $0, $1) }
                        }
                    }
                }
            } catch let error as AVError where !error.isCancellation {
                throw AVError(code: error.code, message: error.message.replacingOccurrences(of: temporary, with: output))
            }
            guard spec.video_packets == Int64(whole.totalFrames) else {
                throw PartJoinError("\(output): joined \(spec.video_packets) frames, expected \(whole.totalFrames)")
            }
            return Result(frames: Int(spec.video_packets), soundPackets: Int(spec.audio_packets))
        }
    }

    /// Renders the project's sound for the whole video to a hidden file beside the output, or nil
    /// when the scene has none. The project must be the one the parts were rendered from.
    static func soundFile(of project: Project, for whole: PartLabel, beside output: String) throws -> String? {
        let settings = try RenderSettings(project: project, video: VideoEncoding(codec: VideoCodec(rawValue: whole.codec) ?? .h264))
        let plan = project.plan
        guard plan.frameCount == whole.totalFrames, plan.fps == whole.rate else {
            throw PartJoinError("\(project.sceneFile): renders \(plan.frameCount) frames at \(plan.fps) fps, "
                                + "but the parts hold \(whole.totalFrames) at \(whole.rate): not their project")
        }
        guard let graph = RenderGraph.soundOnly(plan: plan, stepPattern: project.folder.imageSequencePattern,
                                                settings: settings),
              let audio = settings.video.audio else { return nil }
        let directory = (output as NSString).deletingLastPathComponent
        let name = ".\((output as NSString).lastPathComponent).sound-\(ProcessInfo.processInfo.processIdentifier)"
            + (audio == .aac ? ".m4a" : ".mka")
        let path = (directory.isEmpty ? "." : directory as NSString).appendingPathComponent(name)
        do {
            try GraphRunner.run(GraphJob(graphText: graph.script,
                                         streams: [StreamSpec(sinkLabel: RenderGraph.audioOutput.name,
                                                              encoder: audio.encoder,
                                                              encoderOptions: audio.encoderOptions)],
                                         outputPath: path))
        } catch {
            try? FileManager.default.removeItem(atPath: path)
            throw error
        }
        return path
    }
}
