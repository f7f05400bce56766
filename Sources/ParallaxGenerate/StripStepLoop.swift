import Foundation
import ParallaxAV
import ParallaxCore

/// The step loop of a scene with contour layers: each layer is a strip with alpha
/// (``StripPicture``), kept per step in `layers/NN/`, and `steps/` holds the composite frames.
///
/// Layers are handled back to front, so each fill sees the finished layers behind it. At step 0
/// every layer's hidden part (what nearer layers cover now and will uncover) is filled once; at
/// every step each layer's strip moves by its shift and the gap it opens is filled, the layer's
/// edge curve continued through the filled gap.
/// What a contour scene carries from step to step: every layer's strip, and the objects.
public struct StripState: Sendable {
    /// What each layer's next fill and edge follow read: for a layer in `shown`, its draft.
    public var strips: [StripPicture]
    public let objects: [ObjectPicture]
    /// The layers filled a second time under their followed edges (``StepLoop/refillUnderEdge``):
    /// their strips as shown, which differ from their drafts only in the layer's pixels.
    public var shown: [Int: StripPicture] = [:]

    /// Each layer's strip as the composite and the render show it.
    func shownStrip(_ index: Int) -> StripPicture { shown[index] ?? strips[index] }
}

extension StepLoop {
    var layout: StripLayout { StripLayout(plan: project.plan) }

    /// Step 0: the input's strips with their hidden parts (behind nearer layers and behind
    /// objects) filled, and each object cut out.
    func writeStripsZero(image: Raster) throws -> StripState {
        let fileManager = FileManager.default
        let plan = project.plan
        try? fileManager.removeItem(atPath: folder.layersDirectory)
        for strip in layout.strips { try? fileManager.removeItem(atPath: stripMaskDirectory(strip.layerIndex)) }
        let masks = try objectMasks()
        let objects = zip(plan.objects, masks).map { ObjectPicture.cut($0, mask: $1, from: image) }
        let behindObjects = masks.isEmpty ? nil : ObjectPicture.coverage(masks, width: plan.width, height: plan.height)
        var pictures = layout.strips.map { StripPicture.initial($0, image: image, behindObjects: behindObjects) }
        var backdrop = Backdrop(width: image.width, height: image.height)
        for index in layout.drawOrder {
            try fill(&pictures[index], over: backdrop, step: 0, shift: 0, reference: nil)
            backdrop.draw(pictures[index])
        }
        for (index, object) in objects.enumerated() {
            try fileManager.createDirectory(atPath: (folder.objectPicturePath(index) as NSString).deletingLastPathComponent,
                                            withIntermediateDirectories: true)
            try AtomicOutput(folder.objectPicturePath(index)).write { try PNGImage.write(object.pixels, to: $0) }
        }
        let state = StripState(strips: pictures, objects: objects,
                               shown: Dictionary(uniqueKeysWithValues: try layersRefilledUnderEdge().map { ($0, pictures[$0]) }))
        try write(state, step: 0)
        return state
    }

    /// Each planned object's mask, read and checked against the plan.
    private func objectMasks() throws -> [ObjectMask] {
        let plan = project.plan
        return try plan.objects.enumerated().map { index, object in
            try ObjectMask.read(object, projectDirectory: project.directory, width: plan.width, height: plan.height, index: index)
        }
    }

    /// The strips of a finished step and the objects, for resuming after it.
    func readStrips(step: Int) throws -> StripState {
        let plan = project.plan
        let objects = try plan.objects.enumerated().map { index, motion in
            let path = folder.objectPicturePath(index)
            let pixels = try PNGImage.read(path, channels: 4)
            guard pixels.width == motion.box.width, pixels.height == motion.box.height else {
                throw SceneError(file: path, "is \(pixels.width)x\(pixels.height), expected object \(motion.name)'s box "
                                 + "\(motion.box.width)x\(motion.box.height)")
            }
            return ObjectPicture(motion: motion, pixels: pixels)
        }
        // A layer shown with a second fill carries on from its draft.
        let refilled = try layersRefilledUnderEdge()
        let strips = try layout.strips.map { strip in
            let index = strip.layerIndex
            return try readStrip(strip, at: refilled.contains(index) ? folder.draftStripPath(layer: index, step: step)
                                                                     : folder.stripPath(layer: index, step: step))
        }
        let shown = try refilled.map { ($0, try readStrip(layout.strips[$0], at: folder.stripPath(layer: $0, step: step))) }
        return StripState(strips: strips, objects: objects, shown: Dictionary(uniqueKeysWithValues: shown))
    }

