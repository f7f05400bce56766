/// The colour the fill should have at a large scale, so that copied texture also continues the
/// image's colour and large structure (what a smooth inpainter such as Telea gets right).
///
/// `low` is every pixel's local mean over the known pixels of a box around it; at a source
/// centre (all of whose patch is known) it is the patch's mean colour. `guide` is `low` at known
/// pixels and, inside the hole, a membrane (Laplace's equation, over-relaxed Gauss–Seidel) whose
/// boundary values are the known pixels' local means: the smoothest continuation of the
/// surroundings. The synthesizer adds the squared difference between a source's `low` and the
/// target's `guide` to a candidate's cost, so a source of the right texture but the wrong colour
/// (a bright object copied into dark sky) loses to one of the right colour.
struct FillGuide {
    /// RGB per pixel.
    let low: [Int32]
    /// RGB per pixel; equal to `low` outside the hole.
    let guide: [Int32]

    static let sweeps = 40
    static let relaxation: Float = 1.8

    init(pixels: [UInt8], hole: [Bool], order: [Int32], width: Int, height: Int, radius: Int) {
        // Summed-area tables of the known pixels' colour and count.
        let stride = width + 1
        var sums = [Int64](repeating: 0, count: stride * (height + 1) * 4)
        for y in 0..<height {
            var row = (Int64(0), Int64(0), Int64(0), Int64(0))
            for x in 0..<width {
                let p = y * width + x
                if !hole[p] {
                    row.0 += Int64(pixels[p * 3]); row.1 += Int64(pixels[p * 3 + 1])
                    row.2 += Int64(pixels[p * 3 + 2]); row.3 += 1
                }
                let t = ((y + 1) * stride + x + 1) * 4, above = (y * stride + x + 1) * 4
                sums[t] = sums[above] + row.0; sums[t + 1] = sums[above + 1] + row.1
                sums[t + 2] = sums[above + 2] + row.2; sums[t + 3] = sums[above + 3] + row.3
            }
        }
        var low = [Int32](repeating: 0, count: width * height * 3)
        for y in 0..<height {
            let top = max(0, y - radius), bottom = min(height, y + radius + 1)
            for x in 0..<width {
                let left = max(0, x - radius), right = min(width, x + radius + 1)
                let a = (top * stride + left) * 4, b = (top * stride + right) * 4
                let c = (bottom * stride + left) * 4, d = (bottom * stride + right) * 4
                let count = sums[d + 3] - sums[b + 3] - sums[c + 3] + sums[a + 3]
                guard count > 0 else { continue }
                for k in 0..<3 {
                    let total = sums[d + k] - sums[b + k] - sums[c + k] + sums[a + k]
                    low[(y * width + x) * 3 + k] = Int32((total + count / 2) / count)
                }
            }
        }
        self.low = low
        self.guide = Self.membrane(low: low, hole: hole, order: order, width: width, height: height)
    }

    /// `low` with the hole replaced by the harmonic continuation of its boundary, started from an
    /// onion-peel average so that few sweeps are needed.
    private static func membrane(low: [Int32], hole: [Bool], order: [Int32], width: Int, height: Int) -> [Int32] {
        let count = order.count
        var guide = low
        guard count > 0 else { return guide }
        var value = [Float](repeating: 0, count: count * 3)
        var slotOf = [Int32](repeating: -1, count: width * height)
        for (slot, entry) in order.enumerated() { slotOf[Int(entry)] = Int32(slot) }
        // Known neighbours' sum (fixed), in-image neighbour count, hole neighbours as slots.
        var fixed = [Float](repeating: 0, count: count * 3)
        var degree = [Float](repeating: 0, count: count)
        var links = [Int32](repeating: -1, count: count * 4)
        var set = [Bool](repeating: false, count: count)
        for (slot, entry) in order.enumerated() {
            let p = Int(entry), x = p % width, y = p / width
            var n = 0
            for (dx, dy) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
                let qx = x + dx, qy = y + dy
                guard qx >= 0, qx < width, qy >= 0, qy < height else { continue }
                let q = qy * width + qx
                degree[slot] += 1
                if hole[q] {
                    if slotOf[q] >= 0 { links[slot * 4 + n] = slotOf[q]; n += 1 } else { degree[slot] -= 1 }
                } else {
                    for c in 0..<3 { fixed[slot * 3 + c] += Float(low[q * 3 + c]) }
                }
            }
            // Start: the mean of known and already started neighbours (onion peel).
            var sum: (Float, Float, Float) = (fixed[slot * 3], fixed[slot * 3 + 1], fixed[slot * 3 + 2])
            var used = degree[slot] - Float(n)
            for k in 0..<n {
                let other = Int(links[slot * 4 + k])
                guard set[other] else { continue }
                sum.0 += value[other * 3]; sum.1 += value[other * 3 + 1]; sum.2 += value[other * 3 + 2]
                used += 1
            }
            if used > 0 {
                value[slot * 3] = sum.0 / used; value[slot * 3 + 1] = sum.1 / used; value[slot * 3 + 2] = sum.2 / used
            }
            set[slot] = true
        }
        value.withUnsafeMutableBufferPointer { v in
        links.withUnsafeBufferPointer { nb in
        degree.withUnsafeBufferPointer { dg in
        fixed.withUnsafeBufferPointer { b in
            for _ in 0..<sweeps {
                for slot in 0..<count where dg[slot] > 0 {
                    var s0 = b[slot * 3], s1 = b[slot * 3 + 1], s2 = b[slot * 3 + 2]
                    for k in 0..<4 {
                        let n = Int(nb[slot * 4 + k])
                        if n < 0 { break }
                        s0 += v[n * 3]; s1 += v[n * 3 + 1]; s2 += v[n * 3 + 2]
                    }
                    let inverse = 1 / dg[slot]
                    v[slot * 3] += relaxation * (s0 * inverse - v[slot * 3])
                    v[slot * 3 + 1] += relaxation * (s1 * inverse - v[slot * 3 + 1])
                    v[slot * 3 + 2] += relaxation * (s2 * inverse - v[slot * 3 + 2])
                }
            }
        }}}}
        for (slot, entry) in order.enumerated() {
            for c in 0..<3 { guide[Int(entry) * 3 + c] = Int32(value[slot * 3 + c].rounded()) }
        }
        return guide
    }
}
