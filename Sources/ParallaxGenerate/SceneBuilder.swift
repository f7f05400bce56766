import Foundation
import ParallaxAV
import ParallaxCore

/// Builds a scene for an image from command-line choices: explicit layers, or layers found from
/// a depth map (`autoLayers`) or segment masks, or the default presets. Found and default layers
/// follow the picture (contour boundaries) unless `straight` is set; explicit rows stay straight.
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
    /// Keep straight rows where masks, a depth map or the picture would give curves.
    public var straight = false
    /// Let explicit layers' boundaries follow the picture's edges near their rows too.
    public var followEdges = false

    public init() {}

    public func build(imagePath: String, imageReference: String) throws -> Scene {
        let size = try PNGHeader.size(ofFile: imagePath)
        let depth = try depthMapPath.map { path -> Raster in
            guard FileManager.default.fileExists(atPath: path) else { throw SceneError(file: path, "no such file (--depth-map)") }
            return try PNGImage.read(path, channels: 1)
        }
        var specs: [LayerSpec]
        // Contour boundaries, one per layer after the first, when the layers follow the picture.
        var contours: [[Int]]?
        if let layers {
            guard autoLayers == nil, layerMaskPaths.isEmpty else {
                throw SceneError(file: "--layers", "give layers explicitly or with --auto-layers/--layer-masks, not both")
            }
            specs = layers
            if followEdges {
                contours = try SceneBuilder.followPicture(&specs, imagePath: imagePath, imageHeight: size.height)
            }
        } else if let autoLayers {
            guard let depth else { throw SceneError(file: "--auto-layers", "needs a --depth-map to find the boundaries") }
            guard autoLayers >= 1, autoLayers <= size.height / 4 else {
                throw SceneError(file: "--auto-layers", "must be between 1 and \(size.height / 4) for a \(size.height)-pixel image, got \(autoLayers)")
            }
            let profile = DepthLayers.rowProfile(depth, imageHeight: size.height)
            let rows = DepthLayers.autoBoundaries(profile: profile, count: autoLayers,
                                                  minimumHeight: max(2, size.height / (autoLayers * 3)))
            specs = SceneBuilder.specs(boundaries: rows, imageHeight: size.height)
            if !straight, !rows.isEmpty {
                contours = BoundarySources.depth(depth, near: rows, width: size.width, height: size.height)
            }
        } else if !layerMaskPaths.isEmpty {
            if straight {
                var boundaries: [Int] = []
                for path in layerMaskPaths {
                    guard FileManager.default.fileExists(atPath: path) else { throw SceneError(file: path, "no such file (--layer-masks)") }
                    let mask = try PNGImage.read(path, channels: 1)
                    guard mask.width == size.width, mask.height == size.height else {
                        throw SceneError(file: path, "mask is \(mask.width)x\(mask.height) but the image is \(size.width)x\(size.height) (--layer-masks)")
                    }
                    if let boundary = DepthLayers.maskBoundary(mask, imageHeight: size.height) {
                        boundaries.append(boundary)
                    }
                }
                specs = SceneBuilder.specs(boundaries: Array(Set(boundaries)).sorted(), imageHeight: size.height)
            } else {
                let found = try BoundarySources.masks(layerMaskPaths, width: size.width, height: size.height,
                                                      option: "--layer-masks")
                contours = found
                specs = SceneBuilder.specs(boundaries: found.map(BoundarySources.representativeRow), imageHeight: size.height)
            }
            if depth == nil {
                // Without depth: higher in the picture is farther, so slower.
                for index in specs.indices { specs[index].depth = .speed(Double(index + 1) / Double(specs.count)) }
            }
        } else {
            specs = LayerSpec.defaults
            guard size.height >= specs.count else {
                throw SceneError(file: imagePath, "is \(size.height) pixels high; the \(specs.count) default layers need at least \(specs.count) rows (give --layers)")
            }
            // Contour strips slide left or right only (the renderer's rule): other directions
            // keep straight rows.
            if !straight && Direction(degrees: direction).unitVector.y == 0 {
                contours = try SceneBuilder.followPicture(&specs, imagePath: imagePath, imageHeight: size.height)
            }
        }
        let heights = try SceneBuilder.heights(of: specs, imageHeight: size.height)
        let regions = SceneBuilder.regions(heights: heights, contours: contours, width: size.width, height: size.height)
        let medians = depth.map { DepthLayers.medianDepths($0, imageWidth: size.width, imageHeight: size.height, regions: regions) }
        var layers: [Layer] = []
        for (index, spec) in specs.enumerated() {
            var depthValue = spec.depth ?? .speed(1)
            // A depth map sets every found layer's distance, and the explicit layers that give none.
            if let medians, self.layers == nil || spec.depth == nil {
                depthValue = .distance(DepthLayers.distance(medianDepth: medians[index]))
            }
            let isLast = index == specs.count - 1
            layers.append(Layer(name: spec.name, height: isLast ? nil : heights[index], depth: depthValue,
                                direction: spec.direction, boundary: index > 0 ? contours?[index - 1] : nil))
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

    /// Curves along the picture's edges near the specs' rows; each spec's height becomes the
    /// distance between its curves' median rows.
    static func followPicture(_ specs: inout [LayerSpec], imagePath: String, imageHeight: Int) throws -> [[Int]] {
        let rows = try heights(of: specs, imageHeight: imageHeight).dropLast()
            .reduce(into: [Int]()) { rows, height in rows.append((rows.last ?? 0) + height) }
        guard !rows.isEmpty else { return [] }
        let found = BoundarySources.picture(try PNGImage.read(imagePath, channels: 3), near: rows)
        let edges = [0] + found.map(BoundarySources.representativeRow)
        for index in specs.indices.dropLast() { specs[index].height = .pixels(edges[index + 1] - edges[index]) }
        return found
    }

    /// Each layer's rows per column: between consecutive contours, or straight from the heights.
    static func regions(heights: [Int], contours: [[Int]]?, width: Int, height: Int) -> [LayerRegion] {
        var tops: [[Int]] = []
        var row = 0
        for (index, layerHeight) in heights.enumerated() {
            tops.append(index > 0 ? contours?[index - 1] ?? Array(repeating: row, count: width) : Array(repeating: 0, count: width))
            row += layerHeight
        }
        return tops.indices.map { index in
            LayerRegion(top: tops[index], bottom: index + 1 < tops.count ? tops[index + 1] : Array(repeating: height, count: width))
        }
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
