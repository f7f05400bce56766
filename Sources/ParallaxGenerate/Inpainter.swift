import Foundation
import ParallaxCore

/// Everything an inpainter may use to fill one step.
public struct InpaintRequest: Sendable {
    public let step: Int
    /// The per-step seed (``StepSeed``).
    public let seed: UInt64
    /// The shifted image, gaps black.
    public let image: Raster
    /// The processed mask (255 = unknown, must be filled; lower non-zero values = may be repainted).
    public let mask: Raster
    /// Where the mask is on disk (masks/NNNNNN.png), already written.
    public let maskPath: String
    /// A private folder for files the inpainter exchanges (input and output images).
    public let workDirectory: String
    public let plan: MotionPlan
    public let bands: [BandShift]
    public let prompt: String
    public let negativePrompt: String
    /// A depth map for the image, when the user gave one.
    public let depthPath: String?
    /// What the layers held before any fill, the size of `image`: for straight bands the input
    /// image (step 0, RGB); for a contour layer the input's pixels of that layer at step 0 (RGBA,
    /// alpha 0 where the layer was not, or an object covered it). The built-in fill's texture
    /// level never expects less detail than it holds (`TextureReference`).
    public let reference: Raster?
    /// Known pixels that show what lies behind the layer being filled, not the layer (gray, the
    /// size of `image`, non-zero): beyond a contour layer's edge, where the step loop has already
    /// drawn the edge's continuation through the gap. They give the edge its shape; the built-in
    /// fill takes no colour from them.
    public let behindLayer: Raster?

    public init(step: Int, seed: UInt64, image: Raster, mask: Raster, maskPath: String, workDirectory: String, plan: MotionPlan,
                bands: [BandShift], prompt: String = "", negativePrompt: String = "", depthPath: String? = nil,
                reference: Raster? = nil, behindLayer: Raster? = nil) {
        self.step = step
        self.seed = seed
        self.image = image
        self.mask = mask
        self.maskPath = maskPath
        self.workDirectory = workDirectory
        self.plan = plan
        self.bands = bands
        self.prompt = prompt
        self.negativePrompt = negativePrompt
        self.depthPath = depthPath
        self.reference = reference
        self.behindLayer = behindLayer
    }

    /// "top:height" for every layer, comma separated: the rows each band covers.
    public var layerRows: String {
        plan.layers.map { "\($0.top):\($0.height)" }.joined(separator: ",")
    }
}

/// Fills the masked pixels of one step. Implementations: ``BuiltinInpainter`` (in process),
/// ``CommandInpainter`` (one process per step), ``WorkerInpainter`` (one long-lived process).
public protocol Inpainter: AnyObject {
    /// A short name for the journal ("builtin", "command", "worker").
    var name: String { get }
    /// Returns the filled image; the step loop checks its size and pastes known pixels back.
    func inpaint(_ request: InpaintRequest) throws -> Raster
    /// Releases any process or resource; called once when the loop ends.
    func finish()
    /// How many calls of `inpaint` may run at once, from different threads: above 1, the contour
    /// loop fills the layers of that many steps at once (``StepLoop``). 1 by default: an external
    /// command or worker is called one request after another, in step order.
    var concurrentRequests: Int { get }
    /// Whether it takes no colour from the pixels a request marks as behind the layer
    /// (`InpaintRequest.behindLayer`). With `--edges follow` the contour loop then fills the layer
    /// under each followed edge a second time, from the layer alone. False by default: an external
    /// command is called once per layer and step.
    var readsBehindLayer: Bool { get }
}

extension Inpainter {
    public func finish() {}
    public var concurrentRequests: Int { 1 }
    public var readsBehindLayer: Bool { false }
}

/// An inpainter that failed: one line for the user.
public struct InpaintError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
