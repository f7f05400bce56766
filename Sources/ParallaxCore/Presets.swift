/// The prototype's named layer depths, kept as relative speeds in its own order
/// (nearest fastest). See DESIGN.md on why these are speeds rather than its distances.
public enum LayerPreset: String, CaseIterable, Sendable {
    case foreground, background, cloud, horizon

    public var speed: Double {
        switch self {
        case .foreground: 1.0
        case .background: 0.8625
        case .cloud: 0.35
        case .horizon: 0.0625
        }
    }
}
