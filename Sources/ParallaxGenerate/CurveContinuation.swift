import ParallaxCore

/// Continues a layer's edge curve into the columns its gap just got filled in.
///
/// The inpainter filled the gap's whole strip (what lies behind the edge and the layer itself),
/// so the skyline goes on in the filled picture; this finds it there: a path one row per column,
/// starting at the curve's row beside the gap, moving at most `maxStep` rows per column, along
/// the strongest vertical change of colour (dynamic programming, a small cost per row moved).
/// Where the fill shows no edge, the path keeps its row instead of wandering.
public enum CurveContinuation {
    /// The curve's row in each of `columns` (ordered from the one beside `anchor`'s column
    /// outward), within `allowed`.
    public static func rows(in picture: Raster, columns: [Int], anchor: Int, allowed: ClosedRange<Int>,
                            maxStep: Int = 2, costPerRow: Int = 24) -> [Int] {
        guard !columns.isEmpty else { return [] }
        let low = allowed.lowerBound, count = allowed.count
        let start = min(max(anchor, low), allowed.upperBound)
        var cost = [Int](repeating: Int.max / 4, count: count)
        cost[start - low] = 0
        var from = [[Int32]]()
        from.reserveCapacity(columns.count)
        for x in columns {
            var next = [Int](repeating: Int.max / 4, count: count)
            var choice = [Int32](repeating: 0, count: count)
            for row in 0..<count {
                var best = Int.max, bestRow = row
                for previous in max(0, row - maxStep)...min(count - 1, row + maxStep) {
                    let total = cost[previous] + abs(row - previous) * costPerRow
                    if total < best { best = total; bestRow = previous }
                }
                next[row] = best - edgeStrength(picture, x: x, y: low + row)
                choice[row] = Int32(bestRow)
            }
            cost = next
            from.append(choice)
        }
        var row = cost.indices.min { (cost[$0], abs($0 - (start - low))) < (cost[$1], abs($1 - (start - low))) }!
        var path = [Int](repeating: 0, count: columns.count)
        for index in stride(from: columns.count - 1, through: 0, by: -1) {
            path[index] = low + row
            row = Int(from[index][row])
        }
        return path
    }

    /// How strongly the colour changes between the two rows above y and the two from y down.
    static func edgeStrength(_ picture: Raster, x: Int, y: Int) -> Int {
        func row(_ y: Int) -> Int { min(max(y, 0), picture.height - 1) }
        var total = 0
        for channel in 0..<3 {
            let below = Int(picture[x, row(y), channel]) + Int(picture[x, row(y + 1), channel])
            let above = Int(picture[x, row(y - 1), channel]) + Int(picture[x, row(y - 2), channel])
            total += abs(below - above)
        }
        return total
    }
}
