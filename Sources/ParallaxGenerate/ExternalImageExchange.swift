import Foundation
import ParallaxAV
import ParallaxCore

/// The files an external inpainter reads and writes for one step, and the check of its output.
struct ExternalImageExchange {
    let inputPath: String
    let outputPath: String

    init(workDirectory: String) {
        let directory = absolute(workDirectory)
        inputPath = (directory as NSString).appendingPathComponent("input.png")
        outputPath = (directory as NSString).appendingPathComponent("output.png")
    }

    /// Writes the shifted image and clears any stale output.
    func prepare(_ request: InpaintRequest) throws {
        try FileManager.default.createDirectory(atPath: request.workDirectory, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(atPath: outputPath)
        try PNGImage.write(request.image, to: inputPath)
    }

    /// The placeholder values for command templates and the worker's requests.
    func values(_ request: InpaintRequest) -> [String: String] {
        [
            "image": inputPath, "mask": absolute(request.maskPath), "output": outputPath,
            "prompt": request.prompt, "negative_prompt": request.negativePrompt,
            "seed": String(request.seed), "step": String(request.step),
            "layer_rows": request.layerRows, "depth": request.depthPath ?? "",
        ]
    }

    /// Reads the inpainter's output: it must exist, decode as PNG and have the step's size.
    func readOutput(_ request: InpaintRequest, inpainter: String) throws -> Raster {
        guard FileManager.default.fileExists(atPath: outputPath) else {
            throw InpaintError("inpainter \(inpainter) wrote no output for step \(request.step) (expected \(outputPath))")
        }
        let raster: Raster
        do {
            raster = try PNGImage.read(outputPath, channels: 3)
        } catch {
            throw InpaintError("inpainter \(inpainter) wrote an unreadable image for step \(request.step): \(error)")
        }
        guard raster.width == request.image.width, raster.height == request.image.height else {
            throw InpaintError("inpainter \(inpainter) wrote a \(raster.width)x\(raster.height) image for step "
                               + "\(request.step), expected \(request.image.width)x\(request.image.height)")
        }
        return raster
    }
}

/// Paths handed to other programs are absolute, so a tool that changes folder still finds them.
func absolute(_ path: String) -> String {
    URL(fileURLWithPath: path).standardizedFileURL.path
}
