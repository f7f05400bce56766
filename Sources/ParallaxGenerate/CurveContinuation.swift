import ParallaxCore

/// How the step loop continues a contour layer's edge through the columns its motion opens
/// (`parallax generate --edges`).
public enum EdgeContinuation: String, CaseIterable, Sendable {
    /// The gap is filled over the whole strip, then the edge follows the strongest change of
    /// colour the fill drew near a sketch of the input's curve (`CurveContinuation.rows(in:...)`
    /// with the `sketch` as its prior). Where the fill draws a clear edge near the sketch the
    /// layer's edge lies on it; elsewhere it takes the sketch's shape, so a ridge is neither cut
    /// flat nor sunk to an edge below it; where the edge it finds is held on the highest or
    /// lowest row the input's curve reaches, the sketch is the edge (`CurveContinuation.follow`).
    /// The cut shows the fill's own pixels on both sides, so an object's outline does not become
    /// dark peaks as with `sketch`; where the layer holds one colour along its edge, the built-in
    /// fill's layer is shown filled again under it from the layer alone
    /// (``StepLoop/refillUnderEdge``), while the next step follows the first fill.
    case follow
    /// The edge is drawn first, the way the input's edge goes (`CurveContinuation.sketch`), and
    /// the layer is filled under it, with what lies behind shown above it. Skylines keep their
    /// peaks; an object's outline (a shoulder, a saucer) is continued as peaks too.
    case sketch
}