    private func readStrip(_ strip: LayerStrip, at path: String) throws -> StripPicture {
        let pixels = try PNGImage.read(path, channels: 4)
        guard pixels.width == project.plan.width, pixels.height == strip.rows.count else {
            throw SceneError(file: path, "is \(pixels.width)x\(pixels.height), expected \(project.plan.width)x\(strip.rows.count)")
        }
        return StripPicture(strip: strip, pixels: pixels)
    }

    /// True when every layer's strip of `step` (and its draft, and for step 0 every object) is on disk.
    func stripsExist(step: Int) -> Bool {
        let fileManager = FileManager.default
        let drafts = (try? layersRefilledUnderEdge()) ?? []
        return layout.strips.allSatisfy { fileManager.fileExists(atPath: folder.stripPath(layer: $0.layerIndex, step: step)) }
            && drafts.allSatisfy { fileManager.fileExists(atPath: folder.draftStripPath(layer: $0, step: step)) }
            && (step > 0 || project.plan.objects.indices.allSatisfy { fileManager.fileExists(atPath: folder.objectPicturePath($0)) })
    }

    /// Layer `index` (the next in draw order) of a step in progress: its strip moves by its shift,
    /// the gap it opens is filled over the finished layers behind it (`reference`: what the layer
    /// held at step 0), and the layer is drawn.
    func advance(_ work: inout StripStepWork, layer index: Int, reference: Raster) throws {
        let clock = ContinuousClock()
        let start = clock.now
        let plan = project.plan
        let shift = plan.layers[index].shift(inStep: work.step).x
        let gap = work.pictures[index].shift(by: shift)
        for (offset, isKnown) in work.pictures[index].known.enumerated() where !isKnown {
            work.gaps.pixels[work.pictures[index].rows.lowerBound * plan.width + offset] = 255
        }
        let fillStart = clock.now
        // Both ways sketch the edge (`follow` as the prior of the edge it follows), from one seed.
        let seed = StepSeed.derive(seed: settings.seed, step: work.step, salt: UInt64(2000 + index))
        switch settings.edges {
        case .follow:
            if let filled = try fill(&work.pictures[index], over: work.backdrop, step: work.step, shift: shift,
                                     reference: reference) {
                followCurves(of: &work.pictures[index], through: gap, shift: shift, filled: filled, seed: seed)
            }
            if var shown = work.shown[index] {
                try refillUnderEdge(&shown, draft: work.pictures[index], shift: shift, over: work.shownBackdrop ?? work.backdrop,
                                    step: work.step, reference: reference)
                work.shown[index] = shown
            }
        case .sketch:
            sketchCurves(of: &work.pictures[index], through: gap, shift: shift, over: work.backdrop, seed: seed)
            try fill(&work.pictures[index], over: work.backdrop, step: work.step, shift: shift, reference: reference,
                     behindLayer: work.pictures[index].behindLayer(frameHeight: plan.height))
        }
        let fillEnd = clock.now
        work.backdrop.draw(work.pictures[index])
        work.shownBackdrop?.draw(work.shown[index] ?? work.pictures[index])
        work.fillTime += fillEnd - fillStart
        work.otherTime += (fillStart - start) + (clock.now - fillEnd)
        work.done += 1
    }

    /// A step whose every layer is done: the objects drawn over, its files written, its journal line.
    func finish(_ work: StripStepWork, objects: [ObjectPicture]) throws -> StripState {
        let clock = ContinuousClock()
        let plan = project.plan, step = work.step
        let start = clock.now
        var backdrop = work.shownBackdrop ?? work.backdrop
        for object in objects {
            let corner = object.corner(afterSteps: step)
            backdrop.draw(object: object.pixels, x: corner.x, y: corner.y)
        }
        let writeStart = clock.now
        try AtomicOutput(folder.maskPath(step)).write { try PNGImage.write(work.gaps, to: $0) }
        let state = StripState(strips: work.pictures, objects: objects, shown: work.shown)
        try write(state, step: step)
        try StepImageFile.write(backdrop.image, to: folder.stepPath(step))
        let writeTime = clock.now - writeStart
        try journal.append(JournalEntry(step: step, inpainter: inpainter.name, seed: StepSeed.derive(seed: settings.seed, step: step),
                                        shiftMilliseconds: (work.otherTime + (writeStart - start)).milliseconds,
                                        inpaintMilliseconds: work.fillTime.milliseconds, writeMilliseconds: writeTime.milliseconds,
                                        plan: PlanFingerprint.of(plan)))
        return state
    }

