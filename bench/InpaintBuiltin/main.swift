// bench-inpaint: times the built-in exemplar fill on the step-loop case it is made for.
//
// Each step shifts four horizontal bands of a 1600x1050 image (the bundled landscape, scaled up)
// by their own speed times a 24 px step shift, masks the gap each band opens at its trailing edge,
// and fills it. The filled image feeds the next step, as in the real step loop.
//
//   swift run -c release bench-inpaint                       # 1600x1050, direction 180, 6 steps
//   swift run -c release bench-inpaint --direction 135 --steps 3
//   swift run -c release bench-inpaint --width 480 --height 270 --steps 12 --out /tmp/fill
//     (--out writes step images and masks as PNGs for looking at)
//   --uniform: every band moves the full step shift (the most pixels to fill)
//   --whole-image: one fill over the whole image instead of one per band
//   --refine N: refinement passes (default 1)
//   --search N: search radius (default: ExemplarFill's)
import Foundation
import ParallaxAV
import ParallaxCore
import ParallaxGenerate

struct Options {
    var width = 1600, height = 1050, steps = 6, stepShift = 24.0, direction = 180.0
    var image = "fixtures/landscape.png"
    var output: String? = nil
    var seed: UInt64 = 1
    var uniform = false
    var wholeImage = false
    var refinementPasses = 1
    var searchRadius = ExemplarFill().searchRadius

    init(_ arguments: [String]) {
        var iterator = arguments.makeIterator()
        while let flag = iterator.next() {
            if flag == "--uniform" { uniform = true; continue }
            if flag == "--whole-image" { wholeImage = true; continue }
            guard let value = iterator.next() else { fail("\(flag) needs a value") }
            switch flag {
            case "--width": width = number(value, "--width")
            case "--height": height = number(value, "--height")
            case "--steps": steps = number(value, "--steps")
            case "--shift": stepShift = number(value, "--shift")
            case "--direction": direction = number(value, "--direction")
            case "--seed": seed = number(value, "--seed")
            case "--refine": refinementPasses = number(value, "--refine")
            case "--search": searchRadius = number(value, "--search")
            case "--image": image = value
            case "--out": output = value
            default: fail("unknown option \(flag)")
            }
        }
    }
}

func number<T: LosslessStringConvertible>(_ value: String, _ flag: String) -> T {
    guard let parsed = T(value) else { fail("\(flag): not a number: \(value)") }
    return parsed
}

/// CPU time of this process, every thread (the fill runs its independent parts on several cores):
/// unlike wall time, it does not grow when other jobs share the cores.
func processCPUNanoseconds() -> UInt64 {
    var spec = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &spec)
    return UInt64(spec.tv_sec) * 1_000_000_000 + UInt64(spec.tv_nsec)
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("bench-inpaint: \(message)\n".utf8))
    exit(2)
}

/// Bilinear resize, so the bench image has the real fixture's regions at the target size.
func resized(_ source: Raster, width: Int, height: Int) -> Raster {
    var out = Raster(width: width, height: height, channels: 3)
    for y in 0..<height {
        let fy = (Double(y) + 0.5) * Double(source.height) / Double(height) - 0.5
        let y0 = max(0, min(source.height - 1, Int(fy.rounded(.down)))), y1 = min(source.height - 1, y0 + 1)
        let ty = max(0, min(1, fy - Double(y0)))
        for x in 0..<width {
            let fx = (Double(x) + 0.5) * Double(source.width) / Double(width) - 0.5
            let x0 = max(0, min(source.width - 1, Int(fx.rounded(.down)))), x1 = min(source.width - 1, x0 + 1)
            let tx = max(0, min(1, fx - Double(x0)))
            for c in 0..<3 {
                let top = Double(source[x0, y0, c]) * (1 - tx) + Double(source[x1, y0, c]) * tx
                let bottom = Double(source[x0, y1, c]) * (1 - tx) + Double(source[x1, y1, c]) * tx
                out[x, y, c] = UInt8((top * (1 - ty) + bottom * ty).rounded())
            }
        }
    }
    return out
}

