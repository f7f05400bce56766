import ParallaxCore
@testable import ParallaxGenerate
import Testing

/// The fill runs its independent parts on several cores (`Parallel`): the bytes must not depend
/// on how they were scheduled.
@Suite struct ParallelFillTests {
    @Test func mapKeepsIndexOrderWhateverFinishesFirst() {
        // Early indices do the most work, so they finish last.
        let values = Parallel.map(40) { index in
            (0..<((40 - index) * 2_000)).reduce(index) { ($0 &* 31 &+ $1) % 1_000_003 }
        }
        let serial = (0..<40).map { index in
            (0..<((40 - index) * 2_000)).reduce(index) { ($0 &* 31 &+ $1) % 1_000_003 }
        }
        #expect(values == serial)
        #expect(Parallel.map(0) { $0 }.isEmpty && Parallel.map(1) { $0 + 5 } == [5])
    }

    @Test func helpersAreLentOnlyWhileFree() {
        let slots = Parallel.HelperSlots(2)
        #expect(slots.take(upTo: 3) == 2)
        #expect(slots.take(upTo: 1) == 0)
        slots.give(2)
        #expect(slots.take(upTo: 1) == 1 && slots.take(upTo: 5) == 1)
        slots.reset(to: 0)
        #expect(slots.take(upTo: 1) == 0)
    }

    @Test func bothReturnsEachSideOwnResult() {
        let (text, number) = Parallel.both({ String(repeating: "a", count: 3) }, { (1...100).reduce(0, +) })
        #expect(text == "aaa" && number == 5050)
    }

    /// A four-band step, as the straight-band loop makes it (each band's gap at its left end, of
    /// the band's own width).
    private static func fourBandStep() throws -> (InpaintRequest, [Range<Int>]) {
        let width = 160, height = 96
        let image = ExemplarFillTestImages.image(width: width, height: height) { x, y in
            ((x * 7 + y * 3) % 90 + y, (x * 13 + y * 29) % 120 + 40, (x * x + y * 5) % 70 + 60)
        }
        let rows = [0..<20, 20..<44, 44..<70, 70..<96]
        let shifts = [6, 12, 18, 24]
        let mask = ExemplarFillTestImages.mask(width: width, height: height) { x, y in
            rows.indices.contains { rows[$0].contains(y) && x < shifts[$0] }
        }
        let plan = try GenerateFixtures.plan(width: width, height: height, direction: 180,
                                             layers: [Layer(name: "far", height: nil, depth: .speed(1))])
        let bands = rows.indices.map {
            BandShift(layerIndex: $0, rows: rows[$0], shift: PixelOffset(x: -shifts[$0], y: 0), unit: Vector(x: -1, y: 0))
        }
        let request = InpaintRequest(step: 3, seed: 21, image: ExemplarFillMeasure.scrambled(image, mask: mask), mask: mask,
                                     maskPath: "", workDirectory: "", plan: plan, bands: bands, reference: image)
        return (request, rows)
    }

    @Test func bandsFilledAtOnceEqualBandsFilledOneByOne() throws {
        let (request, rows) = try Self.fourBandStep()
        let together = try BuiltinInpainter().inpaint(request)
        // One request per band, one after the other: each sees only its own band.
        var alone = request.image
        for band in request.bands {
            let single = InpaintRequest(step: request.step, seed: request.seed, image: request.image, mask: request.mask,
                                        maskPath: "", workDirectory: "", plan: request.plan, bands: [band],
                                        reference: request.reference)
            let filled = try BuiltinInpainter().inpaint(single)
            let row = request.image.width * 3
            alone.pixels.replaceSubrange((band.rows.lowerBound * row)..<(band.rows.upperBound * row),
                                         with: filled.pixels[(band.rows.lowerBound * row)..<(band.rows.upperBound * row)])
        }
        #expect(together == alone)
        #expect(rows.allSatisfy { band in together.pixels[(band.lowerBound * 480)..<(band.upperBound * 480)] != request.image.pixels[(band.lowerBound * 480)..<(band.upperBound * 480)] })
    }

    @Test func fillsRunningSideBySideGiveTheSameBytes() throws {
        let (request, _) = try Self.fourBandStep()
        // Eight fills at once, each itself running its parts at once, against one made alone.
        let alone = try BuiltinInpainter().inpaint(request)
        let crowded = Parallel.map(8) { _ in try? BuiltinInpainter().inpaint(request) }
        #expect(crowded.allSatisfy { $0 == alone })
    }
}
