import Foundation

/// How a layer's depth and motion shape its sound: far layers are quieter, duller and later;
/// the sound sits on the side the layer moves towards.
public struct LayerAcoustics: Hashable, Sendable {
    /// Linear gain before the track's own volume.
    public let gain: Double
    /// Low-pass cutoff in Hz: 800 Hz at infinity up to 20 kHz for the nearest layer.
    public let cutoff: Double
    /// Seconds of delay: up to 60 ms for the farthest layer, like sound from further away.
    public let delay: Double
    /// Stereo position, −1 left … 1 right.
    public let pan: Double

    public static let maximumDelay = 0.06

    /// `nearness` is the layer's speed relative to the fastest layer (1 nearest, 0 still).
    public init(nearness: Double, direction: Direction) {
        let near = min(max(nearness, 0), 1)
        gain = 0.2 + 0.8 * near
        cutoff = 800 * pow(25, near)
        delay = (1 - near) * LayerAcoustics.maximumDelay
        pan = 0.8 * direction.unitVector.x * (near > 0 ? 1 : 0)
    }

    /// Constant-power gains for the left and right channels.
    public var channelGains: (left: Double, right: Double) {
        let angle = (pan + 1) * Double.pi / 4
        return (cos(angle), sin(angle))
    }
}
