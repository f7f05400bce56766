// Times the real step loop, `StepLoop.run`, at 1600x1050 with the default preset layers: a
// project on disk, the built-in inpainter, every step shifted, masked, filled, pasted back,
// written under a temporary name and renamed, journaled, and the previous step read back, as
// `parallax generate` does it. The inpainter's own time is measured inside the same run (it is
// wrapped), so the loop's own work per step is the whole minus the fill. Wall-clock and CPU time
// (this process, all threads) are both reported: on a shared machine the wall clock also counts
// waiting for a core.
// Build in release: bash bench/step_loop.sh [WIDTH HEIGHT STEPS]
import Foundation
import ParallaxAV
import ParallaxCore
import ParallaxGenerate

let arguments = CommandLine.arguments
let width = arguments.count > 1 ? Int(arguments[1]) ?? 1600 : 1600
let height = arguments.count > 2 ? Int(arguments[2]) ?? 1050 : 1050
let steps = arguments.count > 3 ? Int(arguments[3]) ?? 12 : 12

/// A textured landscape-like image (sky gradient, hills, noisy ground), made in place.
func landscape() -> Raster {
    var raster = Raster(width: width, height: height, channels: 3)
    var state: UInt64 = 0x2545_F491_4F6C_DD1D
    for y in 0..<height {
        for x in 0..<width {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17
            let noise = Int(state & 31)
            let hill = Double(height) * (0.45 + 0.08 * sin(Double(x) / 70) + 0.03 * sin(Double(x) / 13))
            let base = (y * width + x) * 3
            let sky = Double(y) < hill
            raster.pixels[base] = UInt8(sky ? 90 + y * 100 / height : 40 + noise + (x / 7) % 30)
            raster.pixels[base + 1] = UInt8(sky ? 150 + y * 60 / height : 90 + noise)
            raster.pixels[base + 2] = UInt8(sky ? 230 - noise / 4 : 30 + (y / 5) % 40)
        }
    }
    return raster
}

/// CPU time of this process so far (user + system, all threads), in milliseconds.
func cpuMilliseconds() -> Double {
    var usage = rusage()
    getrusage(RUSAGE_SELF.rawValue, &usage)
    func ms(_ time: timeval) -> Double { Double(time.tv_sec) * 1000 + Double(time.tv_usec) / 1000 }
    return ms(usage.ru_utime) + ms(usage.ru_stime)
}

/// The built-in inpainter, timed: the loop calls it exactly as it calls any inpainter.
final class TimedInpainter: Inpainter {
    let inner = BuiltinInpainter()
    let clock = ContinuousClock()
    var total = Duration.zero
    var cpu = 0.0
    var name: String { inner.name }
    func inpaint(_ request: InpaintRequest) throws -> Raster {
        let start = clock.now, startCPU = cpuMilliseconds()
        defer {
            total += clock.now - start
            cpu += cpuMilliseconds() - startCPU
        }
        return try inner.inpaint(request)
    }
    func finish() { inner.finish() }
}

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

let scene = Scene(direction: Direction(degrees: 180), stepShift: 24, steps: steps, layers: [
    Layer(name: "sky", height: height * 30 / 100, depth: .preset(.cloud)),
    Layer(name: "horizon", height: height * 20 / 100, depth: .preset(.horizon)),
    Layer(name: "background", height: height * 25 / 100, depth: .preset(.background)),
    Layer(name: "foreground", height: nil, depth: .preset(.foreground)),
])
let shapes: [(String, MaskShape)] = [
    ("default mask", MaskShape()),
    ("grow 8 + feather 4 + round corners 6", MaskShape(grow: 8, cornerSize: 6, cornerStyle: .round, feather: 4)),
]
let scratch = NSTemporaryDirectory() + "/bench-steploop-\(getpid())"
defer { try? FileManager.default.removeItem(atPath: scratch) }
let image = landscape()
let clock = ContinuousClock()

print("StepLoop.run at \(width)x\(height), \(scene.layers.count) layers, \(steps) steps each, built-in inpainter, "
      + "\(ProcessInfo.processInfo.activeProcessorCount) cores (the fill's independent parts run at once: wall below CPU)")
for (index, (label, shape)) in shapes.enumerated() {
    // A fresh project per mask: scene.json and step 0, as `parallax init` leaves them.
    let directory = scratch + "/project\(index)"
    try FileManager.default.createDirectory(atPath: directory + "/steps", withIntermediateDirectories: true)
    try SceneFile.encode(scene).write(to: URL(fileURLWithPath: directory + "/scene.json"))
    try PNGImage.write(image, to: StepFolder(projectDirectory: directory).stepPath(0))
    let project = try Project(path: directory)
    let inpainter = TimedInpainter()
    let loop = StepLoop(project: project, inpainter: inpainter, settings: GenerateSettings(seed: 1, mask: shape))
    let start = clock.now, startCPU = cpuMilliseconds()
    let summary = try loop.run()
    let whole = milliseconds(clock.now - start), wholeCPU = cpuMilliseconds() - startCPU
    guard summary.stepsWritten == steps else { fatalError("the loop wrote \(summary.stepsWritten) of \(steps) steps") }
    let n = Double(steps)
    let fill = milliseconds(inpainter.total)
    print("  \(label):")
    let fillCPU = inpainter.cpu
    print("                                               wall ms/step   CPU ms/step")
    print(String(format: "    StepLoop.run, whole:                      %7.1f        %7.1f", whole / n, wholeCPU / n))
    print(String(format: "    built-in inpainter (inside the run):      %7.1f        %7.1f   (target < 150 wall)", fill / n, fillCPU / n))
    print(String(format: "    the loop's own work (whole minus fill):   %7.1f        %7.1f", (whole - fill) / n, (wholeCPU - fillCPU) / n))
    print("      (shift, mask, paste-back, PNG encoding and atomic rename of step and mask, journal;")
    print("       the < 40 ms target was set for shift, mask and paste-back alone, before the PNG")
    print("       writes and the rest were timed with them)")
}
