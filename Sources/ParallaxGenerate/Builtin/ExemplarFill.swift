import ParallaxCore

/// The built-in inpainter's fill: context-aware, no network, no model, deterministic for a seed.
///
/// An exemplar (patch-based) fill: hole pixels are synthesized ring by ring from the hole's
/// boundary inward, each copied from the centre of a known patch that matches its already-known
/// surroundings (see `PatchSynthesizer`). A refinement pass then re-matches every hole pixel with
/// its full, two-sided patch, a gradient-domain pass (`SeamBlend`) and the colour correction
/// (`BaseAndDetail`) set the copy's colour, `RunSeams` takes out the jumps between runs and at the
/// border where the picture is smooth, and `SeamRamp` takes out the step left at the hole's
/// border. See docs/inpainters/builtin.md.
public struct ExemplarFill: Sendable {
    public let seed: UInt64
    /// Side of the square patch compared around each pixel (odd; even sizes are rounded up).
    public let patchSize: Int
    /// Half the side of the window around each hole pixel where random source patches are drawn.
    public let searchRadius: Int
    /// How far source patches keep from the hole along the rows. In the step loop the known
    /// pixels right beside the gap are the previous step's fill: copying them again would repeat
    /// the same texture every step, so this should be at least the step shift.
    public let sourceClearance: Int
    /// Extra passes re-matching the hole with full patches once it is filled.
    public let refinementPasses: Int

    public init(seed: UInt64 = 0, patchSize: Int = 9, searchRadius: Int = 256, sourceClearance: Int = 24,
                refinementPasses: Int = 1) {
        self.seed = seed
        self.patchSize = max(3, patchSize | 1)
        self.searchRadius = max(1, searchRadius)
        self.sourceClearance = max(0, sourceClearance)
        self.refinementPasses = max(0, refinementPasses)
    }

    /// `image`: RGB (3 channels). `mask`: gray (1 channel), same size; non-zero means fill.
    /// Returns the image with masked pixels filled and every other pixel unchanged.
    public func fill(_ image: Raster, mask: Raster) -> Raster {
        fill(image, mask: mask, reference: nil)
    }

    /// The same, where `reference` says what these rows held before any fill (the layer in the
    /// input image): the texture level's floor (`TextureReference`). Known pixels marked in
    /// `behindLayer` (gray, non-zero) show what lies behind the layer being filled: the matching
    /// sees them (they give the layer's edge its shape), but no source is centred there, and the
    /// colour guides and the seam blend ignore them.
    func fill(_ image: Raster, mask: Raster, reference: TextureReference?, behindLayer: Raster? = nil) -> Raster {
        precondition(image.channels == 3 && mask.channels == 1, "fill needs an RGB image and a gray mask")
        precondition(image.width == mask.width && image.height == mask.height, "image and mask sizes differ")
        precondition(reference.map { $0.height == image.height } ?? true, "the texture reference needs the image's rows")
        let hole = mask.pixels.map { $0 != 0 }
        guard let window = readWindow(hole: hole, width: image.width, height: image.height) else {
            return fillReadingAll(image, mask: mask, reference: reference, behindLayer: behindLayer)
        }
        var output = image
        output.paste(fillReadingAll(image.cropped(x: window.x, y: window.y), mask: mask.cropped(x: window.x, y: window.y),
                                    reference: reference?.rows(window.y),
                                    behindLayer: behindLayer?.cropped(x: window.x, y: window.y)),
                     atX: window.x.lowerBound, y: window.y.lowerBound)
        return output
    }

