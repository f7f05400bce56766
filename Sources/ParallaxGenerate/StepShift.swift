import ParallaxCore

/// One band's move in one step: its rows and the whole-pixel shift it makes.
public struct BandShift: Hashable, Sendable {
    public let layerIndex: Int
    public let rows: Range<Int>
    public let shift: PixelOffset
    /// The layer's unit direction of motion (image coordinates, y down).
    public let unit: Vector

    public var opensGap: Bool { shift.x != 0 || shift.y != 0 }
}

/// A step's image before filling: every band moved by its shift, the gaps it opened left black,
/// and the binary mask of those gaps (255 = unknown, must be filled).
public struct ShiftedStep: Sendable {
    public let step: Int
    public let image: Raster
    public let gap: Raster
    public let bands: [BandShift]
}

/// Moves each band of the previous step image by the layer's integer shift for step k.
///
/// Band i of step k is band i of step k−1 moved by `shift(inStep: k)` (round(k·v) − round((k−1)·v),
/// so the total never drifts), cropped to the band's own rows: what leaves the band is dropped, and
/// what enters at the trailing edge is the gap.
public enum StepShift {
    public static func bands(plan: MotionPlan, step: Int) -> [BandShift] {
        plan.layers.enumerated().map { index, layer in
            BandShift(layerIndex: index, rows: layer.rows, shift: layer.shift(inStep: step), unit: layer.direction.unitVector)
        }
    }

    public static func apply(to previous: Raster, plan: MotionPlan, step: Int) -> ShiftedStep {
        precondition(previous.channels == 3 && previous.width == plan.width && previous.height == plan.height,
                     "the previous step must be an RGB image of the plan's size")
        let bands = bands(plan: plan, step: step)
        let width = plan.width
        var image = Raster(width: width, height: plan.height, channels: 3)
        var gap = Raster(width: width, height: plan.height, channels: 1)
        previous.pixels.withUnsafeBufferPointer { source in
            image.pixels.withUnsafeMutableBufferPointer { destination in
                gap.pixels.withUnsafeMutableBufferPointer { gapPixels in
                    for band in bands {
                        let dx = band.shift.x, dy = band.shift.y
                        // Destination columns that have a source column inside the image.
                        let firstColumn = max(0, dx), endColumn = min(width, width + dx)
                        for y in band.rows {
                            let sourceY = y - dy
                            let gapRow = gapPixels.baseAddress! + y * width
                            guard band.rows.contains(sourceY), firstColumn < endColumn else {
                                gapRow.update(repeating: 255, count: width)
                                continue
                            }
                            let count = (endColumn - firstColumn) * 3
                            let from = source.baseAddress! + (sourceY * width + firstColumn - dx) * 3
                            let to = destination.baseAddress! + (y * width + firstColumn) * 3
                            to.update(from: from, count: count)
                            if firstColumn > 0 { gapRow.update(repeating: 255, count: firstColumn) }
                            if endColumn < width { (gapRow + endColumn).update(repeating: 255, count: width - endColumn) }
                        }
                    }
                }
            }
        }
        return ShiftedStep(step: step, image: image, gap: gap, bands: bands)
    }
}
