/// One `Range: bytes=…` request header resolved against a file's size, so the page's video can
/// seek: `bytes=a-b`, `bytes=a-` and `bytes=-n` (the last n). Several ranges are not supported.
struct ByteRange: Equatable {
    let lower: Int
    /// Inclusive, as the Content-Range header writes it.
    let upper: Int

    /// Nil when the header is not a single byte range; `.none` inside when it cannot be satisfied.
    static func parse(_ header: String, size: Int) -> ByteRange?? {
        guard header.hasPrefix("bytes="), !header.contains(",") else { return nil }
        let spec = header.dropFirst("bytes=".count)
        guard let dash = spec.firstIndex(of: "-") else { return nil }
        let first = spec[..<dash], last = spec[spec.index(after: dash)...]
        if first.isEmpty {
            guard let count = Int(last), count > 0, size > 0 else { return .some(nil) }
            return ByteRange(lower: max(0, size - count), upper: size - 1)
        }
        guard let lower = Int(first), lower >= 0 else { return nil }
        guard lower < size else { return .some(nil) }
        if last.isEmpty { return ByteRange(lower: lower, upper: size - 1) }
        guard let upper = Int(last), upper >= lower else { return nil }
        return ByteRange(lower: lower, upper: min(upper, size - 1))
    }

    var count: Int { upper - lower + 1 }
}
