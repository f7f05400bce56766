import Foundation

/// A project folder's step images: `steps/000000.png` is the input image, step k the frame
/// after k steps.
public struct StepFolder: Sendable {
    public let projectDirectory: String
    public static let digits = 6

    public init(projectDirectory: String) {
        self.projectDirectory = projectDirectory
    }

    public var stepsDirectory: String { (projectDirectory as NSString).appendingPathComponent("steps") }
    public var masksDirectory: String { (projectDirectory as NSString).appendingPathComponent("masks") }

    public static func fileName(step: Int) -> String {
        let number = String(step)
        return String(repeating: "0", count: max(0, digits - number.count)) + number + ".png"
    }

    public func stepPath(_ step: Int) -> String {
        (stepsDirectory as NSString).appendingPathComponent(StepFolder.fileName(step: step))
    }

    public func maskPath(_ step: Int) -> String {
        (masksDirectory as NSString).appendingPathComponent(StepFolder.fileName(step: step))
    }

    /// Per-layer pictures of a contour scene: `layers/NN/kkkkkk.png`, layer NN's strip at step k
    /// (RGBA; alpha = where the layer is). See docs/step-folder.md.
    public var layersDirectory: String { (projectDirectory as NSString).appendingPathComponent("layers") }

    public func layerDirectory(_ layer: Int) -> String {
        let number = String(layer)
        return (layersDirectory as NSString).appendingPathComponent(String(repeating: "0", count: max(0, 2 - number.count)) + number)
    }

    public func stripPath(layer: Int, step: Int) -> String {
        (layerDirectory(layer) as NSString).appendingPathComponent(StepFolder.fileName(step: step))
    }

    /// A layer's draft at step k (`layers/NN/draft/kkkkkk.png`), kept only for a layer whose
    /// shown strip was filled again under its followed edges: the strip as the first fill and the
    /// edge follow left it, which the next step's fill and follow read. See docs/step-folder.md.
    public func draftStripPath(layer: Int, step: Int) -> String {
        ((layerDirectory(layer) as NSString).appendingPathComponent("draft") as NSString)
            .appendingPathComponent(StepFolder.fileName(step: step))
    }

    /// An object's picture: its box cut from the input, alpha = its mask (`layers/objects/NN.png`).
    public func objectPicturePath(_ object: Int) -> String {
        let number = String(object)
        let name = String(repeating: "0", count: max(0, 2 - number.count)) + number + ".png"
        return ((layersDirectory as NSString).appendingPathComponent("objects") as NSString).appendingPathComponent(name)
    }

    /// The same path as an image2 filename (`%` doubled).
    public func objectPictureFilename(_ object: Int) -> String {
        URL(fileURLWithPath: objectPicturePath(object)).standardizedFileURL.path.replacingOccurrences(of: "%", with: "%%")
    }

    /// The image2 pattern of one layer's strips (`%` in folder names doubled).
    public func stripSequencePattern(layer: Int) -> String {
        let directory = URL(fileURLWithPath: layerDirectory(layer)).standardizedFileURL.path
        return directory.replacingOccurrences(of: "%", with: "%%") + "/%0\(StepFolder.digits)d.png"
    }

    /// Checks that every layer of a contour scene has its strips for steps 0...steps, each as
    /// wide as the image and as high as the layer's strip; throws the first problem.
    public func validateStrips(_ layout: StripLayout, objects: [ObjectMotion], steps: Int, width: Int) throws {
        guard !layout.isStacked else { return }
        for (index, object) in objects.enumerated() {
            let path = objectPicturePath(index)
            guard FileManager.default.fileExists(atPath: path) else {
                throw SceneError(file: path, "missing: object \(object.name) renders from its picture, which generate writes")
            }
            let size = try PNGHeader.size(ofFile: path)
            guard size.width == object.box.width, size.height == object.box.height else {
                throw SceneError(file: path, "is \(size.width)x\(size.height) but object \(object.name)'s box is "
                                 + "\(object.box.width)x\(object.box.height)")
            }
        }
        for strip in layout.strips {
            for step in 0...steps {
                let path = stripPath(layer: strip.layerIndex, step: step)
                guard FileManager.default.fileExists(atPath: path) else {
                    throw SceneError(file: path, "missing: a scene with contour layers renders from each layer's strips "
                                     + "(layers/NN/), which generate writes")
                }
                let size = try PNGHeader.size(ofFile: path)
                guard size.width == width, size.height == strip.rows.count else {
                    throw SceneError(file: path, "is \(size.width)x\(size.height) but layer \(strip.layerIndex)'s strip is "
                                     + "\(width)x\(strip.rows.count)")
                }
                try PNGHeader.checkComplete(ofFile: path)
            }
        }
    }

