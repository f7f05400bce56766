import Foundation

/// A separable Gaussian blur over a plane of weights, clamping at the plane's edges.
enum GaussianBlur {
    /// `radius` is the kernel's half-width in pixels; σ = radius / 2.
    static func apply(to plane: inout [Double], width: Int, height: Int, radius: Double) {
        let half = Int(radius.rounded(.up))
        guard half > 0, width > 0, height > 0 else { return }
        let sigma = max(radius / 2, 0.5)
        var kernel = (-half...half).map { exp(-Double($0 * $0) / (2 * sigma * sigma)) }
        let total = kernel.reduce(0, +)
        kernel = kernel.map { $0 / total }
        var temporary = plane
        for y in 0..<height {
            for x in 0..<width {
                var sum = 0.0
                for k in -half...half { sum += kernel[k + half] * plane[y * width + min(width - 1, max(0, x + k))] }
                temporary[y * width + x] = sum
            }
        }
        for y in 0..<height {
            for x in 0..<width {
                var sum = 0.0
                for k in -half...half { sum += kernel[k + half] * temporary[min(height - 1, max(0, y + k)) * width + x] }
                plane[y * width + x] = sum
            }
        }
    }
}
