/// A quick look: fewer frames, fewer pixels, the fastest encoder settings.
public struct Preview: Hashable, Sendable {
    /// Output size as a fraction of the image (sizes rounded down to even numbers).
    public var scale: Double
    /// The output rate is divided by this.
    public var frameRateDivisor: Int

    public init(scale: Double = 0.5, frameRateDivisor: Int = 2) {
        self.scale = scale
        self.frameRateDivisor = frameRateDivisor
    }

    /// The encoding a preview uses in place of the requested quality settings.
    public func encoding(from encoding: VideoEncoding) -> VideoEncoding {
        var fast = encoding
        if encoding.codec.supportsPreset { fast.preset = encoding.codec.fastestPreset }
        if encoding.codec.supportsCRF { fast.crf = max(encoding.crf ?? encoding.codec.defaultCRF, encoding.codec.previewCRF) }
        return fast
    }
}
