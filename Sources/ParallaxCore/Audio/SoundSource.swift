/// Where a track's sound comes from: a file (looped to the video's length) or generated noise.
public enum SoundSource: Hashable, Sendable {
    /// An audio (or video) file; the path is absolute once read from the scene.
    case file(String)
    case noise(NoiseSound)
}

/// Generated sounds: plain noise colours, and noise shaped like wind, water or rain.
public enum NoiseSound: String, CaseIterable, Hashable, Sendable {
    case white, pink, brown
    /// Brown noise, low-passed, with a slow swell.
    case wind
    /// Pink noise, band-passed around a babbling mid range, with a quick shimmer.
    case water
    /// White noise, high-passed: a steady hiss of drops.
    case rain

    /// anoisesrc's colour for this sound.
    var color: String {
        switch self {
        case .white, .rain: "white"
        case .pink, .water: "pink"
        case .brown, .wind: "brown"
        }
    }

    /// The filters that shape the raw noise.
    var shaping: [Filter] {
        switch self {
        case .white, .pink, .brown: []
        case .wind: [Filter("lowpass", ["frequency": 500]), Filter("tremolo", ["f": 0.2, "d": 0.6])]
        case .water: [Filter("bandpass", ["frequency": 900, "width_type": "o", "width": 2]),
                      Filter("tremolo", ["f": 3, "d": 0.3])]
        case .rain: [Filter("highpass", ["frequency": 1500])]
        }
    }
}

import FilterGraph
