import ParallaxAV
import ParallaxCore

/// How the step loops write the pictures every render decodes once per step (step images and
/// layer strips): quick to decode, at a temporary name renamed when complete. Masks and object
/// pictures, read once if at all, stay compact. docs/step-folder.md argues the setting.
enum StepImageFile {
    static func write(_ raster: Raster, to path: String) throws {
        try AtomicOutput(path).write { try PNGImage.write(raster, to: $0, encoding: .quickToDecode) }
    }
}
