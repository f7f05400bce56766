/// Successive over-relaxation of a membrane over hole pixels, RGB interleaved: each sweep moves
/// every pixel towards (its fixed term + the sum of its hole neighbours) / its degree. The seam
/// blend solves for a correction this way, the fill guide and the smooth base for colour.
///
/// Red-black order: 4-neighbours on a grid always have opposite colours, so a sweep updates one
/// colour from the other, then the other. Within a half-sweep no update waits for another, so the
/// processor overlaps them; in fill order (Gauss–Seidel) each pixel waited for the one above it.
/// Both orders converge at the same rate (the same over-relaxation factor suits both).
enum MembraneRelaxation {
    /// `neighbours` holds up to four hole-neighbour slots per slot (-1 ends the list); a slot of
    /// degree 0 has nothing to follow and keeps its value.
    /// `weights`, if given, weighs each link (slot * 4 + k); `degree` and `fixed` must then hold
    /// the weighted sums.
    static func relax(_ value: inout [Float], neighbours: [Int32], weights: [Float]? = nil, degree: [Float],
                      fixed: [Float], sweeps: Int, omega: Float) {
        let count = degree.count
        // Every slot gets four links: a missing one points at a padding slot that holds zero (with
        // weight zero), so the inner loop has no branches; adding zero leaves every sum as it was.
        let padding = Int32(count)
        let links = neighbours.map { $0 < 0 ? padding : $0 }
        let linkWeights = weights.map { w in (0..<(count * 4)).map { neighbours[$0] < 0 ? 0 : w[$0] } }
        // Slots of degree 0 have nothing to follow and keep their value; the others, red then black.
        let moving = redBlack(neighbours: neighbours, count: count).filter { degree[Int($0)] > 0 }
        let inverseDegree = degree.map { $0 > 0 ? 1 / $0 : 0 }
        value.append(contentsOf: [0, 0, 0])
        value.withUnsafeMutableBufferPointer { v in
        links.withUnsafeBufferPointer { nb in
        inverseDegree.withUnsafeBufferPointer { inverse in
        moving.withUnsafeBufferPointer { moving in
        fixed.withUnsafeBufferPointer { b in
            if let linkWeights {
                linkWeights.withUnsafeBufferPointer { wt in
                    for _ in 0..<sweeps {
                        for entry in moving {
                            let slot = Int(entry), l = slot * 4
                            let n0 = Int(nb[l]) * 3, n1 = Int(nb[l + 1]) * 3, n2 = Int(nb[l + 2]) * 3, n3 = Int(nb[l + 3]) * 3
                            let w0 = wt[l], w1 = wt[l + 1], w2 = wt[l + 2], w3 = wt[l + 3]
                            var s0 = b[slot * 3], s1 = b[slot * 3 + 1], s2 = b[slot * 3 + 2]
                            s0 += w0 * v[n0]; s1 += w0 * v[n0 + 1]; s2 += w0 * v[n0 + 2]
                            s0 += w1 * v[n1]; s1 += w1 * v[n1 + 1]; s2 += w1 * v[n1 + 2]
                            s0 += w2 * v[n2]; s1 += w2 * v[n2 + 1]; s2 += w2 * v[n2 + 2]
                            s0 += w3 * v[n3]; s1 += w3 * v[n3 + 1]; s2 += w3 * v[n3 + 2]
                            let i = inverse[slot]
                            v[slot * 3] += omega * (s0 * i - v[slot * 3])
                            v[slot * 3 + 1] += omega * (s1 * i - v[slot * 3 + 1])
                            v[slot * 3 + 2] += omega * (s2 * i - v[slot * 3 + 2])
                        }
                    }
                }
            } else {
                for _ in 0..<sweeps {
                    for entry in moving {
                        let slot = Int(entry), l = slot * 4
                        let n0 = Int(nb[l]) * 3, n1 = Int(nb[l + 1]) * 3, n2 = Int(nb[l + 2]) * 3, n3 = Int(nb[l + 3]) * 3
                        var s0 = b[slot * 3], s1 = b[slot * 3 + 1], s2 = b[slot * 3 + 2]
                        s0 += v[n0]; s1 += v[n0 + 1]; s2 += v[n0 + 2]
                        s0 += v[n1]; s1 += v[n1 + 1]; s2 += v[n1 + 2]
                        s0 += v[n2]; s1 += v[n2 + 1]; s2 += v[n2 + 2]
                        s0 += v[n3]; s1 += v[n3 + 1]; s2 += v[n3 + 2]
                        let i = inverse[slot]
                        v[slot * 3] += omega * (s0 * i - v[slot * 3])
                        v[slot * 3 + 1] += omega * (s1 * i - v[slot * 3 + 1])
                        v[slot * 3 + 2] += omega * (s2 * i - v[slot * 3 + 2])
                    }
                }
            }
        }}}}}
        value.removeLast(3)
    }

    /// Per pixel, its slot in `order` (-1 for a pixel not in it): how a membrane's links find
    /// their neighbours.
    static func slots(of order: [Int32], pixelCount: Int) -> [Int32] {
        var slotOf = [Int32](repeating: -1, count: pixelCount)
        for (slot, entry) in order.enumerated() { slotOf[Int(entry)] = Int32(slot) }
        return slotOf
    }

