import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// Resident memory of this process, from /proc/self/statm (pages × page size).
private func residentBytes() -> Int {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return 0 }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]) else { return 0 }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

@Suite("Repeated renders")
struct RepeatedRenderTests {
    /// A leaked graph, frame pool or encoder per render would add megabytes each time at this
    /// size (a 320x192 RGB frame is 184 KB and a graph holds dozens); 20 renders must not.
    @Test("twenty renders in one process do not grow its memory")
    func repeatedRendersDoNotLeak() throws {
        let directory = TemporaryDirectory("parallax-leak")
        let scene = try GroundTruthScene(directory: directory.file("project"), width: 320, height: 192,
                                         layers: [(64, 0.25), (128, 1.0)], steps: 4)
        let output = directory.file("video.mkv")
        let job = try RenderJob(project: scene.project, settings: RenderSettings(video: VideoEncoding(codec: .ffv1)))
        var samples: [Int] = []
        for round in 0..<20 {
            try job.render(to: output)
            if round == 4 { samples.append(residentBytes()) }  // after warm-up: pools, codec tables
            if round == 19 { samples.append(residentBytes()) }
        }
        let growth = samples[1] - samples[0]
        // Renders 5 to 19 together may grow RSS by allocator slack, not by a render's worth each.
        #expect(growth < 24 << 20, "RSS grew by \(growth >> 10) KB over 15 renders")
        #expect(try VideoInspection.frameMD5s(output).count == job.frameCount)
    }
}
