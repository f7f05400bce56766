import ParallaxCore

/// Whether the two sides of a contour layer's edge look unlike in the input: a hill against the
/// mountains behind it, not one grass split by a curve.
///
/// With `--edges follow` the fill draws the edge from the layer and what lies behind it alike,
/// so where the two sides differ the layer under the edge picks up the other side's colours (a
/// hill streaked with the mountains' haze); the step loop then fills the layer under the edge a
/// second time from the layer alone. Where they look alike a borrowed pixel cannot be seen, and
/// that second fill, which copies by depth below the edge, would only print the edge's shape
/// into one texture (diagonal bands in grass).
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

    /// The largest channel's difference between the mean colours of `rows` above and below
    /// `curve` (one row per column: the first row of the lower side) in `image`.
    public static func difference(_ image: Raster, curve: [Int]) -> Double {
        precondition(image.channels == 3 && curve.count == image.width)
        var above = [Double](repeating: 0, count: 3), below = [Double](repeating: 0, count: 3)
        var aboveCount = 0, belowCount = 0
        for (x, edge) in curve.enumerated() {
            for offset in rows {
                if edge - 1 - offset >= 0 && edge - 1 - offset < image.height {
                    for channel in 0..<3 { above[channel] += Double(image[x, edge - 1 - offset, channel]) }
                    aboveCount += 1
                }
                if edge + offset >= 0 && edge + offset < image.height {
                    for channel in 0..<3 { below[channel] += Double(image[x, edge + offset, channel]) }
                    belowCount += 1
                }
            }
        }
        guard aboveCount > 0, belowCount > 0 else { return 0 }
        return (0..<3).map { abs(above[$0] / Double(aboveCount) - below[$0] / Double(belowCount)) }.max()!
    }

    /// Whether any curve edge of `strip` has sides that differ in `image` (the input).
    public static func differs(_ strip: LayerStrip, in image: Raster) -> Bool {
        [(strip.topEdge, strip.region.top), (strip.bottomEdge, strip.region.bottom)].contains { edge, curve in
            edge == .curve && difference(image, curve: curve) > threshold
        }
    }
}
