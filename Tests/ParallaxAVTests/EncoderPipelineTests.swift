import FilterGraph
import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// The render runs the graph on the caller's thread and the encoder on its own, joined by a short
/// queue of frames: a failure or a stop on either side must end both, with one message.
@Suite("Encoder on its own thread")
struct EncoderPipelineTests {
    /// A PNG sequence of `count` small frames whose frame `damaged` is not a PNG.
    static func sequence(in folder: TemporaryDirectory, count: Int, damaged: Int) throws -> String {
        for index in 0..<count {
            let path = folder.file(String(format: "%06d.png", index))
            if index == damaged {
                try Data("not a png".utf8).write(to: URL(fileURLWithPath: path))
                continue
            }
            var raster = Raster(width: 96, height: 64, channels: 3)
            for pixel in raster.pixels.indices { raster.pixels[pixel] = UInt8((pixel * 7 + index * 13) % 256) }
            try PNGImage.write(raster, to: path)
        }
        return folder.file("%06d.png")
    }

    @Test("a graph that fails mid-render while the encoder works gives the graph's message and no output")
    func graphFailsWhileEncoding() throws {
        let frames = TemporaryDirectory("pipeline-frames")
        let pattern = try Self.sequence(in: frames, count: 60, damaged: 40)
        let folder = TemporaryDirectory("pipeline")
        let output = AtomicOutput(folder.file("out.mp4"))
        let movie = FilterEscaping.filterArguments("filename=\(FilterEscaping.optionValue(pattern)):format_name=image2")
        let job = GraphJob(graphText: "movie=\(movie),format=pix_fmts=yuv420p[vout]",
                           streams: [StreamSpec(sinkLabel: "vout", encoder: "libx264")], outputPath: output.temporaryPath)
        var done = 0
        #expect { try output.write { _ in try GraphRunner.run(job, progress: { done = $0 }) } } throws: { error in
            guard let error = error as? AVError else { return false }
            return error.message.hasPrefix("running the filter graph") && !error.isCancellation
        }
        #expect(done == 40)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("an encoder side that fails mid-render stops the graph and gives the writer's message")
    func encoderSideFailsMidRender() throws {
        // /dev/full takes the header, then refuses the first buffer of packets it must write.
        let job = GraphJob(graphText: "testsrc2=size=320x240:rate=30:duration=1000,format=yuv420p[vout]",
                           streams: [StreamSpec(sinkLabel: "vout", encoder: "libx264",
                                                encoderOptions: [("preset", "ultrafast")])],
                           outputPath: "/dev/full", container: "mpegts")
        var done = 0
        #expect { try GraphRunner.run(job, progress: { done = $0 }) } throws: { error in
            guard let error = error as? AVError else { return false }
            return error.message.hasPrefix("writing /dev/full") && error.message.contains("No space left")
        }
        // The graph stopped within a queue's length of the failure, not at its 30,000th frame.
        #expect(done > 0 && done < 3000)
    }

    @Test("a job stopped while the encoder works ends as cancelled at once and leaves no output")
    func stopWhileEncoding() throws {
        let folder = TemporaryDirectory("pipeline")
        let output = AtomicOutput(folder.file("out.mp4"))
        let job = GraphJob(graphText: "testsrc2=size=640x360:rate=30:duration=1000,format=yuv420p[vout]",
                           streams: [StreamSpec(sinkLabel: "vout", encoder: "libx264")], outputPath: output.temporaryPath)
        var done = 0
        #expect {
            try output.write { _ in try GraphRunner.run(job, progress: { done = $0 }, shouldStop: { done >= 30 }) }
        } throws: { error in
            (error as? AVError)?.isCancellation == true
        }
        #expect(done == 30)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("an encoded render runs its graph on 2 threads and its step decoder on 1, compositing alone on libavfilter's default")
    func graphThreadsBesideTheEncoder() throws {
        let folder = TemporaryDirectory("pipeline")
        let scene = try GroundTruthScene(directory: folder.file("p"), width: 96, height: 64, direction: 180,
                                         layers: [(20, 0.3), (44, 1.0)], stepShift: 9.3, stepsPerSecond: "4",
                                         fps: "30", steps: 3)
        let job = try RenderJob(project: scene.project, settings: RenderSettings())
        // Fewer graph threads, fewer step decoder frame threads each holding a decoded step.
        #expect(job.graphJob(outputPath: folder.file("x.mp4")).filterThreads == 2)
        #expect(job.graphJob(outputPath: nil).filterThreads == 0)
        // Encoding, the step decoder runs on one thread; compositing alone and the script keep the default.
        #expect(job.graphJob(outputPath: folder.file("x.mp4")).graphText.contains(":format_name=image2:threads=1,"))
        #expect(!job.graphJob(outputPath: nil).graphText.contains("threads="))
        #expect(!job.graph.script.contains("threads="))
        let video = folder.file("x.mp4")
        try job.render(to: video)
        #expect(try VideoInspection.frameMD5s(video).count == scene.plan.frameCount)
    }

    @Test("audio and video pulled by time interleave into a file that decodes whole")
    func audioAndVideoInterleave() throws {
        let folder = TemporaryDirectory("pipeline")
        let path = folder.file("av.mp4")
        let job = GraphJob(graphText: "testsrc2=size=160x120:rate=25:duration=4,format=yuv420p[vout];"
                           + "sine=frequency=440:sample_rate=48000:duration=4,aformat=sample_fmts=fltp[aout]",
                           streams: [StreamSpec(sinkLabel: "vout", encoder: "libx264"),
                                     StreamSpec(sinkLabel: "aout", encoder: "aac")],
                           outputPath: path)
        var done = 0
        try GraphRunner.run(job, progress: { done = $0 })
        #expect(done == 100)
        let decode = try ProcessRunner.run(VideoInspection.ffmpeg, ["-v", "error", "-i", path, "-f", "null", "-"])
        #expect(decode.succeeded && decode.standardError.isEmpty)
        // Packets in file order: both streams, alternating in chunks, not one after the other.
        let packets = try ProcessRunner.run(VideoInspection.ffprobe, ["-v", "error", "-show_entries", "packet=stream_index",
                                                                     "-of", "csv=p=0", path])
        let streams = packets.standardOutput.split(separator: "\n").map { String($0) }
        #expect(streams.filter { $0 == "0" }.count == 100)
        #expect(streams.filter { $0 == "1" }.count >= 180)
        let switches = zip(streams, streams.dropFirst()).filter { $0 != $1 }.count
        #expect(switches >= 4)
    }
}
