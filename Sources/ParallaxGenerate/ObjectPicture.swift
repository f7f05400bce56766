import ParallaxCore

/// An object as the step loop and the render draw it: its box cut from the input, with its mask
/// as alpha. It never changes: the object moves whole, at its own speed, above the layers.
public struct ObjectPicture: Sendable {
    public let motion: ObjectMotion
    /// RGBA, the size of the object's box.
    public let pixels: Raster

    public init(motion: ObjectMotion, pixels: Raster) {
        precondition(pixels.channels == 4 && pixels.width == motion.box.width && pixels.height == motion.box.height)
        self.motion = motion
        self.pixels = pixels
    }

    /// Cuts the object out of the input image.
    public static func cut(_ motion: ObjectMotion, mask: ObjectMask, from image: Raster) -> ObjectPicture {
        let box = motion.box
        var pixels = Raster(width: box.width, height: box.height, channels: 4)
        for row in 0..<box.height {
            for column in 0..<box.width {
                let source = image.index(x: box.x + column, y: box.y + row), target = pixels.index(x: column, y: row)
                for channel in 0..<3 { pixels.pixels[target + channel] = image.pixels[source + channel] }
                pixels.pixels[target + 3] = mask.pixels[box.x + column, box.y + row, 0]
            }
        }
        return ObjectPicture(motion: motion, pixels: pixels)
    }

    /// Where the object is drawn after `step` steps.
    public func corner(afterSteps step: Int) -> (x: Int, y: Int) {
        let offset = motion.offset(afterSteps: step)
        return (motion.box.x + offset.x, motion.box.y + offset.y)
    }

    /// Frame pixels the objects cover in the input, grown by one pixel so no trace of an
    /// object's edge stays in the layers behind it: what step 0 fills in every layer.
    public static func coverage(_ masks: [ObjectMask], width: Int, height: Int) -> [Bool] {
        var covered = [Bool](repeating: false, count: width * height)
        for mask in masks {
            let box = mask.box
            for y in max(0, box.y - 1)..<min(height, box.maxY + 1) {
                for x in max(0, box.x - 1)..<min(width, box.maxX + 1) {
                    let near = (max(0, y - 1)...min(height - 1, y + 1)).contains { row in
                        (max(0, x - 1)...min(width - 1, x + 1)).contains { mask.pixels.pixels[row * width + $0] > 0 }
                    }
                    if near { covered[y * width + x] = true }
                }
            }
        }
        return covered
    }
}
