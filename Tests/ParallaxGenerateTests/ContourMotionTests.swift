import Foundation
import ParallaxAV
import ParallaxCore
import ParallaxGenerate
import Testing
import TestSupport

/// Contour layers end to end: the step loop fills what each layer hides and what its motion
/// opens, and the render moves each layer's pixels and its edge together.
@Suite("Contour layers in motion")
struct ContourMotionTests {
    @Test func theSkyHiddenBehindTheRidgeIsFilledWithSkyAndOnlyHiddenPixelsAreMasked() throws {
        let folder = TemporaryDirectory("contour")
        let scene = try WavySkylineScene(directory: folder.path, steps: 2)
        try scene.generate()
        let lowest = WavySkylineScene.ridge.max()!
        let mask = try PNGImage.read(folder.path + "/masks/00/000000.png", channels: 1)
        let sky = try PNGImage.read(scene.project.folder.stripPath(layer: 0, step: 0), channels: 4)
        #expect(sky.height == lowest)
        var wrongMask = 0, groundInSky = 0, transparent = 0
        for y in 0..<scene.plan.height {
            for x in 0..<scene.plan.width {
                let hidden = y >= WavySkylineScene.ridge[x] && y < lowest
                if (mask[x, y, 0] == 255) != hidden { wrongMask += 1 }
                guard y < lowest else { continue }
                if sky[x, y, 1] > sky[x, y, 2] { groundInSky += 1 }
                if sky[x, y, 3] != 255 { transparent += 1 }
            }
        }
        #expect(wrongMask == 0, "the step-0 mask must cover exactly the sky the ridge hides")
        #expect(groundInSky == 0, "the filled sky strip holds \(groundInSky) ground-coloured pixels")
        #expect(transparent == 0, "the sky strip lies behind everything and must be opaque")
    }

    @Test func theRidgeMovesWholeWithItsLayerAndUncoversSkyInALosslessRender() throws {
        let folder = TemporaryDirectory("contour")
        let scene = try WavySkylineScene(directory: folder.path, steps: 5)
        try scene.generate()
        let job = try RenderJob(project: scene.project, settings: RenderSettings(video: VideoEncoding(codec: .ffv1)))
        let output = folder.file("out.mkv")
        try job.render(to: output)
        let frames = try VideoInspection.rgbFrames(output, width: scene.plan.width, height: scene.plan.height)
        #expect(frames.count == scene.plan.frameCount)

        let ground = scene.plan.layers[1], ridge = WavySkylineScene.ridge, width = scene.plan.width
        var checkedColumns = 0
        for (index, frame) in frames.enumerated() {
            let offset = ground.offset(atStepTime: scene.plan.clock.stepTime(atFrame: index)).x
            for x in 0..<width {
                // Above the highest the ridge ever reaches, only sky, in every column.
                for y in 0..<(ridge.min()! - 2) where WavySkylineScene.isGround(frame, x: x, y: y) {
                    Issue.record("frame \(index): ground at (\(x), \(y)), above the ridge's highest row")
                    return
                }
                let source = x - offset
                guard source >= 0 && source < width else { continue }
                let expected = ridge[source]
                let found = (0..<(scene.plan.height - 1)).first {
                    WavySkylineScene.isGround(frame, x: x, y: $0) && WavySkylineScene.isGround(frame, x: x, y: $0 + 1)
                } ?? scene.plan.height
                #expect(abs(found - expected) <= 3, "frame \(index) column \(x): skyline at row \(found), expected \(expected)")
                // What the ridge uncovered (ground in the input, above the moved ridge now) is sky.
                let uncovered = (0..<max(0, expected - 3)).filter { WavySkylineScene.isGround(frame, x: x, y: $0) }
                #expect(uncovered.isEmpty, "frame \(index) column \(x): ground above the moved ridge at rows \(uncovered)")
                checkedColumns += 1
            }
        }
        #expect(checkedColumns > frames.count * width / 2)

        // At whole steps the render shows exactly the composite the step loop wrote (up to the
        // rounding of blending the one-pixel edge ramp). Step 0 is the input itself, where the
        // ramp meets the true sky, not the filled one.
        for step in 1..<scene.plan.steps {
            let frame = frames[step * 3], composite = try PNGImage.read(scene.project.folder.stepPath(step))
            let off = zip(frame.pixels, composite.pixels).filter { abs(Int($0) - Int($1)) > 2 }.count
            #expect(off == 0, "step \(step): \(off) channel values differ from steps/\(step) by more than 2")
        }
    }

    @Test func theInProcessRenderAndStockFFmpegRunningTheScriptGiveIdenticalFrames() throws {
        let folder = TemporaryDirectory("contour")
        let scene = try WavySkylineScene(directory: folder.path, steps: 3, fps: 10)
        try scene.generate()
        let job = try RenderJob(project: scene.project, settings: RenderSettings(video: VideoEncoding(codec: .ffv1)))
        #expect(job.graph.script.contains("alphamerge") && !job.graph.script.contains("vstack"))
        let frames = try VideoInspection.parityFrameMD5s(job, in: folder, fileExtension: "mkv")
        #expect(frames.stock.count == scene.plan.frameCount)
        #expect(frames.inProcess == frames.stock)
    }

