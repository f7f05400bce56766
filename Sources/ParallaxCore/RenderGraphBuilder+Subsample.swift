import FilterGraph

/// The chroma subsample (4:4:4 → 4:2:0) once per step instead of once per frame.
///
/// A band sliding along one axis is a per-frame crop of a wide picture made once per step
/// (``slidByCrop``). A 4:2:0 crop is exact only at an even offset, so the wide picture is
/// subsampled in two phases: phase 0 from its first column, phase 1 from its second, each an
/// even number of columns, stacked [phase 0 ; phase 1] (side by side for vertical motion).
/// At offset d the frame's window is phase (d mod 2) at 2·⌊d/2⌋: always even, so the crop is
/// a pointer move, and per frame only the bands' `vstack` copies pixels, in 4:2:0.
///
/// Luma is untouched by a subsample, so it is bit for bit the per-frame path's. Chroma sample j
/// of a window is the same filter over the same 4:4:4 columns as before, except near a band's
/// edges: the per-frame conversion filtered across band boundaries (the neighbouring band, which
/// moves differently) and clamped at the frame's left and right edges, where this one clamps at
/// the band's top and bottom and filters with the columns really beside the window. Where there
/// are none (the picture's own end), the wide picture repeats its edge column, as a clamp does.
extension RenderGraphBuilder {
    /// True when the bands are subsampled per step: a 4:4:4 YUV composite whose bands all start
    /// and end on even rows, an even frame width, and every moving band sliding by crop along one
    /// axis. Otherwise the stacked 4:4:4 frames are subsampled per frame (``toOutputYUV``).
    var subsamplesPerStep: Bool {
        guard compositesInYUV, subsamplesPerStepWhereExact, plan.width % 2 == 0 else { return false }
        return plan.layers.allSatisfy { layer in
            layer.top % 2 == 0 && layer.height % 2 == 0 && (!layer.isMoving || slidesByCrop(layer))
        }
    }

    /// 4:4:4 → 4:2:0 of one band or phase picture: the per-frame path's subsample, with the same
    /// filter, so every sample away from the edges is the same.
    func toSubsampled() -> [Filter] {
        [
            Filter("scale", ["flags": Self.subsamplingFlags, "in_color_matrix": "bt709", "in_range": "tv",
                             "out_color_matrix": "bt709", "out_range": "tv"]),
            Filter("format", ["pix_fmts": "yuv420p"]),
        ]
    }

    /// How long along the motion axis a wide picture of `length` must be to hold both phases:
    /// each an even length covering every window (`length` rounded up to even), phase 1 one
    /// further along.
    static func phasedSpan(_ length: Int) -> Int { length + length % 2 + 1 }

    /// Extends a picture by `count` columns (rows when not `horizontal`) after or before it along
    /// the axis, repeating its edge: what the subsample's clamp at that edge would have seen.
    func smeared(by count: Int, horizontal: Bool, after: Bool, width: Int, height: Int) -> [Filter] {
        guard count > 0 else { return [] }
        let before = after ? 0 : count
        return [
            Filter("pad", ["w": width + (horizontal ? count : 0), "h": height + (horizontal ? 0 : count),
                           "x": horizontal ? before : 0, "y": horizontal ? 0 : before]),
            Filter("fillborders", [
                (horizontal ? (after ? "right" : "left") : (after ? "bottom" : "top")): count, "mode": "smear",
            ]),
        ]
    }

    /// The wide picture (`span` along the axis, ``phasedSpan``) as its two phases, each
    /// subsampled once: stacked across the axis, phase 0 first.
    mutating func phases(of wide: Label, span: Int, horizontal: Bool, width: Int, height: Int) -> Label {
        let length = span - 1
        let copies = graph.split(wide, into: 2)
        let phases = (0..<2).map { start in
            graph.chain([copies[start]], [
                Filter("crop", ["w": horizontal ? length : width, "h": horizontal ? height : length,
                                "x": horizontal ? start : 0, "y": horizontal ? 0 : start, "exact": 1]),
            ] + toSubsampled(), hint: "phase")
        }
        return graph.chain(phases, [Filter(horizontal ? "vstack" : "hstack", ["inputs": 2])], hint: "phases")
    }

    /// The frame's window of the phases at offset `window` along the axis: phase (d mod 2), at
    /// 2·⌊d/2⌋ (even, so the 4:2:0 crop is exact).
    func phaseWindow(_ window: String, horizontal: Bool, width: Int, height: Int) -> Filter {
        let along = "2*floor((\(window))/2)"
        let across = "\(horizontal ? height : width)*mod(\(window),2)"
        return Filter("crop", ["w": width, "h": height, "x": horizontal ? along : across,
                               "y": horizontal ? across : along, "exact": 1])
    }
}