/// Moves each band by its integer shift; returns the moved image and the mask of the opened gap.
func shifted(_ image: Raster, bands: [(top: Int, height: Int, dx: Int, dy: Int)]) -> (Raster, Raster) {
    var moved = image
    var mask = Raster(width: image.width, height: image.height, channels: 1)
    for band in bands {
        for y in band.top..<(band.top + band.height) {
            for x in 0..<image.width {
                let sx = x - band.dx, sy = y - band.dy
                if sx >= 0, sx < image.width, sy >= band.top, sy < band.top + band.height {
                    for c in 0..<3 { moved[x, y, c] = image[sx, sy, c] }
                } else {
                    mask.pixels[y * image.width + x] = 255
                }
            }
        }
    }
    return (moved, mask)
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let fixture: Raster
do { fixture = try PNGImage.read(options.image) } catch { fail("cannot read \(options.image): \(error)") }
var image = resized(fixture, width: options.width, height: options.height)

// Four bands, far to near, with the presets' speeds (horizon, cloud, background, foreground).
let speeds = options.uniform ? [1.0, 1.0, 1.0, 1.0] : [0.0625, 0.35, 0.8625, 1.0]
let cuts = [0, 0.36, 0.55, 0.78, 1.0].map { Int(($0 * Double(options.height)).rounded()) }
let theta = options.direction * .pi / 180
var carried = [(Double, Double)](repeating: (0, 0), count: 4)

let filler = ExemplarFill(seed: options.seed, searchRadius: options.searchRadius,
                          refinementPasses: options.refinementPasses)
var total = 0.0, cpuTotal = 0.0, maskedTotal = 0
if let directory = options.output {
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try? PNGImage.write(image, to: "\(directory)/step000.png")
}
for step in 1...options.steps {
    var bands: [(top: Int, height: Int, dx: Int, dy: Int)] = []
    for i in 0..<4 {
        // Bresenham-style carry so the integer shifts do not drift.
        let vx = speeds[i] * options.stepShift * cos(theta), vy = -speeds[i] * options.stepShift * sin(theta)
        let before = carried[i]
        carried[i] = (before.0 + vx, before.1 + vy)
        let dx = Int(carried[i].0.rounded()) - Int(before.0.rounded())
        let dy = Int(carried[i].1.rounded()) - Int(before.1.rounded())
        bands.append((cuts[i], cuts[i + 1] - cuts[i], dx, dy))
    }
    let (moved, mask) = shifted(image, bands: bands)
    let masked = mask.pixels.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
    let start = DispatchTime.now().uptimeNanoseconds, cpuStart = processCPUNanoseconds()
    image = options.wholeImage ? filler.fill(moved, mask: mask)
                               : filler.fill(moved, mask: mask, bands: bands.map { $0.top..<($0.top + $0.height) })
    let milliseconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
    let cpuMilliseconds = Double(processCPUNanoseconds() - cpuStart) / 1e6
    total += milliseconds
    cpuTotal += cpuMilliseconds
    maskedTotal += masked
    print(String(format: "step %d: %.1f ms wall, %.1f ms CPU (%d masked pixels)", step, milliseconds, cpuMilliseconds, masked))
    if let directory = options.output {
        let name = String(format: "%03d", step)
        try? PNGImage.write(moved, to: "\(directory)/moved\(name).png")
        try? PNGImage.write(mask, to: "\(directory)/mask\(name).png")
        try? PNGImage.write(image, to: "\(directory)/step\(name).png")
    }
}
print(String(format: "builtin fill, %dx%d, direction %.0f, step shift %.0f px%@: %.1f ms per step wall, %.1f ms CPU (mean of %d steps, %d masked pixels per step, %d cores)",
             options.width, options.height, options.direction, options.stepShift, options.uniform ? ", every band 24 px" : "",
             total / Double(options.steps), cpuTotal / Double(options.steps), options.steps, maskedTotal / options.steps,
             ProcessInfo.processInfo.activeProcessorCount))
