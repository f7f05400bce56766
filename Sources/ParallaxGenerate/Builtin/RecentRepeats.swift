/// Which source patches the fill has already copied near a target: in the step loop the known
/// pixels within a few steps' shifts of the gap are the last steps' fills, so a source whose fine
/// detail is already there (or that lies there itself) would repeat it once more, and step after
/// step the same tower or slope edge becomes a picket fence along the band. Read from the pixels
/// alone, so a resumed run sees the same state as an uninterrupted one.
///
/// Detail is the high-pass (grey minus the mean of the original pixels in a 5x5 box): the colour
/// correction (`BaseAndDetail`) moves a copy's colour smoothly but keeps its detail. Places are
/// compared by their profiles: the high-pass summed down each of the patch's columns.
struct RecentRepeats {
    let width: Int
    let height: Int
    /// Half the side of the compared patch.
    let radius: Int
    /// How far along the row (either way) from the target the detail is looked for.
    let reach: Int
    /// How many rows above and below the target's.
    let rows: Int
    private let grey: [Int32]
    private let original: [Bool]
    /// Column sums of the high-pass, precomputed only for the columns a window can reach (the
    /// hole's columns grown by `reach` and the patch radius): `columnSums[y * span + x - first]`.
    private let first: Int
    private let span: Int
    private let columnSums: [Int32]
    /// The high-pass itself over the same columns (`highPassTable[y * span + x - first]`): the
    /// tests read it for sources and surroundings there instead of recomputing a 5x5 mean each time.
    private let highPassTable: [Int32]

    /// A place matches when its squared profile difference is at most this fraction of the
    /// source's own profile energy.
    private static let matchFraction = 4
    /// Patches with less detail than this per pixel (16x units squared: 3 grey levels rms) are
    /// flat: every flat patch matches every other, which says nothing about a repeat.
    private static let minimumEnergyPerPixel = 48 * 48

    init(pixels: [UInt8], original: [Bool], width: Int, height: Int, radius: Int, reach: Int, rows: Int) {
        self.width = width
        self.height = height
        self.radius = radius
        self.reach = reach
        self.rows = rows
        self.original = original
        var grey = [Int32](repeating: 0, count: width * height)
        var holeLeft = width, holeRight = -1
        for p in 0..<(width * height) {
            if original[p] {
                grey[p] = Int32(Grey.of(Int(pixels[p * 3]), Int(pixels[p * 3 + 1]), Int(pixels[p * 3 + 2])))
            } else {
                holeLeft = min(holeLeft, p % width); holeRight = max(holeRight, p % width)
            }
        }
        self.grey = grey
        let first = max(0, holeLeft - reach - radius), last = min(width - 1, holeRight + reach + radius)
        self.first = first
        let span = max(0, last - first + 1)
        self.span = span
        var columnSums = [Int32](repeating: 0, count: span * height)
        var highPass = [Int32](repeating: 0, count: span * height)
        if span > 0 {
            for y in 0..<height {
                for x in first...last { highPass[y * span + x - first] = Self.highPass(x, y, grey: grey, original: original, width: width, height: height) }
            }
            for x in 0..<span {
                var sum: Int32 = 0
                for y in 0..<min(height, radius) { sum += highPass[y * span + x] }
                for y in 0..<height {
                    if y + radius < height { sum += highPass[(y + radius) * span + x] }
                    if y - radius - 1 >= 0 { sum -= highPass[(y - radius - 1) * span + x] }
                    columnSums[y * span + x] = sum
                }
            }
        }
        self.columnSums = columnSums
        self.highPassTable = highPass
    }

    /// The detail (high-pass, see below) of pixel p.
    func detail(at p: Int) -> Int32 {
        let x = p % width, y = p / width
        if x >= first, x < first + span { return highPassTable[y * span + x - first] }
        return Self.highPass(x, y, grey: grey, original: original, width: width, height: height)
    }

    /// 16 x (grey − the mean of the original pixels in the 5x5 box around it); 0 off the originals.
    static func highPass(_ x: Int, _ y: Int, grey: [Int32], original: [Bool], width: Int, height: Int) -> Int32 {
        let p = y * width + x
        guard original[p] else { return 0 }
        var sum: Int32 = 0, count: Int32 = 0
        for qy in max(0, y - 2)...min(height - 1, y + 2) {
            for qx in max(0, x - 2)...min(width - 1, x + 2) where original[qy * width + qx] {
                sum += grey[qy * width + qx]; count += 1
            }
        }
        return highPass(grey: grey[p], sum: sum, count: count)
    }

    /// The same from a pixel's grey and the sum and count of the original greys in its 5x5 box.
    @inline(__always) static func highPass(grey: Int32, sum: Int32, count: Int32) -> Int32 {
        (16 * (grey * count - sum) + count / 2) / count
    }

    /// Whether the detail of the patch centred on `source` already lies within `reach` columns
    /// and `rows` rows of (x, y), the source itself included.
    func isPresent(source: Int, nearX x: Int, y: Int) -> Bool {
        let w = width, r = radius, side = 2 * r + 1
        let sx = source % w, sy = source / w
        guard sx >= r, sx < w - r, sy >= r, sy < height - r else { return false }
        let left = max(max(r, first + r), x - reach), right = min(min(w - 1 - r, first + span - 1 - r), x + reach)
        let top = max(r, y - rows), bottom = min(height - 1 - r, y + rows)
        guard left <= right, top <= bottom else { return false }
        // The source's profile and detail energy.
        var profile = [Int](repeating: 0, count: side)
        var energy = 0
        for dx in -r...r {
            var column = 0
            for dy in -r...r {
                let v = Int(detail(at: (sy + dy) * w + sx + dx))
                energy += v * v; column += v
            }
            profile[dx + r] = column
        }
        if energy < Self.minimumEnergyPerPixel * side * side { return false }
        // The source itself lies there: in the step loop it is one of the last steps' fills.
        if sx >= left, sx <= right, sy >= top, sy <= bottom { return true }
        var profileEnergy = 0
        for v in profile { profileEnergy += v * v }
        let bound = profileEnergy / Self.matchFraction
        return columnSums.withUnsafeBufferPointer { cs in
            for ty in top...bottom {
                let row = ty * span - first
                for tx in left...right {
                    var sum = 0
                    var k = 0
                    while k < side {
                        let d = Int(cs[row + tx - r + k]) - profile[k]; sum += d * d
                        if sum > bound { break }
                        k += 1
                    }
                    if sum <= bound { return true }
                }
            }
            return false
        }
    }
}
