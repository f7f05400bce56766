/// Pixel-by-pixel exemplar synthesis: for each hole pixel, in onion-peel order, find a source patch
/// whose known surroundings match the hole pixel's known surroundings and copy its centre pixel.
///
/// Candidates come from three places (after Ashikhmin and PatchMatch):
/// - coherence: continuing the source of every already-filled neighbour, so whole regions of
///   texture are copied together and stay crisp;
/// - random samples in a window around the pixel, drawn from the seeded generator;
/// - a local search around the best so far with a halving radius, which snaps structure
///   (a horizon, a ripple) into alignment.
/// A continuing (coherent) candidate about as good as the best one wins: breaking coherence where
/// a half-known patch is ambiguous would break structure (a stripe out of phase). Otherwise one
/// of the candidates about as good as the best is picked at random (seeded), so each new run of
/// copied texture starts somewhere different and the fill does not repeat one source verbatim.
struct PatchSynthesizer {
    let width: Int
    let height: Int
    let sources: SourcePatches
    /// Half the side of the square window that random candidates are drawn from.
    let searchRadius: Int
    /// Random candidates drawn per pixel.
    let randomSamples: Int
    /// Candidates whose distance is within this fraction of the best count as equally good.
    let tolerance: Double
    /// Squared error per compared pixel (summed over RGB) that still counts as a perfect match.
    let slackPerPixel: Int

    private static let maxCandidates = 64

