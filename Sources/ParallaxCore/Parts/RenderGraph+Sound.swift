import FilterGraph

extension RenderGraph {
    /// The sound of the whole render alone, at [aout]: what `concat --project` muxes at the join,
    /// so a split render's sound is made once and has no seam at the parts' edges. Nil when the
    /// scene has no sound or the output holds none.
    public static func soundOnly(plan: MotionPlan, stepPattern: String, settings: RenderSettings) -> FilterGraph? {
        var whole = settings
        whole.frames = nil
        guard let audio = whole.renderedAudio else { return nil }
        var builder = RenderGraphBuilder(plan: plan, stepPattern: stepPattern, settings: whole)
        builder.finishAudio(builder.loopAudio(builder.mix(audio)), mix: audio)
        return builder.graph
    }
}
