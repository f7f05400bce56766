/// What the fill's guides fade into away from the hole's boundary, so that an object at the
/// boundary is not carried across the hole as a streak.
///
/// The guides (`FillGuide`, `BaseAndDetail`) carry the known pixels' local means into the hole by
/// a membrane. In a one-sided gap (a band moving left, whose only known side is the left) a
/// membrane continues each row's boundary value across the whole gap, and in the step loop each
/// step continues the last step's fill: a bright galaxy at the gap's edge became a long streak
/// across the revealed sky (hubble_deep_field, the low-poly picture of bench/fill_quality.sh).
///
/// At each known pixel beside the hole, its local mean is compared with two medians of the known
/// local means: along its rows, far to either side (`reach` columns, `rows` rows), and in the
/// column above and below it (`tallRows` rows, `tallReach` columns). A local mean unlike both (by
/// more than `objectLevels`, plus the rows' own scatter, so a textured region is not taken for an
/// object) is an object: neither a region that continues along the rows (a lake, a shore) nor one
/// that spans the rows (a sky beside towers). There the far field is the rows' median; elsewhere
/// it is the local mean itself, and nothing fades. The guides are screened membranes pulled
/// towards the far field carried into the hole, fading over about `decay` pixels.
enum FarField {
    /// The rows' median: `reach` columns either way along `rows` rows either way.
    static let reach = 160
    static let rows = 4
    /// The column's median: `tallRows` rows either way, `tallReach` columns either way.
    static let tallRows = 48
    static let tallReach = 12
    /// Every how many columns the medians sample (the local means are 9 px wide).
    static let columnStep = 3
    /// A local mean counts as an object when it is this many levels (largest channel) from both
    /// medians, plus the rows' median absolute deviation times `scatterFactor`; fully from
    /// `objectRamp` levels more.
    static let objectLevels: Float = 8
    static let objectRamp: Float = 16
    static let scatterFactor: Float = 1
    /// How far (px along a row) the guides follow the boundary's own values before they fade into
    /// the far field's. Measured on a strip of hubble_deep_field, 16 steps (see
    /// docs/inpainters/builtin.md); the fill tests' 24-px gaps keep their structure.
    static let decay: Float = 12

    /// Sweeps of the far field's own membrane: its boundary values (medians over 320 columns, or
    /// the local means) change slowly along the boundary, and it starts from an onion-peel average,
    /// so fewer sweeps than the guides' 40 do (speed: bench/inpaint_builtin.sh).
    static let sweeps = 20

    /// The screening weight for `MembraneRelaxation.continuation` that gives `decay`.
    static var screening: Float { 1 / (decay * decay) }

    /// Per hole pixel (slot, RGB): the far field carried into the hole. `mean(q)` is the local
    /// mean around known pixel q (nil where it is not defined).
    static func continuation(hole: [Bool], order: [Int32], width: Int, height: Int, sweeps: Int, omega: Float,
                             crossWeight: Float, mean: (Int) -> (Float, Float, Float)?) -> [Float] {
        MembraneRelaxation.continuation(hole: hole, order: order, width: width, height: height,
                                        sweeps: sweeps, omega: omega, crossWeight: crossWeight) { q in
            guard let local = mean(q) else { return (0, 0, 0) }
            func gap(_ a: (Float, Float, Float), _ b: (Float, Float, Float)) -> Float {
                max(abs(a.0 - b.0), abs(a.1 - b.1), abs(a.2 - b.2))
            }
            // Most boundary pixels are like their rows: then the scatter and the column's median
            // cannot make them an object, and are not computed.
            let far = median(at: q, reach: reach, rows: rows, hole: hole, width: width, height: height, mean: mean)
            let rowGap = gap(local, far.centre) - objectLevels
            guard rowGap > 0 else { return local }
            let allowance = scatterFactor * far.scatter()
            let unlikeRows = rowGap - allowance
            guard unlikeRows > 0 else { return local }
            let column = median(at: q, reach: tallReach, rows: tallRows, hole: hole, width: width, height: height, mean: mean)
            let unlike = min(unlikeRows, gap(local, column.centre) - objectLevels - allowance)
            let far3 = far.centre
            let object = min(max(unlike / objectRamp, 0), 1)
            return (local.0 + object * (far3.0 - local.0), local.1 + object * (far3.1 - local.1),
                    local.2 + object * (far3.2 - local.2))
        }
    }

    /// The local means of known pixels within `reach` columns and `rows` rows of pixel q (sampled
    /// every `columnStep` columns, and every `rows / 4` or 4 rows), with their median per channel.
    static func median(at q: Int, reach: Int, rows: Int, hole: [Bool], width: Int, height: Int,
                       mean: (Int) -> (Float, Float, Float)?) -> Samples {
        let x = q % width, y = q / width
        let rowStep = max(4, rows / 4)
        var samples = Samples()
        let capacity = (2 * reach / columnStep + 1) * (2 * rows / rowStep + 1)
        samples.r.reserveCapacity(capacity); samples.g.reserveCapacity(capacity); samples.b.reserveCapacity(capacity)
        for yy in stride(from: max(0, y - rows), through: min(height - 1, y + rows), by: rowStep) {
            for xx in stride(from: max(0, x - reach), through: min(width - 1, x + reach), by: columnStep) {
                let p = yy * width + xx
                guard !hole[p], let m = mean(p) else { continue }
                samples.r.append(m.0); samples.g.append(m.1); samples.b.append(m.2)
            }
        }
        guard !samples.r.isEmpty else { return samples }
        samples.centre = (middle(&samples.r), middle(&samples.g), middle(&samples.b))
        return samples
    }

    /// Sampled local means (RGB) and their median.
    struct Samples {
        var r: [Float] = [], g: [Float] = [], b: [Float] = []
        var centre: (Float, Float, Float) = (0, 0, 0)

        /// The largest channel's median absolute deviation from the median (`quantile` 0.5), or
        /// another quantile of the absolute deviations.
        func scatter(quantile: Float = 0.5) -> Float {
            guard !r.isEmpty else { return 0 }
            func deviation(_ v: [Float], _ m: Float) -> Float {
                var d = v.map { abs($0 - m) }
                return FarField.select(&d, k: min(d.count - 1, Int(quantile * Float(d.count))))
            }
            return max(deviation(r, centre.0), deviation(g, centre.1), deviation(b, centre.2))
        }
    }

    /// The middle value (the upper one of an even count), by quickselect: the order of `values`
    /// changes, and the result is the same as after a sort.
    static func middle(_ values: inout [Float]) -> Float {
        select(&values, k: values.count / 2)
    }

    /// The k-th smallest of `values` (0-based), by quickselect: the order of `values` changes.
    static func select(_ values: inout [Float], k: Int) -> Float {
        var low = 0, high = values.count - 1
        while low < high {
            let pivot = values[(low + high) / 2]
            var i = low, j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j { values.swapAt(i, j); i += 1; j -= 1 }
            }
            if k <= j { high = j } else if k >= i { low = i } else { break }
        }
        return values[k]
    }
}
