import Foundation

/// Shows frames done of a total: a redrawn bar with fps and ETA on a terminal, a plain line every
/// few seconds otherwise, nothing with --quiet.
final class ProgressDisplay {
    private let total: Int
    private let label: String
    private let quiet: Bool
    private let unit: String
    private let isTerminal = isatty(STDERR_FILENO) != 0
    private let start = Date()
    private var lastDraw = Date.distantPast

    init(total: Int, label: String, quiet: Bool, unit: String = "fps") {
        self.total = max(total, 1)
        self.unit = unit
        self.label = label
        self.quiet = quiet
    }

    func update(_ done: Int) {
        guard !quiet else { return }
        let now = Date()
        let interval = isTerminal ? 0.1 : ProgressDisplay.plainInterval
        guard now.timeIntervalSince(lastDraw) >= interval || done >= total else { return }
        lastDraw = now
        let elapsed = now.timeIntervalSince(start)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Double(total - done) / rate : 0
        let percent = Double(done) / Double(total) * 100
        if isTerminal {
            let width = 30
            let filled = min(width, width * done / total)
            let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
            write("\r\(label) \(bar) \(done)/\(total) \(format(rate)) \(unit) ETA \(clock(eta))\u{1B}[K")
        } else {
            write("\(label): \(done)/\(total) (\(Int(percent))%) \(format(rate)) \(unit), ETA \(clock(eta))\n")
        }
    }

    func finish(_ message: String) {
        guard !quiet else { return }
        let elapsed = Date().timeIntervalSince(start)
        write((isTerminal ? "\r\u{1B}[K" : "") + "\(message) in \(clock(elapsed))\n")
    }

    /// Seconds between plain lines; the studio asks for more through PARALLAX_PROGRESS_INTERVAL.
    private static let plainInterval: Double = {
        let asked = ProcessInfo.processInfo.environment["PARALLAX_PROGRESS_INTERVAL"].flatMap(Double.init)
        return asked.map { min(max($0, 0), 60) } ?? 5.0
    }()

    private func format(_ value: Double) -> String { String(format: "%.1f", value) }
    private func clock(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded())
        return String(format: "%d:%02d", whole / 60, whole % 60)
    }
    private func write(_ text: String) { FileHandle.standardError.write(Data(text.utf8)) }
}
