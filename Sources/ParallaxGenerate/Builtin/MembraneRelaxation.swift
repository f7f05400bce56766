/// Successive over-relaxation of a membrane over hole pixels, RGB interleaved: each sweep moves
/// every pixel towards (its fixed term + the sum of its hole neighbours) / its degree. The seam
/// blend solves for a correction this way, the fill guide and the smooth base for colour.
enum MembraneRelaxation {
    /// `neighbours` holds up to four hole-neighbour slots per slot (-1 ends the list); a slot of
    /// degree 0 has nothing to follow and keeps its value.
    /// `weights`, if given, weighs each link (slot * 4 + k); `degree` and `fixed` must then hold
    /// the weighted sums.
    static func relax(_ value: inout [Float], neighbours: [Int32], weights: [Float]? = nil, degree: [Float],
                      fixed: [Float], sweeps: Int, omega: Float) {
        let count = degree.count
        let weights = weights ?? []
        let weighted = !weights.isEmpty
        value.withUnsafeMutableBufferPointer { v in
        neighbours.withUnsafeBufferPointer { nb in
        weights.withUnsafeBufferPointer { wt in
        degree.withUnsafeBufferPointer { dg in
        fixed.withUnsafeBufferPointer { b in
            for _ in 0..<sweeps {
                for slot in 0..<count where dg[slot] > 0 {
                    var s0 = b[slot * 3], s1 = b[slot * 3 + 1], s2 = b[slot * 3 + 2]
                    for k in 0..<4 {
                        let n = Int(nb[slot * 4 + k])
                        if n < 0 { break }
                        if weighted {
                            let w = wt[slot * 4 + k]
                            s0 += w * v[n * 3]; s1 += w * v[n * 3 + 1]; s2 += w * v[n * 3 + 2]
                        } else {
                            s0 += v[n * 3]; s1 += v[n * 3 + 1]; s2 += v[n * 3 + 2]
                        }
                    }
                    let inverse = 1 / dg[slot]
                    v[slot * 3] += omega * (s0 * inverse - v[slot * 3])
                    v[slot * 3 + 1] += omega * (s1 * inverse - v[slot * 3 + 1])
                    v[slot * 3 + 2] += omega * (s2 * inverse - v[slot * 3 + 2])
                }
            }
        }}}}}
    }

    /// The harmonic continuation into the hole of the known pixels' values given by `boundary`
    /// (Laplace's equation with those values as boundary and free image borders), per hole pixel
    /// in the order of `order` (slot by slot), RGB. It starts from an onion-peel average (each
    /// pixel the mean of its known and already started 4-neighbours), so few sweeps are needed.
    /// `crossWeight` weighs the links between rows against those along a row (1: an ordinary
    /// membrane; small: each row mostly continues its own boundary values, as horizontal bands do).
    /// `screening` (with `prior`, RGB per slot) pulls every hole pixel towards its prior with that
    /// weight against its links: the boundary's values then fade into the prior over about
    /// 1 / sqrt(screening) pixels instead of being carried across the whole hole.
    static func continuation(hole: [Bool], order: [Int32], width: Int, height: Int, sweeps: Int, omega: Float,
                             crossWeight: Float = 1, screening: Float = 0, prior: [Float] = [],
                             boundary: (Int) -> (Float, Float, Float)) -> [Float] {
        let count = order.count
        guard count > 0 else { return [] }
        var value = [Float](repeating: 0, count: count * 3)
        var slotOf = [Int32](repeating: -1, count: width * height)
        for (slot, entry) in order.enumerated() { slotOf[Int(entry)] = Int32(slot) }
        // Known neighbours' sum (fixed), in-image neighbour count, hole neighbours as slots.
        var fixed = [Float](repeating: 0, count: count * 3)
        var degree = [Float](repeating: 0, count: count)
        var links = [Int32](repeating: -1, count: count * 4)
        var weights = [Float](repeating: 0, count: crossWeight == 1 ? 0 : count * 4)
        var set = [Bool](repeating: false, count: count)
        for (slot, entry) in order.enumerated() {
            let p = Int(entry), x = p % width, y = p / width
            var n = 0
            var knownWeight: Float = 0
            for (dx, dy) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
                let qx = x + dx, qy = y + dy
                guard qx >= 0, qx < width, qy >= 0, qy < height else { continue }
                let q = qy * width + qx
                let w: Float = dy == 0 ? 1 : crossWeight
                if hole[q] {
                    guard slotOf[q] >= 0 else { continue }
                    if !weights.isEmpty { weights[slot * 4 + n] = w }
                    links[slot * 4 + n] = slotOf[q]; n += 1
                } else {
                    let known = boundary(q)
                    fixed[slot * 3] += w * known.0; fixed[slot * 3 + 1] += w * known.1; fixed[slot * 3 + 2] += w * known.2
                    knownWeight += w
                }
                degree[slot] += w
            }
            if screening > 0, !prior.isEmpty {
                for k in 0..<3 { fixed[slot * 3 + k] += screening * prior[slot * 3 + k] }
                degree[slot] += screening
                knownWeight += screening
            }
            var sum: (Float, Float, Float) = (fixed[slot * 3], fixed[slot * 3 + 1], fixed[slot * 3 + 2])
            var used = knownWeight
            for k in 0..<n {
                let other = Int(links[slot * 4 + k])
                guard set[other] else { continue }
                let w = weights.isEmpty ? 1 : weights[slot * 4 + k]
                sum.0 += w * value[other * 3]; sum.1 += w * value[other * 3 + 1]; sum.2 += w * value[other * 3 + 2]
                used += w
            }
            if used > 0 {
                value[slot * 3] = sum.0 / used; value[slot * 3 + 1] = sum.1 / used; value[slot * 3 + 2] = sum.2 / used
            }
            set[slot] = true
        }
        relax(&value, neighbours: links, weights: weights.isEmpty ? nil : weights, degree: degree, fixed: fixed,
              sweeps: sweeps, omega: omega)
        return value
    }
}
