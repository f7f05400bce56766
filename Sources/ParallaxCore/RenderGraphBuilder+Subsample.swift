import FilterGraph

/// The chroma subsample (4:4:4 → 4:2:0) once per step instead of once per frame.
///
/// A band sliding along one axis is a per-frame crop of a wide picture made once per step
/// (``widePicture``, as in ``slidByCrop``). A 4:2:0 crop is exact only at an even offset, so
/// the wide picture is subsampled in two phases: phase 0 from its first column, phase 1 from its
/// second, each an even number of columns, stacked [phase 0 ; phase 1] (side by side for
/// vertical motion).
/// At offset d the frame's window is phase (d mod 2) at 2·⌊d/2⌋: always even, so the crop is
/// a pointer move, and per frame only the bands' `vstack` copies pixels, in 4:2:0.
///
/// Luma is untouched by a subsample, so it is bit for bit the per-frame path's. Chroma sample j
/// of a window is the same filter over the same 4:4:4 columns as before, except near a band's
/// edges: the per-frame conversion filtered across band boundaries (the neighbouring band, which
/// moves differently) and clamped at the frame's left and right edges, where this one clamps at
/// the band's top and bottom (an odd boundary: the seam, ``stackSubsampled``) and filters with
/// the columns really beside the window. Where there are none (the picture's own end), the wide
/// picture repeats its edge column, as a clamp does.
extension RenderGraphBuilder {
    /// True when the bands are subsampled per step: a 4:4:4 YUV composite of an even-sized frame
    /// whose moving bands all slide by crop along one axis. A band boundary on an odd row is
    /// allowed when no band moves vertically (``stackSubsampled``). Otherwise the stacked 4:4:4
    /// frames are subsampled per frame (``toOutputYUV``).
    var subsamplesPerStep: Bool {
        guard compositesInYUV, subsamplesPerStepWhereExact, plan.width % 2 == 0, plan.height % 2 == 0 else { return false }
        let evenRows = plan.layers.allSatisfy { $0.top % 2 == 0 && $0.height % 2 == 0 }
        return plan.layers.allSatisfy { layer in
            !layer.isMoving || (slidesByCrop(layer) && (layer.velocity.y == 0 || evenRows))
        }
    }

    /// One band subsampled per step: its rows between even boundaries in 4:2:0 (nil when there
    /// are none), and where its top or bottom edge is on an odd row, the rows next to that edge
    /// per frame in 4:4:4 (``seamContext(height:)`` of them), for the seam there.
    struct SubsampledBand {
        var rows: Label?
        var topRows: Label?
        var bottomRows: Label?
    }

    /// How many rows of a band of `height` a seam takes beside its edge: odd (so the seam starts
    /// on an even row), and 7 when the band has them. With 7 on each side, the seam picture is 14
    /// rows: the seam's chroma row sees all the rows its filter reaches (4 on each side), and the
    /// picture is tall enough for swscale to use its whole filter (it shortens a filter to the
    /// picture's height − 2: a 2-row picture gets 1 tap, the lower row's chroma alone).
    static func seamContext(height: Int) -> Int {
        let rows = min(7, height)
        return rows % 2 == 1 ? rows : rows - 1
    }

    /// Every frame, the bands stacked in 4:2:0. Where two bands meet on an odd row, one chroma
    /// row covers the last row of the one above and the first of the one below: up to 7 rows of
    /// each beside the boundary are stacked per frame in 4:4:4 and subsampled together, and the
    /// chroma row on the boundary is cropped from it (the seam, the only per-frame subsample).
    mutating func stackSubsampled() -> Label {
        let steps = stepStreams()
        let bands = plan.layers.indices.map { subsampledBand($0, current: steps.current[$0], next: steps.next[$0]) }
        var pieces: [Label] = []
        for (index, band) in bands.enumerated() {
            if let rows = band.rows { pieces.append(rows) }
            if let above = band.bottomRows, index + 1 < bands.count, let below = bands[index + 1].topRows {
                let context = Self.seamContext(height: plan.layers[index].height)
                pieces.append(graph.chain([above, below], [Filter("vstack", ["inputs": 2])] + toSubsampled() + [
                    Filter("crop", ["w": plan.width, "h": 2, "x": 0, "y": context - 1, "exact": 1]),
                ], hint: "seam"))
            }
        }
        return stack(pieces)
    }

