import Foundation
import Testing
import TestSupport

@Suite("Repeated renders")
struct RepeatedRenderTests {
    /// A leaked graph, frame pool or encoder per render would add megabytes each time at this
    /// size (a 320x192 RGB frame is 184 KB and a graph holds dozens). `render-leak-probe` renders
    /// 45 times in one fresh process (this test process runs other tests at the same time, whose
    /// memory would move the figures by several MB) and prints RSS after each render. The median
    /// of the last five minus the median of renders 6 to 10 (35 renders apart) must stay under
    /// 3 MB, about 90 KB a render: one leaked 184 KB frame per render fails it. Renders 6 to 45
    /// grew RSS by about 0.2 MB when this was written.
    @Test("forty renders in one process do not grow its memory")
    func repeatedRendersDoNotLeak() throws {
        let directory = TemporaryDirectory("parallax-leak")
        let scene = try GroundTruthScene(directory: directory.file("project"), width: 320, height: 192,
                                         layers: [(64, 0.25), (128, 1.0)], steps: 4)
        let output = directory.file("video.mkv")
        let probe = ProcessRunner.builtExecutable("render-leak-probe")
        let result = try ProcessRunner.run(probe, [scene.directory, output, "45"])
        try #require(result.succeeded, "\(probe): \(result.standardError)")
        let samples = result.standardOutput.split(separator: "\n").compactMap { Int($0) }
        try #require(samples.count == 45 && samples.allSatisfy { $0 > 0 }, "no RSS figures: \(result.standardOutput)")
        let afterWarmUp = samples.dropFirst(5)  // pools, codec tables
        func median(_ values: ArraySlice<Int>) -> Int { values.sorted()[values.count / 2] }
        let growth = median(afterWarmUp.suffix(5)) - median(afterWarmUp.prefix(5))
        #expect(growth < 3 << 20, "RSS grew by \(growth >> 10) KB over 35 renders: \(samples.map { $0 >> 10 }) KB")
        #expect(try VideoInspection.frameMD5s(output).count == scene.plan.frameCount)
    }
}
