/// One part offered to `concat`: its label and what its file actually holds.
public struct JoinPart: Sendable {
    public let path: String
    public let label: PartLabel
    public let width: Int
    public let height: Int
    public let codec: String
    public let rate: Rational

    public init(path: String, label: PartLabel, width: Int, height: Int, codec: String, rate: Rational) {
        self.path = path
        self.label = label
        self.width = width
        self.height = height
        self.codec = codec
        self.rate = rate
    }
}

/// Decides whether parts make one whole render, and in which order they join.
public enum PartJoin {
    /// The parts ordered by their frame ranges, when together they are exactly frames
    /// 0..<total of one render, encoded alike; else one line naming the part that does not fit.
    public static func order(_ parts: [JoinPart]) throws -> [JoinPart] {
        guard let first = parts.first else { throw PartJoinError("no parts to join") }
        for part in parts.dropFirst() { try check(part, fits: first) }
        let ordered = parts.sorted { $0.label.frames.start < $1.label.frames.start }
        let total = first.label.totalFrames
        if ordered[0].label.frames.start > 0 {
            throw PartJoinError("frames 0:\(ordered[0].label.frames.start) are missing: no part starts at frame 0 "
                                + "(\(ordered[0].path) holds \(ordered[0].label.frames))")
        }
        for (before, after) in zip(ordered, ordered.dropFirst()) {
            let end = before.label.frames.end, start = after.label.frames.start
            if start > end {
                throw PartJoinError("frames \(end):\(start) are missing between \(before.path) "
                                    + "(\(before.label.frames)) and \(after.path) (\(after.label.frames))")
            }
            if start < end {
                throw PartJoinError("\(after.path) (frames \(after.label.frames)) overlaps \(before.path) "
                                    + "(frames \(before.label.frames))")
            }
        }
        let last = ordered[ordered.count - 1]
        if last.label.frames.end < total {
            throw PartJoinError("frames \(last.label.frames.end):\(total) are missing: the last part, "
                                + "\(last.path), ends at frame \(last.label.frames.end) of \(total)")
        }
        return ordered
    }

    private static func check(_ part: JoinPart, fits first: JoinPart) throws {
        func differ(_ what: String, _ mine: String, _ theirs: String) -> PartJoinError {
            PartJoinError("\(part.path): \(what) \(mine) does not match \(first.path) (\(theirs))")
        }
        if (part.width, part.height) != (first.width, first.height) {
            throw differ("size", "\(part.width)x\(part.height)", "\(first.width)x\(first.height)")
        }
        if part.codec != first.codec { throw differ("codec", part.codec, first.codec) }
        if part.rate != first.rate { throw differ("frame rate", part.rate.description, first.rate.description) }
        if part.label.totalFrames != first.label.totalFrames {
            throw differ("part of a render of", "\(part.label.totalFrames) frames", "\(first.label.totalFrames) frames")
        }
        if part.label.render != first.label.render {
            throw PartJoinError("\(part.path): part of another render than \(first.path) "
                                + "(the scene or the render settings differ)")
        }
    }
}

/// Parts that do not make one render: one line.
public struct PartJoinError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
