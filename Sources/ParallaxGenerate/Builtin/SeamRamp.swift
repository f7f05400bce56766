/// Takes out the colour step left where the fill meets the known image, over the fill's first
/// few rings only.
///
/// `SeamBlend` spreads the copy's mismatch across the whole hole, so it is clamped hard at edges
/// (else a bright object at the border streaks across the gap), and the colour correction
/// (`BaseAndDetail`) then moves the copy's low frequency again. What is left is a step along the
/// border, tens of rows long: in the step loop a faint vertical line at every step (the harness's
/// `seam`, bench/fill_quality.py). Here each border pixel measures the change across the border
/// minus the change the texture makes there, averages it along the border, keeps only what
/// stands out of its own scatter, and takes it out of the hole pixels, fading to nothing at
/// `reach` rings (or the hole's far side). Nothing is carried further, so the next step's border,
/// the far side of this fill, keeps the colour the fill gave it and steps never add up.
enum SeamRamp {
    /// Rings over which the correction fades out (at most the hole's depth).
    static let reach = 6
    /// Half the side of the box the border's mismatches are averaged over: 9 rows along a
    /// vertical border, so a misaligned texture detail does not count, a colour step does.
    static let smoothing = 4
    /// Standard errors the average must clear to count (the rest is texture that does not line
    /// up, not a step): without it the grain of a grainy strip came back as blotches.
    static let significance = 2.0
    /// The largest correction (levels per channel). Measured on the halo test over 12 seeds
    /// (`ExemplarFillHaloStreakTests`): unlimited, a halo copy at the border was carried on a
    /// little each step (bright share up to 0.54 above the truth's); at 8 the mean share fell
    /// below main's.
    static let limit = 8.0
    /// Summed RGB levels within which the pixel beside a copy's source counts as continuing the
    /// known pixel: then the source says how the texture changes across the border.
    static let continuing = 12

    /// `pixels`: the fill so far; `original`: the image before it (the sources' pixels).
    /// `objects`: a known pixel whose colour would be an object's in the hole is left out, so an
    /// object at the border is not carried into the gap.
    static func apply(to pixels: inout [UInt8], original: [UInt8], sourceOf: [Int32], hole: [Bool], order: [Int32],
                      width: Int, height: Int, behind: [Bool]? = nil, objects: ObjectColour? = nil) {
        guard !order.isEmpty else { return }
        let ring = rings(hole: hole, order: order, width: width, height: height)
        // The ramp ends inside the hole: its far side, in the step loop the next step's border,
        // keeps the colour the fill gave it, so corrections never add up from step to step.
        let reach = min(self.reach, Int(ring[Int(order[order.count - 1])]))
        guard reach > 1 else { return }
        func isKnown(_ p: Int) -> Bool { !hole[p] && !(behind?[p] ?? false) }

        // Only the hole's bounding box, grown by the largest box read, is summed.
        let (left, right, top, bottom) = OnionPeelOrder.bounds(of: order, width: width, height: height,
                                                               grownBy: smoothing + reach)
        let boxWidth = right - left + 1, boxHeight = bottom - top + 1
        // Per border pixel (box coordinates): the mismatch (RGB), a weight of 1 and the mismatch
        // squared (RGB).
        var border = [Double](repeating: 0, count: boxWidth * boxHeight * 7)
        for entry in order {
            let q = Int(entry)
            let source = Int(sourceOf[q])
            guard ring[q] == 1, source >= 0 else { continue }
            let x = q % width, y = q / width, sx = source % width, sy = source / width
            var sum = (0.0, 0.0, 0.0), links = 0
            for (dx, dy) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
                // p: the known neighbour; `beside`: the pixel beside the source on the same side.
                let px = x + dx, py = y + dy, bx = sx + dx, by = sy + dy
                guard px >= 0, px < width, py >= 0, py < height, bx >= 0, bx < width, by >= 0, by < height else { continue }
                let p = py * width + px, beside = by * width + bx
                guard isKnown(p) else { continue }
                if let objects, objects.brings(source: p, target: q) { continue }
                let change = expectedChange(pixels: pixels, original: original, q: q, p: p, source: source, beside: beside,
                                            beyondP: inImage(px + dx, py + dy, width, height).flatMap { isKnown($0) ? $0 : nil },
                                            beforeQ: inImage(x - dx, y - dy, width, height).flatMap { hole[$0] ? $0 : nil })
                sum.0 += Double(pixels[q * 3]) - Double(pixels[p * 3]) - change.0
                sum.1 += Double(pixels[q * 3 + 1]) - Double(pixels[p * 3 + 1]) - change.1
                sum.2 += Double(pixels[q * 3 + 2]) - Double(pixels[p * 3 + 2]) - change.2
                links += 1
            }
            guard links > 0 else { continue }
            let mismatch = [sum.0, sum.1, sum.2].map { $0 / Double(links) }
            let b = ((y - top) * boxWidth + x - left) * 7
            for c in 0..<3 { border[b + c] = mismatch[c]; border[b + 4 + c] = mismatch[c] * mismatch[c] }
            border[b + 3] = 1
        }

