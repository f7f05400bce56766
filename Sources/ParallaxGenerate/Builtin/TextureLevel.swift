/// How much fine detail the fill should carry where, so that a source too flat for its target
/// pays for it.
///
/// A search by squared differences prefers a flat source to a textured one that does not line
/// up: the flat patch costs the target's variance, a misaligned textured one about twice that.
/// So a fill drifts flat, and in the step loop every step copies the last step's flatter fill,
/// until grass becomes a grey patch (seen on a photo of grass and on the harness's gravel).
/// Here each known pixel's local contrast (the standard deviation of grey over the known pixels
/// of a 9x9 box) is compared with what the rows around the target hold (a low quantile of the
/// known pixels' contrast within `rows` rows and a search radius of the hole, among the pixels of
/// about the target's tone): a source below `shareInTenths` tenths of that pays the squared
/// shortfall. A smooth region (sky, a blurred background, a black table beside a textured
/// helmet) expects little contrast, so nothing there changes.
struct TextureLevel {
    let width: Int
    let height: Int
    /// Per pixel: its local contrast, for the known pixels (0 elsewhere).
    private let contrast: [UInt8]
    /// Per row, `tones + 1` entries: per tone, the contrast that most known pixels of about that
    /// tone (it or a neighbouring one) within `rows` rows reach (the `quantileInTenths` quantile,
    /// every other column); last, the same over all tones.
    private let expected: [UInt8]
    /// Grey levels are split into this many tones. A pixel's tone is that of its local mean, a
    /// target's that of its guide colour: what the rows hold in the target's colour is expected, so
    /// a bright textured object crossing the rows of a dark flat one (a helmet over a black table)
    /// does not make the table's sources look too flat.
    static let tones = 8
    /// Fewer known pixels than this of a tone (with its neighbours) in the rows: the expectation
    /// over all tones is used.
    static let minimumToneSamples = 24
    /// Half the side of the box a pixel's contrast is measured over.
    static let radius = 4
    static let rows = 6
    /// A low quantile, not the median: sparse strong detail (towers in sky, joints in brick) must
    /// not make the plain part of its rows look too flat. Measured: with the median the fence
    /// test's towers came back (44-58 tower columns, at most 8 allowed) and brick lost its joints.
    static let quantileInTenths = 3
    /// The part of the expected contrast a source may fall short of for free, in tenths. Measured on
    /// the harness: 0.7 with weight 4 keeps grass, gravel and brick textured; a weight of 16 copied a
    /// cat's fur into the blurred background beside it.
    static let shareInTenths = 7

