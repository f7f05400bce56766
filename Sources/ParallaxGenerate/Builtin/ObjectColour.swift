/// Whether a copy would bring an object's colour into rows that hold none: a bright galaxy near a
/// band's edge copied into the revealed sky, step after step.
///
/// The galaxy is smooth, so the detail tests (`RecentRepeats`, `SalientDetail`'s energy test)
/// call it flat and let it through, and `BaseAndDetail`'s clamp only darkens a copy: each step
/// laid one more darkened copy of the galaxy (its halo) into the sky, and the next step's patches,
/// whose known side is that copy, matched the galaxy best again: a streak across the whole
/// revealed sky (hubble_deep_field.png, band 2). Whatever lies beside the gap cannot tell, since
/// in the step loop it is the last step's fill; the rows far along the band can.
///
/// So a source brings an object's colour when its local mean (9x9, original pixels) lies further
/// from the target's far field (`FarField`: the boundary's local means carried into the hole, the
/// rows' median where the boundary is an object) than `levels` plus `scatterFactor` times the
/// scatter of the local means along the target's row (`reach` columns either way of the hole; the
/// upper quartile of their absolute deviations from their median, largest channel: the galaxy's
/// own means are too few to raise it), and as far from its own row's median (an object there
/// too, not a row of another colour: a brick wall's joint row). In a plain sky the allowance is small and a galaxy stands
/// out; among foliage or clutter it is large and nothing changes. It reads only the pixels, so a
/// resumed run sees what an uninterrupted one saw.
struct ObjectColour {
    /// Levels (largest channel) a source's local mean may always lie from the far field: a dim
    /// star moves a 9x9 mean by a few levels, a galaxy's halo by 20 or more. Measured on the halo
    /// test (`ExemplarFillHaloStreakTests`): 24 or 16 let faint halo copies creep along; a scatter
    /// factor of 2 too (seed 1).
    static let levels: Float = 12
    static let scatterFactor: Float = 3
    /// Which quantile of the local means' absolute deviations along the row is their scatter: a
    /// brick wall's vertical joints reach a third of the 9x9 means (the median deviation is 0 and
    /// the joints were taken for objects), a galaxy a seventh of the row's.
    static let scatterQuantile: Float = 0.75
    /// Half the side of the box a source's local mean is taken over (`BaseAndDetail.detailRadius`).
    static let meanRadius = 4
    /// How far along the row the local means' median and scatter are measured, and every how many
    /// columns. Far: on hubble_deep_field a galaxy's halo filled a third of `FarField.reach` (160)
    /// beside a gap at the image's edge, as a brick wall's joints fill a third of any reach; at
    /// 384 it is a tenth. Within the fill's read window (`ExemplarFill.readReach`).
    static let reach = 384
    static let columnStep = 8
    /// The medians are measured on every `rowStep`-th row and hold for the rows between (speed:
    /// bench/step_loop.sh; the 9x9 means of neighbouring rows share most of their pixels).
    static let rowStep = 2

    let width: Int
    let height: Int
    private let sums: [Int32]
    /// Per row from `medianTop` on (RGB + allowance): the median of the local means along the row
    /// around the hole, and the allowance; a source is tested against its own row's too.
    private let medianTop: Int
    private let rowMedians: [Float]
    /// Per pixel of the hole's bounding box (RGB): the far field; NaN outside the hole.
    private let left: Int
    private let top: Int
    private let boxWidth: Int
    private let farField: [Float]
    /// Rows above and below the hole's box whose medians are kept: the sources of a band's gap lie
    /// on the band's rows, others a few rows off (`PatchSynthesizer.rowOffsetCost`).
    static let rowMargin = 16

    /// `sums`: `FillGuide`'s summed-area table of the known pixels; `farField`: per hole pixel
    /// (slot, RGB).
    init(sums: [Int32], farField: [Float], order: [Int32], width: Int, height: Int) {
        self.width = width
        self.height = height
        self.sums = sums
        let (left, right, top, bottom) = OnionPeelOrder.bounds(of: order, width: width, height: height)
        // Per row of the box (grown by the margin): the local means' median along it, around the
        // hole, and the allowance (their scatter).
        let medianTop = max(0, top - Self.rowMargin), medianBottom = min(height - 1, bottom + Self.rowMargin)
        self.medianTop = medianTop
        var rowMedians = [Float](repeating: .nan, count: max(0, medianBottom - medianTop + 1) * 4)
        sums.withUnsafeBufferPointer { table in
            for y in stride(from: medianTop, through: medianBottom, by: Self.rowStep) {
                let row = y - medianTop
                var samples = FarField.Samples()
                for x in stride(from: max(0, left - Self.reach), through: min(width - 1, right + Self.reach), by: Self.columnStep) {
                    let m = FillGuide.mean(table, width: width, height: height, at: y * width + x, radius: Self.meanRadius)
                    if m.count > 0 { samples.r.append(Float(m.0)); samples.g.append(Float(m.1)); samples.b.append(Float(m.2)) }
                }
                guard !samples.r.isEmpty else { continue }
                samples.centre = (FarField.middle(&samples.r), FarField.middle(&samples.g), FarField.middle(&samples.b))
                rowMedians[row * 4] = samples.centre.0; rowMedians[row * 4 + 1] = samples.centre.1
                rowMedians[row * 4 + 2] = samples.centre.2
                rowMedians[row * 4 + 3] = Self.levels + Self.scatterFactor * samples.scatter(quantile: Self.scatterQuantile)
                for next in (row + 1)..<min(row + Self.rowStep, rowMedians.count / 4) {
                    for k in 0..<4 { rowMedians[next * 4 + k] = rowMedians[row * 4 + k] }
                }
            }
        }
        self.rowMedians = rowMedians
        self.left = left
        self.top = top
        let boxWidth = max(0, right - left + 1)
        self.boxWidth = boxWidth
        var field = [Float](repeating: .nan, count: boxWidth * max(0, bottom - top + 1) * 3)
        for (slot, entry) in order.enumerated() {
            let b = ((Int(entry) / width - top) * boxWidth + Int(entry) % width - left) * 3
            for k in 0..<3 { field[b + k] = farField[slot * 3 + k] }
        }
        self.farField = field
    }

    /// Whether the patch around `source` would bring an object's colour to the hole pixel `target`.
    @inline(__always) func brings(source s: Int, target p: Int) -> Bool {
        let x = p % width - left, y = p / width - top
        guard x >= 0, x < boxWidth, y >= 0, (y * boxWidth + x) * 3 < farField.count else { return false }
        let b = (y * boxWidth + x) * 3
        let targetRow = p / width - medianTop, sourceRow = s / width - medianTop
        guard !farField[b].isNaN, sourceRow >= 0, sourceRow * 4 < rowMedians.count,
              !rowMedians[targetRow * 4].isNaN, !rowMedians[sourceRow * 4].isNaN else { return false }
        let mean = sums.withUnsafeBufferPointer {
            FillGuide.mean($0, width: width, height: height, at: s, radius: Self.meanRadius)
        }
        guard mean.count > 0 else { return false }
        let m = (Float(mean.0), Float(mean.1), Float(mean.2))
        let far = max(abs(m.0 - farField[b]), abs(m.1 - farField[b + 1]), abs(m.2 - farField[b + 2]))
        guard far > rowMedians[targetRow * 4 + 3] else { return false }
        let own = max(abs(m.0 - rowMedians[sourceRow * 4]), abs(m.1 - rowMedians[sourceRow * 4 + 1]),
                      abs(m.2 - rowMedians[sourceRow * 4 + 2]))
        return own > rowMedians[sourceRow * 4 + 3]
    }
}
