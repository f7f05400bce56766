import Foundation
import ParallaxCore
import TestSupport

/// Synthetic pictures whose true boundaries are known: regions of distinct colour with texture,
/// separated by wavy curves, made from a seed so every run draws the same picture.
enum ContourFixtures {
    /// A smooth random curve: a base row plus a few sines of random phase and size.
    static func curve(width: Int, base: Double, amplitude: Double, generator: inout SeededGenerator) -> [Int] {
        let waves = (0..<3).map { index -> (Double, Double, Double) in
            (Double.random(in: 0.5...1, using: &generator) * amplitude / Double(index + 1),
             Double.random(in: 1.5...4, using: &generator) * Double(index + 1) * 2 * .pi / Double(width),
             Double.random(in: 0...(2 * .pi), using: &generator))
        }
        return (0..<width).map { x in
            Int((base + waves.reduce(0) { $0 + $1.0 * sin($1.1 * Double(x) + $1.2) }).rounded())
        }
    }

    /// A picture of `boundaries.count + 1` regions, top to bottom, each a flat colour with
    /// texture (noise of ±`texture`) and a slow vertical shade, so a row cut through a region
    /// separates little and the true curves separate a lot.
    static func picture(width: Int, height: Int, boundaries: [[Int]], seed: UInt64, texture: Int = 18) -> Raster {
        var generator = SeededGenerator(seed: seed)
        let palette: [[Int]] = [[120, 165, 225], [110, 110, 140], [70, 120, 60], [150, 120, 80], [60, 90, 50]]
        var raster = Raster(width: width, height: height, channels: 3)
        for y in 0..<height {
            for x in 0..<width {
                let region = boundaries.filter { y >= $0[x] }.count
                let color = palette[region % palette.count]
                let noise = Int.random(in: -texture...texture, using: &generator)
                let shade = (y * 20) / height
                for channel in 0..<3 {
                    raster[x, y, channel] = UInt8(max(0, min(255, color[channel] + noise + shade)))
                }
            }
        }
        return raster
    }

    /// A gray mask: white above `edge` (the segment), black from it down.
    static func mask(width: Int, height: Int, above edge: [Int]) -> Raster {
        var mask = Raster(width: width, height: height, channels: 1)
        for x in 0..<width { for y in 0..<min(height, edge[x]) { mask.pixels[y * width + x] = 255 } }
        return mask
    }

    /// Fraction of columns where `found` is within `tolerance` rows of `truth`.
    static func agreement(_ found: [Int], _ truth: [Int], tolerance: Int = 2) -> Double {
        Double(zip(found, truth).filter { abs($0 - $1) <= tolerance }.count) / Double(truth.count)
    }

    /// How strongly boundaries separate the picture: the mean colour distance between the two
    /// rows just above and the two rows just below each boundary, over all columns.
    static func separation(_ raster: Raster, boundaries: [[Int]]) -> Double {
        var total = 0.0, count = 0
        for boundary in boundaries {
            for x in 0..<raster.width {
                let y = boundary[x]
                guard y >= 2, y + 2 <= raster.height else { continue }
                var squared = 0.0
                for channel in 0..<raster.channels {
                    let above = (Double(raster[x, y - 1, channel]) + Double(raster[x, y - 2, channel])) / 2
                    let below = (Double(raster[x, y, channel]) + Double(raster[x, y + 1, channel])) / 2
                    squared += (above - below) * (above - below)
                }
                total += squared.squareRoot()
                count += 1
            }
        }
        return count > 0 ? total / Double(count) : 0
    }
}
