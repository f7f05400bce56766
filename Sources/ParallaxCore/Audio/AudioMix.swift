/// The scene's sound: one track per layer that follows the layer's depth and motion, a bed
/// (music or ambience) under them, fades, and a master volume.
///
/// ```json
/// "audio": {
///   "layers": [
///     { "layer": "shore", "noise": "water" },
///     { "layer": "sky", "file": "wind.wav", "volume": 0.8 }
///   ],
///   "bed": { "file": "music.m4a", "volume": 0.4 },
///   "fadeIn": 1, "fadeOut": 2, "volume": 1
/// }
/// ```
public struct AudioMix: Hashable, Sendable {
    public struct LayerTrack: Hashable, Sendable {
        public var layer: Int
        public var source: SoundSource
        public var volume: Double
    }

    public struct Bed: Hashable, Sendable {
        public var source: SoundSource
        public var volume: Double
    }

    public var tracks: [LayerTrack]
    public var bed: Bed?
    public var fadeIn: Double
    public var fadeOut: Double
    public var volume: Double

    public init(tracks: [LayerTrack], bed: Bed? = nil, fadeIn: Double = 0, fadeOut: Double = 0, volume: Double = 1) {
        self.tracks = tracks
        self.bed = bed
        self.fadeIn = fadeIn
        self.fadeOut = fadeOut
        self.volume = volume
    }

    /// Reads the scene's `audio` key; nil when the scene has no sound.
    public static func parse(_ value: JSONValue?, scene: Scene, sceneFile: String) throws -> AudioMix? {
        guard let value, value != .null else { return nil }
        guard case .object(let object) = value else {
            throw SceneError(file: sceneFile, field: "audio", "expected an object, got \(value.kindName)")
        }
        let fields = FieldReader(file: sceneFile, path: "audio", object: object)
        try rejectUnknown(object, allowed: ["layers", "bed", "fadeIn", "fadeOut", "volume"], fields: fields)
        let directory = Project.directory(ofSceneFile: sceneFile)
        let trackValues = try fields.optional("layers") { value, fail -> [JSONValue] in
            guard case .array(let items) = value else { throw fail("expected a list of layer sounds, got \(value.kindName)") }
            return items
        } ?? []
        let tracks = try trackValues.enumerated().map { index, item -> LayerTrack in
            let path = "audio.layers[\(index)]"
            guard case .object(let object) = item else {
                throw SceneError(file: sceneFile, field: path, "expected an object, got \(item.kindName)")
            }
            let fields = FieldReader(file: sceneFile, path: path, object: object)
            try rejectUnknown(object, allowed: ["layer", "file", "noise", "volume"], fields: fields)
            let layer = try fields.require("layer") { value, fail -> Int in
                let name = try FieldReader.string(value, fail)
                guard let index = scene.layers.firstIndex(where: { $0.name == name }) else {
                    throw fail("no layer named \"\(name)\" (layers: \(scene.layers.map(\.name).joined(separator: ", ")))")
                }
                return index
            }
            return LayerTrack(layer: layer, source: try source(fields, directory: directory),
                              volume: try fields.optional("volume", gain) ?? 1)
        }
        let bed = try fields.optional("bed") { value, fail -> Bed in
            guard case .object(let object) = value else { throw fail("expected an object, got \(value.kindName)") }
            let fields = FieldReader(file: sceneFile, path: "audio.bed", object: object)
            try rejectUnknown(object, allowed: ["file", "noise", "volume"], fields: fields)
            return Bed(source: try source(fields, directory: directory), volume: try fields.optional("volume", gain) ?? 1)
        }
        guard !tracks.isEmpty || bed != nil else {
            throw SceneError(file: sceneFile, field: "audio", "give at least one layer sound or a bed")
        }
        return AudioMix(tracks: tracks, bed: bed,
                        fadeIn: try fields.optional("fadeIn", seconds) ?? 0,
                        fadeOut: try fields.optional("fadeOut", seconds) ?? 0,
                        volume: try fields.optional("volume", gain) ?? 1)
    }

    private static func source(_ fields: FieldReader, directory: String) throws -> SoundSource {
        let file = try fields.optional("file") { value, fail -> String in
            let path = Project.resolve(try FieldReader.string(value, fail), against: directory)
            if let problem = RegularFile.problem(path) { throw fail("\(problem): \(path)") }
            return path
        }
        let noise = try fields.optional("noise") { value, fail -> NoiseSound in
            guard case .string(let name) = value, let noise = NoiseSound(rawValue: name) else {
                throw fail("expected one of \(NoiseSound.allCases.map(\.rawValue).joined(separator: ", ")), got \(value.shortDescription)")
            }
            return noise
        }
        switch (file, noise) {
        case (let file?, nil): return .file(file)
        case (nil, let noise?): return .noise(noise)
        default:
            throw SceneError(file: fields.file, field: fields.path, "give exactly one of file or noise")
        }
    }

    private static func gain(_ value: JSONValue, _ fail: FieldReader.Fail) throws -> Double {
        let number = try FieldReader.number(value, fail)
        guard number >= 0, number <= 4 else { throw fail("must be between 0 and 4, got \(value.shortDescription)") }
        return number
    }

    private static func seconds(_ value: JSONValue, _ fail: FieldReader.Fail) throws -> Double {
        let number = try FieldReader.number(value, fail)
        guard number >= 0, number <= 3600 else { throw fail("must be between 0 and 3600 seconds, got \(value.shortDescription)") }
        return number
    }

    private static func rejectUnknown(_ object: [String: JSONValue], allowed: Set<String>, fields: FieldReader) throws {
        if let key = object.keys.sorted().first(where: { !allowed.contains($0) }) {
            throw SceneError(file: fields.file, field: fields.fieldName(key),
                             "unknown key (expected \(allowed.sorted().joined(separator: ", ")))")
        }
    }
}
