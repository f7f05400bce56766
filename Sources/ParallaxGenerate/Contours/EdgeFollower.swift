/// Boundaries that run along a picture's edges (or a depth map's jumps) near chosen rows: each
/// one is the cheapest path across the image through a window around its row, where running
/// along a strong change is cheap, crossing flat or textured ground is dear, and drifting far
/// from the row costs a little, so a picture with no edge keeps its straight row.
struct EdgeFollower {
    let evidence: EdgeEvidence
    /// Cost of drifting to the window's edge, relative to a pixel with no edge at all.
    var driftCost: Float = 0.3
    /// How far a boundary may stray from its row, as a share of the image height.
    var reach = 0.15
    /// Rows a boundary may move between neighbouring columns without counting as a cliff.
    var maxStep = 2
    /// The weakest change (colour distance, 0…441 for RGB) that can count as a full edge.
    var minimumEdge: Float = 24

    /// One boundary (top row of the lower layer per column) per row in `rows` (ascending, within
    /// 1…height−1). Windows never overlap, so every layer keeps at least one row in every column.
    func boundaries(near rows: [Int]) -> [[Int]] {
        let height = evidence.height
        return rows.indices.map { index in
            let row = rows[index]
            let previous = index > 0 ? rows[index - 1] : 0
            let next = index + 1 < rows.count ? rows[index + 1] : height
            let reachRows = max(1, Int(Double(height) * reach))
            let low = max(1, (previous + row + 1) / 2, row - reachRows)
            let high = min(height, (row + next + 1) / 2, row + reachRows + 1)
            guard high - low > 1 else { return Array(repeating: row, count: evidence.width) }
            return follow(row: row, window: low..<high)
        }
    }

    private func follow(row: Int, window: Range<Int>) -> [Int] {
        let width = evidence.width, height = evidence.height, rows = window.count
        var strengths: [Float] = []
        strengths.reserveCapacity(width * rows)
        for x in 0..<width { for y in window { strengths.append(evidence.vertical[x * height + y]) } }
        // Only what stands out counts: changes at or below the window's median (sky noise, even
        // texture) are no edge, and the strongest lines (a high percentile, at least
        // `minimumEdge`) are full edges.
        let floor = EdgeFollower.percentile(strengths, 0.5)
        let scale = max(EdgeFollower.percentile(strengths, 0.99), floor + minimumEdge) - floor
        let half = Float(max(row - window.lowerBound, window.upperBound - 1 - row, 1))
        var cost = [Float](repeating: 0, count: width * rows)
        var cliffs = [Float](repeating: 0, count: width * rows)
        for x in 0..<width {
            for (offset, y) in window.enumerated() {
                let drift = abs(Float(y - row)) / half
                let edge = min(1, max(0, strengths[x * rows + offset] - floor) / scale)
                cost[x * rows + offset] = 1 - edge + driftCost * drift
                let side = min(1, max(0, evidence.across[x * height + y] - floor) / scale)
                cliffs[x * rows + offset] = 0.1 + 0.9 * (1 - side)
            }
        }
        return MinimumCostPath(cost: cost, width: width, rows: window, maxStep: maxStep, stepCost: 0.04,
                               cliffCost: 3, cliffRowCost: cliffs).solve()
    }

    static func percentile(_ values: [Float], _ share: Double) -> Float {
        guard !values.isEmpty else { return 0 }
        // A histogram over the value range: exact enough, and linear in the pixels.
        let top = values.max()!
        guard top > 0 else { return 0 }
        let bins = 1024
        var histogram = [Int](repeating: 0, count: bins)
        for value in values { histogram[min(bins - 1, Int(value / top * Float(bins)))] += 1 }
        let target = Int(Double(values.count) * share)
        var seen = 0
        for (bin, count) in histogram.enumerated() {
            seen += count
            if seen > target { return Float(bin + 1) / Float(bins) * top }
        }
        return top
    }
}
