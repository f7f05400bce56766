import ParallaxCore

/// Layer boundaries and distances from a depth map or from segmentation masks.
///
/// Depth convention: a gray image, brighter = nearer (MiDaS and Depth Anything write inverse
/// depth this way). Maps of another size are sampled to the image's size.
public enum DepthLayers {
    /// Median depth value (0…255) of each band's rows.
    public static func medianDepths(_ depth: Raster, imageWidth: Int, imageHeight: Int, bands: [Range<Int>]) -> [Int] {
        bands.map { rows in
            var histogram = [Int](repeating: 0, count: 256)
            for y in rows {
                let depthY = min(depth.height - 1, y * depth.height / imageHeight)
                for x in 0..<depth.width { histogram[Int(depth.pixels[(depthY * depth.width + x) * depth.channels])] += 1 }
            }
            return median(histogram)
        }
    }

    /// Median depth value (0…255) of each region's pixels (rows top[x]..<bottom[x] per column).
    public static func medianDepths(_ depth: Raster, imageWidth: Int, imageHeight: Int, regions: [LayerRegion]) -> [Int] {
        regions.map { region in
            var histogram = [Int](repeating: 0, count: 256)
            for x in 0..<imageWidth {
                let depthX = min(depth.width - 1, x * depth.width / imageWidth)
                for y in region.top[x]..<max(region.top[x], region.bottom[x]) {
                    let depthY = min(depth.height - 1, y * depth.height / imageHeight)
                    histogram[Int(depth.pixels[(depthY * depth.width + depthX) * depth.channels])] += 1
                }
            }
            return median(histogram)
        }
    }

    /// Distance for a band of median depth m: 255 / m (nearest possible = 1), so speed ∝ m.
    public static func distance(medianDepth: Int) -> Double {
        (255.0 / Double(max(medianDepth, 1)) * 1000).rounded() / 1000
    }

    /// The median depth of every image row (the depth profile).
    public static func rowProfile(_ depth: Raster, imageHeight: Int) -> [Double] {
        (0..<imageHeight).map { y in
            let depthY = min(depth.height - 1, y * depth.height / imageHeight)
            var histogram = [Int](repeating: 0, count: 256)
            for x in 0..<depth.width { histogram[Int(depth.pixels[(depthY * depth.width + x) * depth.channels])] += 1 }
            return Double(median(histogram))
        }
    }

    /// `count − 1` boundaries (rows where a new band starts) where the smoothed profile changes
    /// most, at least `minimumHeight` rows apart and from the image's edges.
    public static func autoBoundaries(profile: [Double], count: Int, minimumHeight: Int) -> [Int] {
        let height = profile.count
        guard count > 1, height >= 2 else { return [] }
        let window = max(1, height / 60)
        let change: [Double] = (0..<height).map { y in
            guard y >= window, y + window <= height else { return -1 }
            let above = profile[(y - window)..<y].reduce(0, +) / Double(window)
            let below = profile[y..<(y + window)].reduce(0, +) / Double(window)
            return abs(below - above)
        }
        var chosen: [Int] = []
        for y in (0..<height).sorted(by: { change[$0] != change[$1] ? change[$0] > change[$1] : $0 < $1 }) {
            guard chosen.count < count - 1 else { break }
            guard change[y] >= 0, y >= minimumHeight, height - y >= minimumHeight else { continue }
            if chosen.allSatisfy({ abs($0 - y) >= minimumHeight }) { chosen.append(y) }
        }
        return chosen.sorted()
    }

    /// The boundary a segment mask gives: its lower edge, the first row below its fullest row
    /// where fewer than half of the pixels are set. Nil when the segment reaches the bottom.
    public static func maskBoundary(_ mask: Raster, imageHeight: Int) -> Int? {
        let coverage: [Double] = (0..<imageHeight).map { y in
            let maskY = min(mask.height - 1, y * mask.height / imageHeight)
            var set = 0
            for x in 0..<mask.width where mask.pixels[(maskY * mask.width + x) * mask.channels] >= 128 { set += 1 }
            return Double(set) / Double(mask.width)
        }
        guard let fullest = coverage.indices.max(by: { coverage[$0] < coverage[$1] }), coverage[fullest] > 0 else { return nil }
        for y in fullest..<imageHeight where coverage[y] < 0.5 { return y > 0 ? y : nil }
        return nil
    }

    private static func median(_ histogram: [Int]) -> Int {
        let total = histogram.reduce(0, +)
        var seen = 0
        for (value, count) in histogram.enumerated() {
            seen += count
            if seen * 2 >= total { return value }
        }
        return 255
    }
}
