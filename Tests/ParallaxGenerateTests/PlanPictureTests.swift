import Foundation
import ParallaxAV
import ParallaxCore
import ParallaxGenerate
import TestSupport
import Testing

@Suite struct PlanPictureTests {
    let accent: [UInt8] = [255, 210, 40]

    func count(_ color: [UInt8], in raster: Raster, rows: Range<Int>) -> Int {
        var found = 0
        for y in rows { for x in 0..<raster.width where (0..<3).allSatisfy({ raster[x, y, $0] == color[$0] }) { found += 1 } }
        return found
    }

    @Test func drawsEdgesNamesAndAnArrowPerMovingBand() throws {
        let layers = [Layer(name: "sky", height: 20, depth: .speed(0)), Layer(name: "hills", height: 20, depth: .speed(0.3)),
                      Layer(name: "shore", height: nil, depth: .speed(1))]
        let plan = try GenerateFixtures.plan(width: 120, height: 64, direction: 180, layers: layers)
        let picture = PlanPicture.draw(plan: plan, over: GenerateFixtures.image(width: 120, height: 64))
        #expect(picture.width == 120 && picture.height == 64)
        // Dashed edges where bands meet.
        for edge in [20, 40] {
            #expect(count([255, 255, 255], in: picture, rows: edge..<(edge + 1)) > 40)
            #expect(count([0, 0, 0], in: picture, rows: edge..<(edge + 1)) > 40)
        }
        // A marker in every band; the faster band's arrow is longer.
        let markers = plan.layers.map { count(accent, in: picture, rows: ($0.top + 1)..<($0.top + $0.height)) }
        #expect(markers.allSatisfy { $0 > 0 })
        #expect(markers[2] > markers[1])
        // Text: white pixels inside each band's label box.
        #expect(count([255, 255, 255], in: picture, rows: 2..<9) > 20)
    }

    @Test func planCommandWritesThePicture() throws {
        let directory = TemporaryDirectory()
        _ = try GenerateFixtures.project(in: directory.file("p"))
        let result = try ProcessRunner.parallax(["plan", directory.file("p"), "--png", directory.file("plan.png")])
        #expect(result.succeeded, "\(result.standardError)")
        let picture = try PNGImage.read(directory.file("plan.png"))
        #expect(picture.width == 96 && picture.height == 64)
        #expect(picture != GenerateFixtures.image())
    }
}
