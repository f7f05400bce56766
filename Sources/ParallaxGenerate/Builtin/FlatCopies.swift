/// Copies of copies of a smooth area: in the step loop the pixels beside the gap are the last
/// steps' fills, and once one of them is smooth, the best match for the next gap is smooth too, so
/// a flat patch grows step after step in a textured band (the harness's gravel, brick's flat
/// faces). The repeat penalty (`RecentRepeats`) cannot see it: every flat patch matches every other.
///
/// The rows say what detail belongs there: a source whose patch holds less than a quarter of the
/// detail energy per pixel of the original pixels along the target's rows (the same box as the
/// row test of `SalientDetail`, whose tables it shares) is too flat for them, and a new run starting
/// there pays `PatchSynthesizer.flatPenalty`. Only run starts pay: a run's continuation is judged
/// on its pixels alone. It reads pixels only, so a resumed run sees what an uninterrupted one saw.
extension SalientDetail {
    /// How much more detail energy per pixel the rows hold than a flat source's patch.
    static let flatRatio = 4

    /// Whether the patch around `source` (its original pixels' detail; `cache` as in
    /// `bringsNewDetail`) is much flatter than the original pixels along the target's rows.
    func isFlat(source s: Int, target p: Int, repeats: RecentRepeats, cache: UnsafeMutableBufferPointer<Int32>) -> Bool {
        let w = width, h = height, r = radius
        let x = p % w, y = p / w, sx = s % w, sy = s / w
        let x0 = max(left, x - reach) - left, x1 = min(left + regionWidth - 1, x + reach) - left
        let y0 = max(top, y - rows) - top, y1 = min(top + regionHeight - 1, y + rows) - top
        guard x0 <= x1, y0 <= y1 else { return false }
        let stride = regionWidth + 1
        let a = y0 * stride + x0, b = y0 * stride + x1 + 1, c = (y1 + 1) * stride + x0, d = (y1 + 1) * stride + x1 + 1
        let around = energyTable[d] - energyTable[b] - energyTable[c] + energyTable[a]
        let knownAround = Int(originalTable[d] - originalTable[b] - originalTable[c] + originalTable[a])
        guard knownAround > 0 else { return false }
        var energy = 0, n = 0
        for uy in max(0, sy - r)...min(h - 1, sy + r) {
            for ux in max(0, sx - r)...min(w - 1, sx + r) {
                let q = uy * w + ux
                if cache[q] == Int32.min { cache[q] = repeats.detail(at: q) }
                let v = Int(cache[q])
                energy += v * v; n += 1
            }
        }
        return energy * knownAround * Self.flatRatio < around * n
    }
}
