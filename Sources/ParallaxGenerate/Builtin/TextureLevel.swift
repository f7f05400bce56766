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
/// In the step loop the expectation never falls below what the layer's rows held in the input
/// image (`TextureReference`): on a long pan the known pixels beside the gap are earlier fills.
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
    /// `reference`: what these rows held in the input image (`TextureReference`); the expectation
    /// never falls below it. A floor, not a replacement: where the columns beside the gap hold
    /// more than the rows do on average, they still set the bar.
    init(pixels: [UInt8], known: [Bool], width: Int, height: Int, columns: Range<Int>,
         reference: TextureReference? = nil) {
        precondition(reference.map { $0.height == height } ?? true, "the texture reference needs the image's rows")
        self.width = width
        self.height = height
        let (contrast, meanGrey) = Self.localContrast(pixels: pixels, known: known, width: width, height: height)
        self.contrast = contrast
        var expected = Self.expectations(contrast: contrast, meanGrey: meanGrey, known: known, width: width, height: height,
                                         columns: columns)
        if let reference {
            for i in expected.indices {
                expected[i] = max(expected[i], reference.expected[i])
            }
        }
        self.expected = expected
    }

    /// Per row, `tones + 1` entries (see `expected`), from the known pixels' contrast and mean grey.
    static func expectations(contrast: [UInt8], meanGrey: [UInt8], known: [Bool], width: Int, height: Int,
                             columns: Range<Int>) -> [UInt8] {
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
        return expected
    }

    /// Per pixel, for the known pixels with more than one known neighbour in their box of
    /// `radius`: the standard deviation of grey over the box's known pixels, rounded to the
    /// nearest level (halves up), and their mean grey (truncated); 0 elsewhere.
    ///
    /// The box sums slide: per row, column sums over the box's rows are updated by the row
    /// entering and the row leaving, then summed along the row by a running window. All sums are
    /// small integers, and the rounding is exact integer arithmetic (see `roundedDeviation`).
    static func localContrast(pixels: [UInt8], known: [Bool], width: Int, height: Int) -> (contrast: [UInt8], mean: [UInt8]) {
        var contrast = [UInt8](repeating: 0, count: width * height)
        var mean = [UInt8](repeating: 0, count: width * height)
        guard width > 0, height > 0 else { return (contrast, mean) }
        let r = radius
        // Grey of the known pixels (0 where unknown, with a count of 0).
        var grey = [Int32](repeating: 0, count: width * height)
        for p in 0..<(width * height) where known[p] {
            grey[p] = Int32(Grey.of(Int(pixels[p * 3]), Int(pixels[p * 3 + 1]), Int(pixels[p * 3 + 2])))
        }
        // Column sums over rows top..<bottom: grey, squared grey, count.
        var columnG = [Int32](repeating: 0, count: width)
        var columnG2 = [Int32](repeating: 0, count: width)
        var columnN = [Int32](repeating: 0, count: width)
        func addRow(_ y: Int, _ sign: Int32) {
            let row = y * width
            for x in 0..<width where known[row + x] {
                let g = grey[row + x]
                columnG[x] += sign * g; columnG2[x] += sign * g * g; columnN[x] += sign
            }
        }
        for y in 0..<min(height, r) { addRow(y, 1) }
        for y in 0..<height {
            if y + r < height { addRow(y + r, 1) }
            if y - r - 1 >= 0 { addRow(y - r - 1, -1) }
            // Running window of columns x - r ... x + r.
            var g = 0, g2 = 0, n = 0
            for x in 0..<min(width, r) { g += Int(columnG[x]); g2 += Int(columnG2[x]); n += Int(columnN[x]) }
            let row = y * width
            for x in 0..<width {
                if x + r < width { g += Int(columnG[x + r]); g2 += Int(columnG2[x + r]); n += Int(columnN[x + r]) }
                if x - r - 1 >= 0 { g -= Int(columnG[x - r - 1]); g2 -= Int(columnG2[x - r - 1]); n -= Int(columnN[x - r - 1]) }
                guard known[row + x], n > 1 else { continue }
                contrast[row + x] = UInt8(min(255, roundedDeviation(spread: g2 * n - g * g, count: n)))
                mean[row + x] = UInt8(min(255, g / n))
            }
        }
        return (contrast, mean)
    }

    /// The nearest integer to √spread / count (halves up), exactly: the `d` with
    /// (2d − 1)² · count² ≤ 4 · spread < (2d + 1)² · count². A float estimate, then corrected.
    @inline(__always) static func roundedDeviation(spread: Int, count: Int) -> Int {
        let spread = max(0, spread)
        var d = Int(Float(spread).squareRoot() / Float(count) + 0.5)  // an estimate: no libm call
        let four = 4 * spread, countSquared = count * count
        while (2 * d + 1) * (2 * d + 1) * countSquared <= four { d += 1 }
        while d > 0, (2 * d - 1) * (2 * d - 1) * countSquared > four { d -= 1 }
        return d
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
