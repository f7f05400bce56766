/// Sums over boxes of a multi-channel image, from a summed-area table: each box costs four reads
/// per channel, whatever its size.
struct BoxSums {
    let width: Int
    let height: Int
    let channels: Int
    private var table: [Double]

    /// `values`: `channels` interleaved values per pixel, row by row.
    init(_ values: [Double], width: Int, height: Int, channels: Int) {
        self.width = width
        self.height = height
        self.channels = channels
        let stride = (width + 1) * channels
        var table = [Double](repeating: 0, count: stride * (height + 1))
        var row = [Double](repeating: 0, count: channels)
        for y in 0..<height {
            for k in 0..<channels { row[k] = 0 }
            for x in 0..<width {
                let v = (y * width + x) * channels
                let e = (y + 1) * stride + (x + 1) * channels, above = y * stride + (x + 1) * channels
                for k in 0..<channels {
                    row[k] += values[v + k]
                    table[e + k] = table[above + k] + row[k]
                }
            }
        }
        self.table = table
    }

    /// Sum of channel `k` over the box of `radius` around (x, y), clipped to the image.
    @inline(__always) func sum(_ k: Int, x: Int, y: Int, radius: Int) -> Double {
        sum(k, x: x, y: y, radiusX: radius, radiusY: radius)
    }

    /// Sum of channel `k` over the box reaching `radiusX` along the row and `radiusY` across it.
    @inline(__always) func sum(_ k: Int, x: Int, y: Int, radiusX: Int, radiusY: Int) -> Double {
        let stride = (width + 1) * channels
        let y0 = max(0, y - radiusY), y1 = min(height, y + radiusY + 1)
        let x0 = max(0, x - radiusX) * channels, x1 = min(width, x + radiusX + 1) * channels
        return table[y1 * stride + x1 + k] - table[y0 * stride + x1 + k] - table[y1 * stride + x0 + k] + table[y0 * stride + x0 + k]
    }
}
