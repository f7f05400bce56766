/// Where a layer lies in the input image: rows `top[x]..<bottom[x]` in column x.
///
/// A straight band has the same rows in every column; a contour strip's edges follow the picture.
/// One type for both, so the step loop, the plan, the render graph and the plan picture read one
/// geometry and a band is only its simplest case.
public struct LayerRegion: Hashable, Sendable {
    public let top: [Int]
    public let bottom: [Int]

    public init(top: [Int], bottom: [Int]) {
        precondition(top.count == bottom.count, "a region's edges cover the same columns")
        self.top = top
        self.bottom = bottom
    }

    /// Rows `top..<bottom` in every one of `width` columns.
    public static func band(top: Int, bottom: Int, width: Int) -> LayerRegion {
        LayerRegion(top: Array(repeating: top, count: width), bottom: Array(repeating: bottom, count: width))
    }

    public var width: Int { top.count }

    /// True when every column has the same rows: the vstack fast path applies.
    public var isStraight: Bool {
        guard let firstTop = top.first, let firstBottom = bottom.first else { return true }
        return top.allSatisfy { $0 == firstTop } && bottom.allSatisfy { $0 == firstBottom }
    }

    /// Every row the region touches in some column: the strip a renderer must carry.
    public var reach: Range<Int> {
        guard let low = top.min(), let high = bottom.max(), low < high else { return 0..<0 }
        return low..<high
    }

    public func contains(x: Int, y: Int) -> Bool { y >= top[x] && y < bottom[x] }
}
