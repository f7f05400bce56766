/// Pixel-by-pixel exemplar synthesis: for each hole pixel, in onion-peel order, find a source patch
/// whose known surroundings match the hole pixel's known surroundings and copy its centre pixel.
///
/// Candidates come from three places (after Ashikhmin and PatchMatch):
/// - coherence: continuing the source of every already-filled neighbour, so whole regions of
///   texture are copied together and stay crisp;
/// - random samples in a window around the pixel, drawn from the seeded generator;
/// - a local search around the best so far with a halving radius, which snaps structure
///   (a horizon, a ripple) into alignment.
///
/// A continuing candidate about as good as the best one wins: breaking coherence where a
/// half-known patch is ambiguous would break structure (a stripe out of phase). Where no
/// continuation is good enough, a new run of copied texture starts, at one of the k best
/// candidates picked at random (seeded), so each run starts somewhere different.
struct PatchSynthesizer {
    let width: Int
    let height: Int
    let sources: SourcePatches
    /// Half the side of the square window that random candidates are drawn from.
    let searchRadius: Int
    /// Sources nearer than this in both x and y are skipped by the search (not by continuation):
    /// copying from right beside the hole repeats its edge column after column, a visible smear.
    let minimumOffset: Int
    /// Random candidates drawn per pixel.
    let randomSamples: Int
    /// A continuation within this fraction of the best distance (plus the slack) is kept.
    let tolerance: Double
    /// Squared error per compared pixel (summed over RGB) that still counts as a perfect match.
    let slackPerPixel: Int
    /// Extra cost per compared pixel and per row of vertical offset between a pixel and its
    /// source. Layers are horizontal bands: a source on the same rows keeps sky with sky and
    /// grass with grass, and a constant vertical offset would make structure creep up or down
    /// from step to step.
    let rowOffsetCost: Int
    /// Per column, the row of the layer's top edge (a contour layer's strip), or nil: rows are
    /// then compared by their depth below the edge, so a hill's crest is copied from crests.
    let edgeRows: [Int32]?
    /// How many of the best candidates a new run of texture is picked from.
    let startChoices: Int
    /// Flags the pixels that were known before this fill (not synthesized in it).
    let original: [Bool]
    /// Large-scale colour: a source's patch mean (`low`) against the colour the target should
    /// have (`guide`); see `FillGuide`.
    let guide: FillGuide
    /// Cost per compared pixel and per squared level of difference between them.
    let guideWeight: Int
    /// Extra cost per compared pixel for a source that repeats the target's original
    /// surroundings exactly (up to a constant colour offset): in the step loop those are the
    /// previous step's fill, and copying its source again makes the fill periodic (a saw-tooth
    /// marching in step after step).
    let copyPenalty: Int
    /// Mean squared difference per pixel (summed over RGB, after removing the mean offset) up to
    /// which a source counts as such a copy.
    let copySlack: Int
    /// Where a new run starts, the extra cost per compared pixel of a source whose detail the
    /// fill already holds near the target (`RecentRepeats`): the copy penalty above sees only
    /// the previous step's sources, this one the last few steps' along the band.
    let repeats: RecentRepeats?
    let repeatPenalty: Int
    /// Sources that would bring a salient object into surroundings holding nothing like it (a
    /// tower into sky): such a continuation ends its run, and such a run start pays two repeat
    /// penalties (`SalientDetail`). Needs `repeats`, whose high-pass it reads.
    let salient: SalientDetail?
    /// Sources much flatter than the rows around the target pay `textureWeight` per compared pixel
    /// and squared level of shortfall (`TextureLevel`): else the fill drifts flat step after step.
    let texture: TextureLevel?
    let textureWeight: Int

    private static let maxCandidates = 64
    /// Original pixels a patch must share with the target before it can count as a copy.
    private static let minimumCopyEvidence = 12

