import Foundation

/// A plain progress line as `generate` and `render` print it when not on a terminal:
/// `generate: 3/10 (30%) 1.2 steps/s, ETA 0:06`.
struct ProgressLine: Equatable, Sendable {
    var label: String
    var done: Int
    var total: Int
    var rate: Double
    var unit: String
    var eta: String

    init?(_ line: String) {
        let pattern = /^([a-z]+): (\d+)\/(\d+) \(\d+%\) ([0-9.]+) ([a-z\/]+), ETA (\d+:\d\d)$/
        guard let match = line.wholeMatch(of: pattern), let done = Int(match.2), let total = Int(match.3),
              let rate = Double(match.4) else { return nil }
        label = String(match.1)
        self.done = done
        self.total = total
        self.rate = rate
        unit = String(match.5)
        eta = String(match.6)
    }

    var fields: [String: Any] {
        ["label": label, "done": done, "total": total, "rate": rate, "unit": unit, "eta": eta]
    }
}
