/// The scene file's contents: how an image is cut into layers and how they move.
///
/// This is the contract every command shares (see docs/scene.md). It says nothing about pixels;
/// ``MotionPlan`` combines it with the image size.
public struct Scene: Hashable, Sendable {
    /// Input image, relative to the scene file. Optional for `render`, which reads steps/.
    public var image: String?
    public var direction: Direction
    /// Pixels the fastest layer moves per step.
    public var stepShift: Double
    public var stepsPerSecond: Rational
    public var fps: Rational
    /// Caps or sets the step count; nil means "until the original image is gone".
    public var steps: Int?
    public var layers: [Layer]
    /// Segmented objects moving above the layers, drawn in this order (later on top).
    public var objects: [SceneObject]
    /// Keys outside the core contract (render settings, effects, sound), kept as parsed JSON
    /// for the modules that own them.
    public var extensions: [String: JSONValue]

    public init(image: String? = nil, direction: Direction = Direction(degrees: 180), stepShift: Double = 24,
                stepsPerSecond: Rational = Rational(4), fps: Rational = Rational(30), steps: Int? = nil,
                layers: [Layer], objects: [SceneObject] = [], extensions: [String: JSONValue] = [:]) {
        self.image = image
        self.direction = direction
        self.stepShift = stepShift
        self.stepsPerSecond = stepsPerSecond
        self.fps = fps
        self.steps = steps
        self.layers = layers
        self.objects = objects
        self.extensions = extensions
    }
}

/// One horizontal band of the image.
public struct Layer: Hashable, Sendable {
    public var name: String
    /// Rows from the previous layer's bottom; nil only for the last layer (the rest of the image).
    public var height: Int?
    public var depth: Depth
    /// Overrides the scene's direction for this layer.
    public var direction: Direction?
    /// A contour boundary: this layer's first row in every column of the image (`top[x]`), so
    /// the edge above it follows the picture. Nil for a straight band (rows from `height`).
    /// The first layer never has one (it starts at row 0).
    public var boundary: [Int]?

    public init(name: String, height: Int?, depth: Depth, direction: Direction? = nil, boundary: [Int]? = nil) {
        self.name = name
        self.height = height
        self.depth = depth
        self.direction = direction
        self.boundary = boundary
    }
}

/// How far away a layer is, which sets its speed.
public enum Depth: Hashable, Sendable {
    /// Any consistent unit; speed = nearest distance / distance.
    case distance(Double)
    /// Relative speed, 0 (still) to 1 (moves stepShift pixels per step).
    case speed(Double)
    case preset(LayerPreset)
}
