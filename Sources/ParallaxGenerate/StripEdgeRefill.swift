import ParallaxCore

/// With `--edges follow` a layer's gap is filled over the whole strip, the layer and what lies
/// behind it alike, and the edge is then cut where that fill drew one; so where the two sides of
/// the edge differ, the layer under it takes the other side's colours (a hill streaked with the
/// mountains' haze). For such a layer the loop keeps two strips:
///
/// - the *draft*: the strip as that fill and the edge follow left it. The next step's fill and
///   follow read it (and the drafts of the layers behind it), so every edge goes exactly as with
///   one fill: a cleaner layer under an edge pulls the next step's followed edge away from the
///   picture's (measured in round 15, bench/RESULTS.md).
/// - the *shown* strip: the same alpha, with the layer's pixels in each gap filled again from
///   the layer alone, what lies beyond the edge marked as behind it (as `--edges sketch` fills).
///   It is what the composite, the render and the next step's second fill see.
extension StepLoop {
    /// The layers shown with a second fill: with `--edges follow`, an inpainter that reads
    /// `behindLayer`, and an edge whose two sides differ in the input while the layer's side holds
    /// one colour along it (``EdgeContrast``).
    func layersRefilledUnderEdge() throws -> Set<Int> {
        if let refilledLayers { return refilledLayers }
        guard settings.edges == .follow, inpainter.readsBehindLayer, !layout.isStacked else { return [] }
        let input = try inputImage()
        let layers = Set(layout.strips.filter { EdgeContrast.refills($0, in: input) }.map(\.layerIndex))
        refilledLayers = layers
        return layers
    }

    /// Moves a shown strip on by the step's shift, like its draft, and gives the gap the draft's
    /// alpha; the layer's pixels there are filled again over `backdrop` (the shown layers behind),
    /// what lies beyond the edge showing the backdrop as behind the layer.
    func refillUnderEdge(_ shown: inout StripPicture, draft: StripPicture, shift: Int, over backdrop: Backdrop,
                         step: Int, reference: Raster) throws {
        // The gap's pixels are unknown after the shift; beyond the draft's edge they show the backdrop.
        let gap = shown.shift(by: shift)
        let width = shown.width
        for row in 0..<shown.rows.count {
            for x in gap { shown.pixels.pixels[(row * width + x) * 4 + 3] = draft.pixels.pixels[(row * width + x) * 4 + 3] }
        }
        showBackdrop(beyondEdgeOf: &shown, through: gap, over: backdrop)
        try fill(&shown, over: backdrop, step: step, shift: shift, reference: reference,
                 behindLayer: shown.behindLayer(frameHeight: project.plan.height), writesMask: false)
    }
}
