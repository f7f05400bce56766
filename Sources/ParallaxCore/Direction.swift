import Foundation

/// A direction of motion in degrees: 0 right, 90 up, 180 left, 270 down.
///
/// Screen y grows downward, so the unit vector in image coordinates is (cos θ, −sin θ).
public struct Direction: Hashable, Sendable {
    public let degrees: Double

    public init(degrees: Double) { self.degrees = degrees }

    public var unitVector: Vector {
        let radians = degrees * .pi / 180
        return Vector(x: Direction.snapped(cos(radians)), y: Direction.snapped(-sin(radians)))
    }

    /// Removes the 1e-16 residue of cos(90°) and friends, so axis-aligned motion stays on its axis.
    private static func snapped(_ value: Double) -> Double {
        if abs(value) < 1e-12 { return 0 }
        if abs(abs(value) - 1) < 1e-12 { return value < 0 ? -1 : 1 }
        return value
    }
}

/// A 2-D vector in image pixels (x right, y down).
public struct Vector: Hashable, Sendable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
    public static func * (scale: Double, vector: Vector) -> Vector {
        Vector(x: scale * vector.x, y: scale * vector.y)
    }
    public var length: Double { (x * x + y * y).squareRoot() }
    public var isZero: Bool { x == 0 && y == 0 }
}

/// An integer pixel offset.
public struct PixelOffset: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
    public static func - (a: PixelOffset, b: PixelOffset) -> PixelOffset {
        PixelOffset(x: a.x - b.x, y: a.y - b.y)
    }
}
