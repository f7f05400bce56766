/// A rectangle of whole pixels in the input image: columns x..<x+width, rows y..<y+height.
public struct PixelBox: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }

    /// True when every pixel of the box lies inside a `width`×`height` image.
    public func fits(width imageWidth: Int, height imageHeight: Int) -> Bool {
        !isEmpty && x >= 0 && y >= 0 && maxX <= imageWidth && maxY <= imageHeight
    }

    /// `[x, y, width, height]`, the form scene.json and plan --json use.
    public var values: [Int] { [x, y, width, height] }

    public var description: String { "\(width)x\(height) at (\(x), \(y))" }
}
