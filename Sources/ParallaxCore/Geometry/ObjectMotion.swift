/// An object with its motion resolved against the image: it starts in `box` and moves by
/// round(k·v) after k steps, like a layer, until it has left the frame.
public struct ObjectMotion: Hashable, Sendable {
    public let name: String
    /// The mask, relative to the scene file (resolve it against the project folder).
    public let mask: String
    /// Where the object lies in the input image.
    public let box: PixelBox
    public let speed: Double
    public let direction: Direction
    /// Pixels per step: speed × stepShift × unit(direction).
    public let velocity: Vector
    /// Steps until the whole box is outside the frame; nil for a still object.
    public let stepsNeeded: Int?

    public var isMoving: Bool { !velocity.isZero }

    public init(name: String, mask: String, box: PixelBox, speed: Double, direction: Direction,
                velocity: Vector, imageWidth: Int, imageHeight: Int) {
        self.name = name
        self.mask = mask
        self.box = box
        self.speed = speed
        self.direction = direction
        self.velocity = velocity
        stepsNeeded = ObjectMotion.stepsToLeave(box: box, velocity: velocity,
                                                width: imageWidth, height: imageHeight)
    }

    /// Total integer shift after k steps: round(k·v), the same rule as a layer's.
    public func offset(afterSteps step: Int) -> PixelOffset {
        offset(atStepTime: Double(step))
    }

    public func offset(atStepTime time: Double) -> PixelOffset {
        PixelOffset(x: Int((time * velocity.x).rounded()), y: Int((time * velocity.y).rounded()))
    }

    /// The box after k steps (may lie partly or wholly outside the frame).
    public func box(afterSteps step: Int) -> PixelBox {
        let offset = offset(afterSteps: step)
        return PixelBox(x: box.x + offset.x, y: box.y + offset.y, width: box.width, height: box.height)
    }

    /// The first step count at which no pixel of the box is inside the frame: the smaller of
    /// the times to cross the frame's edge along x and along y.
    static func stepsToLeave(box: PixelBox, velocity: Vector, width: Int, height: Int) -> Int? {
        var times: [Double] = []
        if velocity.x < 0 { times.append(Double(box.maxX) / -velocity.x) }
        if velocity.x > 0 { times.append(Double(width - box.x) / velocity.x) }
        if velocity.y < 0 { times.append(Double(box.maxY) / -velocity.y) }
        if velocity.y > 0 { times.append(Double(height - box.y) / velocity.y) }
        guard let time = times.min() else { return nil }
        // Clamped before the conversion: a crawling object must not trap (the plan refuses it).
        return Int(min((time - 1e-9).rounded(.up), 1e15))
    }
}
