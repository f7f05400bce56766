import ParallaxCore

/// The boundary a segment mask gives: the segment's lower edge, column by column (white, ≥ 128,
/// is the segment above the boundary, as SAM or any segmenter writes it).
///
/// In each column the edge is where white ends: the row with no white in the few rows below it
/// and no black in the few rows above. The path through those rows is smoothed over columns
/// so a speck or a one-pixel spike does not bend it, while a real cliff (a tower's side, where
/// the mask itself changes from column to column) is followed. Columns without any white (the
/// segment hidden behind something) carry no evidence and are bridged.
enum MaskEdge {
    /// `file` and `option` name the mask in errors.
    static func boundary(_ mask: Raster, file: String, option: String) throws -> [Int] {
        let width = mask.width, height = mask.height
        guard height >= 2 else { throw SceneError(file: file, "mask is \(height) row high; a boundary needs two rows (\(option))") }
        func white(_ x: Int, _ y: Int) -> Bool { mask.pixels[(y * width + x) * mask.channels] >= 128 }
        let window = max(4, height / 40)
        let rows = 1..<height
        var cost = [Float](repeating: 0, count: width * rows.count)
        var cliffs = [Float](repeating: 1, count: width * rows.count)
        var anyWhite = false
        // Nearer rows weigh more, so a thin segment still has one best row: its last white one's next.
        let weights = (0..<window).map { Float(window - $0) / Float(window) }
        for x in 0..<width {
            if white(x, height - 1) {
                throw SceneError(file: file, "column \(x): the segment reaches the bottom row, so its edge leaves no row for the layer below (\(option))")
            }
            guard (0..<height).contains(where: { white(x, $0) }) else { continue }
            anyWhite = true
            for y in rows {
                var errors: Float = 0
                for k in 0..<window {
                    if y + k < height, white(x, y + k) { errors += weights[k] }
                    if y - 1 - k >= 0, !white(x, y - 1 - k) { errors += weights[k] }
                }
                cost[x * rows.count + y - 1] = errors
                if x > 0, white(x, y) != white(x - 1, y) { cliffs[x * rows.count + y - 1] = 0.05 }
            }
        }
        guard anyWhite else { throw SceneError(file: file, "mask is empty: no white pixel marks the segment (\(option))") }
        return MinimumCostPath(cost: cost, width: width, rows: rows, maxStep: 2, stepCost: 0.05, cliffCost: 2,
                               cliffRowCost: cliffs).solve()
    }

    /// Boundaries from several masks, top to bottom. Refuses masks whose edges meet, which would
    /// leave no row for the layer between them.
    static func boundaries(_ masks: [(raster: Raster, file: String)], option: String) throws -> [[Int]] {
        var found: [(edge: [Int], file: String)] = []
        for mask in masks { found.append((try boundary(mask.raster, file: mask.file, option: option), mask.file)) }
        found.sort { median($0.edge) < median($1.edge) }
        for (upper, lower) in zip(found, found.dropFirst()) {
            if let x = upper.edge.indices.first(where: { lower.edge[$0] <= upper.edge[$0] }) {
                throw SceneError(file: lower.file, "column \(x): its edge (row \(lower.edge[x])) meets the edge of \(upper.file) (row \(upper.edge[x])), leaving no row for the layer between them (\(option))")
            }
        }
        return found.map(\.edge)
    }

    static func median(_ values: [Int]) -> Int {
        let sorted = values.sorted()
        return sorted[sorted.count / 2]
    }
}
