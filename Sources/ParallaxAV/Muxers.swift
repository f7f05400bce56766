import CParallaxAV

/// The containers the linked FFmpeg can write.
public enum Muxers {
    public static func exists(named name: String) -> Bool { pav_muxer_exists(name) != 0 }

    /// Whether FFmpeg chooses a container from this file name's extension by itself.
    public static func knowsExtension(of path: String) -> Bool { pav_muxer_for_file(path) != 0 }
}
