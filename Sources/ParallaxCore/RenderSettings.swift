/// What a render graph needs besides the plan: encoding, interpolation, effects, sound, loop
/// and preview. Scene keys fill it (``init(project:video:)``); command-line flags may override.
public struct RenderSettings: Hashable, Sendable {
    public var video: VideoEncoding
    public var interpolation: Interpolation
    public var effects: [Effect]
    public var audio: AudioMix?
    public var loop: LoopMode?
    public var preview: Preview?
    /// Only these frames of the full render (`--frames A:B`); nil renders all of them.
    public var frames: FrameRange?

    public init(video: VideoEncoding = VideoEncoding(), interpolation: Interpolation = .exact, effects: [Effect] = [],
                audio: AudioMix? = nil, loop: LoopMode? = nil, preview: Preview? = nil, frames: FrameRange? = nil) {
        self.video = video
        self.interpolation = interpolation
        self.effects = effects
        self.audio = audio
        self.loop = loop
        self.preview = preview
        self.frames = frames
    }

    /// Reads the scene's `interpolation`, `effects`, `audio` and `loop` keys.
    public init(project: Project, video: VideoEncoding) throws {
        let scene = project.scene, file = project.sceneFile
        self.init(
            video: video,
            interpolation: try Interpolation.parse(scene.extensions["interpolation"], sceneFile: file),
            effects: try EffectList.parse(scene.extensions["effects"], scene: scene, sceneFile: file,
                                          library: FragmentLibrary(projectDirectory: project.directory)),
            audio: try AudioMix.parse(scene.extensions["audio"], scene: scene, sceneFile: file),
            loop: try LoopMode.parse(scene.extensions["loop"], sceneFile: file)
        )
    }

    /// The same settings as a quick preview: smaller, fewer frames, fastest encoder settings.
    public func previewing(_ preview: Preview = Preview()) -> RenderSettings {
        var copy = self
        copy.preview = preview
        copy.video = preview.encoding(from: video)
        return copy
    }

    /// The sound actually rendered: none when the output format holds no audio, and none in a
    /// frame range (sound is rendered once for the whole video and muxed at the join).
    var renderedAudio: AudioMix? { video.audio == nil || frames != nil ? nil : audio }
}