    /// `known`: the pixels known before the fill (its sources).
    /// `columns`: where along the rows the expected contrast is read (the same columns whatever
    /// part of the image the fill was given, so that the result does not depend on it).
    init(pixels: [UInt8], known: [Bool], width: Int, height: Int, columns: Range<Int>) {
        self.width = width
        self.height = height
        let rowStride = width + 1
        var sums = [Int64](repeating: 0, count: rowStride * (height + 1) * 3)
        for y in 0..<height {
            var g = Int64(0), g2 = Int64(0), n = Int64(0)
            for x in 0..<width {
                let p = y * width + x
                if known[p] {
                    let grey = Int64(Grey.of(Int(pixels[p * 3]), Int(pixels[p * 3 + 1]), Int(pixels[p * 3 + 2])))
                    g += grey; g2 += grey * grey; n += 1
                }
                let e = ((y + 1) * rowStride + x + 1) * 3, above = (y * rowStride + x + 1) * 3
                sums[e] = sums[above] + g; sums[e + 1] = sums[above + 1] + g2; sums[e + 2] = sums[above + 2] + n
            }
        }
        var contrast = [UInt8](repeating: 0, count: width * height)
        var meanGrey = [UInt8](repeating: 0, count: width * height)
        let r = Self.radius
        for y in 0..<height {
            let top = max(0, y - r), bottom = min(height, y + r + 1)
            for x in 0..<width where known[y * width + x] {
                let left = max(0, x - r), right = min(width, x + r + 1)
                let a = (top * rowStride + left) * 3, b = (top * rowStride + right) * 3
                let c = (bottom * rowStride + left) * 3, d = (bottom * rowStride + right) * 3
                let n: Int64 = sums[d + 2] - sums[b + 2] - sums[c + 2] + sums[a + 2]
                guard n > 1 else { continue }
                let g: Int64 = sums[d] - sums[b] - sums[c] + sums[a]
                let g2: Int64 = sums[d + 1] - sums[b + 1] - sums[c + 1] + sums[a + 1]
                let spread: Int64 = g2 * n - g * g
                let variance = Double(spread) / Double(n * n)
                let deviation = max(0, variance).squareRoot().rounded()
                contrast[y * width + x] = UInt8(min(255, deviation))
                meanGrey[y * width + x] = UInt8(min(255, g / n))
            }
        }
        self.contrast = contrast
        // Per row and tone: the quantile from histograms of the known pixels' contrast over the
        // rows around it, one per tone of the pixel's local mean grey.
        let tones = Self.tones
        var expected = [UInt8](repeating: 0, count: height * (tones + 1))
        var histogram = [Int](repeating: 0, count: tones * 256)
        var counts = [Int](repeating: 0, count: tones)
        func add(_ y: Int, _ sign: Int) {
            for x in stride(from: columns.lowerBound, to: columns.upperBound, by: 2) where known[y * width + x] {
                let tone = Int(meanGrey[y * width + x]) * tones / 256
                histogram[tone * 256 + Int(contrast[y * width + x])] += sign; counts[tone] += sign
            }
        }
        /// The `quantileInTenths` quantile of the contrast over tones `tonesRange`.
        func quantile(_ tonesRange: ClosedRange<Int>, total: Int) -> UInt8 {
            let wanted = total * Self.quantileInTenths / 10
            var seen = 0, level = 0
            while level < 255 {
                var here = 0
                for t in tonesRange { here += histogram[t * 256 + level] }
                if seen + here > wanted { break }
                seen += here; level += 1
            }
            return UInt8(level)
        }
        for y in 0..<min(height, Self.rows) { add(y, 1) }
        for y in 0..<height {
            if y + Self.rows < height { add(y + Self.rows, 1) }
            if y - Self.rows - 1 >= 0 { add(y - Self.rows - 1, -1) }
            let total = counts.reduce(0, +)
            guard total > 0 else { continue }
            let all = quantile(0...(tones - 1), total: total)
            expected[y * (tones + 1) + tones] = all
            for tone in 0..<tones {
                let near = max(0, tone - 1)...min(tones - 1, tone + 1)
                var n = 0
                for t in near { n += counts[t] }
                // Never more than over all tones (measured: a tone's own expectation alone demanded
                // more texture on the harness's motorcycle, coarse −0.4 dB); too few known pixels
                // of this tone in these rows to say: what the rows hold overall.
                expected[y * (tones + 1) + tone] = n >= Self.minimumToneSamples ? min(all, quantile(near, total: n)) : all
            }
        }
        self.expected = expected
    }

    /// The contrast a source for a target on row `y`, whose guide colour is `guide` (RGB), may fall
    /// short of for free: a share of what the known pixels of about that tone hold in these rows.
    func wanted(row y: Int, guide: (Int, Int, Int)) -> Int {
        let grey = min(255, max(0, Grey.of(guide.0, guide.1, guide.2)))
        let tone = grey * Self.tones / 256
        return Int(expected[y * (Self.tones + 1) + tone]) * Self.shareInTenths / 10
    }

    /// The cost per compared pixel of copying from source `s` to a target that wants `wanted`
    /// (`wanted(row:guide:)`): `weight` times the squared shortfall of the source's contrast.
    @inline(__always) func shortfallCost(source s: Int, wanted: Int, weight: Int) -> Int {
        let has = Int(contrast[s])
        guard has < wanted else { return 0 }
        let short = wanted - has
        return weight * short * short
    }
}