/// Continues a layer's edge curve into the columns a shift opened, one row per column: along the
/// edge a fill drew near a sketch (`rows(in:...)` with a prior), or as a sketch made before the
/// fill (`sketch`).
///
/// The sketch goes on the way the input's own curve goes: the last rows of the path are matched
/// against every stretch of the input's curve (its absolute rows, read either way along x), and
/// the path takes one of the best stretches' next steps up or down, as a texture is grown from an
/// exemplar (Efros and Leung). A stretch is followed while it keeps matching, so a slope or a peak
/// comes whole. Matching absolute rows, not only slopes, keeps the path where the curve lives:
/// near its highest row the only matches are the input's peaks, which turn back down.
public enum CurveContinuation {
    /// The curve's row in each of `columns` (ordered from the one beside `anchor`'s column
    /// outward), within `allowed`: the path along the strongest change of colour in `picture`,
    /// moving at most `maxStep` rows a column. With a `prior` (a row per column, such as a
    /// `sketch`), each row also pays `priorWeight` per row it lies from the prior's: where the
    /// picture draws no clear edge near the prior, the path keeps the prior's shape instead of
    /// running straight or sinking to another edge.
    public static func rows(in picture: Raster, columns: [Int], anchor: Int, allowed: ClosedRange<Int>,
                            maxStep: Int = 2, costPerRow: Int = 24, prior: [Int]? = nil) -> [Int] {
        guard !columns.isEmpty else { return [] }
        let low = allowed.lowerBound, count = allowed.count
        let start = min(max(anchor, low), allowed.upperBound)
        var cost = [Int](repeating: Int.max / 4, count: count)
        cost[start - low] = 0
        var from = [[Int32]]()
        from.reserveCapacity(columns.count)
        for (position, x) in columns.enumerated() {
            let wanted = prior.map { $0[position] }
            var next = [Int](repeating: Int.max / 4, count: count)
            var choice = [Int32](repeating: 0, count: count)
            for row in 0..<count {
                var best = Int.max, bestRow = row
                for previous in max(0, row - maxStep)...min(count - 1, row + maxStep) {
                    let total = cost[previous] + abs(row - previous) * costPerRow
                    if total < best { best = total; bestRow = previous }
                }
                next[row] = best - edgeStrength(picture, x: x, y: low + row)
                if let wanted { next[row] += priorWeight * abs(low + row - wanted) }
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

    /// `--edges follow`'s edge in the gap: the path along the edge the fill drew near `sketch`
    /// (`rows(in:...)` with the sketch as prior), or the sketch itself where that path is held on
    /// a bound of `allowed` (`pinned`).
    public static func follow(in picture: Raster, columns: [Int], anchor: Int, allowed: ClosedRange<Int>,
                              sketch: [Int]) -> [Int] {
        let followed = rows(in: picture, columns: columns, anchor: anchor, allowed: allowed, prior: sketch)
        return pinned(followed, to: allowed, unlike: sketch) ? sketch : followed
    }

    /// Whether a followed path lies on a bound of `allowed` in most of its columns while the
    /// sketch lies there in few: the fill drew no edge within the curve's rows (one texture up to
    /// the strip's edge, or none down to it), and the path, held at the bound, would start the
    /// next step's sketch there too, so the edge would stay on its highest (or lowest) row for
    /// good: a ridge cut flat, a layer grown to a flat-topped block (bench/contour_edges.py's
    /// `ends`; docs/inpainters/builtin.md, round 17).
    static func pinned(_ path: [Int], to allowed: ClosedRange<Int>, unlike sketch: [Int]) -> Bool {
        guard allowed.count > 1, !path.isEmpty else { return false }
        for bound in [allowed.lowerBound, allowed.upperBound] {
            let onBound = path.lazy.filter { $0 == bound }.count
            let sketchOnBound = sketch.lazy.filter { $0 == bound }.count
            if 2 * onBound > path.count, 4 * sketchOnBound < sketch.count { return true }
        }
        return false
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

    /// What a followed edge pays per row it lies from the sketch in the same column (`rows(in:...)`
    /// with a prior): a clear edge the fill drew within a few rows of the sketch still wins (a
    /// strong one is worth a few hundred); far from it the sketch's shape decides. Measured with
    /// bench/contour_edges.py over nine pictures and seeds 0–2: 0 (no prior) left 5–7 of 26 layers
    /// on their rows' end, 2–16 left 1–4 (non-monotone: chelsea stays), 32 left 1–2 and matched
    /// the input's roughness as the sketch does; 64 follows the sketch outright. Capping a drawn
    /// edge's strength (so the sketch wins more often) was worse to look at: where the path left
    /// the edge the fill drew, the layer showed what the fill drew above it, the backdrop's haze.
    public static let priorWeight = 32

    /// How many of the path's last rows are matched.
    public static let window = 12
    /// The fewest stretches a new one is drawn from at random.
    static let choices = 6
    /// A stretch is followed while its rows stay within this mean squared distance of the path's.
    static let keepFollowing = 4

    /// The sketch: the curve's row in each of `count` new columns, ordered outward from the last of
    /// `history` (the path's rows beside the gap, oldest first). `exemplar` is the input's curve,
    /// one row per column; the path stays within the rows it spans. Deterministic in `seed`.
    public static func sketch(after history: [Int], exemplar: [Int], count: Int, seed: UInt64) -> [Int] {
        guard count > 0, let low = exemplar.min(), let high = exemplar.max() else { return [] }
        guard low < high, exemplar.count > 2 else { return [Int](repeating: low, count: count) }
        let stretches = [exemplar, Array(exemplar.reversed())]
        var random = SeededRandom(seed: seed)
        var path = history.map { min(max($0, low), high) }
        if path.isEmpty {
            let stretch = stretches[random.below(2)]
            path.append(stretch[random.below(stretch.count)])
        }
        let newRowsStart = path.count
        var followed: (stretch: Int, position: Int)? = nil
        while path.count < newRowsStart + count {
            if let current = followed, current.position + 1 < exemplar.count,
               distance(path, stretches[current.stretch], end: current.position) <= keepFollowing {
                followed = (current.stretch, current.position + 1)
            } else {
                followed = bestStretch(after: path, in: stretches, random: &random)
            }
            let (stretch, position) = followed!
            let step = stretches[stretch][position] - stretches[stretch][position - 1]
            path.append(min(max(path.last! + step, low), high))
        }
        return Array(path[newRowsStart...])
    }

    /// A position whose preceding rows match the path's last rows about as well as the best
    /// (within one row squared), or one of the `choices` best when fewer do, drawn at random; the
    /// position is the stretch's next row (the one the path takes a step to). Drawing among all
    /// equally good ones matters: a flat stretch matches every flat stretch at its row exactly.
    private static func bestStretch(after path: [Int], in stretches: [[Int]],
                                    random: inout SeededRandom) -> (stretch: Int, position: Int) {
        let length = min(window, path.count)
        var all: [(cost: Int, stretch: Int, position: Int)] = []
        for (index, stretch) in stretches.enumerated() {
            for end in (length - 1)..<(stretch.count - 1) {
                all.append((distance(path, stretch, end: end), index, end + 1))
            }
        }
        let best = all.map(\.cost).min()!
        var near = all.filter { $0.cost <= best + 1 }
        if near.count < choices {
            near = Array(all.sorted { ($0.cost, $0.stretch, $0.position) < ($1.cost, $1.stretch, $1.position) }.prefix(choices))
        }
        let pick = near[random.below(near.count)]
        return (pick.stretch, pick.position)
    }

    /// Mean squared difference between the path's last rows and the stretch's rows ending at `end`.
    private static func distance(_ path: [Int], _ stretch: [Int], end: Int) -> Int {
        let length = min(window, path.count, end + 1)
        var total = 0
        for back in 0..<length {
            let difference = path[path.count - 1 - back] - stretch[end - back]
            total += difference * difference
        }
        return total / length
    }
}