    /// The image2 demuxer pattern for the step files, with `%` in the folder's own name doubled
    /// so libavformat reads it literally.
    public var imageSequencePattern: String {
        let directory = (URL(fileURLWithPath: stepsDirectory).standardizedFileURL.path)
        return directory.replacingOccurrences(of: "%", with: "%%") + "/%0\(StepFolder.digits)d.png"
    }

    /// The number of consecutive steps present from step 0 (so k images means steps 0..<k).
    public func consecutiveStepCount() -> Int {
        var count = 0
        while FileManager.default.fileExists(atPath: stepPath(count)) { count += 1 }
        return count
    }

    /// Checks that steps 0...steps exist and are whole PNGs of `width`×`height` (``PNGStructure``:
    /// chunk headers only, no decoding); throws the first problem.
    public func validate(steps: Int, width: Int, height: Int) throws {
        for step in 0...steps {
            let path = stepPath(step)
            guard FileManager.default.fileExists(atPath: path) else {
                throw SceneError(file: path, "missing (the scene needs steps 0 to \(steps); found \(consecutiveStepCount()))")
            }
            let size = try PNGHeader.size(ofFile: path)
            guard size.width == width, size.height == height else {
                throw SceneError(file: path, "is \(size.width)x\(size.height) but step 0 is \(width)x\(height)")
            }
            try PNGStructure.check(ofFile: path)
        }
    }
}

/// Reads a PNG's size from its header without decoding it.
public enum PNGHeader {
    /// Also refuses pictures over ``PixelLimit`` and anything that is not a regular file.
    public static func size(ofFile path: String) throws -> (width: Int, height: Int) {
        try RegularFile.check(path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SceneError(file: path, "cannot be read")
        }
        defer { try? handle.close() }
        let header = [UInt8](handle.readData(ofLength: 24))
        let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        guard header.count == 24, Array(header[0..<8]) == signature, Array(header[12..<16]) == Array("IHDR".utf8) else {
            throw SceneError(file: path, "is not a PNG image")
        }
        func bigEndian(_ offset: Int) -> Int {
            header[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
        }
        let width = bigEndian(16), height = bigEndian(20)
        guard width > 0, height > 0 else { throw SceneError(file: path, "has an empty size") }
        try PixelLimit.check(width: width, height: height, path: path)
        return (width, height)
    }

    /// Checks that the file ends with PNG's IEND chunk: a cut-off copy or an interrupted write
    /// otherwise passes the header check and fails only deep inside a render, without a name.
    /// Reads the last bytes only, so checking a long step folder stays cheap.
    public static func checkComplete(ofFile path: String) throws {
        try RegularFile.check(path)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw SceneError(file: path, "cannot be read")
        }
        defer { try? handle.close() }
        let length = (try? handle.seekToEnd()) ?? 0
        // Some tools append a few bytes after IEND; look for it near the end, not at the very end.
        let tail = min(length, 1024)
        try? handle.seek(toOffset: length - tail)
        let bytes = [UInt8](handle.readData(ofLength: Int(tail)))
        let marker = Array("IEND".utf8)
        let found = bytes.count >= marker.count
            && (0...(bytes.count - marker.count)).contains { Array(bytes[$0..<($0 + marker.count)]) == marker }
        guard found else { throw SceneError(file: path, "is cut off (no PNG end marker); the file is incomplete") }
    }
}
