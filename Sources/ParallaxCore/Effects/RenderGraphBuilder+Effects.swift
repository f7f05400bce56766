import FilterGraph

extension RenderGraphBuilder {
    /// Applies, in list order, the effects that target `layer` (nil: the whole frame).
    mutating func applyEffects(to input: Label, layer: Int?) -> Label {
        var current = input
        for effect in settings.effects where effect.layers.map({ layer != nil && $0.contains(layer!) }) ?? (layer == nil) {
            current = effect.fragment.instantiate(into: &graph, input: current, values: effect.values,
                                                  context: context(for: effect, layer: layer),
                                                  textContext: textContext(layer: layer))
        }
        return current
    }

    /// The numbers every fragment may use.
    func context(for effect: Effect, layer: Int?) -> [String: Double] {
        let fastest = plan.layers.map(\.speed).max() ?? 0
        let nearness = layer.map { fastest > 0 ? plan.layers[$0].speed / fastest : 0 } ?? 0
        let height = layer.map(pictureHeight(ofLayer:)) ?? plan.height
        return [
            "width": Double(plan.width),
            "height": Double(height),
            "fps": plan.fps.doubleValue,
            "frames": Double(plan.frameCount),
            "duration": Double(plan.frameCount) / plan.fps.doubleValue,
            // 0 for the nearest layer, 1 for a still one; the whole frame counts as far.
            "depth": layer == nil ? 1 : 1 - nearness,
            "speed": layer.map { plan.layers[$0].speed } ?? 0,
            "seed": Double(1 + effect.index * 1000 + (layer ?? 999)),
        ]
    }

    /// Rows of a layer's picture: its band, or its strip in a contour scene.
    func pictureHeight(ofLayer index: Int) -> Int {
        layout.isStacked ? plan.layers[index].height : layout.strips[index].rows.count
    }

    func textContext(layer: Int?) -> [String: String] {
        let height = layer.map(pictureHeight(ofLayer:)) ?? plan.height
        return ["rate": plan.fps.description, "size": "\(plan.width)x\(height)"]
    }
}
