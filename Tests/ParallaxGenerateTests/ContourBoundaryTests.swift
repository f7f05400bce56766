import Foundation
import ParallaxAV
import ParallaxCore
import ParallaxGenerate
import TestSupport
import Testing

@Suite("Contour boundaries")
struct ContourBoundaryTests {
    static let width = 160, height = 120

    /// A wavy skyline near the default sky row (30 %), with sky above and ground below.
    static func skyline(seed: UInt64 = 7) -> (picture: Raster, truth: [Int]) {
        var generator = SeededGenerator(seed: seed)
        let truth = ContourFixtures.curve(width: width, base: 37, amplitude: 5, generator: &generator)
        return (ContourFixtures.picture(width: width, height: height, boundaries: [truth], seed: seed), truth)
    }

    func build(_ picture: Raster, in directory: TemporaryDirectory,
               configure: (inout SceneBuilder) throws -> Void = { _ in }) throws -> Scene {
        try PNGImage.write(picture, to: directory.file("in.png"))
        var builder = SceneBuilder()
        try configure(&builder)
        let scene = try builder.build(imagePath: directory.file("in.png"), imageReference: "in.png")
        // Every built scene must plan: each layer at least one row thick in every column.
        _ = try MotionPlan(scene: scene, width: picture.width, height: picture.height, file: "scene")
        return scene
    }

    @Test("a sky mask's edge becomes the boundary, within 2 px of the skyline in ≥ 95 % of columns")
    func maskFollowsSkyline() throws {
        let directory = TemporaryDirectory()
        let (picture, truth) = Self.skyline()
        try PNGImage.write(ContourFixtures.mask(width: Self.width, height: Self.height, above: truth), to: directory.file("sky.png"))
        let scene = try build(picture, in: directory) { $0.layerMaskPaths = [directory.file("sky.png")] }
        #expect(scene.layers.count == 2)
        let boundary = try #require(scene.layers[1].boundary)
        #expect(ContourFixtures.agreement(boundary, truth) >= 0.95)
        #expect(boundary == truth, "a clean mask gives its edge exactly")
    }

    @Test("without masks the default boundary finds the skyline from the picture alone")
    func pictureFollowsSkyline() throws {
        let directory = TemporaryDirectory()
        let (picture, truth) = Self.skyline()
        let scene = try build(picture, in: directory)
        #expect(scene.layers.map(\.name) == ["sky", "horizon", "background", "foreground"])
        let boundary = try #require(scene.layers[1].boundary)
        let agreement = ContourFixtures.agreement(boundary, truth)
        #expect(agreement >= 0.95, "agreement \(agreement)")
        // Continuous: no jump above 2 rows between columns on a smooth skyline.
        #expect(zip(boundary, boundary.dropFirst()).allSatisfy { abs($0 - $1) <= 2 })
    }

    @Test("a large picture is searched shrunk and refined at full size, still within 2 px")
    func largePictureCoarseToFine() throws {
        let directory = TemporaryDirectory()
        let width = 1280, height = 660
        var generator = SeededGenerator(seed: 5)
        let truth = ContourFixtures.curve(width: width, base: 200, amplitude: 25, generator: &generator)
        let picture = ContourFixtures.picture(width: width, height: height, boundaries: [truth], seed: 5)
        let scene = try build(picture, in: directory)
        let boundary = try #require(scene.layers[1].boundary)
        let agreement = ContourFixtures.agreement(boundary, truth)
        #expect(agreement >= 0.95, "agreement \(agreement)")
    }

    @Test("--straight keeps today's straight rows for the defaults and for masks")
    func straightKeepsRows() throws {
        let directory = TemporaryDirectory()
        let (picture, truth) = Self.skyline()
        try PNGImage.write(ContourFixtures.mask(width: Self.width, height: Self.height, above: truth), to: directory.file("sky.png"))
        let defaults = try build(picture, in: directory) { $0.straight = true }
        #expect(defaults.layers.allSatisfy { $0.boundary == nil })
        #expect(defaults.layers.compactMap(\.height) == [36, 24, 30])
        let masked = try build(picture, in: directory) { $0.straight = true; $0.layerMaskPaths = [directory.file("sky.png")] }
        #expect(masked.layers.allSatisfy { $0.boundary == nil })
        // Contour strips slide left or right only, so up or down keeps the default rows straight.
        let upward = try build(picture, in: directory) { $0.direction = 90 }
        #expect(upward.layers.allSatisfy { $0.boundary == nil })
        let explicit = try build(picture, in: directory) {
            $0.layers = try LayerSpec.parseList(["sky:40:0.2,land"], option: "--layers")
        }
        #expect(explicit.layers.allSatisfy { $0.boundary == nil })
    }

    @Test("explicit rows follow the picture's edges only when asked (--follow-edges)")
    func explicitRowsFollowWhenAsked() throws {
        let directory = TemporaryDirectory()
        let (picture, truth) = Self.skyline()
        let scene = try build(picture, in: directory) {
            $0.layers = try LayerSpec.parseList(["sky:40:0.2,land"], option: "--layers")
            $0.followEdges = true
        }
        let boundary = try #require(scene.layers[1].boundary)
        #expect(ContourFixtures.agreement(boundary, truth) >= 0.95)
        #expect(scene.layers[0].depth == .speed(0.2))
    }