    /// Synthesizes every pixel in `order` into `pixels` (RGB), marking it in `known`.
    /// `sourceOf` holds, per pixel, the flat index it was copied from (-1 if none); on a second
    /// call it seeds the search, which refines the first pass with full, two-sided patches.
    func pass(pixels: inout [UInt8], known: inout [UInt8], sourceOf: inout [Int32],
              order: [Int32], random: inout SeededRandom) {
        let w = width, h = height, r = sources.radius
        let lowX = r, highX = w - 1 - r
        let windowRadius = max(1, searchRadius)
        let tolerance = self.tolerance, slack = slackPerPixel, rowCost = rowOffsetCost
        let minimumOffset = self.minimumOffset, startChoices = max(1, self.startChoices)
        let randomSamples = self.randomSamples, maxCandidates = Self.maxCandidates
        let guideWeight = self.guideWeight, copyPenalty = self.copyPenalty, copySlack = self.copySlack
        let minimumCopyEvidence = Self.minimumCopyEvidence
        var offsets = [Int](repeating: 0, count: (2 * r + 1) * (2 * r + 1))
        var candidateIndex = [Int](repeating: 0, count: maxCandidates)
        var candidateScore = [Int](repeating: 0, count: maxCandidates)
        var tried = [Int](repeating: 0, count: 9)
        var fallbackSources: [Int]? = nil
        let validFlags = sources.valid
        // The detail of source pixels, computed once each (Int32.min: not yet).
        let salientTest = repeats != nil ? salient : nil
        var detailCache = [Int32](repeating: Int32.min, count: salientTest == nil ? 0 : w * h)

        pixels.withUnsafeMutableBufferPointer { px in
        known.withUnsafeMutableBufferPointer { kn in
        validFlags.withUnsafeBufferPointer { ok in
        original.withUnsafeBufferPointer { orig in
        guide.guide.withUnsafeBufferPointer { gd in
        sourceOf.withUnsafeMutableBufferPointer { so in
        offsets.withUnsafeMutableBufferPointer { off in
        candidateIndex.withUnsafeMutableBufferPointer { ci in
        candidateScore.withUnsafeMutableBufferPointer { cs in
        tried.withUnsafeMutableBufferPointer { tried in
        detailCache.withUnsafeMutableBufferPointer { hp in
            // The search's state, declared once: captured by the local functions below, they live
            // in boxes, and a box made per pixel costs an allocation each.
            var stored = 0
            var best = Int.max, bestIndex = -1
            var coherentBest = Int.max, coherentIndex = -1
            var startingRun = false
            var coherentTried = 0
            for (slot, entry) in order.enumerated() {
                let p = Int(entry), x = p % w, y = p / w
                // Source rows whose patch reaches every row the target's patch uses: rows near
                // the image's top or bottom edge match sources cut off the same way.
                let lowY = min(r, y), highY = max(h - 1 - r, y)

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
                let perfect = pixelCount * slack

                stored = 0
                best = Int.max; bestIndex = -1
                coherentBest = Int.max; coherentIndex = -1
                // Candidates worse than this cannot become a start choice; they are cut short.
                @inline(__always) func storeBound() -> Int {
                    best == Int.max ? Int.max : 2 * best + 2 * perfect
                }
                @inline(__always) func limit(_ score: Int) -> Int {
                    score + Int(Double(score) * tolerance) + perfect
                }
                // Sum of squared RGB differences over the known offsets, plus the row-offset cost
                // and, where a run starts, the guide and copy costs; stops early past `bound`.
                let g0 = Int(gd[slot * 3]), g1 = Int(gd[slot * 3 + 1]), g2 = Int(gd[slot * 3 + 2])
                // Only where a new run of texture starts do the guide and the copy penalty count:
                // they choose where a run comes from; a run's continuation is judged on its pixels
                // alone (else periodic structure, whose every source is a "copy", loses its phase).
                startingRun = false
                let textureWanted = texture?.wanted(row: y, guide: (g0, g1, g2)) ?? 0
                @inline(__always) func distance(_ s: Int, bound: Int) -> Int {
                    var rowOffset = s / w - y
                    if let edgeRows { rowOffset += Int(edgeRows[p % w]) - Int(edgeRows[s % w]) }
                    var sum = rowCost * abs(rowOffset) * pixelCount
                    if let texture { sum += texture.shortfallCost(source: s, wanted: textureWanted, weight: textureWeight) * pixelCount }
                    if startingRun {
                        let mean = guide.low(at: s)
                        let l0 = mean.0 - g0, l1 = mean.1 - g1, l2 = mean.2 - g2
                        sum += guideWeight * (l0 * l0 + l1 * l1 + l2 * l2) * pixelCount
                    }
                    // Over the target's original pixels: how exactly the source repeats them.
                    var originals = 0, squares = 0, e0 = 0, e1 = 0, e2 = 0
                    var i = 0
                    while i < pixelCount {
                        if sum > bound { return sum }
                        let o = off[i]
                        let a = (p + o) * 3, b = (s + o) * 3
                        let d0 = Int(px[a]) - Int(px[b])
                        let d1 = Int(px[a + 1]) - Int(px[b + 1])
                        let d2 = Int(px[a + 2]) - Int(px[b + 2])
                        let square = d0 * d0 + d1 * d1 + d2 * d2
                        sum += square
                        if startingRun, orig[p + o] {
                            originals += 1; squares += square; e0 += d0; e1 += d1; e2 += d2
                        }
                        i += 1
                    }
                    if startingRun, originals >= minimumCopyEvidence {
                        let offsetFree = squares - (e0 * e0 + e1 * e1 + e2 * e2) / originals
                        if offsetFree <= copySlack * originals { sum += copyPenalty * pixelCount }
                    }
                    return sum
                }
                @inline(__always) func consider(_ s: Int) {
                    for k in 0..<stored where ci[k] == s { return }
                    let bound = storeBound()
                    let score = distance(s, bound: bound)
                    if score > bound { return }
                    if score < best { best = score; bestIndex = s }
                    if stored < maxCandidates {
                        ci[stored] = s; cs[stored] = score; stored += 1
                    } else {
                        // Full: the new candidate replaces the worst one if it is better.
                        var worst = 0
                        for k in 1..<stored where cs[k] > cs[worst] { worst = k }
                        if score < cs[worst] { ci[worst] = s; cs[worst] = score }
                    }
                }
                @inline(__always) func considerAt(_ sx: Int, _ sy: Int) {
                    let cx = min(max(sx, lowX), highX), cy = min(max(sy, lowY), highY)
                    if abs(cx - x) < minimumOffset && abs(cy - y) < minimumOffset { return }
                    let s = cy * w + cx
                    if ok[s] != 0 { consider(s) }
                }
                coherentTried = 0
                @inline(__always) func considerCoherent(_ s: Int) {
                    for k in 0..<coherentTried where tried[k] == s { return }
                    tried[coherentTried] = s; coherentTried += 1
                    let score = distance(s, bound: coherentBest)
                    if score < coherentBest { coherentBest = score; coherentIndex = s }
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
                // A continuation that brings a salient object into surroundings without one (a run
                // going down from sky into a tower) ends here, and a new run starts, where such a
                // source costs extra (below): else the top row's sky would drag the tower along.
                if let repeats, let salientTest, coherentIndex >= 0, kn[p] == 0,
                   salientTest.bringsNewDetail(source: coherentIndex, target: p, pixels: px, known: kn, repeats: repeats, cache: hp) {
                    coherentIndex = -1; coherentBest = Int.max; best = Int.max; bestIndex = -1
                }
                // A continuation this good always wins (see the choice below): no need to search.
                let searching = !(coherentIndex >= 0 && coherentBest <= perfect)

                // Where nothing continues (a new run starts: the first pixel of a strip), search
                // harder; it happens rarely and decides a whole run.
                let starting = coherentIndex < 0
                startingRun = starting
                let samples = starting ? 8 * randomSamples : randomSamples

                // 2. Random candidates near the pixel; widen the window if it holds no source.
                var radius = windowRadius
                while searching {
                    // Uniform over the part of the window where source centres can lie (clamping
                    // would pile samples up on the image border).
                    let left = max(lowX, x - radius), right = min(highX, x + radius)
                    let top = max(lowY, y - radius), bottom = min(highY, y + radius)
                    if left <= right, top <= bottom {
                        for _ in 0..<samples {
                            considerAt(left + random.below(right - left + 1), top + random.below(bottom - top + 1))
                        }
                    }
                    if bestIndex >= 0 || radius >= max(w, h) { break }
                    radius *= 2
                }
                if bestIndex < 0 {
                    // Sources exist but none was hit (or all lie too near): draw from the full list.
                    // Only rows whose patch covers the target's rows (see lowY, highY): a source
                    // cut off by the band's edge where the target is not would read off the image.
                    if fallbackSources == nil {
                        fallbackSources = (0..<(w * h)).filter { ok[$0] != 0 }
                    }
                    let all = fallbackSources!
                    let first = Self.firstIndex(in: all, atLeast: lowY * w)
                    let end = Self.firstIndex(in: all, atLeast: (highY + 1) * w)
                    if first < end {
                        for _ in 0..<samples { consider(all[first + random.below(end - first)]) }
                    }
                }
                // 3. Local search around the best, halving the radius (repeatedly for a new run).
                for _ in 0..<(starting ? 4 : 1) where searching {
                    var localRadius = windowRadius / 2
                    while localRadius >= 1, bestIndex >= 0 {
                        let bx = bestIndex % w, by = bestIndex / w
                        considerAt(bx + random.offset(within: localRadius), by + random.offset(within: localRadius))
                        localRadius /= 2
                    }
                }
                // For a new run, also every shift of the best by up to a patch radius along the row
                // and two rows: the neighbours a half-known patch cannot tell apart (a stripe one
                // step further or not) all become candidates for the wider-context ranking below.
                if starting, searching, bestIndex >= 0 {
                    let bx = bestIndex % w, by = bestIndex / w
                    for dy in -2...2 {
                        for dx in -r...r where dx != 0 || dy != 0 { considerAt(bx + dx, by + dy) }
                    }
                }

                // Continue coherently if that is about as good as the best; else start a new run
                // at one of the k best candidates.
                var chosen = bestIndex
                if coherentIndex >= 0, coherentBest <= limit(best) {
                    chosen = coherentIndex
                } else if stored > 1 {
                    // A new run starts here. Half-known patches are often ambiguous (a stripe one
                    // step further or not), so rank the near-best candidates again with a wider,
                    // sparser context: every other pixel out to twice the patch radius.
                    let bound = storeBound()
                    var eligible = 0
                    for k in 0..<stored where cs[k] <= bound {
                        ci.swapAt(eligible, k); cs.swapAt(eligible, k); eligible += 1
                    }
                    var lowest = Int.max
                    for k in 0..<eligible {
                        cs[k] += contextCost(ci[k], x: x, y: y, weight: pixelCount, px: px, kn: kn, orig: orig)
                        lowest = min(lowest, cs[k])
                    }
                    // Only candidates that could still be picked need the (costlier) repeat tests:
                    // the penalties only raise costs. A source whose detail the fill already holds
                    // nearby pays one penalty; one that would bring a salient object into
                    // surroundings without one pays two, more than any plain source pays for being near.
                    if let repeats, eligible > 0 {
                        let reachable = limit(lowest) + 3 * repeatPenalty * pixelCount
                        for k in 0..<eligible where cs[k] <= reachable {
                            if repeats.isPresent(source: ci[k], nearX: x, y: y) { cs[k] += repeatPenalty * pixelCount }
                            if let salientTest,
                               salientTest.bringsNewDetail(source: ci[k], target: p, pixels: px, known: kn, repeats: repeats, cache: hp) {
                                cs[k] += 2 * repeatPenalty * pixelCount
                            }
                        }
                    }
                    // Partial selection sort: the k best to the front; pick among those still near the best.
                    let choices = min(startChoices, eligible)
                    for i in 0..<choices {
                        var lowest = i
                        for k in (i + 1)..<eligible where cs[k] < cs[lowest] { lowest = k }
                        ci.swapAt(i, lowest); cs.swapAt(i, lowest)
                    }
                    var near = 0
                    while near < choices, cs[near] <= limit(cs[0]) { near += 1 }
                    if near > 0 { chosen = ci[random.below(near)] }
                }
                if chosen < 0 {
                    // No source covers this pixel's rows: the mean of its known neighbours.
                    Self.averageNeighbours(p, width: w, height: h, px: px, kn: kn)
                    kn[p] = 1
                    continue
                }
                let target = p * 3, source = chosen * 3
                px[target] = px[source]
                px[target + 1] = px[source + 1]
                px[target + 2] = px[source + 2]
                kn[p] = 1
                so[p] = Int32(chosen)
            }
        }}}}}}}}}}}
    }

    /// The first position in the sorted `values` holding at least `bound` (binary search).
    private static func firstIndex(in values: [Int], atLeast bound: Int) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = (low + high) / 2
            if values[middle] < bound { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Sets pixel `p` to the mean of its known 8-neighbours (left as it is when none is known).
    private static func averageNeighbours(_ p: Int, width w: Int, height h: Int,
                                          px: UnsafeMutableBufferPointer<UInt8>,
                                          kn: UnsafeMutableBufferPointer<UInt8>) {
        let x = p % w, y = p / w
        var sum = (0, 0, 0), count = 0
        for qy in max(0, y - 1)...min(h - 1, y + 1) {
            for qx in max(0, x - 1)...min(w - 1, x + 1) where kn[qy * w + qx] != 0 && qy * w + qx != p {
                let q = (qy * w + qx) * 3
                sum.0 += Int(px[q]); sum.1 += Int(px[q + 1]); sum.2 += Int(px[q + 2]); count += 1
            }
        }
        guard count > 0 else { return }
        px[p * 3] = UInt8((sum.0 + count / 2) / count)
        px[p * 3 + 1] = UInt8((sum.1 + count / 2) / count)
        px[p * 3 + 2] = UInt8((sum.2 + count / 2) / count)
    }

    /// Mean squared RGB difference between the target's and a source's wider context (every
    /// other pixel out to twice the patch radius, outside the patch itself), scaled by `weight`.
    /// Only the target's known pixels count; where the source's counterpart is off the image or
    /// not originally known, the pair costs `missingContextCost`, so that a source with less
    /// context to show does not tie with one whose context proves it right.
    private func contextCost(_ s: Int, x: Int, y: Int, weight: Int, px: UnsafeMutableBufferPointer<UInt8>,
                             kn: UnsafeMutableBufferPointer<UInt8>, orig: UnsafeBufferPointer<Bool>) -> Int {
        let w = width, h = height, r = sources.radius, reach = 2 * r
        let sx = s % w, sy = s / w
        var sum = 0, count = 0
        for dy in stride(from: -reach, through: reach, by: 2) {
            let ty = y + dy, uy = sy + dy
            if ty < 0 || ty >= h { continue }
            for dx in stride(from: -reach, through: reach, by: 2) {
                if abs(dx) <= r && abs(dy) <= r { continue }
                let tx = x + dx, ux = sx + dx
                if tx < 0 || tx >= w { continue }
                let t = ty * w + tx
                if kn[t] == 0 { continue }
                count += 1
                guard ux >= 0, ux < w, uy >= 0, uy < h, orig[uy * w + ux] else {
                    sum += Self.missingContextCost
                    continue
                }
                let u = uy * w + ux
                let d0 = Int(px[t * 3]) - Int(px[u * 3])
                let d1 = Int(px[t * 3 + 1]) - Int(px[u * 3 + 1])
                let d2 = Int(px[t * 3 + 2]) - Int(px[u * 3 + 2])
                sum += d0 * d0 + d1 * d1 + d2 * d2
            }
        }
        return count == 0 ? 0 : sum * weight / count
    }

    /// What an unverifiable context pixel costs: a difference of about 16 levels per channel.
    private static let missingContextCost = 3 * 16 * 16
}
