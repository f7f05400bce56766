import ParallaxCore

/// One layer's strip at one step: RGBA rows `strip.rows` of the frame (alpha = where the layer
/// is), and which pixels are known. Unknown pixels (hidden parts at step 0, the gap after a
/// shift) are what the inpainter fills.
public struct StripPicture: Sendable {
    public let strip: LayerStrip
    public var pixels: Raster
    public var known: [Bool]

    public var width: Int { pixels.width }
    public var rows: Range<Int> { strip.rows }

    public init(strip: LayerStrip, pixels: Raster) {
        precondition(pixels.channels == 4 && pixels.height == strip.rows.count)
        self.strip = strip
        self.pixels = pixels
        known = [Bool](repeating: true, count: pixels.width * pixels.height)
    }

    /// The strip at step 0: the input's pixels with the strip's alpha, and its hidden parts
    /// (beyond the region on a covered edge, and under any object: `behindObjects`, one flag
    /// per frame pixel) marked unknown.
    public static func initial(_ strip: LayerStrip, image: Raster, behindObjects: [Bool]? = nil) -> StripPicture {
        let width = image.width, rows = strip.rows
        let alpha = strip.initialAlpha()
        var pixels = Raster(width: width, height: rows.count, channels: 4)
        var picture = StripPicture(strip: strip, pixels: Raster(width: width, height: rows.count, channels: 4))
        for y in rows {
            for x in 0..<width {
                let source = image.index(x: x, y: y), target = pixels.index(x: x, y: y - rows.lowerBound)
                pixels.pixels[target] = image.pixels[source]
                pixels.pixels[target + 1] = image.pixels[source + 1]
                pixels.pixels[target + 2] = image.pixels[source + 2]
                pixels.pixels[target + 3] = alpha[(y - rows.lowerBound) * width + x]
                let own = strip.region.contains(x: x, y: y)
                // Outside the content rows (beyond a curve edge, ramp included) the input's pixel
                // stays: nothing there needs a fill.
                let content = strip.contentRows(column: x).contains(y)
                let underObject = behindObjects?[y * width + x] ?? false
                let visible = alpha[(y - rows.lowerBound) * width + x] > 0
                picture.known[(y - rows.lowerBound) * width + x] = !(content || visible) || (own && !underObject)
                    || (!content && !underObject)
            }
        }
        picture.pixels = pixels
        return picture
    }

    /// The strip moved `dx` columns (a step's whole-pixel shift); the columns it leaves behind
    /// are unknown. Returns the gap's columns.
    public mutating func shift(by dx: Int) -> Range<Int> {
        guard dx != 0 else { return 0..<0 }
        let width = pixels.width
        let gap = dx > 0 ? 0..<min(width, dx) : max(0, width + dx)..<width
        var moved = Raster(width: width, height: pixels.height, channels: 4)
        var movedKnown = [Bool](repeating: false, count: known.count)
        for y in 0..<pixels.height {
            for x in 0..<width where !gap.contains(x) {
                let source = x - dx
                let from = pixels.index(x: source, y: y), to = moved.index(x: x, y: y)
                for channel in 0..<4 { moved.pixels[to + channel] = pixels.pixels[from + channel] }
                movedKnown[y * width + x] = known[y * width + source]
            }
        }
        pixels = moved
        known = movedKnown
        return gap
    }

    /// The unknown pixels as a frame-sized mask (255 = fill).
    public func unknownMask(frameHeight: Int) -> Raster {
        var mask = Raster(width: width, height: frameHeight, channels: 1)
        for (index, isKnown) in known.enumerated() where !isKnown {
            mask.pixels[rows.lowerBound * width + index] = 255
        }
        return mask
    }

    /// Known pixels where the layer is not, or not wholly (alpha below 255: the context shows what
    /// lies behind, or a blend with it), as a frame-sized gray mask (255 = behind the layer).
    public func behindLayer(frameHeight: Int) -> Raster {
        let width = self.width, top = rows.lowerBound
        var behind = Raster(width: width, height: frameHeight, channels: 1)
        for row in 0..<pixels.height {
            for x in 0..<width where known[row * width + x] && alpha(x: x, row: row) < 255 {
                behind.pixels[(top + row) * width + x] = 255
            }
        }
        return behind
    }

    public func alpha(x: Int, row: Int) -> UInt8 { pixels.pixels[(row * width + x) * 4 + 3] }

    /// The curve's row in column x read back from the alpha (first row at least half covered, for
    /// a top edge; one past the last such row for a bottom edge).
    public func curveRow(column x: Int, facing: EdgeRamp.Facing) -> Int {
        let count = pixels.height
        switch facing {
        case .up:
            let row = (0..<count).first { alpha(x: x, row: $0) >= 128 } ?? count
            return rows.lowerBound + row
        case .down:
            let row = (0..<count).last { alpha(x: x, row: $0) >= 128 }.map { $0 + 1 } ?? 0
            return rows.lowerBound + row
        }
    }
}

/// What is drawn so far at one step, back to front: the picture behind the next layer.
public struct Backdrop: Sendable {
    public var image: Raster
    public var covered: [Bool]

    public init(width: Int, height: Int) {
        image = Raster(width: width, height: height, channels: 3)
        covered = [Bool](repeating: false, count: width * height)
    }

    /// Draws an object's picture (RGBA, alpha = its mask) with its top left corner at (x, y);
    /// whatever lies outside the frame is not drawn.
    public mutating func draw(object picture: Raster, x left: Int, y top: Int) {
        let width = image.width, height = image.height
        let rows = max(0, -top)..<max(max(0, -top), min(picture.height, height - top))
        let columns = max(0, -left)..<max(max(0, -left), min(picture.width, width - left))
        for row in rows {
            for column in columns {
                let source = picture.index(x: column, y: row)
                let alpha = Int(picture.pixels[source + 3])
                if alpha == 0 { continue }
                let pixel = (top + row) * width + left + column
                for channel in 0..<3 {
                    let under = Int(image.pixels[pixel * 3 + channel]), over = Int(picture.pixels[source + channel])
                    image.pixels[pixel * 3 + channel] = UInt8((over * alpha + under * (255 - alpha) + 127) / 255)
                }
                covered[pixel] = true
            }
        }
    }

    /// Draws a strip over what is there, by its alpha (rounded as 8-bit blending does).
    public mutating func draw(_ picture: StripPicture) {
        let width = image.width, top = picture.rows.lowerBound
        for row in 0..<picture.pixels.height {
            for x in 0..<width {
                let source = (row * width + x) * 4
                let alpha = Int(picture.pixels.pixels[source + 3])
                if alpha == 0 { continue }
                let pixel = (top + row) * width + x
                for channel in 0..<3 {
                    let under = Int(image.pixels[pixel * 3 + channel]), over = Int(picture.pixels.pixels[source + channel])
                    image.pixels[pixel * 3 + channel] = UInt8((over * alpha + under * (255 - alpha) + 127) / 255)
                }
                covered[pixel] = true
            }
        }
    }
}
