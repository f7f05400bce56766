import ParallaxCore

/// How much fine detail a layer's rows held before any fill: the texture level's floor, and
/// whether strong detail is spread through the whole layer (its texture) or stands in a few places.
///
/// On a long pan the known pixels beside the gap are the last steps' fills, and a texture level
/// that expects only what they hold lets the fill drift flat: a flatter step lowers the bar for
/// the next, until grass is a grey patch (grass.png, 32 steps). The input image (step 0) does not
/// drift. Computed once per band and reused for every step: read again from the full-width rows
/// at every step it made each step measurably slower (docs/inpainters/builtin.md, round 8).
struct TextureReference: Sendable {
    /// Per row, `TextureLevel.tones + 1` entries, as `TextureLevel`'s expectation.
    let expected: [UInt8]
    /// The least share, over every stretch of the rows as wide as `SalientDetail.stretch`, of the
    /// layer's pixels whose 9x9 patch carries salient detail (as `SalientDetail` measures a
    /// source's): near 1 in gravel or grass, 0.37–0.55 in a brick wall, 0.25–0.33 in a deep-sky
    /// photo's stars, near 0 wherever a few objects stand in a plain sky. Where it is high, no
    /// target's surroundings in the layer were plain: its detail is its texture
    /// (`SalientDetail.detailIsTexture`).
    let leastSalientShare: Double
    let height: Int

    /// `image`: the layer's rows (with their context) as the input image holds them: RGB, or
    /// RGBA where alpha 0 marks pixels that are not the layer's.
    init(_ image: Raster) {
        precondition(image.channels == 3 || image.channels == 4, "a texture reference needs an RGB or RGBA image")
        let count = image.width * image.height
        var rgb = image.pixels, layer = [Bool](repeating: true, count: count)
        if image.channels == 4 {
            rgb = [UInt8](repeating: 0, count: count * 3)
            for p in 0..<count {
                rgb[p * 3] = image.pixels[p * 4]
                rgb[p * 3 + 1] = image.pixels[p * 4 + 1]
                rgb[p * 3 + 2] = image.pixels[p * 4 + 2]
                layer[p] = image.pixels[p * 4 + 3] != 0
            }
        }
        let read = TextureLevel.localContrast(pixels: rgb, known: layer, width: image.width, height: image.height)
        expected = TextureLevel.expectations(contrast: read.contrast, meanGrey: read.mean, known: layer, width: image.width,
                                             height: image.height, columns: 0..<image.width)
        leastSalientShare = Self.leastSalientShare(rgb: rgb, layer: layer, width: image.width, height: image.height)
        height = image.height
    }

    private init(expected: [UInt8], leastSalientShare: Double, height: Int) {
        self.expected = expected
        self.leastSalientShare = leastSalientShare
        self.height = height
    }

    /// Per column, the layer's pixels and those whose patch's detail (`RecentRepeats.highPass`,
    /// over the layer's pixels of a box of `SalientDetail.referenceRadius`) is salient; then the
    /// least share over the stretches of `SalientDetail.stretch` columns that hold the layer.
    private static func leastSalientShare(rgb: [UInt8], layer: [Bool], width: Int, height: Int) -> Double {
        guard width > 0, height > 0 else { return 0 }
        let count = width * height
        // The 5x5 means of `RecentRepeats.highPass` from box sums (exact in Double), not 25 reads a pixel.
        var greyAndLayer = [Double](repeating: 0, count: 2 * count)
        for p in 0..<count where layer[p] {
            greyAndLayer[2 * p] = Double(Grey.of(Int(rgb[p * 3]), Int(rgb[p * 3 + 1]), Int(rgb[p * 3 + 2])))
            greyAndLayer[2 * p + 1] = 1
        }
        let near = BoxSums(greyAndLayer, width: width, height: height, channels: 2)
        var values = [Double](repeating: 0, count: 2 * count)
        for y in 0..<height {
            for x in 0..<width where layer[y * width + x] {
                let p = y * width + x
                let sum = Int32(near.sum(0, x: x, y: y, radius: 2)), known = Int32(near.sum(1, x: x, y: y, radius: 2))
                let detail = Double(RecentRepeats.highPass(grey: Int32(greyAndLayer[2 * p]), sum: sum, count: known))
                values[2 * p] = detail * detail
                values[2 * p + 1] = 1
            }
        }
        let sums = BoxSums(values, width: width, height: height, channels: 2)
        let radius = SalientDetail.referenceRadius
        // Per column, then running sums along the row (`width + 1` entries each).
        var salientIn = [Int](repeating: 0, count: width), layerIn = salientIn
        for y in 0..<height {
            for x in 0..<width where layer[y * width + x] {
                layerIn[x] += 1
                let energy = sums.sum(0, x: x, y: y, radius: radius), known = sums.sum(1, x: x, y: y, radius: radius)
                if energy >= Double(SalientDetail.salientEnergy) * known { salientIn[x] += 1 }
            }
        }
        var salientBefore = [Int](repeating: 0, count: width + 1), layerBefore = salientBefore
        for x in 0..<width {
            salientBefore[x + 1] = salientBefore[x] + salientIn[x]
            layerBefore[x + 1] = layerBefore[x] + layerIn[x]
        }
        // A stretch counts where it holds at least half the layer's pixels of an average one (a
        // contour layer's rows hold it only below its edge).
        let stretch = min(width, SalientDetail.stretch)
        var least = Double.infinity
        for x in 0...(width - stretch) {
            let pixels = layerBefore[x + stretch] - layerBefore[x]
            guard pixels > 0, 2 * pixels * width >= stretch * layerBefore[width] else { continue }
            least = min(least, Double(salientBefore[x + stretch] - salientBefore[x]) / Double(pixels))
        }
        return least.isFinite ? least : 0
    }

    /// The same reference for `rows` only (the part of the image a fill reads).
    func rows(_ rows: Range<Int>) -> TextureReference {
        let stride = TextureLevel.tones + 1
        return TextureReference(expected: Array(expected[(rows.lowerBound * stride)..<(rows.upperBound * stride)]),
                                leastSalientShare: leastSalientShare, height: rows.count)
    }
}
