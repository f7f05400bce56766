/// Removes the colour step a copied fill can leave where it meets the known image.
///
/// Copying pixels keeps texture crisp, but the copied region may sit a little lighter or darker
/// than the pixels around the hole (a gradient whose exact colour exists nowhere else). For every
/// known pixel next to the hole, the mismatch is the known value minus the value the copy's source
/// predicts there (the pixel beside the source). A membrane (a harmonic function: Laplace's
/// equation, with the mismatches as boundary values and free image borders) spreads that mismatch
/// smoothly into the hole and is added to the copy. Texture is untouched; only its offset moves.
/// (Full Poisson guidance from per-pixel sources would integrate the incoherent gradients where
/// sources change, and drift across a one-sided strip; the membrane cannot drift.)
enum SeamBlend {
    /// Over-relaxation factor and sweep count for the Gauss–Seidel solve: hole strips are thin,
    /// so a few dozen sweeps carry the boundary mismatch across them.
    static let relaxation: Float = 1.8
    static let sweeps = 60
    /// The largest per-channel mismatch taken as a colour offset (levels) where the known image
    /// has an edge, and where it is smooth. At an edge a mismatch is mostly misaligned structure
    /// (an edge a pixel off): spreading it would smear the edge into the fill, and step after
    /// step one region would creep into the next. Where the image is smooth (a sky gradient) a
    /// mismatch is a true colour offset, up to the gradient times the source's distance.
    static let edgeMismatch: Float = 10
    static let smoothMismatch: Float = 64
    /// Largest difference (levels) from a known pixel to its known 4-neighbours that still counts as smooth.
    static let smoothContrast = 6

    static func apply(to pixels: inout [UInt8], original: [UInt8], sourceOf: [Int32],
                      hole: [Bool], order: [Int32], width: Int, height: Int, behind: [Bool]? = nil) {
        let count = order.count
        guard count > 0 else { return }
        let slotOf = MembraneRelaxation.slots(of: order, pixelCount: width * height)

        // Per hole pixel: its links (`MembraneRelaxation.links`) and summed boundary mismatch.
        var rhs = [Float](repeating: 0, count: count * 3)
        var value = [Float](repeating: 0, count: count * 3)  // the correction, starting at none
        let (neighbours, degree) = MembraneRelaxation.links(order: order, hole: hole, slotOf: slotOf, width: width,
                                                            height: height, behind: behind) { slot, p, q, dx, dy in
            let source = Int(sourceOf[p])
            guard !hole[q], source >= 0 else { return }
            // Known neighbour: its value minus what the source predicts for it, clamped harder
            // where the known image has an edge (per channel).
            let sx = source % width + dx, sy = source / width + dy
            guard sx >= 0, sx < width, sy >= 0, sy < height else { return }
            let predicted = sy * width + sx
            for c in 0..<3 {
                let mismatch = Float(original[q * 3 + c]) - Float(original[predicted * 3 + c])
                let limit = isSmooth(original, hole: hole, at: q, channel: c, width: width, height: height)
                    ? smoothMismatch : edgeMismatch
                rhs[slot * 3 + c] += min(max(mismatch, -limit), limit)
            }
        }

        MembraneRelaxation.relax(&value, neighbours: neighbours, degree: degree, fixed: rhs, sweeps: sweeps, omega: relaxation)
        MembraneRelaxation.add(value, to: &pixels, order: order)
    }

    /// Whether a known pixel differs from its known 4-neighbours by at most `smoothContrast` in a channel.
    private static func isSmooth(_ pixels: [UInt8], hole: [Bool], at q: Int, channel c: Int, width: Int, height: Int) -> Bool {
        let x = q % width, y = q / width
        let value = Int(pixels[q * 3 + c])
        for (dx, dy) in [(1, 0), (-1, 0), (0, 1), (0, -1)] {
            let nx = x + dx, ny = y + dy
            guard nx >= 0, nx < width, ny >= 0, ny < height, !hole[ny * width + nx] else { continue }
            if abs(Int(pixels[(ny * width + nx) * 3 + c]) - value) > smoothContrast { return false }
        }
        return true
    }
}
