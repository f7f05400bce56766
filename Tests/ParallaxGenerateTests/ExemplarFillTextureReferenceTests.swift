import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport
@testable import ParallaxGenerate

/// On a long pan the known pixels beside the gap are the last steps' fills: when the texture level
/// expects what they hold, a flatter step lowers the bar for the next and grass drifts into a grey
/// smear (grass.png, 32 steps). With the input image as the reference, it never expects less than
/// what the layer held before any fill.
@Suite struct ExemplarFillTextureReferenceTests {
    /// Grain around a light grey (the input), and the same rows gone nearly flat (a drifted fill).
    static func grain(width: Int, height: Int, amplitude: Int) -> [UInt8] {
        let (pixels, _) = ExemplarFillTextureToneTests.grainBesideFlatBlack(width: width * 4 / 3, height: height)
        var out = [UInt8](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            for x in 0..<width {
                // The grain part only, scaled about its mean.
                let v = Int(pixels[(y * (width * 4 / 3) + x) * 3])
                let scaled = 170 + (v - 170) * amplitude / 100
                for c in 0..<3 { out[(y * width + x) * 3 + c] = UInt8(clamping: scaled) }
            }
        }
        return out
    }

    static let width = 180, height = 40

    /// The texture level of grain rows of `amplitude`, alone and with a reference of grain of
    /// `referenceAmplitude`.
    static func levels(amplitude: Int, referenceAmplitude: Int) -> (alone: TextureLevel, withReference: TextureLevel) {
        let rows = grain(width: width, height: height, amplitude: amplitude)
        let reference = Raster(width: width, height: height, channels: 3,
                               pixels: grain(width: width, height: height, amplitude: referenceAmplitude))
        let known = [Bool](repeating: true, count: width * height)
        return (TextureLevel(pixels: rows, known: known, width: width, height: height, columns: 0..<width),
                TextureLevel(pixels: rows, known: known, width: width, height: height, columns: 0..<width,
                             reference: TextureReference(reference)))
    }

    @Test func theReferenceSetsTheExpectationNotTheDriftedRows() {
        let (alone, withReference) = Self.levels(amplitude: 10, referenceAmplitude: 100)
        let guide = (170, 170, 170)
        // The drifted rows expect almost nothing; the input expects the grain's level.
        #expect(alone.wanted(row: 20, guide: guide) <= 3)
        #expect(withReference.wanted(row: 20, guide: guide) >= 10)
        // So a source as flat as the drifted rows pays with the reference and not without it.
        let source = 20 * Self.width + 90
        #expect(alone.shortfallCost(source: source, wanted: alone.wanted(row: 20, guide: guide), weight: 4) == 0)
        #expect(withReference.shortfallCost(source: source, wanted: withReference.wanted(row: 20, guide: guide), weight: 4) > 0)
    }

    @Test func aFlatterReferenceDoesNotLowerTheExpectation() {
        let (alone, withReference) = Self.levels(amplitude: 100, referenceAmplitude: 10)
        for row in [5, 20, 35] {
            #expect(withReference.wanted(row: row, guide: (170, 170, 170)) == alone.wanted(row: row, guide: (170, 170, 170)))
        }
    }

    @Test func theStepLoopPassesItsInputToEveryRequest() throws {
        let directory = NSTemporaryDirectory() + "parallax-reference-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let recorder = ReferenceRecorder()
        let project = try GenerateFixtures.project(in: directory, steps: 3)
        _ = try StepLoop(project: project, inpainter: recorder, settings: GenerateSettings()).run()
        let input = try PNGImage.read(project.folder.stepPath(0), channels: 3)
        #expect(recorder.references.count == 3)
        #expect(recorder.references.allSatisfy { $0 == input })
    }

    /// With the red tower as an object, its pixels (and the pixel around them, as at step 0) are
    /// no layer's: no reference holds them.
    @Test(arguments: [false, true])
    func aContourLayersReferenceIsItsOwnPixelsAtStepZero(tower: Bool) throws {
        let folder = TemporaryDirectory("contour-reference")
        let scene = try WavySkylineScene(directory: folder.path, steps: 2, tower: tower)
        let recorder = ReferenceRecorder()
        _ = try StepLoop(project: scene.project, inpainter: recorder, settings: GenerateSettings()).run()
        let input = try PNGImage.read(scene.project.folder.stepPath(0), channels: 3)
        let strips = StripLayout(plan: scene.plan).strips
        let later = recorder.requests.filter { $0.step > 0 }
        #expect(!later.isEmpty)
        // Step 0 fills what nearer layers hide: no reference yet.
        #expect(recorder.requests.filter { $0.step == 0 }.allSatisfy { $0.reference == nil })
        for request in later {
            let reference = try #require(request.reference)
            let strip = try #require(strips.first { $0.layerIndex == request.layer })
            let alpha = strip.initialAlpha()
            #expect(reference.channels == 4 && reference.width == input.width && reference.height == input.height)
            var wrong = 0
            for y in 0..<input.height {
                for x in 0..<input.width {
                    // The tower's box grown by one pixel, as every layer's step 0 treats it.
                    let box = WavySkylineScene.tower
                    let underTower = tower && (box.x - 1..<box.maxX + 1).contains(x) && (box.y - 1..<box.maxY + 1).contains(y)
                    let inLayer = strip.rows.contains(y) && alpha[(y - strip.rows.lowerBound) * input.width + x] > 0 && !underTower
                    let p = y * input.width + x
                    if inLayer {
                        if reference.pixels[p * 4 + 3] != 255 || (0..<3).contains(where: { reference.pixels[p * 4 + $0] != input.pixels[p * 3 + $0] }) {
                            wrong += 1
                        }
                    } else if reference.pixels[p * 4 + 3] != 0 {
                        wrong += 1
                    }
                }
            }
            #expect(wrong == 0, "layer \(request.layer), step \(request.step)")
        }
        // Both layers' references are there, and they differ (the sky's rows are not the ground's).
        #expect(Set(later.map(\.layer)).count == 2)
    }
}

/// Records each request's reference and fills with grey.
private final class ReferenceRecorder: Inpainter, @unchecked Sendable {
    let name = "reference-recorder"
    var requests: [(step: Int, layer: Int, reference: Raster?)] = []
    var references: [Raster?] { requests.map(\.reference) }
    func inpaint(_ request: InpaintRequest) throws -> Raster {
        requests.append((request.step, request.bands.first?.layerIndex ?? -1, request.reference))
        var output = request.image
        for p in 0..<(request.mask.width * request.mask.height) where request.mask.pixels[p] != 0 {
            for c in 0..<3 { output.pixels[p * 3 + c] = 128 }
        }
        return output
    }
}
