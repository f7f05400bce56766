/// The ranges every number that reaches the motion and frame math must be in, so that integer
/// arithmetic on them (frame clocks, offsets, step counts) cannot overflow and trap.
///
/// With rate terms up to ``largestRateTerm`` the clock's units stay below about 10^12, and with at
/// most ``maximumFrames`` frames, frame × units stays below 10^18 (Int's limit is 9.2·10^18).
public enum NumericRange {
    /// Step rates and frame rates: 1/1000 to 1000 per second.
    public static let minimumRate = 0.001
    public static let maximumRate = 1000.0
    /// Numerator and denominator of a ratio like "30000/1001".
    public static let largestRateTerm = 1_001_000
    /// Steps in a scene (given, or needed by the slowest moving layer).
    public static let maximumSteps = 1_000_000
    /// Frames in a video: about nine hours at 30 fps.
    public static let maximumFrames = 1_000_000
    /// Pixels the fastest layer may move per step.
    public static let maximumStepShift = 100_000.0

    /// The problem with a rate, or nil when it is in range.
    public static func rateProblem(_ rate: Rational) -> String? {
        if !rate.isPositive { return "must be greater than 0, got \(rate)" }
        if rate.numerator > largestRateTerm || rate.denominator > largestRateTerm {
            return "a ratio's terms must be at most \(largestRateTerm), got \(rate)"
        }
        if rate.doubleValue < minimumRate { return "must be at least 1/1000, got \(rate)" }
        if rate.doubleValue > maximumRate { return "must be at most 1000, got \(rate)" }
        return nil
    }

    /// Reads a rate from a number (29.97) or a ratio ("30000/1001"); the problem in words when
    /// it is no rate or out of range.
    public static func rate(parsing text: String) -> Result<Rational, RateProblem> {
        if let number = Double(text), !text.contains("/") { return rate(number) }
        guard let rate = Rational(parsing: text) else {
            return .failure(RateProblem("not a rate: \"\(text)\" (expected a number or a ratio like 30000/1001)"))
        }
        return rateProblem(rate).map { .failure(RateProblem($0)) } ?? .success(rate)
    }

    /// A rate given as a plain number.
    public static func rate(_ number: Double) -> Result<Rational, RateProblem> {
        let shown = number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        guard number.isFinite else { return .failure(RateProblem("must be a finite number, got \(shown)")) }
        guard number > 0 else { return .failure(RateProblem("must be greater than 0, got \(shown)")) }
        guard number >= minimumRate else { return .failure(RateProblem("must be at least 0.001 (1/1000), got \(shown)")) }
        guard number <= maximumRate else { return .failure(RateProblem("must be at most 1000, got \(shown)")) }
        guard let rate = Rational(approximating: number) else {
            return .failure(RateProblem("not a rate: \(shown)"))
        }
        return .success(rate)
    }

    public struct RateProblem: Error, Sendable {
        public let description: String
        init(_ description: String) { self.description = description }
    }
}
