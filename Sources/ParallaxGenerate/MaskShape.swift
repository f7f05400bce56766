import Foundation
import ParallaxCore

/// How the gap mask is widened and softened before the inpainter sees it. See docs/generate.md.
///
/// The gap itself (the pixels the shift left unknown) is always fully masked. Everything else
/// is a known pixel; a non-zero mask value there means "the inpainter may repaint this, blended
/// with the known pixel by the mask value" (paste-back, ``KnownPixelPaste``).
public struct MaskShape: Hashable, Sendable {
    public enum CornerStyle: String, CaseIterable, Sendable {
        /// The grown strip narrows linearly to nothing at the band's edges.
        case taper
        /// The grown strip ends in a quarter circle at the band's edges.
        case round
    }

    /// Pixels the mask grows from the gap into the known pixels beside it (the seam side), so the
    /// inpainter can redo the seam.
    public var grow: Double
    /// Distance from the band's edges over which the grown strip narrows to nothing (0: square corners).
    public var cornerSize: Double
    public var cornerStyle: CornerStyle
    /// Width of a linear ramp at the outer edge of the grown strip, inside it.
    public var feather: Double
    /// Beyond the grown strip, the mask decays as exp(−distance / falloff) (0: no tail).
    public var falloff: Double
    /// Gaussian blur radius in pixels applied to the mask within each band (0: none).
    public var blur: Double
    /// Strength of everything outside the gap, 0…1: the blend weight is lerp(0, mask, alpha).
    public var alpha: Double

    public init(grow: Double = 0, cornerSize: Double = 0, cornerStyle: CornerStyle = .taper, feather: Double = 0,
                falloff: Double = 0, blur: Double = 0, alpha: Double = 1) {
        self.grow = grow
        self.cornerSize = cornerSize
        self.cornerStyle = cornerStyle
        self.feather = feather
        self.falloff = falloff
        self.blur = blur
        self.alpha = alpha
    }

    /// True when the mask is exactly the gap.
    public var isIdentity: Bool { (grow == 0 && falloff == 0 && blur == 0) || alpha == 0 }

    /// The processed mask of a shifted step: 255 in the gap, a blend weight elsewhere.
    public func mask(for shifted: ShiftedStep) -> Raster {
        if isIdentity { return shifted.gap }
        var mask = shifted.gap
        let width = shifted.gap.width
        for band in shifted.bands where band.opensGap {
            let window = reach(of: band, width: width)
            var weights = weights(band, window: window, width: width)
            if blur > 0 { GaussianBlur.apply(to: &weights, width: window.x.count, height: window.y.count, radius: blur) }
            for y in window.y {
                let row = (y - window.y.lowerBound) * window.x.count - window.x.lowerBound
                for x in window.x where mask.pixels[y * width + x] != 255 {
                    let value = (alpha * weights[row + x] * 255).rounded()
                    mask.pixels[y * width + x] = UInt8(max(0, min(255, value)))
                }
            }
        }
        return mask
    }

    /// The part of a band the shaped mask can touch: a strip beside the gap as wide as the grow,
    /// the falloff tail and the blur reach (the whole band when the gap has two arms).
    func reach(of band: BandShift, width: Int) -> (x: Range<Int>, y: Range<Int>) {
        let tail = falloff > 0 ? falloff * log(510) : 0
        let blurReach = Int(blur.rounded(.up))
        let distance = grow + tail + 1
        let shift = band.shift, rows = band.rows
        if shift.x != 0 && shift.y != 0 { return (0..<width, rows) }
        if shift.x != 0 {
            let span = Int((distance * abs(band.unit.x)).rounded(.up)) + blurReach + 1
            let columns = shift.x > 0 ? 0..<min(width, shift.x + span) : max(0, width + shift.x - span)..<width
            return (columns, rows)
        }
        let span = Int((distance * abs(band.unit.y)).rounded(.up)) + blurReach + 1
        let top = rows.lowerBound, bottom = rows.upperBound
        let strip = shift.y > 0 ? top..<min(bottom, top + shift.y + span) : max(top, bottom + shift.y - span)..<bottom
        return (0..<width, strip)
    }

    /// The blend weight, 0…1, of every pixel in `window` of one band (the gap is 1).
    func weights(_ band: BandShift, window: (x: Range<Int>, y: Range<Int>), width: Int) -> [Double] {
        let top = band.rows.lowerBound, bottom = band.rows.upperBound
        var weights = [Double](repeating: 0, count: window.x.count * window.y.count)
        var index = 0
        for y in window.y {
            for x in window.x {
                let (distance, edge) = distanceFromGap(x: x, y: y, band: band, width: width, top: top, bottom: bottom)
                let weight: Double
                if distance <= 0 {
                    weight = 1
                } else {
                    let reach = grow * cornerFactor(edge)
                    if distance <= reach {
                        weight = feather > 0 ? min(1, (reach - distance + 1) / feather) : 1
                    } else if falloff > 0 {
                        let tail = exp(-(distance - reach) / falloff)
                        weight = tail < 0.5 / 255 ? 0 : tail
                    } else {
                        weight = 0
                    }
                }
                weights[index] = weight
                index += 1
            }
        }
        return weights
    }

    /// How far a known pixel lies from the gap, measured back along the direction of motion
    /// (1 = next to the gap), and its distance to the band's edges along the seam (for corners).
    /// The gap itself gives 0.
    func distanceFromGap(x: Int, y: Int, band: BandShift, width: Int, top: Int, bottom: Int) -> (Double, Double) {
        let shift = band.shift, unit = band.unit
        var best = Double.infinity, edge = Double.infinity
        if shift.x > 0 || shift.x < 0 {
            // A vertical gap strip: columns < shift.x (moving right) or ≥ width + shift.x (moving left).
            let steps = shift.x > 0 ? Double(x - shift.x + 1) : Double(width + shift.x - x)
            let distance = steps <= 0 ? 0 : steps / max(abs(unit.x), 1e-9)
            if distance < best { best = distance; edge = Double(min(y - top + 1, bottom - y)) }
        }
        if shift.y != 0 {
            // A horizontal gap strip at the band's top (moving down) or bottom (moving up).
            let steps = shift.y > 0 ? Double(y - (top + shift.y) + 1) : Double(bottom + shift.y - y)
            let distance = steps <= 0 ? 0 : steps / max(abs(unit.y), 1e-9)
            if distance < best { best = distance; edge = Double(min(x + 1, width - x)) }
        }
        return (best, edge)
    }

    /// 1 away from the band's edges; narrowing to 0 within `cornerSize` of them.
    func cornerFactor(_ edge: Double) -> Double {
        guard cornerSize > 0, edge < cornerSize else { return 1 }
        let t = max(0, edge) / cornerSize
        switch cornerStyle {
        case .taper: return t
        case .round: return (1 - (1 - t) * (1 - t)).squareRoot()
        }
    }
}
