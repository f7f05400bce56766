import Foundation
import ParallaxAV
import ParallaxCore

/// Builds a scene for an image from command-line choices: explicit layers, or layers found from
/// a depth map (`autoLayers`) or segment masks, or the default presets.
public struct SceneBuilder: Sendable {
    public var layers: [LayerSpec]?
    public var direction: Double = 180
    public var stepShift: Double = 24
    public var stepsPerSecond: Rational = Rational(4)
    public var fps: Rational = Rational(30)
    public var steps: Int?
    public var depthMapPath: String?
    public var autoLayers: Int?
    public var layerMaskPaths: [String] = []
    /// Objects above the layers; their masks are measured here and copied by ProjectSetup.
    public var objects: [ObjectSpec] = []

    public init() {}

    public func build(imagePath: String, imageReference: String) throws -> Scene {
        let size = try PNGHeader.size(ofFile: imagePath)
        let depth = try depthMapPath.map { path -> Raster in
            guard FileManager.default.fileExists(atPath: path) else { throw SceneError(file: path, "no such file (--depth-map)") }
            return try PNGImage.read(path, channels: 1)
        }
        var specs: [LayerSpec]
        if let layers {
            guard autoLayers == nil, layerMaskPaths.isEmpty else {
                throw SceneError(file: "--layers", "give layers explicitly or with --auto-layers/--layer-masks, not both")
            }
            specs = layers
        } else if let autoLayers {
            guard let depth else { throw SceneError(file: "--auto-layers", "needs a --depth-map to find the boundaries") }
            guard autoLayers >= 1, autoLayers <= size.height / 4 else {
                throw SceneError(file: "--auto-layers", "must be between 1 and \(size.height / 4) for a \(size.height)-pixel image, got \(autoLayers)")
            }
            let profile = DepthLayers.rowProfile(depth, imageHeight: size.height)
            let boundaries = DepthLayers.autoBoundaries(profile: profile, count: autoLayers,
                                                        minimumHeight: max(2, size.height / (autoLayers * 3)))
            specs = SceneBuilder.specs(boundaries: boundaries, imageHeight: size.height)
        } else if !layerMaskPaths.isEmpty {
            var boundaries: [Int] = []
            for path in layerMaskPaths {
                guard FileManager.default.fileExists(atPath: path) else { throw SceneError(file: path, "no such file (--layer-masks)") }
                if let boundary = DepthLayers.maskBoundary(try PNGImage.read(path, channels: 1), imageHeight: size.height) {
                    boundaries.append(boundary)
                }
            }
            specs = SceneBuilder.specs(boundaries: Array(Set(boundaries)).sorted(), imageHeight: size.height)
            if depth == nil {
                // Without depth: higher in the picture is farther, so slower.
                for index in specs.indices { specs[index].depth = .speed(Double(index + 1) / Double(specs.count)) }
            }
        } else {
            specs = LayerSpec.defaults
        }
        let heights = try SceneBuilder.heights(of: specs, imageHeight: size.height)
        var layers: [Layer] = []
        var top = 0
        let medians = depth.map { map in
            DepthLayers.medianDepths(map, imageWidth: size.width, imageHeight: size.height,
                                     bands: heights.map { height -> Range<Int> in defer { top += height }; return top..<(top + height) })
        }
        for (index, spec) in specs.enumerated() {
            var depthValue = spec.depth ?? .speed(1)
            // A depth map sets every found layer's distance, and the explicit layers that give none.
            if let medians, self.layers == nil || spec.depth == nil {
                depthValue = .distance(DepthLayers.distance(medianDepth: medians[index]))
            }
            let isLast = index == specs.count - 1
            layers.append(Layer(name: spec.name, height: isLast ? nil : heights[index], depth: depthValue, direction: spec.direction))
        }
        return Scene(image: imageReference, direction: Direction(degrees: direction), stepShift: stepShift,
                     stepsPerSecond: stepsPerSecond, fps: fps, steps: steps, layers: layers,
                     objects: try SceneBuilder.sceneObjects(objects, width: size.width, height: size.height))
    }

    /// Each object with its mask checked against the image and its box measured, named by the
    /// path its mask gets inside the project.
    public static func sceneObjects(_ specs: [ObjectSpec], width: Int, height: Int) throws -> [SceneObject] {
        var objects: [SceneObject] = []
        for (index, spec) in specs.enumerated() {
            if objects.contains(where: { $0.name == spec.name }) {
                throw SceneError(file: "--object", field: spec.name, "names another object too")
            }
            let mask = try ObjectMask(path: spec.maskPath, width: width, height: height, label: "--object \(spec.name)")
            objects.append(SceneObject(name: spec.name, mask: spec.projectMaskPath(index: index), depth: spec.depth,
                                       direction: spec.direction, box: mask.box))
        }
        return objects
    }

    static func specs(boundaries: [Int], imageHeight: Int) -> [LayerSpec] {
        let edges = [0] + boundaries.filter { $0 > 0 && $0 < imageHeight } + [imageHeight]
        return (1..<edges.count).map { index in
            LayerSpec(name: "layer\(index)", height: index == edges.count - 1 ? .rest : .pixels(edges[index] - edges[index - 1]), depth: nil)
        }
    }

    /// Pixel heights; percentages round, and the last layer takes what is left.
    static func heights(of specs: [LayerSpec], imageHeight: Int) throws -> [Int] {
        var heights: [Int] = []
        for (index, spec) in specs.enumerated() {
            let isLast = index == specs.count - 1
            switch spec.height {
            case .pixels(let pixels): heights.append(pixels)
            case .percent(let percent): heights.append(isLast ? -1 : max(1, Int((Double(imageHeight) * percent / 100).rounded())))
            case .rest: heights.append(-1)
            }
        }
        let given = heights.filter { $0 > 0 }.reduce(0, +)
        if heights.last == -1 {
            guard given < imageHeight else {
                throw SceneError(file: "--layers", "heights sum to \(given), leaving no rows for the last layer of a \(imageHeight)-pixel image")
            }
            heights[heights.count - 1] = imageHeight - given
        } else if given != imageHeight {
            throw SceneError(file: "--layers", "heights sum to \(given) but the image is \(imageHeight) pixels high")
        }
        return heights
    }
}
