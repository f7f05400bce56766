/// Frames `start..<end` of a full render (0-based, end exclusive): one part of a render split
/// by time, for `parallax render --frames A:B` and `parallax concat`.
public struct FrameRange: Hashable, Sendable, CustomStringConvertible {
    public let start: Int
    public let end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var count: Int { end - start }

    /// "A:B", as the flag and the part's metadata write it.
    public var description: String { "\(start):\(end)" }

    /// Reads "A:B" (both whole numbers, 0 ≤ A < B); nil when the text is not of that form.
    public init?(parsing text: String) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, let start = Int(parts[0]), let end = Int(parts[1]),
              start >= 0, end > start else { return nil }
        self.init(start: start, end: end)
    }

    /// Checks the range against a render of `total` frames.
    public func check(total: Int) throws {
        guard end <= total else {
            throw FrameRangeError("--frames \(self): the render has \(total) frames (0:\(total))")
        }
    }

    /// `count` nearly equal ranges covering 0..<total (fewer when there are fewer frames).
    public static func split(total: Int, into count: Int) -> [FrameRange] {
        let parts = max(1, min(count, total))
        return (0..<parts).map { FrameRange(start: $0 * total / parts, end: ($0 + 1) * total / parts) }
    }
}

/// A frame range that does not fit the render or the settings: one line.
public struct FrameRangeError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
