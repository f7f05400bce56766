import ParallaxCore

/// Puts the known pixels back after an inpainter has run.
///
/// Inpainters may change pixels outside their mask (a diffusion model's VAE round trip does);
/// consecutive step images must agree wherever both are known, so outside the mask the known
/// pixel wins exactly, inside the gap the inpainted one does, and in between (a feathered,
/// grown or blurred mask) the two are blended by the mask value.
public enum KnownPixelPaste {
    public static func apply(known: Raster, inpainted: Raster, mask: Raster) -> Raster {
        precondition(known.width == inpainted.width && known.height == inpainted.height && mask.channels == 1)
        var result = known
        result.pixels.withUnsafeMutableBufferPointer { output in
            inpainted.pixels.withUnsafeBufferPointer { filled in
                mask.pixels.withUnsafeBufferPointer { weights in
                    for index in 0..<weights.count {
                        let weight = Int(weights[index])
                        if weight == 0 { continue }
                        let base = index * 3
                        if weight == 255 {
                            output[base] = filled[base]
                            output[base + 1] = filled[base + 1]
                            output[base + 2] = filled[base + 2]
                            continue
                        }
                        for channel in base..<(base + 3) {
                            let a = Int(output[channel]), b = Int(filled[channel])
                            output[channel] = UInt8((a * (255 - weight) + b * weight + 127) / 255)
                        }
                    }
                }
            }
        }
        return result
    }
}