    /// Every layer's shown strip, and the drafts of the layers shown with a second fill.
    private func write(_ state: StripState, step: Int) throws {
        for index in state.strips.indices {
            try FileManager.default.createDirectory(atPath: folder.layerDirectory(index), withIntermediateDirectories: true)
            try StepImageFile.write(state.shownStrip(index).pixels, to: folder.stripPath(layer: index, step: step))
        }
        for index in state.shown.keys.sorted() {
            let path = folder.draftStripPath(layer: index, step: step)
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try StepImageFile.write(state.strips[index].pixels, to: path)
        }
    }

    func stripMaskDirectory(_ layer: Int) -> String {
        let name = (folder.layerDirectory(layer) as NSString).lastPathComponent
        return (folder.masksDirectory as NSString).appendingPathComponent(name)
    }

    /// Per layer index, what the layer held at step 0, as a frame: the input's pixels where the
    /// layer was visible and no object covered it (alpha 255), alpha 0 elsewhere (the requests'
    /// `reference`). Made from step 0, so a resumed run sees what an uninterrupted one saw.
    func stripReferences() throws -> [Int: Raster] {
        let input = try inputImage()
        let width = input.width
        let covered = ObjectPicture.coverage(try objectMasks(), width: width, height: input.height)
        var references: [Int: Raster] = [:]
        for strip in layout.strips {
            let alpha = strip.initialAlpha()
            var frame = Raster(width: width, height: input.height, channels: 4)
            for y in strip.rows {
                for x in 0..<width where alpha[(y - strip.rows.lowerBound) * width + x] > 0 && !covered[y * width + x] {
                    let source = (y * width + x) * 3, target = (y * width + x) * 4
                    frame.pixels[target] = input.pixels[source]
                    frame.pixels[target + 1] = input.pixels[source + 1]
                    frame.pixels[target + 2] = input.pixels[source + 2]
                    frame.pixels[target + 3] = 255
                }
            }
            references[strip.layerIndex] = frame
        }
        return references
    }

    /// Fills the unknown pixels of one strip through the inpainter, over the finished layers
    /// behind it (`behindLayer`: what the inpainter must not take for the layer's own, see
    /// `InpaintRequest`); returns the filled frame (nil when nothing was unknown). `writesMask`
    /// false leaves the layer's mask file of the step as the step's first fill of it wrote it.
    @discardableResult
    func fill(_ picture: inout StripPicture, over backdrop: Backdrop, step: Int, shift: Int,
              reference: Raster?, behindLayer: Raster? = nil, writesMask: Bool = true) throws -> Raster? {
        guard picture.known.contains(false) else { return nil }
        let plan = project.plan
        let index = picture.strip.layerIndex
        let context = StripContext.picture(for: picture, over: backdrop)
        let gap = picture.unknownMask(frameHeight: plan.height)
        let band = BandShift(layerIndex: index, rows: picture.rows, shift: PixelOffset(x: shift, y: 0),
                             unit: plan.layers[index].direction.unitVector)
        let mask = settings.mask.mask(for: ShiftedStep(step: step, image: context, gap: gap, bands: [band]))
        try FileManager.default.createDirectory(atPath: stripMaskDirectory(index), withIntermediateDirectories: true)
        let maskPath = (stripMaskDirectory(index) as NSString).appendingPathComponent(StepFolder.fileName(step: step))
        if writesMask { try AtomicOutput(maskPath).write { try PNGImage.write(mask, to: $0) } }
        // Each layer's fill gets its own seed, a fixed function of the run's seed, step and layer.
        let seed = StepSeed.derive(seed: settings.seed, step: step, salt: UInt64(1000 + index))
        let request = InpaintRequest(step: step, seed: seed, image: context, mask: mask, maskPath: maskPath,
                                     workDirectory: workDirectory, plan: plan, bands: [band], prompt: settings.prompt,
                                     negativePrompt: settings.negativePrompt, depthPath: settings.depthPath,
                                     reference: reference, behindLayer: behindLayer)
        let filled = try inpainter.inpaint(request)
        guard filled.width == plan.width, filled.height == plan.height, filled.channels == 3 else {
            throw InpaintError("inpainter \(inpainter.name) returned a \(filled.width)x\(filled.height) image for step \(step), "
                               + "expected \(plan.width)x\(plan.height)")
        }
        let result = KnownPixelPaste.apply(known: context, inpainted: filled, mask: mask)
        let width = plan.width, top = picture.rows.lowerBound
        for offset in picture.known.indices {
            let pixel = top * width + offset
            guard mask.pixels[pixel] != 0 else { continue }
            // A known pixel on the edge ramp was blended with the backdrop in the context: keep it.
            if picture.known[offset] && picture.pixels.pixels[offset * 4 + 3] != 255 { continue }
            for channel in 0..<3 { picture.pixels.pixels[offset * 4 + channel] = result.pixels[pixel * 3 + channel] }
            picture.known[offset] = true
        }
        return result
    }

