import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// The interpolation modes rendered against ground truth.
@Suite struct InterpolationRenderTests {
    func render(_ scene: EffectsTestScene, _ mode: Interpolation, name: String) throws -> [Raster] {
        var settings = try scene.settings()
        settings.interpolation = mode
        return try scene.frames(scene.render(name, settings: settings))
    }

    func truth(_ scene: EffectsTestScene, frame: Int) -> Raster {
        let plan = scene.project.plan
        let time = plan.clock.stepTime(atFrame: frame)
        return GroundTruthScene.frame(plan: plan, offsets: plan.layers.map { $0.offset(atStepTime: time) })
    }

    @Test func minterpolateAndBlendMakeEveryFrameAndKeepWholeStepsExact() throws {
        let scene = try EffectsTestScene()
        for mode in [Interpolation.minterpolate(MotionInterpolation()), .blend] {
            let frames = try render(scene, mode, name: "\(mode.modeName).mkv")
            #expect(frames.count == 45, "\(mode.modeName)")
            // Frames 0, 15, 30 fall on whole steps: the step image itself, up to the 4:4:4 round trip.
            for frame in [0, 15, 30] {
                #expect(PixelStatistics.meanDifference(frames[frame], truth(scene, frame: frame)) < 2.5, "\(mode.modeName) frame \(frame)")
            }
        }
    }

    @Test func crossfadeEqualsExactWhenStepsAgree() throws {
        let scene = try EffectsTestScene()
        let exact = try render(scene, .exact, name: "exact.mkv")
        let crossfade = try render(scene, .crossfade(fade: 1), name: "crossfade.mkv")
        #expect(exact == crossfade)
    }

    @Test func crossfadeHidesTheJumpWhenStepsDisagree() throws {
        let scene = try EffectsTestScene()
        // Another tool's step 1 came out 60 levels brighter everywhere.
        let path = scene.project.folder.stepPath(1)
        var brighter = try PNGImage.read(path)
        brighter.pixels = brighter.pixels.map { UInt8(min(255, Int($0) + 60)) }
        try PNGImage.write(brighter, to: path)
        let exact = try render(scene, .exact, name: "exact.mkv")
        let crossfade = try render(scene, .crossfade(fade: 1), name: "crossfade.mkv")
        // Step 1 fills frames 8–14 (7.5 frames a step). Exact: the brightness jumps at frame 8.
        // Crossfade: it climbs through frames 0–7 instead.
        let brightness = { (frames: [Raster], n: Int) in PixelStatistics.mean(frames[n]) }
        let exactJump = brightness(exact, 8) - brightness(exact, 7)
        let crossfadeJump = brightness(crossfade, 8) - brightness(crossfade, 7)
        #expect(exactJump > 30)
        #expect(crossfadeJump < exactJump / 3)
        #expect(brightness(crossfade, 4) > brightness(exact, 4) + 15)
    }

    @Test func everyModeRendersTheSameFramesInStockFFmpeg() throws {
        let scene = try EffectsTestScene()
        for mode in [Interpolation.minterpolate(MotionInterpolation()), .blend, .crossfade(fade: 0.5)] {
            var settings = try scene.settings()
            settings.interpolation = mode
            let job = try RenderJob(project: scene.project, settings: settings)
            let inProcess = scene.directory.file("\(mode.modeName)-in.mkv"), stock = scene.directory.file("\(mode.modeName)-ffmpeg.mkv")
            try job.render(to: inProcess)
            let script = scene.directory.file("\(mode.modeName).lavfi")
            try Data(job.graph.script.utf8).write(to: URL(fileURLWithPath: script))
            let command = FFmpegCommand(scriptPath: script, outputPath: stock, encoding: settings.video)
            let result = try ProcessRunner.run(VideoInspection.ffmpeg, Array(command.arguments.dropFirst()) + ["-v", "error"])
            #expect(result.succeeded, "\(result.standardError)")
            let a = try VideoInspection.frameMD5s(inProcess), b = try VideoInspection.frameMD5s(stock)
            #expect(a.count == 45 && a == b, "\(mode.modeName)")
        }
    }
}
