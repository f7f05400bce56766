import Foundation
import ParallaxCore
import Testing
import TestSupport

/// Issue 13, item 5: `blend` and `minterpolate` pad bands to 32 rows; bands of 12 rows or fewer
/// failed to configure ("Failed to configure input pad on Parsed_fillborders").
@Suite("Thin bands with resampling interpolation")
struct ThinBandInterpolationTests {
    @Test("bands of 1, 6 and 12 rows render with blend and minterpolate", arguments: [1, 6, 12])
    func thinBandsRender(_ rows: Int) throws {
        let root = TemporaryDirectory("parallax-thin")
        let project = root.file("p")
        _ = try GroundTruthScene(directory: project, layers: [(rows, 0.5), (64 - rows, 1.0)], steps: 3)
        for mode in ["blend", "minterpolate"] {
            let output = root.file("\(mode).mkv")
            let run = try ChildProcess.run(parallax: ["render", project, "-o", output, "--codec", "ffv1",
                                                      "--interpolation", mode, "-q"])
            #expect(run.termination == .exit(0), "\(rows) rows, \(mode): \(run.standardError)")
            let frames = try VideoInspection.frameMD5s(output)
            #expect(frames.count == (try Project(path: project)).plan.frameCount, "\(rows) rows, \(mode)")
        }
    }
}
