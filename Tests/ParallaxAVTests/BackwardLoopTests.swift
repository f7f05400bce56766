import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// A pingpong loop of straight bands computes its backward half by running time backward
/// through the exact-motion graph (steps read in descending order), instead of holding the
/// forward half in `reverse`: the frames must be the forward ones reversed, bit for bit, and
/// stock ffmpeg running the script must give the same video.
@Suite("Pingpong backward in time")
struct BackwardLoopTests {
    @Test("the backward half is the forward frames in reverse order, with no reverse filter", arguments: [
        (180.0, "4", "30"), (0, "7/3", "24"), (90, "5", "30000/1001"),
    ])
    func backwardHalfMirrorsTheForwardHalf(direction: Double, rate: String, fps: String) throws {
        let folder = TemporaryDirectory("pingpong")
        let scene = try GroundTruthScene(directory: folder.file("p"), width: 96, height: 64, direction: direction,
                                         layers: [(20, 0.3), (17, 0.0), (27, 1.0)], stepShift: 9.3,
                                         stepsPerSecond: rate, fps: fps, steps: 5)
        let settings = RenderSettings(video: VideoEncoding(codec: .ffv1), loop: .pingpong)
        let job = try RenderJob(project: scene.project, settings: settings)
        #expect(!job.graph.script.contains("reverse"))
        let video = folder.file("loop.mkv")
        try job.render(to: video)
        // The hashes only: each line also carries the frame's time stamp.
        func hashes(_ path: String) throws -> [String] {
            try VideoInspection.frameMD5s(path).map { String($0.split(separator: ",").last ?? "") }
        }
        let frames = try hashes(video)
        let count = scene.plan.frameCount
        #expect(frames.count == 2 * count)
        #expect(frames.count == 2 * count && (0..<count).allSatisfy { frames[count + $0] == frames[count - 1 - $0] })
        let plain = folder.file("plain.mkv")
        try RenderJob(project: scene.project, settings: RenderSettings(video: VideoEncoding(codec: .ffv1))).render(to: plain)
        #expect(Array(frames.prefix(count)) == (try hashes(plain)))
    }

    @Test("a step folder named with quotes, a percent sign or a line break is listed exactly; one with '|' uses reverse",
          arguments: ["it's 100% \"odd\"", "two\nlines", "a|b"])
    func hostileFolderNames(name: String) throws {
        let folder = TemporaryDirectory("pingpong-names")
        let scene = try GroundTruthScene(directory: folder.file(name), width: 64, height: 48,
                                         layers: [(20, 0.5), (28, 1.0)], stepShift: 5.5, steps: 3)
        let job = try RenderJob(project: scene.project, settings: RenderSettings(video: VideoEncoding(codec: .ffv1), loop: .pingpong))
        #expect(job.graph.script.contains("reverse") == name.contains("|"))
        let video = folder.file("loop.mkv")
        try job.render(to: video)
        let frames = try VideoInspection.frameMD5s(video).map { String($0.split(separator: ",").last ?? "") }
        let count = scene.plan.frameCount
        #expect(frames.count == 2 * count && (0..<count).allSatisfy { frames[count + $0] == frames[count - 1 - $0] })
    }

    @Test("stock ffmpeg running the pingpong script gives the in-process H.264 video")
    func pingpongParity() throws {
        let folder = TemporaryDirectory("pingpong-parity")
        let scene = try TestPatternScene(directory: folder.path, direction: 180, stepsPerSecond: "7", fps: "24", steps: 4)
        let job = try RenderJob(project: scene.project, settings: RenderSettings(loop: .pingpong))
        let frames = try VideoInspection.parityFrameMD5s(job, in: folder, fileExtension: "mp4")
        #expect(frames.stock.count == 2 * scene.plan.frameCount)
        #expect(frames.inProcess == frames.stock)
    }
}
