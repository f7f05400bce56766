/// Whether a copy would bring a salient object into surroundings that hold nothing like it: a
/// tower copied into a night sky, where a run of sky copied down its source's column drags the
/// tower below along, step after step (the rocket's "picket fence").
///
/// Two tests, both needed (each alone left the fence test at 12–40 tower columns):
/// - near the target (every other pixel out to twice the patch radius, copied pixels included),
///   the known surroundings vary much less than the source's detail: round 3's rule;
/// - along the row (`reach` columns and `rows` rows either way, the originally known pixels),
///   strong detail is at most half as dense as in the source's patch. A brick wall's joints sit
///   beside flat brick and gravel's stones beside flat grit, so the near test alone called them
///   new and flattened brick and gravel (round 3); a few joints or stones along the row say that
///   such detail belongs there.
///
/// Detail is the high-pass of `RecentRepeats` (16x grey minus its 5x5 mean over original pixels).
/// It reads the pixels only, so a resumed run sees what an uninterrupted one saw.
struct SalientDetail {
    let width: Int
    let height: Int
    /// Half the side of the compared patch.
    let radius: Int
    let reach: Int
    let rows: Int
    /// Sources that would bring an object's colour (a galaxy, smooth, so no detail test sees it)
    /// into rows whose far field holds none count as bringing new detail too (`ObjectColour`).
    let objects: ObjectColour?
    /// Whether the layer's detail is its texture (`TextureReference.leastSalientShare` at least
    /// `textureShare`): then only `objects` counts. A brick wall's joints are everywhere, yet a
    /// patch over a joint is more than twice as dense in strong detail as the rows around it,
    /// and beside the gap of a long pan lie earlier fills: the joints looked new step after step
    /// and the wall came back flat grey. (`objects` stays: without it a galaxy's halo was copied
    /// across a textured sky, the halo test failed.)
    let detailIsTexture: Bool
    /// Counts over the hole's bounding box grown by the reach: strong original pixels and
    /// original pixels, as summed-area tables of the region (`regionWidth + 1` per row).
    private let left: Int
    private let top: Int
    private let regionWidth: Int
    private let regionHeight: Int
    private let strongTable: [Int32]
    private let originalTable: [Int32]

    /// A pixel whose detail is at least this (16x grey levels: 10 levels) counts as strong.
    static let strongDetail: Int32 = 160
    /// Detail per pixel (16x levels, squared) that makes a patch salient: 6 grey levels rms.
    static let salientEnergy = 96 * 96
    /// How much denser strong detail must be in the source than along the target's rows.
    /// Measured on the fill-quality harness: 16 or 4 let the fence back (the fence test failed);
    /// at 1 it failed too (12 columns, seed 2).
    static let densityRatio = 2
    /// The patch radius the reference's share is read with (the default 9x9 patch).
    static let referenceRadius = 4
    /// The stretch of columns the reference's share is read over: what the density test reads
    /// along the rows (`ExemplarFill.salientReach` either way).
    static let stretch = 2 * ExemplarFill.salientReach + 1
    /// A layer with at least this share of salient patches in every stretch is textured throughout.
    /// Measured (`TextureReference.leastSalientShare`): brick 0.37–0.55 per layer or band, a deep
    /// sky's stars 0.25–0.33 (where the rule must stay: without it hubble_deep_field's stars came
    /// back as a grid of dots and its galaxy's halo as a row of ghosts), a few towers in a night
    /// sky or a cat on a blanket under 0.1.
    static let textureShare = 0.35
    /// How much more the source's detail per pixel must be than the grey variance near the target.
    static let localRatio = 8

