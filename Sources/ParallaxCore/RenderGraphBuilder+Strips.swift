import Foundation
import FilterGraph

extension RenderGraphBuilder {
    /// `layers/NN/%06d.png` beside the folder of `stepPattern` (`.../steps/%06d.png`).
    public static func defaultStripPattern(stepPattern: String, layer: Int) -> String {
        // Plain string surgery: the pattern's folder names are already escaped for image2.
        var parts = stepPattern.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts.removeLast(min(2, parts.count))
        let number = String(layer)
        let folder = String(repeating: "0", count: max(0, 2 - number.count)) + number
        return (parts + ["layers", folder, "%0\(StepFolder.digits)d.png"]).joined(separator: "/")
    }

    /// `layers/objects/NN.png` beside the folder of `stepPattern`.
    public static func defaultObjectPicture(stepPattern: String, object: Int) -> String {
        let layerFolder = defaultStripPattern(stepPattern: stepPattern, layer: object)
            .split(separator: "/", omittingEmptySubsequences: false).dropLast(2).joined(separator: "/")
        let number = String(object)
        return layerFolder + "/objects/" + String(repeating: "0", count: max(0, 2 - number.count)) + number + ".png"
    }

    /// Contour scenes: each layer's strip slid to its exact offset (a picture with alpha), then
    /// all of them overlaid back to front on a black frame, farthest first. Cut to the plan's
    /// exact frame count.
    mutating func compositedStrips() -> Label {
        var frame = canvas(height: plan.height)
        for index in layout.drawOrder {
            let picture = self.stripPicture(index)
            frame = graph.chain([frame, picture], [
                Filter("overlay", ["x": 0, "y": layout.strips[index].rows.lowerBound, "format": "gbrp"]),
            ], hint: "composite")
        }
        for index in plan.objects.indices {
            frame = drawObject(index, on: frame)
        }
        return graph.chain([frame], [Filter("trim", ["end_frame": plan.frameCount])], hint: "frames")
    }

    /// One layer's strip at every output frame: planar RGB, with alpha when it has a curve edge.
    ///
    /// Overlay blends by the top picture's alpha, which would blend a strip's antialiased edge
    /// with itself where the strip of step K lies over the one of step K+1. So the colour and the
    /// alpha slide separately, both as opaque pictures (the alpha as grey planar RGB: no
    /// subsampling, so every offset is exact, and no range conversion on the way, so 255 stays
    /// 255; a `yuvj444p` picture was tried and overlay turned it into limited-range `yuv444p`),
    /// and are joined after sliding. Only the rows the edge can reach carry alpha that varies
    /// (``LayerStrip/varyingAlphaRows``); the rest is opaque, so only those rows slide, on an
    /// opaque (white) canvas the strip's height.
    mutating func stripPicture(_ index: Int) -> Label {
        let layer = plan.layers[index]
        let strip = layout.strips[index]
        let decoded = graph.chain([], [
            Filter("movie", ["filename": stripPatterns[index], "format_name": "image2"]),
            Filter("format", ["pix_fmts": strip.isOpaque ? Self.workingPixelFormat : "gbrap"]),
        ], hint: "strip")
        guard layer.isMoving else {
            return graph.chain([decoded], atStepRate() + repeatToOutputRate(), hint: "still")
        }
        if strip.isOpaque {
            let colour = slid(decoded, layer: layer, rows: strip.rows.count, pixelFormat: Self.workingPixelFormat,
                              overlayFormat: "gbrp", hint: "colour")
            return applyEffects(to: colour, layer: index)
        }
        let parts = graph.split(decoded, into: 2)
        let colourSteps = graph.chain([parts[0]], [Filter("format", ["pix_fmts": Self.workingPixelFormat])], hint: "colsteps")
        let varying = strip.varyingAlphaRows
        var alphaFilters = [Filter("alphaextract")]
        if varying != 0..<strip.rows.count {
            alphaFilters.append(Filter("crop", ["w": plan.width, "h": varying.count, "x": 0, "y": varying.lowerBound, "exact": 1]))
        }
        let alphaSteps = graph.chain([parts[1]], alphaFilters + [Filter("format", ["pix_fmts": Self.workingPixelFormat])],
                                     hint: "alphasteps")
        let colour = applyEffects(to: slid(colourSteps, layer: layer, rows: strip.rows.count,
                                           pixelFormat: Self.workingPixelFormat, overlayFormat: "gbrp", hint: "colour"),
                                  layer: index)
        let alpha = graph.chain([slid(alphaSteps, layer: layer, rows: strip.rows.count, pixelFormat: Self.workingPixelFormat,
                                      overlayFormat: "gbrp", hint: "alpha", canvasColour: "white", rowOffset: varying.lowerBound)],
                                [Filter("extractplanes", ["planes": "g"])], hint: "alpha")
        return graph.chain([colour, alpha], [Filter("alphamerge")], hint: "layer")
    }

    /// An object above the layers: its one picture, with its mask as alpha, at its box moved by
    /// round(u·v) at every frame; once outside the frame it is simply not drawn again.
    private mutating func drawObject(_ index: Int, on frame: Label) -> Label {
        let object = plan.objects[index]
        let picture = graph.chain([], [
            Filter("movie", ["filename": objectPictures[index], "format_name": "image2"]),
            Filter("format", ["pix_fmts": "gbrap"]),
        ], hint: "object")
        return graph.chain([frame, picture], [
            Filter("overlay", [
                "x": slide.position(velocity: object.velocity.x, start: object.box.x),
                "y": slide.position(velocity: object.velocity.y, start: object.box.y),
                "eval": "frame",
                "format": "gbrp",
            ]),
        ], hint: "objects")
    }

    /// A step-rate sequence of strips slid on a canvas at the output rate: the strip of step K+1
    /// underneath, showing only in the gap the strip of step K opens, as for bands.
    private mutating func slid(_ steps: Label, layer: LayerMotion, rows: Int, pixelFormat: String, overlayFormat: String,
                               hint: String, canvasColour: String = "black", rowOffset: Int = 0) -> Label {
        let copies = graph.split(steps, into: 2)
        let current = graph.chain([copies[0]], atStepRate(), hint: "cur" + hint)
        let next = graph.chain([copies[1]], [Filter("trim", ["start_frame": 1])] + atStepRate(), hint: "next" + hint)
        if slidesByCrop(layer) {
            return slidByCrop(layer, top: current, under: next, width: plan.width, height: rows, canvasColour: canvasColour,
                              pixelFormat: pixelFormat, overlayFormat: overlayFormat, rowOffset: rowOffset, hint: hint)
        }
        let canvas = graph.chain([], [
            Filter("color", ["c": canvasColour, "s": "\(plan.width)x\(rows)", "r": plan.fps.description]),
            Filter("format", ["pix_fmts": pixelFormat]),
        ], hint: "canvas")
        return overlaid(layer, on: canvas, top: current, topAhead: 0, under: next, underAhead: 1, hint: hint,
                        format: overlayFormat, rowOffset: rowOffset)
    }
}