    /// The links of a membrane over the slots of `order` (`slotOf` from `slots(of:pixelCount:)`):
    /// per slot its hole neighbours as slots (four entries, -1 after the last) and its degree,
    /// `base` plus one per 4-neighbour in the image and not `behind` (what lies behind a layer is
    /// no boundary). `visit(slot, p, q, dx, dy)` sees each such link, to a hole pixel or a known
    /// one, in that order: a stage adds its own term per link there.
    static func links(order: [Int32], hole: [Bool], slotOf: [Int32], width: Int, height: Int, behind: [Bool]?,
                      base: Float = 0, visit: (_ slot: Int, _ p: Int, _ q: Int, _ dx: Int, _ dy: Int) -> Void)
        -> (neighbours: [Int32], degree: [Float]) {
        var neighbours = [Int32](repeating: -1, count: order.count * 4)
        var degree = [Float](repeating: base, count: order.count)
        for (slot, entry) in order.enumerated() {
            let p = Int(entry), x = p % width, y = p / width
            var links = 0
            for (dx, dy) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
                let qx = x + dx, qy = y + dy
                guard qx >= 0, qx < width, qy >= 0, qy < height else { continue }
                let q = qy * width + qx
                if let behind, behind[q] { continue }
                degree[slot] += 1
                if hole[q] { neighbours[slot * 4 + links] = slotOf[q]; links += 1 }
                visit(slot, p, q, dx, dy)
            }
        }
        return (neighbours, degree)
    }

    /// Adds a correction solved over the slots of `order` (RGB per slot) to those pixels, rounded
    /// and clamped to 0...255.
    static func add(_ correction: [Float], to pixels: inout [UInt8], order: [Int32]) {
        for (slot, entry) in order.enumerated() {
            let p = Int(entry)
            for c in 0..<3 {
                let corrected = Float(pixels[p * 3 + c]) + correction[slot * 3 + c]
                pixels[p * 3 + c] = UInt8(min(max(corrected.rounded(), 0), 255))
            }
        }
    }

    /// The slots in two groups, first one colour and then the other, such that no two linked
    /// slots share a colour (a breadth-first 2-colouring: the links form a grid, which has one).
    private static func redBlack(neighbours: [Int32], count: Int) -> [Int32] {
        var colour = [Int8](repeating: -1, count: count)
        var queue = [Int32]()
        queue.reserveCapacity(count)
        for start in 0..<count where colour[start] < 0 {
            colour[start] = 0
            queue.append(Int32(start))
            var head = queue.count - 1
            while head < queue.count {
                let slot = Int(queue[head]); head += 1
                for k in 0..<4 {
                    let n = Int(neighbours[slot * 4 + k])
                    if n < 0 { break }
                    if colour[n] < 0 { colour[n] = 1 - colour[slot]; queue.append(Int32(n)) }
                }
            }
        }
        let red = (0..<count).filter { colour[$0] == 0 }, black = (0..<count).filter { colour[$0] != 0 }
        return (red + black).map { Int32($0) }
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
        let slotOf = slots(of: order, pixelCount: width * height)
        // Known neighbours' sum (fixed), in-image neighbour count, hole neighbours as slots.
        var fixed = [Float](repeating: 0, count: count * 3)
        var degree = [Float](repeating: 0, count: count)
        var links = [Int32](repeating: -1, count: count * 4)
        var weights = [Float](repeating: 0, count: crossWeight == 1 ? 0 : count * 4)
        var set = [Bool](repeating: false, count: count)
        var degreeKnown = [Float](repeating: 0, count: count)
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
            degreeKnown[slot] = knownWeight
        }
        // The starting values: each slot the mean of its known and already started neighbours, in
        // fill order. A slot with neither (its only started neighbours are diagonal, or lie behind
        // a layer and have no slot) waits for a later round instead of starting at black, which
        // its neighbours would then average in.
        var waiting = Array(0..<count)
        while !waiting.isEmpty {
            var still: [Int] = []
            for slot in waiting {
                var sum: (Float, Float, Float) = (fixed[slot * 3], fixed[slot * 3 + 1], fixed[slot * 3 + 2])
                var used = degreeKnown[slot]
                for k in 0..<4 {
                    let other = Int(links[slot * 4 + k])
                    if other < 0 { break }
                    guard set[other] else { continue }
                    let w = weights.isEmpty ? 1 : weights[slot * 4 + k]
                    sum.0 += w * value[other * 3]; sum.1 += w * value[other * 3 + 1]; sum.2 += w * value[other * 3 + 2]
                    used += w
                }
                guard used > 0 else { still.append(slot); continue }
                value[slot * 3] = sum.0 / used; value[slot * 3 + 1] = sum.1 / used; value[slot * 3 + 2] = sum.2 / used
                set[slot] = true
            }
            // Slots no started one reaches (a region cut off from every known pixel) stay at zero.
            if still.count == waiting.count { break }
            waiting = still
        }
        relax(&value, neighbours: links, weights: weights.isEmpty ? nil : weights, degree: degree, fixed: fixed,
              sweeps: sweeps, omega: omega)
        return value
    }
}
