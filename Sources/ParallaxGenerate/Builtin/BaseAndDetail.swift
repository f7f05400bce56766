/// Keeps a copied fill's detail but holds its large-scale colour near what the surroundings allow.
///
/// A copy brings its source's colour along: a tower copied into a dark sky is bright, a patch
/// from the wrong part of a cluttered band puts a colour region in the wrong place. The guide is
/// the colour the hole should have at a large scale: the known pixels' local means carried into
/// the hole by a membrane. The known pixels also show how far colours stray from their local mean
/// (their standard deviation over a wider box, carried in the same way). Each hole pixel's low
/// frequencies (the mean of the copied pixels in a box of `detailRadius`) are clamped to the
/// guide plus or minus that spread (times `spreadFactor`, plus `slack`), and its detail (the copy
/// minus that mean) is kept. Away from the boundary the guide fades into the far field
/// (`FarField`), so an object at the boundary is not carried across the hole as a streak. In a
/// uniform sky the spread is small and a copied tower takes the sky's colour; among bricks and
/// joints or along a slope edge the spread is large and a copy that continues the structure keeps
/// its colour.
enum BaseAndDetail {
    /// Half the side of the box whose mean is taken as the low frequencies: about the 8x8 scale
    /// at which the fill's large-scale colour is judged; finer than that is texture and is kept.
    static let detailRadius = 4
    /// How many of the surroundings' standard deviations a copy's local mean may stray from the
    /// guide, and a slack (levels) on top. Measured on the harness (bench/fill_quality.sh, three
    /// seeds): 1 left most colour errors in place, 0.25 or less flattened the fill into a smear.
    static let spreadFactor = 0.5
    static let slack = 4.0
    /// Links between rows count this much against links along a row in the guide's membrane: a
    /// full membrane blurs thin horizontal regions (a lake) into their neighbours across a strip;
    /// 0.25 or less pulls a slanted edge flat.
    static let crossWeight: Float = 0.5
    static let sweeps = 40
    static let relaxation: Float = 1.8

    /// `pixels`: the copied fill (RGB); `original`: the image before the fill; `radius`: how far
    /// along the rows the guide's box reaches, and the half side of the box the spread is
    /// measured over; `farField`: per hole pixel (slot, RGB) what the guide fades into
    /// (`FillGuide.farField`; empty: the guide does not fade). Only hole pixels change.
    static func apply(to pixels: inout [UInt8], original: [UInt8], hole: [Bool], order: [Int32],
                      width: Int, height: Int, radius: Int, farField: [Float] = []) {
        guard let target = Target(original: original, hole: hole, order: order, width: width, height: height,
                                  radius: radius, farField: farField) else { return }
        apply(to: &pixels, hole: hole, order: order, width: width, target: target)
    }

    /// What the hole's low frequencies are held to: the guide and the spread allowed around it.
    /// It reads only the known pixels, so the fill computes it while the copy is being made.
    struct Target {
        /// The hole's bounding box, grown to hold every box read.
        let left: Int, top: Int, boxWidth: Int, boxHeight: Int
        /// Per hole pixel (slot, RGB): the colour it should have, and how far it may stray.
        let guide: [Float], spread: [Float]

