import ParallaxCore

/// One boundary found again along the picture's edges near a row someone chose (the studio's
/// drop of a dragged boundary), by the same finder `init` uses.
public enum ContourSnap {
    /// The boundary `index` (of `rows`, ascending, one per boundary) re-solved near `rows[index]`;
    /// the other rows only bound its search window, so it never crosses a neighbour.
    public static func boundary(in image: Raster, rows: [Int], index: Int) -> [Int] {
        BoundarySources.picture(image, near: rows)[index]
    }

    /// The straight row a curve stands for in the layer heights: its median.
    public static func representativeRow(_ boundary: [Int]) -> Int {
        BoundarySources.representativeRow(boundary)
    }
}