    @Test func resumingAContourSceneGivesTheSameStepsAndStrips() throws {
        let whole = TemporaryDirectory("contour"), cut = TemporaryDirectory("contour")
        let wholeScene = try WavySkylineScene(directory: whole.path, steps: 4)
        try wholeScene.generate(seed: 11)
        let cutScene = try WavySkylineScene(directory: cut.path, steps: 4)
        try cutScene.generate(seed: 11)
        // As if killed after step 3's strips were written but before its journal line.
        let journal = StepJournal(projectDirectory: cut.path)
        let lines = try String(contentsOfFile: journal.path, encoding: .utf8).split(separator: "\n")
        try (lines[0..<2].joined(separator: "\n") + "\n").write(toFile: journal.path, atomically: true, encoding: .utf8)
        try Data("garbage".utf8).write(to: URL(fileURLWithPath: cutScene.project.folder.stripPath(layer: 1, step: 4)))
        let summary = try StepLoop(project: cutScene.project, inpainter: BuiltinInpainter(),
                                   settings: GenerateSettings(seed: 11)).run()
        #expect(summary.resumedAfter == 2 && summary.stepsWritten == 2)
        func bytes(_ directory: String) -> [Data] {
            let folder = StepFolder(projectDirectory: directory)
            return (0...4).flatMap { step in
                [folder.stepPath(step), folder.stripPath(layer: 0, step: step), folder.stripPath(layer: 1, step: step)]
                    .map { FileManager.default.contents(atPath: $0) ?? Data() }
            }
        }
        #expect(bytes(cut.path) == bytes(whole.path))
    }

    @Test func anObjectMovesWholeAboveTheLayersAndLeavesNothingBehind() throws {
        let folder = TemporaryDirectory("contour")
        // 12 px per step: the tower (x 120..<132) is gone after 11 steps.
        let scene = try WavySkylineScene(directory: folder.path, steps: 12, stepShift: 12, tower: true)
        try scene.generate()
        let input = try PNGImage.read(folder.path + "/input.png")
        // Behind the tower, every layer was filled with its own kind of picture at step 0.
        for layer in 0..<2 {
            let strip = try PNGImage.read(scene.project.folder.stripPath(layer: layer, step: 0), channels: 4)
            var red = 0
            for y in 0..<strip.height {
                for x in 0..<strip.width where strip[x, y, 3] > 0 && WavySkylineScene.isTower(strip, x: x, y: y) { red += 1 }
            }
            #expect(red == 0, "layer \(layer) keeps \(red) tower pixels behind the tower")
        }
        let job = try RenderJob(project: scene.project, settings: RenderSettings(video: VideoEncoding(codec: .ffv1)))
        let output = folder.file("out.mkv")
        try job.render(to: output)
        let frames = try VideoInspection.rgbFrames(output, width: scene.plan.width, height: scene.plan.height)
        let tower = scene.plan.objects[0], box = WavySkylineScene.tower
        var framesInView = 0, framesGone = 0
        for (index, frame) in frames.enumerated() {
            let offset = tower.offset(atStepTime: scene.plan.clock.stepTime(atFrame: index))
            var visible = 0, changed = 0
            for y in box.y..<box.maxY {
                for x in box.x..<box.maxX {
                    let target = x + offset.x
                    guard target >= 0 && target < scene.plan.width else { continue }
                    visible += 1
                    if (0..<3).contains(where: { frame[target, y + offset.y, $0] != input[x, y, $0] }) { changed += 1 }
                }
            }
            #expect(changed == 0, "frame \(index): \(changed) of the tower's \(visible) visible pixels differ from the input")
            let red = (0..<frame.height).reduce(0) { sum, y in
                sum + (0..<frame.width).filter { WavySkylineScene.isTower(frame, x: $0, y: y) }.count
            }
            if visible > 0 {
                framesInView += 1
                #expect(red == visible, "frame \(index): \(red) red pixels, the tower shows \(visible)")
            } else {
                framesGone += 1
                #expect(red == 0, "frame \(index): the tower left the frame but \(red) red pixels remain")
            }
        }
        #expect(framesInView > 10 && framesGone > 0)
    }

    @Test func interpolationOtherThanExactIsRefusedForAContourScene() throws {
        let folder = TemporaryDirectory("contour")
        let scene = try WavySkylineScene(directory: folder.path, steps: 1)
        try scene.generate()
        do {
            _ = try RenderJob(project: scene.project, settings: RenderSettings(interpolation: .crossfade(fade: 0.5)))
            Issue.record("rendered a contour scene with crossfade")
        } catch {
            #expect("\(error)".contains("interpolation crossfade works on straight bands only"), "\(error)")
        }
    }

    @Test func aContourSceneWithoutLayerStripsIsRefusedWithTheFileNamed() throws {
        let folder = TemporaryDirectory("contour")
        let scene = try WavySkylineScene(directory: folder.path, steps: 2)
        try scene.generate()
        try FileManager.default.removeItem(atPath: scene.project.folder.stripPath(layer: 1, step: 2))
        do {
            _ = try RenderJob(project: scene.project, settings: RenderSettings())
            Issue.record("rendered a contour scene with a strip missing")
        } catch {
            #expect("\(error)".contains("layers/01/000002.png") && "\(error)".contains("missing"), "\(error)")
        }
    }
}
