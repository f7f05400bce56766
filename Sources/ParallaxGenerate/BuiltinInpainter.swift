import Foundation
import ParallaxCore

/// The default inpainter: ``ExemplarFill`` run in process, band by band (the bands at once, on
/// the machine's cores), so each gap is filled from its own layer's texture. Deterministic for a
/// seed, whatever the number of cores.
public final class BuiltinInpainter: Inpainter {
    public let name = "builtin"
    public let patchSize: Int

    /// Its only state is the reference cache below, behind a lock: any number of requests at
    /// once (the cores they use are capped by `Cores.limit`).
    public var concurrentRequests: Int { .max }

    /// The exemplar fill centres no source on pixels behind the layer and keeps them out of its
    /// colour guides.
    public var readsBehindLayer: Bool { true }

    public init(patchSize: Int = 9) {
        self.patchSize = patchSize
    }

    /// Per band's context rows, what the request's reference held there: the same for every
    /// step of a run, so read once (read every step, it made each step measurably slower).
    private var references: [Range<Int>: (image: Raster, level: TextureReference)] = [:]
    private let referencesLock = NSLock()

    private func textureReference(_ image: Raster?, rows: Range<Int>) -> TextureReference? {
        guard let image else { return nil }
        // The loop passes the same buffer step after step: the comparison is by identity first.
        if let made = referencesLock.withLock({ references[rows] }), made.image == image { return made.level }
        let level = TextureReference(image.cropped(x: 0..<image.width, y: rows))
        referencesLock.withLock { references[rows] = (image, level) }
        return level
    }

    public func inpaint(_ request: InpaintRequest) throws -> Raster {
        var output = request.image
        let width = request.image.width, height = request.image.height
        // What each band's fill needs, gathered first (the reference cache is this object's state).
        var jobs: [(rows: Range<Int>, context: Range<Int>, fill: ExemplarFill, image: Raster, mask: Raster,
                    reference: TextureReference?, behindLayer: Raster?, masked: Int)] = []
        for band in request.bands {
            let rows = band.rows
            let masked = request.mask.pixels[(rows.lowerBound * width)..<(rows.upperBound * width)].count { $0 != 0 }
            guard masked > 0 else { continue }
            // A band lower than a patch borrows rows from its neighbours as context (masked only in the band).
            let context = Self.contextRows(rows, minimum: patchSize, imageHeight: height)
            var mask = [UInt8](repeating: 0, count: context.count * width)
            mask.replaceSubrange(((rows.lowerBound - context.lowerBound) * width)..<((rows.upperBound - context.lowerBound) * width),
                                 with: request.mask.pixels[(rows.lowerBound * width)..<(rows.upperBound * width)])
            let image = Array(request.image.pixels[(context.lowerBound * width * 3)..<(context.upperBound * width * 3)])
            let behindLayer = request.behindLayer?.cropped(x: 0..<width, y: context)
            let fill = ExemplarFill(seed: StepSeed.derive(seed: request.seed, step: request.step, salt: UInt64(band.layerIndex + 1)),
                                    patchSize: patchSize)
            jobs.append((rows, context, fill, Raster(width: width, height: context.count, channels: 3, pixels: image),
                         Raster(width: width, height: context.count, channels: 1, pixels: mask),
                         textureReference(request.reference, rows: context), behindLayer, masked))
        }
        // The bands are independent (each reads only its own rows, with its own seed): filled at
        // once, the largest gap first, so that the cores finish together (a fast band's gap is four
        // times a slow one's).
        let bands = jobs.sorted { $0.masked > $1.masked }
        let filled = Parallel.map(bands.count) { index in
            bands[index].fill.fill(bands[index].image, mask: bands[index].mask, reference: bands[index].reference,
                                   behindLayer: bands[index].behindLayer)
        }
        for (job, band) in zip(bands, filled) {
            let offset = (job.rows.lowerBound - job.context.lowerBound) * width * 3
            output.pixels.replaceSubrange((job.rows.lowerBound * width * 3)..<(job.rows.upperBound * width * 3),
                                          with: band.pixels[offset..<(offset + job.rows.count * width * 3)])
        }
        return output
    }

    /// `rows`, grown evenly up and down to at least `minimum` rows, within the image.
    static func contextRows(_ rows: Range<Int>, minimum: Int, imageHeight: Int) -> Range<Int> {
        guard rows.count < minimum else { return rows }
        let wanted = min(minimum, imageHeight)
        var top = max(0, rows.lowerBound - (wanted - rows.count) / 2)
        let bottom = min(imageHeight, top + wanted)
        top = max(0, bottom - wanted)
        return top..<bottom
    }
}
