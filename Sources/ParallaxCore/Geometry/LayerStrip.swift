/// How one edge of a layer's strip ends.
public enum StripEdge: Hashable, Sendable {
    /// The layer beside it is drawn later and covers this edge: the strip's content goes on,
    /// opaque, to the end of the strip (the part hidden now is filled once at step 0), so the
    /// nearer layer uncovers picture, never a hole, as it moves.
    case covered
    /// The layer beside it is drawn earlier (it is farther): the strip ends here with an
    /// antialiased alpha ramp along the curve, which moves rigidly with the layer's pixels.
    case curve
}

/// One layer as the step loop and the render graph draw it: a strip of whole rows (every row its
/// region can reach, ``LayerRegion/reach``) carrying its pixels and an alpha that says where the
/// layer is. A straight band whose edges are both covered is the simplest strip: all opaque.
public struct LayerStrip: Hashable, Sendable {
    public let layerIndex: Int
    public let region: LayerRegion
    /// The strip's rows in the frame.
    public let rows: Range<Int>
    public let topEdge: StripEdge
    public let bottomEdge: StripEdge

    /// True when the strip is opaque everywhere: no alpha needs to move with it.
    public var isOpaque: Bool { topEdge == .covered && bottomEdge == .covered }

    /// Rows of the strip (from its top) that may hold alpha other than 255 at some step, with
    /// 255 in every row below them: for a top curve, the rows the curve spans (the ramp ends
    /// within them, and the step loop keeps a continued curve within the rows the curve spans
    /// in the input). A bottom curve (transparent below it) gives the whole strip.
    public var varyingAlphaRows: Range<Int> {
        guard bottomEdge == .covered else { return 0..<rows.count }
        guard topEdge == .curve, let low = region.top.min(), let high = region.top.max() else { return 0..<0 }
        return max(0, low - rows.lowerBound)..<min(rows.count, high + 1 - rows.lowerBound)
    }

    /// The first and one-past-last rows the layer's own content spans in column x once its
    /// hidden parts are filled: to the strip's end on a covered edge, to the curve otherwise.
    public func contentRows(column x: Int) -> Range<Int> {
        let top = topEdge == .covered ? rows.lowerBound : region.top[x]
        let bottom = bottomEdge == .covered ? rows.upperBound : region.bottom[x]
        return top..<max(top, bottom)
    }

    /// Alpha (0…255) of the strip at step 0, `rows.count` rows of `region.width` bytes: the
    /// product of an antialiased ramp at each curve edge (see ``EdgeRamp``).
    public func initialAlpha() -> [UInt8] {
        let width = region.width
        var alpha = [UInt8](repeating: 255, count: width * rows.count)
        if topEdge == .curve {
            EdgeRamp.apply(curve: region.top.map(Double.init), rows: rows, facing: .up, to: &alpha, width: width)
        }
        if bottomEdge == .curve {
            EdgeRamp.apply(curve: region.bottom.map(Double.init), rows: rows, facing: .down, to: &alpha, width: width)
        }
        return alpha
    }
}

/// Every layer of a plan as a strip, and the order they are drawn in: top to bottom, so each
/// layer is drawn over the one above it. A boundary is the top edge of the layer below it (a
/// skyline is the mountains' edge, not the sky's), so the lower layer is the nearer one and
/// carries the curve. In a landscape the lower layers are also the faster ones; where a scene
/// says otherwise (the presets move a cloudy sky faster than the horizon below it), the sky
/// still passes behind the mountains instead of carrying their silhouette along. A scene of
/// straight bands only needs none of this: its bands are stacked (``isStacked``).
public struct StripLayout: Hashable, Sendable {
    public let strips: [LayerStrip]
    /// Layer indices, back to front.
    public let drawOrder: [Int]

    /// True when every layer is a straight band and there are no objects: the render stacks
    /// the bands, the step loop shifts bands, and no per-layer pictures are needed.
    public let isStacked: Bool

    public init(plan: MotionPlan) {
        let layers = plan.layers
        isStacked = layers.allSatisfy(\.region.isStraight) && plan.objects.isEmpty
        drawOrder = Array(layers.indices)
        var rank = [Int](repeating: 0, count: layers.count)
        for (position, index) in drawOrder.enumerated() { rank[index] = position }
        strips = layers.indices.map { index in
            let region = layers[index].region
            let above = index > 0 ? index - 1 : nil
            let below = index + 1 < layers.count ? index + 1 : nil
            // An edge with no layer beyond it is the frame's edge: nothing to uncover there.
            let topEdge: StripEdge = above.map { rank[$0] < rank[index] ? .curve : .covered } ?? .covered
            let bottomEdge: StripEdge = below.map { rank[$0] < rank[index] ? .curve : .covered } ?? .covered
            return LayerStrip(layerIndex: index, region: region, rows: region.reach, topEdge: topEdge, bottomEdge: bottomEdge)
        }
    }
}