    /// One band's pieces (``SubsampledBand``) at every output frame.
    mutating func subsampledBand(_ index: Int, current: Label, next: Label?) -> SubsampledBand {
        let layer = plan.layers[index]
        // Rows of the band (from its top) between even frame rows, and the rows beside odd edges.
        let first = layer.top % 2, end = layer.height - (layer.top + layer.height) % 2
        let rows = first < end ? first..<end : nil
        let context = Self.seamContext(height: layer.height)
        let edges = [first == 1 ? 0..<context : nil,
                     (layer.top + layer.height) % 2 == 1 ? layer.height - context..<layer.height : nil]
        let parts = (rows == nil ? 0 : 1) + edges.compactMap { $0 }.count
        guard layer.isMoving, let next else {
            // A still band: cropped and subsampled once per step, repeated as references.
            var sources = graph.split(current, into: parts)[...]
            func piece(_ rows: Range<Int>, subsampled: Bool) -> Label {
                graph.chain([sources.popFirst()!], [
                    Filter("crop", ["w": plan.width, "h": rows.count, "x": 0, "y": layer.top + rows.lowerBound, "exact": 1]),
                ] + (subsampled ? toSubsampled() : [Self.ownCopy]) + repeatToOutputRate() + skipToStartFrame(), hint: "band")
            }
            return SubsampledBand(rows: rows.map { piece($0, subsampled: true) },
                                  topRows: edges[0].map { piece($0, subsampled: false) },
                                  bottomRows: edges[1].map { piece($0, subsampled: false) })
        }
        let nextBand = graph.chain([next], [crop(layer)], hint: "nextband")
        let currentBand = graph.chain([current], [crop(layer)], hint: "curband")
        let wide = widePicture(layer, top: currentBand, under: nextBand, width: plan.width, height: layer.height,
                               pixelFormat: compositingPixelFormat, overlayFormat: compositingOverlayFormat, subsampled: true)
        var sources = graph.split(wide.label, into: parts)[...]
        func edgeRows(_ rows: Range<Int>) -> Label {
            graph.chain([sources.popFirst()!], [
                Filter("crop", ["w": wide.span, "h": rows.count, "x": 0, "y": rows.lowerBound, "exact": 1]), Self.ownCopy,
            ] + repeatToOutputRate() + skipToStartFrame() + [wide.frameWindow(rows: 0..<rows.count)], hint: "edgerows")
        }
        var band = SubsampledBand()
        if let rows {
            let phased = phases(of: wide, from: sources.popFirst()!, rows: rows)
            band.rows = graph.chain([phased], repeatToOutputRate() + skipToStartFrame() + [phaseWindow(of: wide, rows: rows)],
                                    hint: "band")
        }
        band.topRows = edges[0].map(edgeRows)
        band.bottomRows = edges[1].map(edgeRows)
        return band
    }

    /// A seam's rows in a buffer of their own, once per step: a crop alone would keep the whole
    /// step picture it points into alive while `fps` repeats it.
    static let ownCopy = Filter("copy")

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

    /// `rows` of the wide picture (from `source`, a copy of it; all rows for vertical motion) as
    /// its two phases, each subsampled once: stacked across the axis, phase 0 first.
    mutating func phases(of wide: WidePicture, from source: Label, rows: Range<Int>) -> Label {
        let length = wide.span - 1
        let copies = graph.split(source, into: 2)
        let phases = (0..<2).map { start in
            graph.chain([copies[start]], [
                Filter("crop", wide.horizontal
                    ? ["w": length, "h": rows.count, "x": start, "y": rows.lowerBound, "exact": 1]
                    : ["w": wide.width, "h": length, "x": 0, "y": start, "exact": 1]),
            ] + toSubsampled(), hint: "phase")
        }
        return graph.chain(phases, [Filter(wide.horizontal ? "vstack" : "hstack", ["inputs": 2])], hint: "phases")
    }

    /// The frame's window of the phases: phase (d mod 2), at 2·⌊d/2⌋ along the axis (even, so
    /// the 4:2:0 crop is exact).
    func phaseWindow(of wide: WidePicture, rows: Range<Int>) -> Filter {
        let along = "2*floor((\(wide.window))/2)"
        let height = wide.horizontal ? rows.count : wide.height
        let across = "\(wide.horizontal ? height : wide.width)*mod(\(wide.window),2)"
        return Filter("crop", ["w": wide.width, "h": height, "x": wide.horizontal ? along : across,
                               "y": wide.horizontal ? across : along, "exact": 1])
    }
}
