/// An exact ratio of two integers, for frame rates and step rates.
///
/// Frame times are computed from these with integer arithmetic, so nothing drifts over a long
/// render the way floating time stamps would.
public struct Rational: Hashable, Sendable, CustomStringConvertible {
    public let numerator: Int
    public let denominator: Int

    /// Creates a reduced ratio; the denominator must be positive.
    public init(_ numerator: Int, _ denominator: Int = 1) {
        precondition(denominator != 0, "Rational with zero denominator")
        let sign = denominator < 0 ? -1 : 1
        let divisor = Swift.max(Rational.gcd(abs(numerator), abs(denominator)), 1)
        self.numerator = sign * numerator / divisor
        self.denominator = sign * denominator / divisor
    }

    /// The closest ratio with a denominator of at most 1001 (so 29.97 becomes 2997/100 and
    /// 23.976 becomes 2997/125), or nil for values that are not finite.
    public init?(approximating value: Double) {
        guard value.isFinite, abs(value) < 1e9 else { return nil }
        var best = Rational(Int(value.rounded()))
        var bestError = abs(best.doubleValue - value)
        for denominator in 2...1001 where bestError > 1e-12 {
            let candidate = Rational(Int((value * Double(denominator)).rounded()), denominator)
            let error = abs(candidate.doubleValue - value)
            if error < bestError - 1e-15 { best = candidate; bestError = error }
        }
        self = best
    }

    /// Parses "30", "29.97" or "30000/1001".
    public init?(parsing text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        // Int.min has no positive counterpart: reducing or normalising its sign would trap.
        if parts.count == 2, let numerator = Int(parts[0]), let denominator = Int(parts[1]), denominator != 0,
           numerator != .min, denominator != .min {
            self.init(numerator, denominator)
        } else if parts.count == 1, let value = Double(text) {
            self.init(approximating: value)
        } else {
            return nil
        }
    }

    public var doubleValue: Double { Double(numerator) / Double(denominator) }
    public var isPositive: Bool { numerator > 0 }
    /// "30/1", the form libavfilter's rate and time-base options read.
    public var description: String { "\(numerator)/\(denominator)" }

    private static func gcd(_ a: Int, _ b: Int) -> Int { b == 0 ? a : gcd(b, a % b) }
}
