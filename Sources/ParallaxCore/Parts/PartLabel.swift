/// What a part of a split render records about itself in its container metadata: its frame
/// range and the identity of the full render it belongs to, so `concat` can tell whether parts
/// fit together.
public struct PartLabel: Hashable, Sendable {
    public var frames: FrameRange
    public var totalFrames: Int
    public var width: Int
    public var height: Int
    public var rate: Rational
    public var codec: String
    /// ``RenderIdentity`` of the full render: the scene and the render settings.
    public var render: String

    public init(frames: FrameRange, totalFrames: Int, width: Int, height: Int, rate: Rational, codec: String,
                render: String) {
        self.frames = frames
        self.totalFrames = totalFrames
        self.width = width
        self.height = height
        self.rate = rate
        self.codec = codec
        self.render = render
    }

    enum Key {
        static let frames = "parallax_frames"
        static let totalFrames = "parallax_total_frames"
        static let size = "parallax_size"
        static let rate = "parallax_rate"
        static let codec = "parallax_codec"
        static let render = "parallax_render"
    }

    public var size: String { "\(width)x\(height)" }

    /// Container metadata entries, in a fixed order.
    public var metadata: [(key: String, value: String)] {
        [(Key.frames, frames.description), (Key.totalFrames, String(totalFrames)), (Key.size, size),
         (Key.rate, rate.description), (Key.codec, codec), (Key.render, render)]
    }

    /// Reads the entries back; nil when the file was not made by `render --frames` (or
    /// `concat`), or the entries are damaged.
    public init?(metadata: [String: String]) {
        guard let frames = metadata[Key.frames].flatMap(FrameRange.init(parsing:)),
              let total = metadata[Key.totalFrames].flatMap({ Int($0) }),
              let size = metadata[Key.size]?.split(separator: "x"), size.count == 2,
              let width = Int(size[0]), let height = Int(size[1]),
              let rate = metadata[Key.rate].flatMap(Rational.init(parsing:)), rate.isPositive,
              let codec = metadata[Key.codec], let render = metadata[Key.render] else { return nil }
        self.init(frames: frames, totalFrames: total, width: width, height: height, rate: rate, codec: codec,
                  render: render)
    }
}
