/// Where a patch may be copied from: centres whose (2r+1)² patch lies inside the image (or is cut
/// off only by its top or bottom edge) and holds only originally known pixels, so a copied patch never carries synthesized or masked data,
/// and that keep `clearance` more pixels away from the hole along the rows (see
/// `ExemplarFill.sourceClearance`). Only along the rows: layers are horizontal bands, often thin,
/// and a vertical clearance would push the sources of a gap at a band's top or bottom out of the band.
struct SourcePatches {
    let radius: Int
    /// One flag per pixel: 1 if a patch centred there is a valid source.
    let valid: [UInt8]
    let count: Int

    /// A centre flagged in `behind` (it shows what lies behind the layer being filled) is never a
    /// source: its patch may reach there, its centre, the pixel copied, may not.
    init(hole: [Bool], width: Int, height: Int, radius: Int, clearance: Int = 0, behind: [Bool]? = nil) {
        self.radius = radius
        // Summed-area table of masked pixels: a window is clean when its sum is zero.
        let stride = width + 1
        var table = [Int32](repeating: 0, count: stride * (height + 1))
        for y in 0..<height {
            var rowSum: Int32 = 0
            for x in 0..<width {
                rowSum += hole[y * width + x] ? 1 : 0
                table[(y + 1) * stride + x + 1] = table[y * stride + x + 1] + rowSum
            }
        }
        var valid = [UInt8](repeating: 0, count: width * height)
        var count = 0
        let reach = radius + clearance
        // Rows near the top and bottom edge count too, with the patch cut off by the edge: a
        // band's edge rows must find sources on their own rows (see `PatchSynthesizer`).
        if width > 2 * radius, height > radius {
            for y in 0..<height {
                let top = max(0, y - radius) * stride, bottom = min(height, y + radius + 1) * stride
                for x in radius..<(width - radius) {
                    let left = max(0, x - reach), right = min(width, x + reach + 1)
                    let masked = table[bottom + right] - table[bottom + left] - table[top + right] + table[top + left]
                    if masked == 0, behind?[y * width + x] != true {
                        valid[y * width + x] = 1
                        count += 1
                    }
                }
            }
        }
        self.valid = valid
        self.count = count
    }
}
