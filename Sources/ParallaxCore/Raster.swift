/// An 8-bit image in memory: `channels` bytes per pixel (3 for RGB, 1 for gray), rows top down.
public struct Raster: Hashable, Sendable {
    public let width: Int
    public let height: Int
    public let channels: Int
    public var pixels: [UInt8]

    public init(width: Int, height: Int, channels: Int, pixels: [UInt8]) {
        precondition(pixels.count == width * height * channels, "pixel count does not match size")
        self.width = width
        self.height = height
        self.channels = channels
        self.pixels = pixels
    }

    public init(width: Int, height: Int, channels: Int, fill: UInt8 = 0) {
        self.init(width: width, height: height, channels: channels,
                  pixels: [UInt8](repeating: fill, count: width * height * channels))
    }

    @inlinable public func index(x: Int, y: Int) -> Int { (y * width + x) * channels }

    @inlinable public subscript(x: Int, y: Int, channel: Int) -> UInt8 {
        get { pixels[index(x: x, y: y) + channel] }
        set { pixels[index(x: x, y: y) + channel] = newValue }
    }
}