    /// The fill computed over the whole of `image`. `fill(_:mask:)` gives the same pixels from
    /// the part within `readReach` of the hole, except where no source lies within `searchRadius`
    /// of a target: its search then widens to the whole part it was given.
    func fillReadingAll(_ image: Raster, mask: Raster, reference: TextureReference? = nil,
                        behindLayer: Raster? = nil) -> Raster {
        let width = image.width, height = image.height
        let hole = mask.pixels.map { $0 != 0 }
        guard hole.contains(true) else { return image }
        var output = image
        guard hole.contains(false) else {
            // Nothing to copy from: a defined, neutral result.
            output.pixels = [UInt8](repeating: 128, count: output.pixels.count)
            return output
        }

        // What lies behind the layer is neither known nor filled for the colour guides: counted
        // as hole (no local mean reads it) but given no slot, so their membranes end there as at
        // the image's edge, and the layer's colours alone decide. Sources are matched by their
        // depth below the layer's edge, and none is centred behind it.
        let behind = behindLayer.map { layer in zip(layer.pixels, hole).map { $0 != 0 && !$1 } }
        let order = Self.fillOrder(hole: hole, behind: behind, width: width, height: height)
        let edgeRows = behindLayer.map { Self.edgeRows($0, width: width, height: height) }
        guard let sources = Self.sourcePatches(hole: hole, width: width, height: height, radius: patchSize / 2,
                                                      clearance: sourceClearance, behind: behind) else {
            NeighbourAverageFill.fill(&output.pixels, hole: hole, width: width, order: order)
            return output
        }

        let original = hole.map { !$0 }
        let pixels = image.pixels, patchSize = self.patchSize, searchRadius = self.searchRadius
        let guideHole = behind.map { zip(hole, $0).map { $0 || $1 } } ?? hole
        // What the search reads, made from the known pixels alone: two independent halves at once.
        let (guide, (repeats, texture)) = Parallel.both({
            FillGuide(pixels: pixels, hole: guideHole, order: order, width: width, height: height, radius: 2 * patchSize)
        }, {
            (RecentRepeats(pixels: pixels, original: original, width: width, height: height,
                           radius: patchSize / 2, reach: Self.repeatReach, rows: 2),
             TextureLevel(pixels: pixels, known: original, width: width, height: height,
                          columns: Self.holeColumns(hole, width: width, height: height, grownBy: searchRadius),
                          reference: reference))
        })
        // copySlack: the colour correction (BaseAndDetail) leaves the previous step's fill a copy
        // of its source up to a smooth offset, not a constant one, so "a copy" allows more.
        let synthesizer = PatchSynthesizer(
            width: width, height: height, sources: sources, searchRadius: searchRadius,
            minimumOffset: 2 * patchSize, randomSamples: 8, tolerance: 0.05, slackPerPixel: 6,
            rowOffsetCost: 8, edgeRows: edgeRows, startChoices: 4, original: original,
            guide: guide,
            guideWeight: 1, copyPenalty: 384, copySlack: 48,
            repeats: repeats, repeatPenalty: Self.repeatPenalty,
            salient: SalientDetail(repeats: repeats, objects: guide.objects, original: original, width: width, height: height,
                                   radius: patchSize / 2, reach: Self.salientReach, rows: Self.salientRows,
                                   reference: reference),
            texture: texture,
            textureWeight: Self.textureWeight)
        // The copy (the synthesis is sequential, pixel after pixel), and beside it the colour
        // correction's target, which reads only the known pixels.
        let seed = self.seed, refinementPasses = self.refinementPasses
        let ((copy, sourceOf), target) = Parallel.both({
            var copy = pixels
            var known = hole.map { $0 ? UInt8(0) : 1 }
            var sourceOf = [Int32](repeating: -1, count: width * height)
            var random = SeededRandom(seed: seed)
            for _ in 0...refinementPasses {
                synthesizer.pass(pixels: &copy, known: &known, sourceOf: &sourceOf, order: order, random: &random)
            }
            return (copy, sourceOf)
        }, {
            BaseAndDetail.Target(original: pixels, hole: guideHole, order: order, width: width, height: height,
                                 radius: guide.radius, farField: guide.farField)
        })
        output.pixels = copy
        SeamBlend.apply(to: &output.pixels, original: pixels, sourceOf: sourceOf,
                        hole: hole, order: order, width: width, height: height, behind: behind)
        if let target { BaseAndDetail.apply(to: &output.pixels, hole: hole, order: order, width: width, target: target) }
        // Where the picture is smooth: the jumps between runs and at the border.
        RunSeams.apply(to: &output.pixels, original: pixels, sourceOf: sourceOf, hole: hole, order: order,
                       width: width, height: height, behind: behind)
        // What the colour correction left at the border: taken out over the fill's first rings.
        SeamRamp.apply(to: &output.pixels, original: pixels, sourceOf: sourceOf, hole: hole, order: order,
                       width: width, height: height, behind: behind, objects: guide.objects)
        return output
    }

    /// The onion peel from the layer's own known pixels: what lies behind the layer is not where
    /// the layer's texture grows from (a ring started there matches patches that are mostly the
    /// other side, and finds the layer's most alike texture, not its edge).
    static func fillOrder(hole: [Bool], behind: [Bool]?, width: Int, height: Int) -> [Int32] {
        guard let behind else { return OnionPeelOrder.make(hole: hole, width: width, height: height) }
        let grown = OnionPeelOrder.make(hole: zip(hole, behind).map { $0 || $1 }, width: width, height: height)
            .filter { hole[Int($0)] }
        return grown.count == hole.lazy.filter { $0 }.count ? grown : OnionPeelOrder.make(hole: hole, width: width, height: height)
    }