        init?(original: [UInt8], hole: [Bool], order: [Int32], width: Int, height: Int, radius: Int,
              farField: [Float] = []) {
            guard !order.isEmpty else { return nil }
            let r = BaseAndDetail.detailRadius
            // Work inside the hole's bounding box, grown to hold every box read below.
            let margin = max(r, radius + 1)
            let (left, right, top, bottom) = OnionPeelOrder.bounds(of: order, width: width, height: height, grownBy: margin)
            let boxWidth = right - left + 1, boxHeight = bottom - top + 1
            // Known pixels: value and square per channel, and count.
            var knownValues = [Double](repeating: 0, count: boxWidth * boxHeight * 7)
            for y in 0..<boxHeight {
                for x in 0..<boxWidth {
                    let p = (top + y) * width + left + x, b = y * boxWidth + x
                    guard !hole[p] else { continue }
                    for k in 0..<3 {
                        let v = Double(original[p * 3 + k])
                        knownValues[b * 7 + k] = v; knownValues[b * 7 + 3 + k] = v * v
                    }
                    knownValues[b * 7 + 6] = 1
                }
            }
            let known = BoxSums(knownValues, width: boxWidth, height: boxHeight, channels: 7)
            // The colour the hole should have: the known pixels' local means, carried into the hole.
            // The box reaches far along the rows (a stripe's phase at the hole's edge must not decide
            // its colour) but only the detail radius across them: layers are horizontal bands, and a
            // thin region such as a lake between a hill and a shore keeps its own colour.
            guide = MembraneRelaxation.continuation(hole: hole, order: order, width: width, height: height,
                                                    sweeps: BaseAndDetail.sweeps, omega: BaseAndDetail.relaxation,
                                                    crossWeight: BaseAndDetail.crossWeight,
                                                    screening: farField.isEmpty ? 0 : FarField.screening,
                                                    prior: farField) { q in
                let x = q % width - left, y = q / width - top
                let count = known.sum(6, x: x, y: y, radiusX: radius, radiusY: r)
                guard count > 0 else { return (0, 0, 0) }
                func mean(_ k: Int) -> Float { Float(known.sum(k, x: x, y: y, radiusX: radius, radiusY: r) / count) }
                return (mean(0), mean(1), mean(2))
            }
            // How far colours stray from their local mean around each known pixel, over the wider
            // box, carried into the hole.
            spread = MembraneRelaxation.continuation(hole: hole, order: order, width: width, height: height,
                                                     sweeps: BaseAndDetail.sweeps, omega: BaseAndDetail.relaxation) { q in
                let x = q % width - left, y = q / width - top
                let count = known.sum(6, x: x, y: y, radius: radius)
                guard count > 0 else { return (0, 0, 0) }
                func deviation(_ k: Int) -> Float {
                    let mean = known.sum(k, x: x, y: y, radius: radius) / count
                    return Float(max(0, known.sum(3 + k, x: x, y: y, radius: radius) / count - mean * mean).squareRoot())
                }
                return (deviation(0), deviation(1), deviation(2))
            }
            self.left = left; self.top = top; self.boxWidth = boxWidth; self.boxHeight = boxHeight
        }
    }

    /// Holds the copy's low frequencies in `pixels` to `target`, keeping its detail.
    static func apply(to pixels: inout [UInt8], hole: [Bool], order: [Int32], width: Int, target: Target) {
        let r = detailRadius, factor = spreadFactor, slack = self.slack
        let left = target.left, top = target.top, boxWidth = target.boxWidth, boxHeight = target.boxHeight
        // Copied (hole) pixels: value, count. The copy's local mean is over copied pixels only: a box
        // reaching across the hole's edge would take the step between the known image and the copy
        // for detail and keep it.
        var copiedValues = [Double](repeating: 0, count: boxWidth * boxHeight * 4)
        for y in 0..<boxHeight {
            for x in 0..<boxWidth {
                let p = (top + y) * width + left + x, b = y * boxWidth + x
                guard hole[p] else { continue }
                for k in 0..<3 { copiedValues[b * 4 + k] = Double(pixels[p * 3 + k]) }
                copiedValues[b * 4 + 3] = 1
            }
        }
        let copied = BoxSums(copiedValues, width: boxWidth, height: boxHeight, channels: 4)
        for (slot, entry) in order.enumerated() {
            let p = Int(entry), x = p % width - left, y = p / width - top
            let count = copied.sum(3, x: x, y: y, radius: r)
            for k in 0..<3 {
                let mean = copied.sum(k, x: x, y: y, radius: r) / count
                let guide = Double(target.guide[slot * 3 + k])
                let allowed = factor * Double(target.spread[slot * 3 + k]) + slack
                let low = guide + min(max(mean - guide, -allowed), allowed)
                let value = Double(pixels[p * 3 + k]) - mean + low
                pixels[p * 3 + k] = UInt8(min(max(value.rounded(), 0), 255))
            }
        }
    }
}
