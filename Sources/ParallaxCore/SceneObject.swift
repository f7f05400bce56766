/// A segmented object (a tree, a spire, a boat) that moves whole at its own speed above the
/// layers and is never cut by a boundary.
///
/// The mask is a PNG the size of the image, white where the object is. `box` is the mask's
/// bounding box, measured once when the object is added (by `init`/`create` or any tool that
/// reads the mask) and kept in the scene like a contour's rows, so the plan stays pure geometry
/// and commands that only plan never decode a PNG.
public struct SceneObject: Hashable, Sendable {
    public var name: String
    /// The mask, relative to the scene file.
    public var mask: String
    public var depth: Depth
    /// Overrides the scene's direction for this object.
    public var direction: Direction?
    /// The mask's bounding box in the input image; nil until measured.
    public var box: PixelBox?

    public init(name: String, mask: String, depth: Depth, direction: Direction? = nil, box: PixelBox? = nil) {
        self.name = name
        self.mask = mask
        self.depth = depth
        self.direction = direction
        self.box = box
    }
}
