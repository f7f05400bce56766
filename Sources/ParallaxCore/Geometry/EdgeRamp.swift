/// The antialiased alpha along a curve edge: about one pixel wide across the curve.
///
/// The curve gives one row per column (the first row of the layer below it). A flat stretch
/// gets a hard edge, so a straight band stays pixel-exact; where the curve steps by a row, the
/// edge sits between the rows and the ramp spreads over up to two rows, as a line drawn with
/// antialiasing would. Cliffs (steps of many rows) stay sharp: their edge runs down a column,
/// which a per-column ramp cannot soften without eating into the layer.
public enum EdgeRamp {
    public enum Facing: Sendable {
        /// The layer lies below the curve (the curve is its top edge).
        case up
        /// The layer lies above the curve (the curve is its bottom edge).
        case down
    }

    /// Multiplies `alpha` (rows `rows` of the frame, `width` bytes each) by the ramp of `curve`,
    /// in `columns` (all by default).
    public static func apply(curve: [Double], rows: Range<Int>, facing: Facing, to alpha: inout [UInt8], width: Int,
                             columns: Range<Int>? = nil) {
        precondition(curve.count == width && alpha.count == width * rows.count)
        for x in columns ?? 0..<width {
            let (edge, stretch) = position(curve: curve, column: x)
            let first = rows.lowerBound
            for y in rows {
                let distance = (Double(y) + 0.5 - edge) / stretch
                let coverage = facing == .up ? 0.5 + distance : 0.5 - distance
                if coverage >= 1 { continue }
                let index = (y - first) * width + x
                if coverage <= 0 {
                    alpha[index] = 0
                } else {
                    alpha[index] = UInt8((Double(alpha[index]) * coverage).rounded())
                }
            }
        }
    }

    /// Where the edge crosses column x (a row boundary, possibly between rows) and how much the
    /// slope stretches a one-pixel ramp vertically.
    public static func position(curve: [Double], column x: Int) -> (edge: Double, stretch: Double) {
        let here = curve[x]
        let left = x > 0 ? curve[x - 1] : here
        let right = x + 1 < curve.count ? curve[x + 1] : here
        // Smoothing by the neighbours moves the edge by at most half a row.
        let smoothed = (left + 2 * here + right) / 4
        let edge = here + min(0.5, max(-0.5, smoothed - here))
        let slope = min(1, abs(right - left) / 2)
        return (edge, (1 + slope * slope).squareRoot())
    }
}