        let sums = BoxSums(border, width: boxWidth, height: boxHeight, channels: 7)
        for entry in order {
            let p = Int(entry), k = Int(ring[p])
            guard k <= reach else { continue }
            let x = p % width - left, y = p / width - top
            let radius = smoothing + k - 1
            let count = sums.sum(3, x: x, y: y, radius: radius)
            guard count > 0 else { continue }
            let fade = 1 - Double(k - 1) / Double(reach - 1)
            for c in 0..<3 {
                let mean = sums.sum(c, x: x, y: y, radius: radius) / count
                let scatter = max(0, sums.sum(4 + c, x: x, y: y, radius: radius) / count - mean * mean).squareRoot()
                let step = min(max(0, abs(mean) - significance * scatter / count.squareRoot()), limit)
                let corrected = Double(pixels[p * 3 + c]) - fade * (mean < 0 ? -step : step)
                pixels[p * 3 + c] = UInt8(min(max(corrected.rounded(), 0), 255))
            }
        }
    }

    /// How the texture changes from the known pixel `p` to the hole pixel `q` (RGB). Where the copy
    /// goes on from `p` (the pixel beside its source is close to `p`), the source's own change;
    /// else the mean of the changes one pixel before and after the border.
    private static func expectedChange(pixels: [UInt8], original: [UInt8], q: Int, p: Int, source: Int, beside: Int,
                                       beyondP: Int?, beforeQ: Int?) -> (Double, Double, Double) {
        var apart = 0
        for c in 0..<3 { apart += abs(Int(original[beside * 3 + c]) - Int(pixels[p * 3 + c])) }
        func channel(_ c: Int) -> Double {
            if apart <= continuing { return Double(original[source * 3 + c]) - Double(original[beside * 3 + c]) }
            var change = 0.0, n = 0.0
            if let pp = beyondP { change += Double(pixels[p * 3 + c]) - Double(pixels[pp * 3 + c]); n += 1 }
            if let qq = beforeQ { change += Double(pixels[q * 3 + c]) - Double(pixels[qq * 3 + c]); n += 1 }
            return n > 0 ? change / n : 0
        }
        return (channel(0), channel(1), channel(2))
    }

    /// Per pixel, its ring in the hole (1: touching a known pixel, 8-connected), 0 outside it.
    /// `order` is breadth-first from the border, so a pixel's nearer neighbours come first.
    static func rings(hole: [Bool], order: [Int32], width: Int, height: Int) -> [Int32] {
        var ring = [Int32](repeating: 0, count: width * height)
        for entry in order {
            let p = Int(entry), x = p % width, y = p / width
            var nearest = Int32.max
            for ny in max(0, y - 1)...min(height - 1, y + 1) {
                for nx in max(0, x - 1)...min(width - 1, x + 1) where nx != x || ny != y {
                    let q = ny * width + nx
                    if !hole[q] { nearest = 0 } else if ring[q] > 0 { nearest = min(nearest, ring[q]) }
                }
            }
            ring[p] = nearest == Int32.max ? Int32.max : nearest + 1
        }
        return ring
    }

    private static func inImage(_ x: Int, _ y: Int, _ width: Int, _ height: Int) -> Int? {
        x >= 0 && x < width && y >= 0 && y < height ? y * width + x : nil
    }
}
