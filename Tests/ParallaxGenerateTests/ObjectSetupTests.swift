import Foundation
import ParallaxAV
import ParallaxCore
import ParallaxGenerate
import TestSupport
import Testing

@Suite("Objects on the command line")
struct ObjectSetupTests {
    /// A gray mask the image's size with a white disc (a tree top) centred at (cx, cy).
    static func disc(width: Int = 96, height: Int = 64, cx: Int, cy: Int, radius: Int) -> Raster {
        var mask = Raster(width: width, height: height, channels: 1)
        for y in 0..<height {
            for x in 0..<width where (x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius {
                mask.pixels[y * width + x] = 255
            }
        }
        return mask
    }

    @Test("init --object copies the mask into the project and records its box and depth")
    func initCopiesMask() throws {
        let directory = TemporaryDirectory()
        try GenerateFixtures.writeImage(directory.file("in.png"))
        try PNGImage.write(Self.disc(cx: 30, cy: 25, radius: 8), to: directory.file("tree mask.png"))
        let result = try ProcessRunner.parallax(["init", directory.file("in.png"), directory.file("p"),
                                                 "--object", "tall tree:" + directory.file("tree mask.png") + ":d40"])
        #expect(result.succeeded, "\(result.standardError)")
        let scene = try SceneFile.load(directory.file("p"))
        let object = try #require(scene.objects.first)
        #expect(object.name == "tall tree")
        #expect(object.mask == "objects/01-tall_tree.png")
        #expect(object.box == PixelBox(x: 22, y: 17, width: 17, height: 17))
        #expect(object.depth == .distance(40))
        #expect(FileManager.default.contentsEqual(atPath: directory.file("p/objects/01-tall_tree.png"),
                                                  andPath: directory.file("tree mask.png")))
        #expect(result.standardOutput.contains("tall tree"))

        let plan = try ProcessRunner.parallax(["plan", directory.file("p"), "--json", "--png", directory.file("plan.png")])
        #expect(plan.succeeded, "\(plan.standardError)")
        let document = try JSONDecoder().decode(PlanDocument.self, from: Data(plan.standardOutput.utf8))
        #expect(document.objects.map(\.box) == [[22, 17, 17, 17]])
        // The outline runs along the disc's edge, not through its middle.
        let picture = try PNGImage.read(directory.file("plan.png"))
        let cyan: [UInt8] = [60, 230, 255]
        func isCyan(_ x: Int, _ y: Int) -> Bool { (0..<3).allSatisfy { picture[x, y, $0] == cyan[$0] } }
        #expect(isCyan(30, 17) && isCyan(22, 25) && isCyan(38, 25))
        #expect(!isCyan(30, 25))
    }

    @Test("an object spec parses name, mask (which may hold colons), depth and direction")
    func specParsing() throws {
        let spec = try ObjectSpec.parse("boat:masks/a:b.png:cloud:90")
        #expect(spec.name == "boat" && spec.maskPath == "masks/a:b.png")
        #expect(spec.depth == .preset(.cloud) && spec.direction == Direction(degrees: 90))
        let plain = try ObjectSpec.parse("tree:tree.png:0.5")
        #expect(plain.maskPath == "tree.png" && plain.depth == .speed(0.5) && plain.direction == nil)
    }

    @Test("bad object masks are refused in one line and no project is written",
          arguments: [("wrong size", "mask is 48x32 but the image is 96x64"),
                      ("empty", "mask is empty"),
                      ("missing", "no such file"),
                      ("no depth", "expected NAME:MASK.png:DEPTH")])
    func badMask(kind: String, message: String) throws {
        let directory = TemporaryDirectory()
        try GenerateFixtures.writeImage(directory.file("in.png"))
        let mask = directory.file("mask.png")
        var spec = "tree:\(mask):1"
        switch kind {
        case "wrong size": try PNGImage.write(Self.disc(width: 48, height: 32, cx: 10, cy: 10, radius: 4), to: mask)
        case "empty": try PNGImage.write(Raster(width: 96, height: 64, channels: 1), to: mask)
        case "no depth": spec = "tree:\(mask)"
        default: break
        }
        let result = try ProcessRunner.parallax(["init", directory.file("in.png"), directory.file("p"), "--object", spec])
        #expect(!result.succeeded)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1 && lines[0].contains(message), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: directory.file("p/scene.json")))
    }
}
