import ParallaxCore

/// Edge-following boundaries for a large picture: the path search runs on a copy shrunk so its
/// shorter side is about `workingSize` pixels (where the light blur and the few-row means see
/// the same structure as on a small picture, at a fraction of the cost), and each path is then
/// refined at full size within a couple of shrunk rows of where it was found.
enum CoarseToFine {
    static let workingSize = 600

    static func boundaries(_ raster: Raster, near rows: [Int], blurRadius: Double? = nil) -> [[Int]] {
        let factor = max(1, (min(raster.width, raster.height) + workingSize - 1) / workingSize)
        guard factor > 1 else {
            return EdgeFollower(evidence: EdgeEvidence(raster, blurRadius: blurRadius)).boundaries(near: rows)
        }
        let small = shrink(raster, by: factor)
        let coarse = EdgeFollower(evidence: EdgeEvidence(small, blurRadius: blurRadius))
            .boundaries(near: rows.map { max(1, min(small.height - 1, ($0 + factor / 2) / factor)) })
        var refined: [[Int]] = []
        for (index, path) in coarse.enumerated() {
            let above = refined.last ?? Array(repeating: 0, count: raster.width)
            // Rows left for the boundaries still to come, so each keeps at least one row.
            let last = raster.height - (coarse.count - index)
            let allowed = (0..<raster.width).map { x -> Range<Int> in
                let guess = path[min(small.width - 1, x / factor)] * factor
                let low = max(above[x] + 1, guess - factor - 1), high = min(last + 1, guess + factor + 2)
                return low < high ? low..<high : max(above[x] + 1, min(guess, last))..<(max(above[x] + 1, min(guess, last)) + 1)
            }
            refined.append(refine(raster, allowed: allowed, span: factor))
        }
        return refined
    }

    /// Box average over factor×factor blocks (a partial block at the edges averages what it has).
    static func shrink(_ raster: Raster, by factor: Int) -> Raster {
        let width = (raster.width + factor - 1) / factor, height = (raster.height + factor - 1) / factor
        var small = Raster(width: width, height: height, channels: raster.channels)
        var sums = [Int](repeating: 0, count: width * raster.channels)
        var counts = [Int](repeating: 0, count: width)
        for y in 0..<height {
            for index in sums.indices { sums[index] = 0 }
            for index in counts.indices { counts[index] = 0 }
            for sourceY in (y * factor)..<min(raster.height, (y + 1) * factor) {
                let row = sourceY * raster.width * raster.channels
                for sourceX in 0..<raster.width {
                    let x = sourceX / factor
                    counts[x] += 1
                    for channel in 0..<raster.channels { sums[x * raster.channels + channel] += Int(raster.pixels[row + sourceX * raster.channels + channel]) }
                }
            }
            for x in 0..<width {
                for channel in 0..<raster.channels {
                    small.pixels[(y * width + x) * raster.channels + channel] = UInt8(sums[x * raster.channels + channel] / max(1, counts[x]))
                }
            }
        }
        return small
    }

    /// The path through `allowed` rows per column where the colour just below differs most from
    /// the colour just above (means over `span` rows), moving freely within the narrow bands.
    static func refine(_ raster: Raster, allowed: [Range<Int>], span: Int) -> [Int] {
        let low = allowed.map(\.lowerBound).min()!, high = allowed.map(\.upperBound).max()!
        let rows = low..<high
        var strength = [Float](repeating: 0, count: raster.width * rows.count)
        var strongest: Float = 1e-3
        for x in 0..<raster.width {
            for y in allowed[x] {
                var squared: Float = 0
                let reachAbove = min(span, y), reachBelow = min(span, raster.height - y)
                guard reachAbove > 0, reachBelow > 0 else { continue }
                for channel in 0..<raster.channels {
                    var above = 0, below = 0
                    for k in 0..<reachAbove { above += Int(raster[x, y - 1 - k, channel]) }
                    for k in 0..<reachBelow { below += Int(raster[x, y + k, channel]) }
                    let difference = Float(below) / Float(reachBelow) - Float(above) / Float(reachAbove)
                    squared += difference * difference
                }
                let value = squared.squareRoot()
                strength[x * rows.count + y - low] = value
                strongest = max(strongest, value)
            }
        }
        let cost = strength.map { 1 - $0 / strongest }
        return MinimumCostPath(cost: cost, width: raster.width, rows: rows, allowed: allowed, maxStep: 2, stepCost: 0.02,
                               cliffCost: 0.5, cliffRowCost: nil).solve()
    }
}
