import ParallaxCore

/// How strongly a picture changes across each possible boundary: for row y of column x, the
/// colour distance between the mean of the `span` rows just below (y…) and the `span` rows
/// just above (…y−1), after a light blur, so a skyline, ridge or shore scores high and the
/// fine texture inside a tree or a field does not. `across` is the same between neighbouring
/// columns, the evidence a vertical cliff in a boundary needs.
struct EdgeEvidence {
    let width: Int
    let height: Int
    /// Change across the boundary above row y in column x, at `[x * height + y]`; 0 for y = 0.
    let vertical: [Float]
    /// Change between columns x−1 and x at row y, at `[x * height + y]`; 0 for x = 0.
    let across: [Float]

    /// `span` and the blur default to sizes that grow with the picture.
    init(_ raster: Raster, span: Int? = nil, blurRadius: Double? = nil) {
        width = raster.width
        height = raster.height
        let shorter = min(width, height)
        let span = span ?? max(2, shorter / 120)
        let radius = blurRadius ?? max(1, Double(shorter) / 300)
        // Planes in column-major order, so a column's rows are contiguous.
        var planes: [[Double]] = []
        for channel in 0..<raster.channels {
            var plane = [Double](repeating: 0, count: width * height)
            for y in 0..<height { for x in 0..<width { plane[y * width + x] = Double(raster[x, y, channel]) } }
            GaussianBlur.apply(to: &plane, width: width, height: height, radius: radius)
            var transposed = [Double](repeating: 0, count: width * height)
            for y in 0..<height { for x in 0..<width { transposed[x * height + y] = plane[y * width + x] } }
            planes.append(transposed)
        }
        vertical = EdgeEvidence.change(planes, width: width, height: height, span: span, alongRows: true)
        across = EdgeEvidence.change(planes, width: width, height: height, span: span, alongRows: false)
    }

    /// Euclidean distance over channels between the means of `span` samples after and before
    /// each position, along a column (`alongRows`) or along a row, from prefix sums.
    private static func change(_ planes: [[Double]], width: Int, height: Int, span: Int, alongRows: Bool) -> [Float] {
        var result = [Float](repeating: 0, count: width * height)
        let lines = alongRows ? width : height, length = alongRows ? height : width
        var prefix = [Double](repeating: 0, count: length + 1)
        var squared = [Double](repeating: 0, count: length)
        for line in 0..<lines {
            for index in 0..<length { squared[index] = 0 }
            for plane in planes {
                for index in 0..<length {
                    let value = alongRows ? plane[line * height + index] : plane[index * height + line]
                    prefix[index + 1] = prefix[index] + value
                }
                for index in 1..<max(length, 1) {
                    let reach = min(span, index, length - index)
                    let after = (prefix[index + reach] - prefix[index]) / Double(reach)
                    let before = (prefix[index] - prefix[index - reach]) / Double(reach)
                    squared[index] += (after - before) * (after - before)
                }
            }
            for index in 0..<length {
                let at = alongRows ? line * height + index : index * height + line
                result[at] = Float(squared[index].squareRoot())
            }
        }
        return result
    }
}