    /// Synthesizes every pixel in `order` into `pixels` (RGB), marking it in `known`.
    /// `sourceOf` holds, per pixel, the flat index it was copied from (-1 if none); on a second
    /// call it seeds the search, which refines the first pass with full, two-sided patches.
    func pass(pixels: inout [UInt8], known: inout [UInt8], sourceOf: inout [Int32],
              order: [Int32], random: inout SeededRandom) {
        let w = width, h = height, r = sources.radius
        let lowX = r, highX = w - 1 - r, lowY = r, highY = h - 1 - r
        let windowRadius = max(1, searchRadius)
        let tolerance = self.tolerance, slack = slackPerPixel
        let randomSamples = self.randomSamples, maxCandidates = Self.maxCandidates
        var offsets = [Int](repeating: 0, count: (2 * r + 1) * (2 * r + 1))
        var candidateIndex = [Int](repeating: 0, count: maxCandidates)
        var candidateScore = [Int](repeating: 0, count: maxCandidates)
        var fallbackSources: [Int]? = nil
        let validFlags = sources.valid

        pixels.withUnsafeMutableBufferPointer { px in
        known.withUnsafeMutableBufferPointer { kn in
        validFlags.withUnsafeBufferPointer { ok in
        sourceOf.withUnsafeMutableBufferPointer { so in
        offsets.withUnsafeMutableBufferPointer { off in
        candidateIndex.withUnsafeMutableBufferPointer { ci in
        candidateScore.withUnsafeMutableBufferPointer { cs in
            for entry in order {
                let p = Int(entry), x = p % w, y = p / w

                // The known pixels of the target's patch, as offsets valid for any source centre.
                var n = 0
                for dy in -r...r {
                    let yy = y + dy
                    if yy < 0 || yy >= h { continue }
                    for dx in -r...r {
                        let xx = x + dx
                        if xx < 0 || xx >= w || (dx == 0 && dy == 0) { continue }
                        if kn[yy * w + xx] != 0 { off[n] = dy * w + dx; n += 1 }
                    }
                }
                let pixelCount = n

                var stored = 0
                var best = Int.max, bestIndex = -1
                var coherentBest = Int.max, coherentIndex = -1
                @inline(__always) func limit(_ score: Int) -> Int {
                    score + Int(Double(score) * tolerance) + pixelCount * slack
                }
                // Sum of squared RGB differences over the known offsets; stops early past `bound`.
                @inline(__always) func distance(_ s: Int, bound: Int) -> Int {
                    var sum = 0
                    var i = 0
                    while i < pixelCount {
                        let o = off[i]
                        let a = (p + o) * 3, b = (s + o) * 3
                        let d0 = Int(px[a]) - Int(px[b])
                        let d1 = Int(px[a + 1]) - Int(px[b + 1])
                        let d2 = Int(px[a + 2]) - Int(px[b + 2])
                        sum += d0 * d0 + d1 * d1 + d2 * d2
                        if sum > bound { return sum }
                        i += 1
                    }
                    return sum
                }
                @inline(__always) func consider(_ s: Int) {
                    for k in 0..<stored where ci[k] == s { return }
                    let bound = best == Int.max ? Int.max : limit(best)
                    let score = distance(s, bound: bound)
                    if score > bound { return }
                    if score < best { best = score; bestIndex = s }
                    if stored < maxCandidates { ci[stored] = s; cs[stored] = score; stored += 1 }
                }
                @inline(__always) func considerAt(_ sx: Int, _ sy: Int) {
                    let cx = min(max(sx, lowX), highX), cy = min(max(sy, lowY), highY)
                    let s = cy * w + cx
                    if ok[s] != 0 { consider(s) }
                }

                @inline(__always) func considerCoherent(_ s: Int) {
                    let bound = best == Int.max ? Int.max : limit(best)
                    let score = distance(s, bound: min(bound, coherentBest))
                    if score < coherentBest { coherentBest = score; coherentIndex = s }
                    if score > bound { return }
                    if score < best { best = score; bestIndex = s }
                }

                // 1. Keep the current source (refinement passes) and continue the neighbours' sources.
                if so[p] >= 0 { considerCoherent(Int(so[p])) }
                for dy in -1...1 {
                    let qy = y + dy
                    if qy < 0 || qy >= h { continue }
                    for dx in -1...1 {
                        let qx = x + dx
                        if qx < 0 || qx >= w || (dx == 0 && dy == 0) { continue }
                        let source = Int(so[qy * w + qx])
                        if source < 0 { continue }
                        let sx = source % w - dx, sy = source / w - dy
                        if sx >= lowX, sx <= highX, sy >= lowY, sy <= highY, ok[sy * w + sx] != 0 {
                            considerCoherent(sy * w + sx)
                        }
                    }
                }
                // 2. Random candidates near the pixel; widen the window if it holds no source.
                var radius = windowRadius
                while true {
                    for _ in 0..<randomSamples {
                        considerAt(x + random.offset(within: radius), y + random.offset(within: radius))
                    }
                    if bestIndex >= 0 || radius >= max(w, h) { break }
                    radius *= 2
                }
                if bestIndex < 0 {
                    // Sources exist but none was hit: draw from the full list.
                    if fallbackSources == nil {
                        fallbackSources = (0..<(w * h)).filter { ok[$0] != 0 }
                    }
                    let all = fallbackSources!
                    for _ in 0..<randomSamples { consider(all[random.below(all.count)]) }
                }
                // 3. Local search around the best, halving the radius.
                var localRadius = windowRadius / 2
                while localRadius >= 1, bestIndex >= 0 {
                    let bx = bestIndex % w, by = bestIndex / w
                    considerAt(bx + random.offset(within: localRadius), by + random.offset(within: localRadius))
                    localRadius /= 2
                }

                // Continue coherently if that is about as good as the best; else pick a near-best at random.
                let accept = limit(best)
                var eligible = 0
                for k in 0..<stored where cs[k] <= accept { eligible += 1 }
                var chosen = bestIndex
                if coherentIndex >= 0, coherentBest <= accept {
                    chosen = coherentIndex
                } else if eligible > 1 {
                    var pick = random.below(eligible)
                    for k in 0..<stored where cs[k] <= accept {
                        if pick == 0 { chosen = ci[k]; break }
                        pick -= 1
                    }
                }
                let target = p * 3, source = chosen * 3
                px[target] = px[source]
                px[target + 1] = px[source + 1]
                px[target + 2] = px[source + 2]
                kn[p] = 1
                so[p] = Int32(chosen)
            }
        }}}}}}}
    }
}
