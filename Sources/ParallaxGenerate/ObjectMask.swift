import Foundation
import ParallaxAV
import ParallaxCore

/// An object's mask read from its PNG: gray, the size of the image, white (≥ 128) where the
/// object is. Reading checks it once, so every consumer (scene building, the plan picture, the
/// step loop) gets a mask that fits the picture and holds an object.
public struct ObjectMask: Sendable {
    public let pixels: Raster
    /// The bounding box of the white pixels.
    public let box: PixelBox

    /// Reads `path` and checks it against a `width`×`height` image; `label` names the option or
    /// scene field the mask came from in errors.
    public init(path: String, width: Int, height: Int, label: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw SceneError(file: path, "no such file (\(label))") }
        let raster = try PNGImage.read(path, channels: 1)
        guard raster.width == width, raster.height == height else {
            throw SceneError(file: path, "mask is \(raster.width)x\(raster.height) but the image is \(width)x\(height) (\(label))")
        }
        guard let box = ObjectMask.boundingBox(raster) else {
            throw SceneError(file: path, "mask is empty: no white pixel marks the object (\(label))")
        }
        pixels = raster
        self.box = box
    }

    public func contains(x: Int, y: Int) -> Bool { pixels.pixels[y * pixels.width + x] >= 128 }

    /// The smallest box holding every white pixel, or nil when there is none.
    static func boundingBox(_ mask: Raster) -> PixelBox? {
        var minX = mask.width, minY = mask.height, maxX = -1, maxY = -1
        for y in 0..<mask.height {
            let row = y * mask.width * mask.channels
            for x in 0..<mask.width where mask.pixels[row + x * mask.channels] >= 128 {
                minX = min(minX, x); maxX = max(maxX, x)
                minY = min(minY, y); maxY = max(maxY, y)
            }
        }
        guard maxX >= 0 else { return nil }
        return PixelBox(x: minX, y: minY, width: maxX - minX + 1, height: maxY - minY + 1)
    }

    /// Reads the mask of a planned object (relative to the project folder) and checks that it
    /// still matches the box the scene recorded.
    public static func read(_ object: ObjectMotion, projectDirectory: String, width: Int, height: Int,
                            index: Int) throws -> ObjectMask {
        let path = Project.resolve(object.mask, against: projectDirectory)
        let mask = try ObjectMask(path: path, width: width, height: height, label: "objects[\(index)].mask")
        guard mask.box == object.box else {
            throw SceneError(file: path, "mask's bounding box \(mask.box.values) differs from the scene's objects[\(index)].box \(object.box.values); the mask changed after the scene was made")
        }
        return mask
    }
}