    @Test("a depth map's jump becomes the boundary, column by column")
    func depthJumpFollowed() throws {
        let directory = TemporaryDirectory()
        var generator = SeededGenerator(seed: 11)
        let truth = ContourFixtures.curve(width: Self.width, base: 60, amplitude: 6, generator: &generator)
        var depth = Raster(width: Self.width, height: Self.height, channels: 1)
        for x in 0..<Self.width { for y in 0..<Self.height { depth.pixels[y * Self.width + x] = y < truth[x] ? 40 : 200 } }
        try PNGImage.write(depth, to: directory.file("depth.png"))
        let picture = ContourFixtures.picture(width: Self.width, height: Self.height, boundaries: [], seed: 3)
        let scene = try build(picture, in: directory) {
            $0.depthMapPath = directory.file("depth.png")
            $0.autoLayers = 2
        }
        let boundary = try #require(scene.layers[1].boundary)
        #expect(ContourFixtures.agreement(boundary, truth) >= 0.95)
        // The far layer above moves slower than the near one below.
        let plan = try MotionPlan(scene: scene, width: Self.width, height: Self.height, file: "scene")
        #expect(plan.layers[0].speed < plan.layers[1].speed)
    }

    @Test("default contours separate the picture at least 1.5× as well as straight rows",
          arguments: [UInt64(1), 2, 3])
    func defaultsSeparateBetter(seed: UInt64) throws {
        let directory = TemporaryDirectory()
        let width = 200, height = 200
        var generator = SeededGenerator(seed: seed)
        // Ridges crossing each default row (30, 50, 75 %) by up to ~25 rows.
        let truth = [(58.0, 12.0), (99.0, 11.0), (150.0, 12.0)].map { base, amplitude in
            ContourFixtures.curve(width: width, base: base, amplitude: amplitude, generator: &generator)
        }
        let picture = ContourFixtures.picture(width: width, height: height, boundaries: truth, seed: seed)
        let contour = try build(picture, in: directory).layers.dropFirst().map { try #require($0.boundary) }
        let straight = [60, 100, 150].map { Array(repeating: $0, count: width) }
        let ratio = ContourFixtures.separation(picture, boundaries: contour)
            / ContourFixtures.separation(picture, boundaries: straight)
        #expect(ratio >= 1.5, "contour / straight separation \(ratio)")
    }

    @Test("tiny pictures get contours or one clear line, never a trap",
          arguments: [(1, 10), (2, 40), (7, 5), (10, 4), (1, 1), (10, 3)])
    func tinyPictures(width: Int, height: Int) throws {
        let directory = TemporaryDirectory()
        let picture = ContourFixtures.picture(width: width, height: height, boundaries: [], seed: 9)
        do {
            let scene = try build(picture, in: directory)
            #expect(scene.layers.count == 4)
        } catch let error as SceneError {
            #expect(height < 4)
            #expect(error.description.contains("the 4 default layers need at least 4 rows"), "\(error)")
        }
    }

    @Test("bad layer masks are refused in one line naming the mask",
          arguments: ["wrong size", "empty", "reaches the bottom", "edges meet", "missing"])
    func badMasks(kind: String) throws {
        let directory = TemporaryDirectory()
        let (picture, truth) = Self.skyline()
        let first = directory.file("a.png"), second = directory.file("b.png")
        var paths = [first]
        let expected: String
        switch kind {
        case "wrong size":
            try PNGImage.write(Raster(width: 40, height: 30, channels: 1, fill: 255), to: first)
            expected = "a.png: mask is 40x30 but the image is 160x120 (--layer-masks)"
        case "empty":
            try PNGImage.write(Raster(width: Self.width, height: Self.height, channels: 1), to: first)
            expected = "a.png: mask is empty"
        case "reaches the bottom":
            var edge = truth
            edge[17] = Self.height
            try PNGImage.write(ContourFixtures.mask(width: Self.width, height: Self.height, above: edge), to: first)
            expected = "a.png: column 17: the segment reaches the bottom row, so its edge leaves no row for the layer below"
        case "edges meet":
            try PNGImage.write(ContourFixtures.mask(width: Self.width, height: Self.height, above: truth), to: first)
            var lower = truth.map { $0 + 20 }
            for x in 30..<50 { lower[x] = truth[x] }
            try PNGImage.write(ContourFixtures.mask(width: Self.width, height: Self.height, above: lower), to: second)
            paths.append(second)
            expected = "b.png: column 30: its edge (row \(truth[30])) meets the edge of \(first) (row \(truth[30])), leaving no row for the layer between them"
        default:
            paths = [directory.file("nope.png")]
            expected = "nope.png: no such file (--layer-masks)"
        }
        do {
            _ = try build(picture, in: directory) { $0.layerMaskPaths = paths }
            Issue.record("accepted a bad mask (\(kind))")
        } catch let error as SceneError {
            #expect(error.description.contains(expected), "\(error)")
            #expect(!error.description.contains("\n"))
        }
    }
}
