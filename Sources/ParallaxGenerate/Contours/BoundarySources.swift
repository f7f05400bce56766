import Foundation
import ParallaxAV
import ParallaxCore

/// Where contour boundaries come from: segment masks, a depth map, or the picture itself.
/// Each gives one row per column (the lower layer's top row) for every boundary.
enum BoundarySources {
    /// Boundaries along the picture's own edges (skyline, ridge, shore) near `rows`.
    static func picture(_ image: Raster, near rows: [Int]) -> [[Int]] {
        CoarseToFine.boundaries(image, near: rows)
    }

    /// Boundaries along the depth map's strongest jumps near `rows`; a map of another size is
    /// sampled to the image's.
    static func depth(_ depth: Raster, near rows: [Int], width: Int, height: Int) -> [[Int]] {
        var sampled = Raster(width: width, height: height, channels: 1)
        for y in 0..<height {
            let depthY = min(depth.height - 1, y * depth.height / height)
            for x in 0..<width {
                let depthX = min(depth.width - 1, x * depth.width / width)
                sampled.pixels[y * width + x] = depth.pixels[(depthY * depth.width + depthX) * depth.channels]
            }
        }
        return CoarseToFine.boundaries(sampled, near: rows, blurRadius: 1)
    }

    /// One boundary per mask (its segment's lower edge), top to bottom; every mask must be the
    /// image's size.
    static func masks(_ paths: [String], width: Int, height: Int, option: String) throws -> [[Int]] {
        var masks: [(raster: Raster, file: String)] = []
        for path in paths {
            guard FileManager.default.fileExists(atPath: path) else { throw SceneError(file: path, "no such file (\(option))") }
            let raster = try PNGImage.read(path, channels: 1)
            guard raster.width == width, raster.height == height else {
                throw SceneError(file: path, "mask is \(raster.width)x\(raster.height) but the image is \(width)x\(height) (\(option))")
            }
            masks.append((raster, path))
        }
        return try MaskEdge.boundaries(masks, option: option)
    }

    /// The straight row that stands for a curve in the layer heights: its median.
    static func representativeRow(_ boundary: [Int]) -> Int { MaskEdge.median(boundary) }
}
