/// Takes out the jumps between neighbouring runs of a copy, and at the hole's border, where the
/// picture is smooth.
///
/// A fill is a mosaic of runs a few pixels long, each copied from its own source. Where two
/// neighbours come from unrelated sources the copy jumps by whatever their sources' colours
/// differ. Among texture a jump is one more edge; in a smooth part of the picture (a sky, a
/// defocused background, a wall) it is what the eye finds: blocky cells and horizontal streaks.
///
/// Each link between two hole pixels should differ as their sources say (the mean of what each
/// source has beside it in that direction); the copy's difference minus that is the link's jump,
/// zero inside a run. A jump up to `textureAllowance` times the copied texture's typical step
/// between neighbours is texture and stays; the rest counts in full where that typical step is
/// below `smoothBelow` levels, fading to nothing at `texturedFrom`. A screened Poisson solve
/// spreads what counts over a few pixels either side of the jump: the jump goes, the detail
/// stays, and the screening keeps the change local, so nothing drifts across a one-sided strip.
/// A link to a known pixel counts the same way, the known side's view being the step the image
/// takes beyond it: the colour correction moves a fill after the seam blend has matched its
/// border, and in a smooth part the step it leaves there is the line a viewer sees every step.
enum RunSeams {
    /// How strongly each pixel is held to the copy against its links: a jump is spread over
    /// about 1 / sqrt(screening) pixels either side.
    static let screening: Float = 1.0 / 16
    static let sweeps = 24
    static let relaxation: Float = 1.6
    /// Measured on the harness and on photos (docs/inpainters/builtin.md, round 18): with no
    /// smoothness gate, the jumps taken out of textured pictures lowered their texture and drew
    /// lines along x (harness repeats 18 → 25 over twelve seeds).
    static let textureAllowance: Float = 1
    /// At the border half as much is texture: the step between one step's fill and the next lies
    /// on one straight line, which the eye follows where it would miss the same jumps scattered.
    /// Measured: 1 left the landscape's step lines as visible as before (the seam ramp's test);
    /// 0 flattened brick (a slow band's gap is a few pixels wide, all of it near the border).
    static let borderAllowance: Float = 0.5
    static let smoothBelow: Float = 1.5
    static let texturedFrom: Float = 3
    /// Half the side of the box the typical step is averaged over, around each source.
    static let reach = 12

    /// Takes the jumps out of `pixels`, the fill once its colour is set; `original`, the image
    /// before the fill, is what the sources say. Pixels marked in `behind` (what lies behind the
    /// layer) are no border. Only hole pixels change.
    static func apply(to pixels: inout [UInt8], original: [UInt8], sourceOf: [Int32], hole: [Bool], order: [Int32],
                      width: Int, height: Int, behind: [Bool]? = nil) {
        let count = order.count
        guard count > 0 else { return }
        let typical = TypicalStep(original, hole: hole, width: width, height: height, reach: reach)
        let slotOf = MembraneRelaxation.slots(of: order, pixelCount: width * height)
        // The typical step around each hole pixel's source, read once (each pixel has up to four links).
        let sourceStep = order.map { sourceOf[Int($0)] >= 0 ? typical.at(Int(sourceOf[Int($0)])) : 0 }
        var jumps = [Float](repeating: 0, count: count * 3)
        var any = false
        @inline(__always) func inImage(_ x: Int, _ y: Int) -> Bool { x >= 0 && x < width && y >= 0 && y < height }
        let (neighbours, degree) = MembraneRelaxation.links(order: order, hole: hole, slotOf: slotOf, width: width,
                                                            height: height, behind: behind,
                                                            base: screening) { slot, p, q, dx, dy in
            let sp = Int(sourceOf[p])
            guard sp >= 0 else { return }
            let qx = q % width, qy = q / width
            // What p minus q should be: as p's source sees it, and as q's source does (a known
            // q is its own source: the step the known image takes beyond it).
            let sq = hole[q] ? Int(sourceOf[q]) : q
            // Inside a run (q continues p's source) the copy is exactly what the source says.
            guard sq >= 0, sq != sp + dy * width + dx else { return }
            let step = (sourceStep[slot] + (hole[q] ? sourceStep[Int(slotOf[q])] : typical.at(q))) / 2
            guard step < texturedFrom else { return }
            let weight = step <= smoothBelow ? 1 : (texturedFrom - step) / (texturedFrom - smoothBelow)
            let allowed = (hole[q] ? textureAllowance : borderAllowance) * step
            let besideP = inImage(sp % width + dx, sp / width + dy) ? sp + dy * width + dx : -1
            let besideQ: Int
            if hole[q] {
                besideQ = inImage(sq % width - dx, sq / width - dy) ? sq - dy * width - dx : -1
            } else {
                // Beside a known q towards p lies the hole: take the step beyond q instead,
                // unless that is the hole again or what lies behind the layer.
                let farther = q + dy * width + dx
                besideQ = inImage(qx + dx, qy + dy) && !hole[farther] && behind?[farther] != true ? farther : -1
            }
            for c in 0..<3 {
                var should: Float = 0, views: Float = 0
                if besideP >= 0 { should += Float(original[sp * 3 + c]) - Float(original[besideP * 3 + c]); views += 1 }
                if besideQ >= 0 {
                    should += hole[q] ? Float(original[besideQ * 3 + c]) - Float(original[sq * 3 + c])
                                      : Float(original[q * 3 + c]) - Float(original[besideQ * 3 + c])
                    views += 1
                }
                guard views > 0 else { continue }
                let jump = should / views - (Float(pixels[p * 3 + c]) - Float(pixels[q * 3 + c]))
                let beyond = jump > allowed ? jump - allowed : (jump < -allowed ? jump + allowed : 0)
                jumps[slot * 3 + c] += weight * beyond
                any = any || beyond != 0
            }
        }
        guard any else { return }
        var value = [Float](repeating: 0, count: count * 3)
        MembraneRelaxation.relax(&value, neighbours: neighbours, degree: degree, fixed: jumps, sweeps: sweeps,
                                 omega: relaxation)
        MembraneRelaxation.add(value, to: &pixels, order: order)
    }
}
