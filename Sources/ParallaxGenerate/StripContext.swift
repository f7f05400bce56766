import ParallaxCore

/// The picture an inpainter sees when it fills one layer's strip.
///
/// What the layer may continue is the layer itself and what lies behind it, never what lies in
/// front: a sky hidden behind a ridge must be filled with sky, not with the ground that covers
/// it. So the picture is the farther layers (the backdrop) with this layer drawn over them, and
/// wherever neither has a pixel (the nearer layers' rows) the layer's own column is mirrored in,
/// so an inpainter that reads the whole frame finds only this layer's kind of texture there.
public enum StripContext {
    public static func picture(for picture: StripPicture, over backdrop: Backdrop) -> Raster {
        var image = backdrop.image
        let width = image.width, height = image.height, top = picture.rows.lowerBound
        var own = [Bool](repeating: false, count: width * height)
        for row in 0..<picture.pixels.height {
            for x in 0..<width {
                let index = row * width + x
                guard picture.known[index] else { continue }
                let source = index * 4
                let alpha = Int(picture.pixels.pixels[source + 3])
                guard alpha > 0 else { continue }
                let pixel = (top + row) * width + x
                for channel in 0..<3 {
                    let over = Int(picture.pixels.pixels[source + channel])
                    let under = backdrop.covered[pixel] ? Int(image.pixels[pixel * 3 + channel]) : over
                    image.pixels[pixel * 3 + channel] = UInt8((over * alpha + under * (255 - alpha) + 127) / 255)
                }
                own[pixel] = true
            }
        }
        mirrorOwnPixels(into: &image, own: own, covered: backdrop.covered)
        return image
    }

    /// Fills every pixel that neither the backdrop nor the layer covers from the layer's own run
    /// of rows in that column, reflected back and forth; columns with no run of their own (a gap)
    /// borrow the column mirrored across the nearest one that has.
    static func mirrorOwnPixels(into image: inout Raster, own: [Bool], covered: [Bool]) {
        let width = image.width, height = image.height
        var runs = [Range<Int>?](repeating: nil, count: width)
        for x in 0..<width {
            var first = -1, last = -1
            for y in 0..<height where own[y * width + x] {
                if first < 0 { first = y }
                last = y
            }
            if first >= 0 { runs[x] = first..<(last + 1) }
        }
        guard runs.contains(where: { $0 != nil }) else { return }
        for x in 0..<width {
            let column = sourceColumn(x, runs: runs)
            guard let run = runs[column] else { continue }
            for y in 0..<height where !covered[y * width + x] && !own[y * width + x] {
                let period = 2 * run.count
                var phase = (y - run.lowerBound) % period
                if phase < 0 { phase += period }
                let sourceRow = run.lowerBound + (phase < run.count ? phase : period - 1 - phase)
                let from = image.index(x: column, y: sourceRow), to = image.index(x: x, y: y)
                for channel in 0..<3 { image.pixels[to + channel] = image.pixels[from + channel] }
            }
        }
    }

    private static func sourceColumn(_ x: Int, runs: [Range<Int>?]) -> Int {
        if runs[x] != nil { return x }
        var distance = 1
        while true {
            for nearest in [x - distance, x + distance] where nearest >= 0 && nearest < runs.count && runs[nearest] != nil {
                let mirrored = 2 * nearest - x
                return mirrored >= 0 && mirrored < runs.count && runs[mirrored] != nil ? mirrored : nearest
            }
            distance += 1
        }
    }
}
