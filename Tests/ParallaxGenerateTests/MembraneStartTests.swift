import Testing
@testable import ParallaxGenerate

/// The membranes behind the fill's colour guides start from an average of what is already
/// started and relax from there; a hole pixel whose started neighbours are only diagonal, or lie
/// behind a layer (hole pixels without a slot), must not start at black, or the guide stays dark
/// where few sweeps reach (black caps on hills filled under a high followed edge, round 16).
@Suite("Membranes start from their neighbours, not from black")
struct MembraneStartTests {
    /// One row: a known pixel (100), a pixel behind the layer (hole, no slot), two hole pixels in
    /// fill order, a known pixel (100). The first in order touches only the one behind and the
    /// second, which touches the known pixel on its right.
    static let hole = [false, true, true, true, false]
    static let order: [Int32] = [2, 3]

    @Test func aSlotThatTouchesNothingStartedWaitsForItsNeighbours() {
        let values = MembraneRelaxation.continuation(hole: Self.hole, order: Self.order, width: 5, height: 1,
                                                     sweeps: 0, omega: 1) { _ in (100, 100, 100) }
        #expect(values == [Float](repeating: 100, count: 6), "\(values)")
    }

    @Test func aSlotCutOffFromEveryKnownPixelStaysAtZero() {
        let values = MembraneRelaxation.continuation(hole: [true, true, true], order: [1], width: 3, height: 1,
                                                     sweeps: 2, omega: 1) { _ in (100, 100, 100) }
        #expect(values == [0, 0, 0])
    }
}
