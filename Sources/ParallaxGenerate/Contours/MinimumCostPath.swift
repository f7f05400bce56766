/// The cheapest left-to-right path across a cost field, one row per column, by dynamic
/// programming over columns.
///
/// Between neighbouring columns the path may move up to `maxStep` rows for `stepCost` a row.
/// A longer move is a cliff (a tower's side, a cut-out edge): it costs `cliffCost` plus, for
/// every row it passes, that row's entry in `cliffRowCost` at the new column, so a cliff is
/// taken only where a vertical edge pays for it. Costs ≥ 0; rows outside `rows` are never used.
struct MinimumCostPath {
    /// Cost of the path's row y in column x: `cost[x * rows.count + (y - rows.lowerBound)]`.
    var cost: [Float]
    var width: Int
    var rows: Range<Int>
    /// Rows each column may use (within `rows`); nil for all of `rows`.
    var allowed: [Range<Int>]?
    var maxStep = 2
    var stepCost: Float = 0.05
    var cliffCost: Float = 4
    /// Per row of a cliff at column x, laid out like `cost`; nil for a flat 1 per row.
    var cliffRowCost: [Float]?

    /// The path: for each column, the chosen row.
    func solve() -> [Int] {
        let height = rows.count
        precondition(height > 0 && width > 0 && cost.count == width * height)
        let infinity = Float.greatestFiniteMagnitude / 4
        var total = [Float](repeating: 0, count: height)
        var from = [Int32](repeating: 0, count: width * height)
        func range(_ x: Int) -> Range<Int> {
            guard let allowed else { return 0..<height }
            let local = allowed[x]
            return max(0, local.lowerBound - rows.lowerBound)..<min(height, local.upperBound - rows.lowerBound)
        }
        for y in 0..<height { total[y] = range(0).contains(y) ? cost[y] : infinity }
        var next = total, chain = total
        var chainFrom = [Int32](repeating: 0, count: height)
        for x in 1..<max(width, 1) {
            let base = x * height
            // Cliffs: from any row, walking along column x at cliffRowCost per row.
            for y in 0..<height { chain[y] = total[y] + cliffCost; chainFrom[y] = Int32(y) }
            for y in 1..<max(height, 1) {
                let step = chain[y - 1] + (cliffRowCost?[base + y] ?? 1)
                if step < chain[y] { chain[y] = step; chainFrom[y] = chainFrom[y - 1] }
            }
            for y in stride(from: height - 2, through: 0, by: -1) {
                let step = chain[y + 1] + (cliffRowCost?[base + y] ?? 1)
                if step < chain[y] { chain[y] = step; chainFrom[y] = chainFrom[y + 1] }
            }
            let usable = range(x)
            for y in 0..<height {
                guard usable.contains(y) else { next[y] = infinity; continue }
                var best = chain[y], origin = chainFrom[y]
                for previous in max(0, y - maxStep)...min(height - 1, y + maxStep) {
                    let candidate = total[previous] + stepCost * Float(abs(previous - y))
                    if candidate < best { best = candidate; origin = Int32(previous) }
                }
                next[y] = best + cost[base + y]
                from[base + y] = origin
            }
            swap(&total, &next)
        }
        var row = (0..<height).min { total[$0] < total[$1] }!
        var path = [Int](repeating: 0, count: width)
        for x in stride(from: width - 1, through: 0, by: -1) {
            path[x] = row + rows.lowerBound
            row = Int(from[x * height + row])
        }
        return path
    }
}