    /// Per column, the first row not behind the layer: its top edge, from which a source's and a
    /// target's depth are measured.
    static func edgeRows(_ behindLayer: Raster, width: Int, height: Int) -> [Int32] {
        (0..<width).map { x in
            Int32((0..<height).first { behindLayer.pixels[$0 * width + x] == 0 } ?? height)
        }
    }

    /// How far along the row (either way) a source's detail counts as already copied, and a
    /// source itself as one of the last steps' fills (`RecentRepeats`): about two steps of 24 px.
    /// Measured on the harness (bench/fill_quality.sh, 3 seeds): 96 px penalised most sources of
    /// a narrow image, leaving the same few far ones step after step (a test caught it).
    static let repeatReach = 48
    /// Four copy penalties. Measured in earlier variants: one (384) left the rocket's towers; 4000
    /// pushed the rocket's texture below 0.75 in every seed.
    static let repeatPenalty = 1536
    /// How far along the row and across it the surroundings of a target are read for strong
    /// detail (`SalientDetail`): wide enough to hold a few bricks or stones. Measured: 96 columns
    /// or 8 rows reach the real towers beside the gap, and the fence came back.
    static let salientReach = 48
    static let salientRows = 2
    /// What a source pays per compared pixel and squared level of contrast it lacks
    /// (`TextureLevel`): measured on the harness and on photos, see `TextureLevel.shareInTenths`.
    static let textureWeight = 4

    /// How far from the hole the fill reads the image: random sources lie within `searchRadius`
    /// of a target, the local search moves up to half that again from the best, and the tests on
    /// a source (repeats, salient detail, the wider context) look a little further.
    var readReach: Int { searchRadius + searchRadius / 2 + Self.repeatReach + 4 * patchSize }

    /// The part of the image within `readReach` of the hole's bounding box, when the hole is not
    /// empty and that part is smaller than the image: only it is read, so the fill works on it
    /// alone (a narrow gap in a wide image costs the gap's surroundings, not the whole image).
    private func readWindow(hole: [Bool], width: Int, height: Int) -> (x: Range<Int>, y: Range<Int>)? {
        guard let bounds = Self.holeBounds(hole, width: width, height: height) else { return nil }
        let x = max(0, bounds.x.lowerBound - readReach)..<min(width, bounds.x.upperBound + readReach)
        let y = max(0, bounds.y.lowerBound - readReach)..<min(height, bounds.y.upperBound + readReach)
        return x.count < width || y.count < height ? (x, y) : nil
    }

    /// The columns and rows of the hole's bounding box; nil for no hole.
    private static func holeBounds(_ hole: [Bool], width: Int, height: Int) -> (x: Range<Int>, y: Range<Int>)? {
        var left = width, right = -1, top = height, bottom = -1
        for y in 0..<height {
            let row = y * width
            guard let first = hole[row..<(row + width)].firstIndex(of: true) else { continue }
            let last = hole[row..<(row + width)].lastIndex(of: true)!
            left = min(left, first - row); right = max(right, last - row)
            if top == height { top = y }
            bottom = y
        }
        return right < 0 ? nil : (left..<(right + 1), top..<(bottom + 1))
    }

    /// The columns of the hole's bounding box grown by `reach` either way, within the image.
    private static func holeColumns(_ hole: [Bool], width: Int, height: Int, grownBy reach: Int) -> Range<Int> {
        guard let columns = holeBounds(hole, width: width, height: height)?.x else { return 0..<width }
        return max(0, columns.lowerBound - reach)..<min(width, columns.upperBound + reach)
    }

    /// Valid source patches at the requested radius and clearance; else without the clearance, or
    /// at a smaller radius, when the image or its known region is too small; nil when not even
    /// 3x3 known patches exist.
    private static func sourcePatches(hole: [Bool], width: Int, height: Int, radius: Int, clearance: Int,
                                      behind: [Bool]?) -> SourcePatches? {
        var radius = radius, clearance = clearance
        while radius >= 1 {
            let sources = SourcePatches(hole: hole, width: width, height: height, radius: radius, clearance: clearance,
                                        behind: behind)
            if sources.count > 0 { return sources }
            if clearance > 0 { clearance = 0 } else { radius /= 2 }
        }
        return nil
    }
}

