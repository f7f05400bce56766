import ParallaxCore

/// Whether a contour layer's edge is one the step loop fills under a second time with
/// `--edges follow` (``StepLoop/refillUnderEdge``): the two sides look unlike in the input (a hill
/// against the mountains behind it, not one grass split by a curve), and the layer's side holds
/// one colour along the edge (a hill, a shore; not a uniform beside the sky).
///
/// Where the sides look alike, a colour the first fill borrowed from behind cannot be seen, and
/// a second fill would only print the edge's shape into one texture (diagonal bands in grass,
/// round 15). Where the layer's side varies along the edge, the second fill, which takes the
/// layer's colours from anywhere along it, puts the wrong one under the edge: dark peaks of a
/// uniform in the sky, the shadow under a cup along a whole table (round 16).
public enum EdgeContrast {
    /// Rows either side of the edge that are compared, and the rows next to it left out (the
    /// antialiased ramp and the edge's own detail).
    static let rows = 2..<10
    /// Levels (largest channel) between the two sides' mean colours above which they differ.
    /// On the default layers' edges of ten pictures: one texture cut by a curve (grass, gravel,
    /// brick, a night sky) 1–26, a hill against mountains 131, a cup against a table 79; seven
    /// edges lie between 26 and 34, where the choice is close (it decides whether a second fill
    /// is spent, not whether the picture breaks).
    public static let threshold = 32.0
    /// Columns over which the layer's side is averaged before its spread along the edge is taken:
    /// a hill's own texture and small objects on it do not count, a change of region does.
    static let spreadWindow = 32
    /// Levels (largest channel's standard deviation along the edge) up to which the layer's side
    /// holds one colour. On the default layers of 18 pictures, the 8 whose sides differ: hills,
    /// mountains and a shore 3–21 (landscape, lowpoly), mixed regions 34–83 (a uniform and sky,
    /// a cup's shadow and a table, terrain, a cat, an astronaut's suit).
    public static let spreadThreshold = 24.0

    /// The largest channel's difference between the mean colours of `rows` above and below
    /// `curve` (one row per column: the first row of the lower side) in `image`.
    public static func difference(_ image: Raster, curve: [Int]) -> Double {
        let above = sideColours(image, curve: curve, below: false), below = sideColours(image, curve: curve, below: true)
        guard !above.isEmpty, !below.isEmpty else { return 0 }
        let a = mean(above), b = mean(below)
        return (0..<3).map { abs(a[$0] - b[$0]) }.max()!
    }

    /// The largest channel's standard deviation, along the edge, of one side's colour (`rows`
    /// from the curve, averaged over `spreadWindow` columns).
    public static func spread(_ image: Raster, curve: [Int], below: Bool) -> Double {
        let colours = sideColours(image, curve: curve, below: below)
        guard colours.count >= spreadWindow else { return 0 }
        let windows = (0...(colours.count - spreadWindow)).map { mean(Array(colours[$0..<($0 + spreadWindow)])) }
        let centre = mean(windows)
        return (0..<3).map { channel in
            (windows.reduce(0) { $0 + ($1[channel] - centre[channel]) * ($1[channel] - centre[channel]) } / Double(windows.count))
                .squareRoot()
        }.max()!
    }

    /// Whether any curve edge of `strip` has sides that differ in `image` (the input) and a layer
    /// side of one colour along it.
    public static func refills(_ strip: LayerStrip, in image: Raster) -> Bool {
        [(strip.topEdge, strip.region.top, true), (strip.bottomEdge, strip.region.bottom, false)].contains { edge, curve, layerBelow in
            edge == .curve && difference(image, curve: curve) > threshold
                && spread(image, curve: curve, below: layerBelow) <= spreadThreshold
        }
    }

    /// Per column where all of them lie in the image, the mean colour of `rows` on one side of
    /// `curve`.
    private static func sideColours(_ image: Raster, curve: [Int], below: Bool) -> [[Double]] {
        precondition(image.channels == 3 && curve.count == image.width)
        return curve.enumerated().compactMap { x, edge in
            let ys = rows.map { below ? edge + $0 : edge - 1 - $0 }
            guard ys.allSatisfy({ $0 >= 0 && $0 < image.height }) else { return nil }
            return (0..<3).map { channel in ys.reduce(0.0) { $0 + Double(image[x, $1, channel]) } / Double(ys.count) }
        }
    }

    private static func mean(_ colours: [[Double]]) -> [Double] {
        (0..<3).map { channel in colours.reduce(0) { $0 + $1[channel] } / Double(colours.count) }
    }
}
