extension Raster {
    /// The pixels of the rectangle `x` × `y` (which must lie inside the raster), as a raster of its own.
    public func cropped(x columns: Range<Int>, y rows: Range<Int>) -> Raster {
        precondition(columns.lowerBound >= 0 && columns.upperBound <= width && rows.lowerBound >= 0 && rows.upperBound <= height,
                     "crop outside the raster")
        var pixels = [UInt8]()
        pixels.reserveCapacity(columns.count * rows.count * channels)
        for y in rows {
            let start = (y * width + columns.lowerBound) * channels
            pixels.append(contentsOf: self.pixels[start..<(start + columns.count * channels)])
        }
        return Raster(width: columns.count, height: rows.count, channels: channels, pixels: pixels)
    }

    /// Writes `part` (same channels, inside this raster when placed) with its top left corner at (`x`, `y`).
    public mutating func paste(_ part: Raster, atX x: Int, y: Int) {
        precondition(part.channels == channels && x >= 0 && y >= 0 && x + part.width <= width && y + part.height <= height,
                     "paste outside the raster")
        let rowLength = part.width * channels
        for row in 0..<part.height {
            let start = ((y + row) * width + x) * channels
            pixels.replaceSubrange(start..<(start + rowLength), with: part.pixels[(row * rowLength)..<((row + 1) * rowLength)])
        }
    }
}
