import Foundation
import ParallaxAV
import ParallaxCore

/// Small synthetic images and masks for the exemplar fill tests, plus the bundled landscape.
enum ExemplarFillTestImages {
    static func image(width: Int, height: Int, _ colour: (Int, Int) -> (Int, Int, Int)) -> Raster {
        var raster = Raster(width: width, height: height, channels: 3)
        for y in 0..<height {
            for x in 0..<width {
                let (r, g, b) = colour(x, y)
                raster[x, y, 0] = UInt8(clamping: r)
                raster[x, y, 1] = UInt8(clamping: g)
                raster[x, y, 2] = UInt8(clamping: b)
            }
        }
        return raster
    }

    /// The left `width` columns of a wider picture: the input of a slide whose truth is the rest.
    static func leftPart(of canvas: Raster, width: Int) -> Raster {
        image(width: width, height: canvas.height) { x, y in
            (Int(canvas[x, y, 0]), Int(canvas[x, y, 1]), Int(canvas[x, y, 2]))
        }
    }

    /// Colour that changes smoothly down the image and slowly across it.
    static func gradient(width: Int = 120, height: Int = 80) -> Raster {
        image(width: width, height: height) { x, y in (40 + y * 2, 200 - y, 60 + x / 2) }
    }

    /// Vertical stripes (period 8 px) over a vertical gradient.
    static func verticalStripes(width: Int = 120, height: Int = 80) -> Raster {
        image(width: width, height: height) { x, y in
            let on = x % 8 < 3
            return (on ? 220 : 50, 80 + y, on ? 60 : 180)
        }
    }

    /// Horizontal stripes (period 6 px), like calm water.
    static func horizontalStripes(width: Int = 120, height: Int = 80) -> Raster {
        image(width: width, height: height) { _, y in
            let on = y % 6 < 2
            return (on ? 200 : 40, on ? 210 : 90, on ? 230 : 160)
        }
    }

    /// Uniform noise around a mid colour, from a fixed generator (grass, sand).
    static func noise(width: Int = 120, height: Int = 80, seed: UInt64 = 7) -> Raster {
        var state = seed
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(state >> 59)  // 0...31
        }
        return image(width: width, height: height) { _, _ in (70 + next() * 2, 120 + next() * 2, 40 + next()) }
    }

    static func mask(width: Int, height: Int, _ inside: (Int, Int) -> Bool, value: UInt8 = 255) -> Raster {
        var mask = Raster(width: width, height: height, channels: 1)
        for y in 0..<height {
            for x in 0..<width where inside(x, y) { mask.pixels[y * width + x] = value }
        }
        return mask
    }

    /// Writes the image to $EXEMPLAR_FILL_DUMP/<name>.png when that variable is set (for looking at).
    static func dump(_ image: Raster, _ name: String) {
        guard let folder = ProcessInfo.processInfo.environment["EXEMPLAR_FILL_DUMP"] else { return }
        try? PNGImage.write(image, to: "\(folder)/\(name).png")
    }

    static func landscape() throws -> Raster {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return try PNGImage.read(root.appendingPathComponent("fixtures/landscape.png").path)
    }
}

/// Measurements over the masked (or unmasked) part of an image.
enum ExemplarFillMeasure {
    /// Mean absolute difference per channel over the pixels where `select(x, y)` holds.
    static func meanAbsoluteError(_ a: Raster, _ b: Raster, where select: (Int, Int) -> Bool) -> Double {
        var total = 0, count = 0
        for y in 0..<a.height {
            for x in 0..<a.width where select(x, y) {
                for c in 0..<3 { total += abs(Int(a[x, y, c]) - Int(b[x, y, c])) }
                count += 3
            }
        }
        return count == 0 ? 0 : Double(total) / Double(count)
    }

    /// Mean colour over the pixels where `select(x, y)` holds.
    static func meanColour(_ image: Raster, where select: (Int, Int) -> Bool) -> [Double] {
        var sums = [0.0, 0.0, 0.0], count = 0.0
        for y in 0..<image.height {
            for x in 0..<image.width where select(x, y) {
                for c in 0..<3 { sums[c] += Double(image[x, y, c]) }
                count += 1
            }
        }
        return sums.map { $0 / max(count, 1) }
    }

    static func largestChannelGap(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { abs($0 - $1) }.max() ?? 0
    }

    /// The image with the masked pixels replaced by a flat wrong colour, as the step loop hands them
    /// over (stale content), so a fill that leaves them alone is caught.
    static func scrambled(_ image: Raster, mask: Raster) -> Raster {
        var out = image
        for i in 0..<(image.width * image.height) where mask.pixels[i] != 0 {
            out.pixels[i * 3] = 255; out.pixels[i * 3 + 1] = 0; out.pixels[i * 3 + 2] = 255
        }
        return out
    }
}