    /// `.follow`: gives the filled gap's columns their alpha, each curve edge continued from the
    /// column beside the gap along the edge the fill drew near a sketch of the input's curve.
    private func followCurves(of picture: inout StripPicture, through gap: Range<Int>, shift: Int, filled: Raster,
                              seed: UInt64) {
        setGapAlpha(of: &picture, gap: gap, shift: shift, seed: seed) { curve, anchor, columns, sketch in
            CurveContinuation.follow(in: filled, columns: columns, anchor: anchor, allowed: curve.min()!...curve.max()!,
                                     sketch: sketch)
        }
    }

    /// `.sketch`: gives the gap's columns their alpha before they are filled, each curve edge
    /// sketched from its rows beside the gap the way the input's curve goes. What lies beyond an
    /// edge is not the layer's: it takes the backdrop's pixels and counts as known, so the fill
    /// sees the new edge against what lies behind and draws the layer under it.
    private func sketchCurves(of picture: inout StripPicture, through gap: Range<Int>, shift: Int,
                              over backdrop: Backdrop, seed: UInt64) {
        setGapAlpha(of: &picture, gap: gap, shift: shift, seed: seed) { _, _, _, sketch in sketch }
        showBackdrop(beyondEdgeOf: &picture, through: gap, over: backdrop)
    }

    /// In the gap's columns, the pixels beyond the layer's edge (alpha 0) take the backdrop's and
    /// count as known: the fill sees the edge against what lies behind the layer.
    func showBackdrop(beyondEdgeOf picture: inout StripPicture, through gap: Range<Int>, over backdrop: Backdrop) {
        let width = picture.width, top = picture.rows.lowerBound
        for row in 0..<picture.rows.count {
            for x in gap {
                let index = row * width + x
                guard picture.pixels.pixels[index * 4 + 3] == 0 else { continue }
                let pixel = (top + row) * width + x
                for channel in 0..<3 { picture.pixels.pixels[index * 4 + channel] = backdrop.image.pixels[pixel * 3 + channel] }
                picture.known[index] = true
            }
        }
    }

    /// Sets the strip's alpha in the gap's columns: opaque, times each curve edge's ramp. `path`
    /// gives an edge's rows in the gap's columns (ordered outward from the seam), from the input's
    /// curve, its row at the seam, the columns, and a sketch of the curve's way on (made from the
    /// rows beside the gap and `seed` plus the edge's index: 0 top, 1 bottom).
    private func setGapAlpha(of picture: inout StripPicture, gap: Range<Int>, shift: Int, seed: UInt64,
                             path: (_ curve: [Int], _ anchor: Int, _ columns: [Int], _ sketch: [Int]) -> [Int]) {
        guard !gap.isEmpty else { return }
        let strip = picture.strip, width = picture.width, rows = strip.rows
        var alpha = [UInt8](repeating: 255, count: width * rows.count)
        let columns = shift < 0 ? Array(gap) : Array(gap.reversed())
        let outward = shift < 0 ? 1 : -1
        let seam = shift < 0 ? gap.lowerBound - 1 : gap.upperBound
        for (salt, (edge, facing, curve)) in [(strip.topEdge, EdgeRamp.Facing.up, strip.region.top),
                                              (strip.bottomEdge, EdgeRamp.Facing.down, strip.region.bottom)].enumerated()
        where edge == .curve {
            let anchor = seam >= 0 && seam < width ? picture.curveRow(column: seam, facing: facing) : curve[curve.count / 2]
            let besideColumns = (0..<CurveContinuation.window).map { seam - $0 * outward }.filter { $0 >= 0 && $0 < width }
            let beside = besideColumns.reversed().map { picture.curveRow(column: $0, facing: facing) }
            let sketch = CurveContinuation.sketch(after: beside, exemplar: curve, count: columns.count,
                                                  seed: seed &+ UInt64(salt))
            let continuation = path(curve, anchor, columns, sketch)
            var continued = [Double](repeating: Double(anchor), count: width)
            for (position, x) in columns.enumerated() { continued[x] = Double(continuation[position]) }
            EdgeRamp.apply(curve: continued, rows: rows, facing: facing, to: &alpha, width: width, columns: gap)
        }
        for row in 0..<rows.count {
            for x in gap { picture.pixels.pixels[(row * width + x) * 4 + 3] = alpha[row * width + x] }
        }
    }
}
