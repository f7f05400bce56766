/// The colour the fill should have at a large scale, so that copied texture also continues the
/// image's colour and large structure (what a smooth inpainter such as Telea gets right).
///
/// `low(at:)` is a pixel's local mean over the known pixels of a box around it (from a
/// summed-area table, so only the pixels asked about cost anything). `guide` holds, per hole
/// pixel in fill order, a membrane (Laplace's equation, over-relaxed Gauss–Seidel) whose
/// boundary values are the known pixels' local means: the smoothest continuation of the
/// surroundings. The synthesizer adds the squared difference between a source's `low` and the
/// target's `guide` to a candidate's cost, so a source of the right texture but the wrong colour
/// (a bright object copied into dark sky) loses to one of the right colour. Away from the
/// boundary the membrane fades into the far field (`FarField`): an object at the boundary (a
/// galaxy) is not continued across the hole, nor are sources of its colour preferred there.
struct FillGuide {
    let width: Int
    let height: Int
    let radius: Int
    /// Summed-area table of the known pixels: R, G, B and count per entry, (width+1) per row.
    private let sums: [Int32]
    /// RGB per hole pixel, in the order of `order` (slot by slot).
    private(set) var guide: [Int32] = []
    /// RGB per hole pixel (slot): what the guides fade into away from the boundary (`FarField`).
    private(set) var farField: [Float] = []
    /// Which sources would bring an object's colour into rows that hold none.
    let objects: ObjectColour

    static let sweeps = 40
    static let relaxation: Float = 1.8

    init(pixels: [UInt8], hole: [Bool], order: [Int32], width: Int, height: Int, radius: Int) {
        self.width = width
        self.height = height
        self.radius = radius
        let stride = width + 1
        var sums = [Int32](repeating: 0, count: stride * (height + 1) * 4)
        sums.withUnsafeMutableBufferPointer { t in
            for y in 0..<height {
                var r: Int32 = 0, g: Int32 = 0, b: Int32 = 0, n: Int32 = 0
                for x in 0..<width {
                    let p = y * width + x
                    if !hole[p] {
                        r += Int32(pixels[p * 3]); g += Int32(pixels[p * 3 + 1]); b += Int32(pixels[p * 3 + 2]); n += 1
                    }
                    let e = ((y + 1) * stride + x + 1) * 4, above = (y * stride + x + 1) * 4
                    t[e] = t[above] + r; t[e + 1] = t[above + 1] + g
                    t[e + 2] = t[above + 2] + b; t[e + 3] = t[above + 3] + n
                }
            }
        }
        self.sums = sums
        // The far field from the local means at the fill's coarse scale (9x9), carried into the
        // hole as BaseAndDetail's guide is (links between rows at half weight).
        // (The closure reads the table, not self: a struct's self copied per call costs retains.)
        farField = sums.withUnsafeBufferPointer { table in
            FarField.continuation(hole: hole, order: order, width: width, height: height, sweeps: FarField.sweeps,
                                  omega: Self.relaxation, crossWeight: BaseAndDetail.crossWeight) { q in
                let m = Self.mean(table, width: width, height: height, at: q, radius: BaseAndDetail.detailRadius)
                return m.count > 0 ? (Float(m.0), Float(m.1), Float(m.2)) : nil
            }
        }
        objects = ObjectColour(sums: sums, farField: farField, order: order, width: width, height: height)
        guide = membrane(hole: hole, order: order)
    }

    /// The mean colour of the known pixels in the box of `radius` around pixel `p` (0 if none).
    @inline(__always) func low(at p: Int) -> (Int, Int, Int) {
        let m = sums.withUnsafeBufferPointer { Self.mean($0, width: width, height: height, at: p, radius: radius) }
        return (m.0, m.1, m.2)
    }

    /// The mean colour and count of the known pixels in the box of `radius` around pixel `p`,
    /// from the summed-area table `sums`.
    @inline(__always) static func mean(_ sums: UnsafeBufferPointer<Int32>, width: Int, height: Int, at p: Int,
                                               radius: Int) -> (Int, Int, Int, count: Int) {
        let x = p % width, y = p / width, stride = width + 1
        let top = max(0, y - radius), bottom = min(height, y + radius + 1)
        let left = max(0, x - radius), right = min(width, x + radius + 1)
        let a = (top * stride + left) * 4, b = (top * stride + right) * 4
        let c = (bottom * stride + left) * 4, d = (bottom * stride + right) * 4
        let count = Int(sums[d + 3] - sums[b + 3] - sums[c + 3] + sums[a + 3])
        guard count > 0 else { return (0, 0, 0, 0) }
        func channel(_ k: Int) -> Int {
            (Int(sums[d + k] - sums[b + k] - sums[c + k] + sums[a + k]) + count / 2) / count
        }
        return (channel(0), channel(1), channel(2), count)
    }

    /// Per hole pixel (slot), the harmonic continuation of the known pixels' local means.
    private func membrane(hole: [Bool], order: [Int32]) -> [Int32] {
        MembraneRelaxation.continuation(hole: hole, order: order, width: width, height: height,
                                        sweeps: Self.sweeps, omega: Self.relaxation,
                                        screening: FarField.screening, prior: farField) { q in
            let mean = low(at: q)
            return (Float(mean.0), Float(mean.1), Float(mean.2))
        }.map { Int32($0.rounded()) }
    }
}
