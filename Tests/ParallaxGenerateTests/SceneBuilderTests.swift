import Foundation
import ParallaxAV
import ParallaxCore
import ParallaxGenerate
import TestSupport
import Testing

@Suite struct SceneBuilderTests {
    @Test func parsesLayerSpecsWithPixelsPercentDistancesAndPresets() throws {
        let specs = try LayerSpec.parseList(["sky:120:0.1,hills:30%:d600,shore::cloud:0"], option: "--layers")
        #expect(specs.map(\.name) == ["sky", "hills", "shore"])
        #expect(specs[0].height == .pixels(120) && specs[0].depth == .speed(0.1))
        #expect(specs[1].height == .percent(30) && specs[1].depth == .distance(600))
        #expect(specs[2].height == .rest && specs[2].depth == .preset(.cloud) && specs[2].direction == Direction(degrees: 0))
    }

    @Test func badLayerSpecsNameTheSpecAndTheProblem() {
        #expect(throws: SceneError.self) { try LayerSpec.parseList(["sky:abc:0.1"], option: "--layers") }
        #expect(throws: SceneError.self) { try LayerSpec.parseList(["sky::0.1,land:10:1"], option: "--layers") }
        #expect(throws: SceneError.self) { try LayerSpec.parseList(["sky:10:fast"], option: "--layers") }
        do {
            _ = try LayerSpec.parseList(["sky:10:1.5"], option: "--layers")
            Issue.record("a speed of 1.5 was accepted; speeds run from 0 to 1")
        } catch let error as SceneError {
            #expect(error.description.contains("--layers") && error.description.contains("1.5"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func defaultLayersUseThePresetsAndFillTheImage() throws {
        let directory = TemporaryDirectory()
        try GenerateFixtures.writeImage(directory.file("in.png"), width: 64, height: 40)
        let scene = try SceneBuilder().build(imagePath: directory.file("in.png"), imageReference: "in.png")
        let plan = try MotionPlan(scene: scene, width: 64, height: 40, file: "scene")
        #expect(plan.layers.map(\.name) == ["sky", "horizon", "background", "foreground"])
        #expect(plan.layers.map(\.height).reduce(0, +) == 40)
        #expect(plan.layers.last!.speed == 1)
    }

    /// A depth map with three flat zones: far (dark) top, middle, near (bright) bottom.
    func writeDepth(_ path: String, width: Int = 64, height: Int = 60) throws {
        var depth = Raster(width: width, height: height, channels: 1)
        for y in 0..<height {
            let value: UInt8 = y < 20 ? 20 : (y < 45 ? 100 : 240)
            for x in 0..<width { depth.pixels[y * width + x] = x % 7 == 0 ? value &+ 3 : value }
        }
        try PNGImage.write(depth, to: path)
    }

    @Test func autoLayersCutWhereTheDepthProfileJumpsAndNearerMovesFaster() throws {
        let directory = TemporaryDirectory()
        try GenerateFixtures.writeImage(directory.file("in.png"), width: 64, height: 60)
        try writeDepth(directory.file("depth.png"))
        var builder = SceneBuilder()
        builder.depthMapPath = directory.file("depth.png")
        builder.autoLayers = 3
        let scene = try builder.build(imagePath: directory.file("in.png"), imageReference: "in.png")
        let plan = try MotionPlan(scene: scene, width: 64, height: 60, file: "scene")
        #expect(plan.layers.map(\.height) == [20, 25, 15])
        #expect(plan.layers[0].speed < plan.layers[1].speed && plan.layers[1].speed < plan.layers[2].speed)
        #expect(abs(plan.layers[0].speed - 20.0 / 240) < 0.01)
    }

    @Test func depthMapSetsDistancesOfExplicitLayersThatGiveNone() throws {
        let directory = TemporaryDirectory()
        try GenerateFixtures.writeImage(directory.file("in.png"), width: 64, height: 60)
        try writeDepth(directory.file("depth.png"))
        var builder = SceneBuilder()
        builder.depthMapPath = directory.file("depth.png")
        builder.layers = try LayerSpec.parseList(["top:20:0.5,mid:25,low"], option: "--layers")
        let scene = try builder.build(imagePath: directory.file("in.png"), imageReference: "in.png")
        #expect(scene.layers[0].depth == .speed(0.5))
        #expect(scene.layers[1].depth == .distance(2.55))
        #expect(scene.layers[2].depth == .distance(1.063))
    }

    @Test func straightSegmentMasksGiveOneRowAtTheirLowerEdges() throws {
        let directory = TemporaryDirectory()
        try GenerateFixtures.writeImage(directory.file("in.png"), width: 64, height: 60)
        var sky = Raster(width: 64, height: 60, channels: 1)
        for y in 0..<18 { for x in 0..<64 { sky.pixels[y * 64 + x] = 255 } }
        for y in 18..<20 { for x in 0..<20 { sky.pixels[y * 64 + x] = 255 } }  // a ragged edge below 50% does not count
        try PNGImage.write(sky, to: directory.file("sky.png"))
        var builder = SceneBuilder()
        builder.layerMaskPaths = [directory.file("sky.png")]
        builder.straight = true
        let scene = try builder.build(imagePath: directory.file("in.png"), imageReference: "in.png")
        #expect(scene.layers.map(\.height) == [18, nil])
        #expect(scene.layers.allSatisfy { $0.boundary == nil })
        #expect(scene.layers[0].depth == .speed(0.5) && scene.layers[1].depth == .speed(1))
    }
}
