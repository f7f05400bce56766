import Foundation

/// The layer geometry as `parallax plan --json` prints it and the studio edits it: one
/// document per resolved plan. Velocity is in pixels per step (x right, y down); `top[x]` is the
/// first row of the layer in column x of the input image and `bottom[x]` one past its last row.
/// A straight band has the same `top` and `bottom` in every column.
public struct PlanDocument: Codable, Hashable, Sendable {
    public struct Layer: Codable, Hashable, Sendable {
        public var name: String
        public var speed: Double
        public var direction: Double
        public var velocity: [Double]
        public var top: [Int]
        public var bottom: [Int]
    }

    public struct Object: Codable, Hashable, Sendable {
        public var name: String
        public var speed: Double
        public var direction: Double
        public var velocity: [Double]
        /// The object's bounding box in the input image: x, y, width, height.
        public var box: [Int]
        /// The object's mask (white = object), relative to the scene file.
        public var mask: String
        /// Steps until the object has left the frame; absent for a still object.
        public var stepsNeeded: Int?
    }

    public var width: Int
    public var height: Int
    public var steps: Int
    public var stepShift: Double
    public var stepsPerSecond: Double
    public var fps: Double
    public var layers: [Layer]
    public var objects: [Object]

    public init(plan: MotionPlan) {
        width = plan.width
        height = plan.height
        steps = plan.steps
        stepShift = plan.stepShift
        stepsPerSecond = plan.stepsPerSecond.doubleValue
        fps = plan.fps.doubleValue
        layers = plan.layers.map { layer in
            Layer(name: layer.name, speed: layer.speed, direction: layer.direction.degrees,
                  velocity: [layer.velocity.x, layer.velocity.y],
                  top: layer.region.top, bottom: layer.region.bottom)
        }
        objects = plan.objects.map { object in
            Object(name: object.name, speed: object.speed, direction: object.direction.degrees,
                   velocity: [object.velocity.x, object.velocity.y], box: object.box.values,
                   mask: object.mask, stepsNeeded: object.stepsNeeded)
        }
    }

    /// Stable, human-diffable JSON (sorted keys).
    public func jsonText() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
