import Foundation

extension GroundTruthScene {
    /// What the endless canvases look like.
    public enum Texture: Sendable {
        /// Per-pixel hashed noise: any window matches at exactly one offset (position oracles).
        case noise
        /// Smooth, photo-like: sums of sinusoids with hard-edged stripes (bench/ground_truth.py's
        /// kind), so motion-estimating interpolation has something fair to track.
        case smooth
    }

    /// The canvas colour of `layer` at canvas point (x, y) in `texture`.
    public static func color(_ texture: Texture, layer: Int, x: Int, y: Int) -> (UInt8, UInt8, UInt8) {
        switch texture {
        case .noise: canvas(layer: layer, x: x, y: y)
        case .smooth: smoothCanvas(layer: layer, x: x, y: y)
        }
    }

    /// A uniform number in `range` fixed by (layer, channel, term, which).
    private static func parameter(_ layer: Int, _ channel: Int, _ term: Int, _ which: Int,
                                  _ range: ClosedRange<Double>) -> Double {
        let hashed = canvas(layer: layer, x: channel * 97 + term * 7 + which, y: -1000 - which)
        let unit = (Double(hashed.0) * 256 + Double(hashed.1)) / 65535
        return range.lowerBound + unit * (range.upperBound - range.lowerBound)
    }

    public static func smoothCanvas(layer: Int, x: Int, y: Int) -> (UInt8, UInt8, UInt8) {
        // Hard-edged stripes every 37 px (floor division: canvases run into negative x).
        let stripe = Int((Double(x) / 37).rounded(.down)) % 2 == 0 && Int((Double(y) / 9).rounded(.down)) % 3 == 0
        var channels: [UInt8] = []
        for channel in 0..<3 {
            var value = 128.0
            for term in 0..<6 {
                let fx = parameter(layer, channel, term, 0, 0.01...0.12)
                let fy = parameter(layer, channel, term, 1, 0.01...0.2)
                let phase = parameter(layer, channel, term, 2, 0...(2 * Double.pi))
                let amplitude = parameter(layer, channel, term, 3, 10...30)
                value += amplitude * sin(fx * Double(x) + fy * Double(y) + phase)
            }
            if stripe { value *= 0.6 }
            channels.append(UInt8(max(0, min(255, value))))
        }
        return (channels[0], channels[1], channels[2])
    }
}
