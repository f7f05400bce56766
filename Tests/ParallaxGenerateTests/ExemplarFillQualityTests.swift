import Foundation
import ParallaxCore
import Testing
@testable import ParallaxGenerate

/// What a viewer spots in a fill, measured as the fill-quality harness does (bench/fill_quality.py):
/// a texture revealed step after step must not repeat with a period, and a straight edge that
/// runs into the gap must go on at its angle.
@Suite struct ExemplarFillQualityTests {
    /// A wide texture: blotches of several sizes plus fine grain, from a fixed generator, so the
    /// part right of the input is the truth for what the steps reveal.
    static func texture(width: Int, height: Int) -> Raster {
        var raster = Raster(width: width, height: height, channels: 3)
        func hash(_ x: Int, _ y: Int, _ salt: Int) -> Double {
            var h = UInt64(bitPattern: Int64(x &* 73_856_093 ^ y &* 19_349_663 ^ salt &* 83_492_791))
            h = (h ^ (h >> 33)) &* 0xff51_afd7_ed55_8ccd
            h = (h ^ (h >> 33)) &* 0xc4ce_b9fe_1a85_ec53
            return Double((h ^ (h >> 33)) % 1000) / 1000
        }
        func smooth(_ x: Int, _ y: Int, cell: Int, salt: Int) -> Double {
            let fx = Double(x % cell) / Double(cell), fy = Double(y % cell) / Double(cell)
            let cx = x / cell, cy = y / cell
            let top = hash(cx, cy, salt) * (1 - fx) + hash(cx + 1, cy, salt) * fx
            let bottom = hash(cx, cy + 1, salt) * (1 - fx) + hash(cx + 1, cy + 1, salt) * fx
            return top * (1 - fy) + bottom * fy
        }
        for y in 0..<height {
            for x in 0..<width {
                let v = 70 * smooth(x, y, cell: 11, salt: 1) + 50 * smooth(x, y, cell: 5, salt: 2)
                    + 40 * hash(x, y, 3)
                raster[x, y, 0] = UInt8(clamping: Int(40 + v))
                raster[x, y, 1] = UInt8(clamping: Int(60 + v * 0.8))
                raster[x, y, 2] = UInt8(clamping: Int(30 + v * 0.5))
            }
        }
        return raster
    }

    /// Grey minus its 5x5 box mean (edges reflected), as in the harness.
    static func highPass(_ image: Raster, columns: Range<Int>) -> [[Double]] {
        let width = columns.count, height = image.height
        func grey(_ x: Int, _ y: Int) -> Double {
            let cx = columns.lowerBound + (x < 0 ? -x : (x >= width ? 2 * width - 2 - x : x))
            let cy = y < 0 ? -y : (y >= height ? 2 * height - 2 - y : y)
            return 0.299 * Double(image[cx, cy, 0]) + 0.587 * Double(image[cx, cy, 1]) + 0.114 * Double(image[cx, cy, 2])
        }
        return (0..<height).map { y in
            (0..<width).map { x in
                var sum = 0.0
                for dy in -2...2 { for dx in -2...2 { sum += grey(x + dx, y + dy) } }
                return grey(x, y) - sum / 25
            }
        }
    }

    /// Highest correlation of the high-pass with itself shifted along x by 6...width/2.
    static func repeatScore(_ image: Raster, columns: Range<Int>) -> Double {
        let hp = highPass(image, columns: columns)
        let width = columns.count
        var best = -1.0
        for shift in 6...(width / 2) {
            var a = [Double](), b = [Double]()
            for row in hp { a += row[0..<(width - shift)]; b += row[shift..<width] }
            let ma = a.reduce(0, +) / Double(a.count), mb = b.reduce(0, +) / Double(b.count)
            var ab = 0.0, aa = 0.0, bb = 0.0
            for i in a.indices { ab += (a[i] - ma) * (b[i] - mb); aa += (a[i] - ma) * (a[i] - ma); bb += (b[i] - mb) * (b[i] - mb) }
            if aa > 0, bb > 0 { best = max(best, ab / (aa * bb).squareRoot()) }
        }
        return best
    }

    /// Moves the whole image left `shift` px per step for `steps` steps, filling the right edge.
    static func slide(_ start: Raster, shift: Int, steps: Int, seed: UInt64) -> Raster {
        var image = start
        let width = image.width, height = image.height
        var mask = Raster(width: width, height: height, channels: 1)
        for y in 0..<height { for x in (width - shift)..<width { mask.pixels[y * width + x] = 255 } }
        // As the step loop tells the built-in fill (`InpaintRequest.reference`): what the layer
        // held before any fill, the floor of the texture level it expects.
        let reference = TextureReference(start)
        for step in 1...steps {
            var moved = image
            for y in 0..<height {
                for x in 0..<width {
                    for c in 0..<3 { moved[x, y, c] = x + shift < width ? image[x + shift, y, c] : 0 }
                }
            }
            image = ExemplarFill(seed: seed &+ UInt64(step)).fill(moved, mask: mask, reference: reference)
        }
        return image
    }

