import ParallaxCore

/// How much fine detail a layer's rows held before any fill: the texture level's floor.
///
/// On a long pan the known pixels beside the gap are the last steps' fills, and a texture level
/// that expects only what they hold lets the fill drift flat: a flatter step lowers the bar for
/// the next, until grass is a grey patch (grass.png, 32 steps). The input image (step 0) does not
/// drift. Computed once per band and reused for every step: read again from the full-width rows
/// at every step it made each step measurably slower (docs/inpainters/builtin.md, round 8).
struct TextureReference: Sendable {
    /// Per row, `TextureLevel.tones + 1` entries, as `TextureLevel`'s expectation.
    let expected: [UInt8]
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
        height = image.height
    }

    private init(expected: [UInt8], height: Int) {
        self.expected = expected
        self.height = height
    }

    /// The same reference for `rows` only (the part of the image a fill reads).
    func rows(_ rows: Range<Int>) -> TextureReference {
        let stride = TextureLevel.tones + 1
        return TextureReference(expected: Array(expected[(rows.lowerBound * stride)..<(rows.upperBound * stride)]),
                                height: rows.count)
    }
}