    init(repeats: RecentRepeats, objects: ObjectColour? = nil, original: [Bool], width: Int, height: Int, radius: Int,
         reach: Int, rows: Int, reference: TextureReference? = nil) {
        self.objects = objects
        detailIsTexture = (reference?.leastSalientShare ?? 0) >= Self.textureShare
        self.width = width
        self.height = height
        self.radius = radius
        self.reach = reach
        self.rows = rows
        var holeLeft = width, holeRight = -1, holeTop = height, holeBottom = -1
        for p in 0..<(width * height) where !original[p] {
            let x = p % width, y = p / width
            holeLeft = min(holeLeft, x); holeRight = max(holeRight, x)
            holeTop = min(holeTop, y); holeBottom = max(holeBottom, y)
        }
        let left = max(0, holeLeft - reach), right = min(width - 1, holeRight + reach)
        let top = max(0, holeTop - rows), bottom = min(height - 1, holeBottom + rows)
        self.left = left
        self.top = top
        let regionWidth = max(0, right - left + 1), regionHeight = max(0, bottom - top + 1)
        self.regionWidth = regionWidth
        self.regionHeight = regionHeight
        let stride = regionWidth + 1
        var strong = [Int32](repeating: 0, count: stride * (regionHeight + 1))
        var known = strong
        for ry in 0..<regionHeight {
            var strongRow: Int32 = 0, knownRow: Int32 = 0
            for rx in 0..<regionWidth {
                let p = (top + ry) * width + left + rx
                if original[p] {
                    knownRow += 1
                    if abs(repeats.detail(at: p)) >= Self.strongDetail { strongRow += 1 }
                }
                let e = (ry + 1) * stride + rx + 1
                strong[e] = strong[e - stride] + strongRow
                known[e] = known[e - stride] + knownRow
            }
        }
        strongTable = strong
        originalTable = known
    }

    /// Whether copying around `source` to the target `p` brings salient detail (in the part of the
    /// patch the target does not know yet, `known[q] == 0`) that its surroundings lack (see above),
    /// or an object's colour that the far field lacks (`objects`).
    /// `cache` holds each source pixel's detail once computed (`Int32.min`: not yet).
    func bringsNewDetail(source s: Int, target p: Int, pixels px: UnsafeMutableBufferPointer<UInt8>, known kn: UnsafeMutableBufferPointer<UInt8>,
                         repeats: RecentRepeats, cache: UnsafeMutableBufferPointer<Int32>) -> Bool {
        let w = width, h = height, r = radius
        if let objects, objects.brings(source: s, target: p) { return true }
        if detailIsTexture { return false }
        let x = p % w, y = p / w, sx = s % w, sy = s / w
        // Strong original pixels along the target's rows (four reads each).
        let x0 = max(left, x - reach) - left, x1 = min(left + regionWidth - 1, x + reach) - left
        let y0 = max(top, y - rows) - top, y1 = min(top + regionHeight - 1, y + rows) - top
        var strongAround = 0, knownAround = 0
        if x0 <= x1, y0 <= y1 {
            let stride = regionWidth + 1
            let a = y0 * stride + x0, b = y0 * stride + x1 + 1, c = (y1 + 1) * stride + x0, d = (y1 + 1) * stride + x1 + 1
            strongAround = Int(strongTable[d] - strongTable[b] - strongTable[c] + strongTable[a])
            knownAround = Int(originalTable[d] - originalTable[b] - originalTable[c] + originalTable[a])
        }
        // Denser than one in two along the rows: no patch can be twice as dense (the ratio is 2).
        if Self.densityRatio * strongAround > knownAround { return false }
        var energy = 0, strong = 0, unknown = 0
        for dy in -r...r {
            let yy = y + dy, uy = sy + dy
            if yy < 0 || yy >= h || uy < 0 || uy >= h { continue }
            for dx in -r...r {
                let xx = x + dx, ux = sx + dx
                if xx < 0 || xx >= w || ux < 0 || ux >= w || kn[yy * w + xx] != 0 { continue }
                let q = uy * w + ux
                if cache[q] == Int32.min { cache[q] = repeats.detail(at: q) }
                let v = cache[q]
                energy += Int(v) * Int(v); unknown += 1
                if abs(v) >= Self.strongDetail { strong += 1 }
            }
        }
        guard unknown > 0, energy >= Self.salientEnergy * unknown, strong > 0 else { return false }
        if knownAround > 0, strong * knownAround < Self.densityRatio * strongAround * unknown { return false }
        // Round 3's local test: the known surroundings within twice the patch radius (every other
        // pixel, copied ones included) vary much less than the source's detail.
        var sum = 0, squares = 0, n = 0
        let near = 2 * r
        for yy in stride(from: max(0, y - near), through: min(h - 1, y + near), by: 2) {
            for xx in stride(from: max(0, x - near), through: min(w - 1, x + near), by: 2) where kn[yy * w + xx] != 0 {
                let q = (yy * w + xx) * 3
                let grey = Grey.of(Int(px[q]), Int(px[q + 1]), Int(px[q + 2]))
                sum += grey; squares += grey * grey; n += 1
            }
        }
        guard n > 0 else { return true }
        let variance = 256 * (squares - sum * sum / n)
        return energy * n >= Self.localRatio * variance * unknown
    }
}