    /// The last step of sliding the left `width` columns of `canvas` `steps` times, the columns
    /// those steps revealed in it, and the columns of `canvas` that hold their truth.
    static func reveal(_ canvas: Raster, width: Int, shift: Int, steps: Int, seed: UInt64)
        -> (last: Raster, revealed: Range<Int>, truth: Range<Int>) {
        let input = ExemplarFillTestImages.leftPart(of: canvas, width: width)
        return (slide(input, shift: shift, steps: steps, seed: seed), (width - shift * steps)..<width,
                width..<(width + shift * steps))
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func aTextureRevealedStepAfterStepDoesNotRepeat(seed: UInt64) {
        let width = 160, height = 40, shift = 8, steps = 12
        let canvas = Self.texture(width: width + shift * steps, height: height)
        let (last, revealed, truthColumns) = Self.reveal(canvas, width: width, shift: shift, steps: steps, seed: seed)
        let fill = Self.repeatScore(last, columns: revealed)
        let truth = Self.repeatScore(canvas, columns: truthColumns)
        #expect(fill - truth <= 0.15, "repeat \(fill) against the truth's \(truth)")
    }

    /// The offset along x from which a step's fill was copied (the best match for the gap's
    /// columns elsewhere in the image) and its mean absolute difference.
    static func copiedFrom(_ image: Raster, shift: Int) -> (offset: Int, error: Double) {
        let width = image.width, height = image.height
        var best = (offset: 0, error: Double.infinity)
        for offset in (shift + 1)..<(width - shift) {
            var sum = 0
            for y in 0..<height {
                for x in (width - shift)..<width {
                    for c in 0..<3 { sum += abs(Int(image[x, y, c]) - Int(image[x - offset, y, c])) }
                }
            }
            let error = Double(sum) / Double(height * shift * 3)
            if error < best.error { best = (offset, error) }
        }
        return best
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func consecutiveStepsDoNotCopyFromTheSameOffset(seed: UInt64) {
        // In the step loop the pixels beside the gap are the previous step's fill: continuing
        // its source exactly gives the same offset step after step, a period along x.
        let width = 160, height = 40, shift = 8
        let canvas = Self.texture(width: width, height: height)
        var image = Self.slide(canvas, shift: shift, steps: 1, seed: seed)
        var offsets = [Self.copiedFrom(image, shift: shift).offset]
        for step in 2...10 {
            image = Self.slide(image, shift: shift, steps: 1, seed: seed &* 100 &+ UInt64(step))
            offsets.append(Self.copiedFrom(image, shift: shift).offset)
        }
        let repeats = zip(offsets, offsets.dropFirst()).filter { $0 == $1 }.count
        #expect(repeats <= 2, "offsets step by step: \(offsets)")
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func aStraightEdgeGoesOnAtItsAngle(seed: UInt64) {
        // Dark ground below a bright sky, the boundary falling 1 px every 3 px to the right, with
        // a little texture on both sides; the right 24 columns are the gap.
        let width = 120, height = 60, gap = 24
        let noise = Self.texture(width: width, height: height)
        func edge(_ x: Int) -> Double { 12 + Double(x) / 3 }
        var image = Raster(width: width, height: height, channels: 3)
        for y in 0..<height {
            for x in 0..<width {
                let ground = Double(y) >= edge(x)
                for c in 0..<3 {
                    let base = ground ? 50 : 190
                    image[x, y, c] = UInt8(clamping: base + Int(noise[x, y, c]) / 8 - 12)
                }
            }
        }
        var mask = Raster(width: width, height: height, channels: 1)
        for y in 0..<height { for x in (width - gap)..<width { mask.pixels[y * width + x] = 255 } }
        let output = ExemplarFill(seed: seed).fill(image, mask: mask)
        // Where each gap column turns from sky to ground (the first row darker than mid grey).
        var worst = 0.0
        for x in (width - gap)..<width {
            var row = 0
            while row < height - 1, Int(output[x, row, 0]) > 120 { row += 1 }
            worst = max(worst, abs(Double(row) - edge(x).rounded(.up)))
        }
        #expect(worst <= 2, "the edge strays \(worst) px from its line in the gap")
    }
}
