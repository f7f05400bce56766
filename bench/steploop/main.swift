// Times the step loop at 1600x1050 with the default preset layers: its own work per step (shift,
// mask, paste-back), the PNG writes, and the built-in inpainter, each averaged over the steps.
// Build in release: bash bench/step_loop.sh
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

let scene = Scene(direction: Direction(degrees: 180), stepShift: 24, steps: steps, layers: [
    Layer(name: "sky", height: height * 30 / 100, depth: .preset(.cloud)),
    Layer(name: "horizon", height: height * 20 / 100, depth: .preset(.horizon)),
    Layer(name: "background", height: height * 25 / 100, depth: .preset(.background)),
    Layer(name: "foreground", height: nil, depth: .preset(.foreground)),
])
let plan = try MotionPlan(scene: scene, width: width, height: height, file: "bench")
let shapes: [(String, MaskShape)] = [
    ("default mask", MaskShape()),
    ("grow 8 + feather 4 + round corners 6", MaskShape(grow: 8, cornerSize: 6, cornerStyle: .round, feather: 4)),
]
let builtin = BuiltinInpainter()
let clock = ContinuousClock()
let scratch = NSTemporaryDirectory() + "/bench-steploop-\(getpid())"
try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
defer { try? FileManager.default.removeItem(atPath: scratch) }

func milliseconds(_ duration: Duration) -> Double {
    Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
}

print("step loop at \(width)x\(height), \(plan.layers.count) layers, \(steps) steps each")
for (label, shape) in shapes {
    var image = landscape()
    var own = 0.0, fill = 0.0, write = 0.0
    for step in 1...steps {
        let start = clock.now
        let shifted = StepShift.apply(to: image, plan: plan, step: step)
        let mask = shape.mask(for: shifted)
        let shiftEnd = clock.now
        let request = InpaintRequest(step: step, seed: StepSeed.derive(seed: 1, step: step), image: shifted.image, mask: mask,
                                     maskPath: "", workDirectory: scratch, plan: plan, bands: shifted.bands, prompt: "",
                                     negativePrompt: "", depthPath: nil)
        let filled = try builtin.inpaint(request)
        let fillEnd = clock.now
        image = KnownPixelPaste.apply(known: shifted.image, inpainted: filled, mask: mask)
        let pasteEnd = clock.now
        try PNGImage.write(mask, to: scratch + "/mask.png")
        try PNGImage.write(image, to: scratch + "/step.png")
        let writeEnd = clock.now
        own += milliseconds(shiftEnd - start) + milliseconds(pasteEnd - fillEnd)
        fill += milliseconds(fillEnd - shiftEnd)
        write += milliseconds(writeEnd - pasteEnd)
    }
    let n = Double(steps)
    print(String(format: "  %@:", label))
    print(String(format: "    step loop (shift + mask + paste-back): %7.1f ms/step   (target < 40)", own / n))
    print(String(format: "    builtin inpainter:                     %7.1f ms/step   (target < 150)", fill / n))
    print(String(format: "    PNG writes (step + mask):              %7.1f ms/step", write / n))
}
