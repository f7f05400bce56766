import Foundation
import ParallaxCore

/// The plan drawn over the image: band edges, each band's name and speed, and an arrow whose
/// direction is the layer's and whose length grows with its speed. For `parallax plan --png`.
public enum PlanPicture {
    public static func draw(plan: MotionPlan, over image: Raster) -> Raster {
        precondition(image.channels == 3)
        var picture = image
        let scale = max(1, min(image.width / 240, image.height / 160))
        let white: [UInt8] = [255, 255, 255], black: [UInt8] = [0, 0, 0], accent: [UInt8] = [255, 210, 40]
        // Dim the picture a little so the drawing reads on bright skies.
        for index in picture.pixels.indices { picture.pixels[index] = UInt8(Int(picture.pixels[index]) * 3 / 4) }

        for layer in plan.layers where layer.top > 0 {
            for x in 0..<picture.width {
                plot(&picture, x: x, y: layer.top, color: (x / (4 * scale)) % 2 == 0 ? white : black)
            }
        }
        for layer in plan.layers {
            let label = "\(layer.name) " + (layer.isMoving ? String(format: "%.2f", layer.speed) : "still")
            let textHeight = BitmapFont.glyphHeight * scale
            if layer.height >= textHeight + 2 {
                let x = 3 * scale, y = layer.top + min(2 * scale, layer.height - textHeight)
                fillRectangle(&picture, x: x - scale, y: y - scale, width: BitmapFont.width(of: label, scale: scale) + 2 * scale,
                              height: textHeight + 2 * scale, color: black)
                BitmapFont.draw(label, into: &picture, x: x, y: y, scale: scale, color: white)
            }
            let centre = (x: Double(picture.width) / 2, y: Double(layer.top) + Double(layer.height) / 2)
            if layer.isMoving {
                let unit = layer.direction.unitVector
                let maximum = min(Double(picture.width) / 4, max(6, Double(layer.height) * 0.45 / max(abs(unit.y), 0.2)))
                let length = max(4 * Double(scale), maximum * layer.speed)
                let tip = (x: centre.x + unit.x * length / 2, y: centre.y + unit.y * length / 2)
                let tail = (x: centre.x - unit.x * length / 2, y: centre.y - unit.y * length / 2)
                drawArrow(&picture, from: tail, to: tip, thickness: scale, color: accent)
            } else {
                fillRectangle(&picture, x: Int(centre.x) - 2 * scale, y: Int(centre.y) - 2 * scale, width: 4 * scale, height: 4 * scale, color: accent)
            }
        }
        return picture
    }

    static func plot(_ raster: inout Raster, x: Int, y: Int, color: [UInt8]) {
        guard x >= 0, y >= 0, x < raster.width, y < raster.height else { return }
        let base = raster.index(x: x, y: y)
        raster.pixels[base] = color[0]
        raster.pixels[base + 1] = color[1]
        raster.pixels[base + 2] = color[2]
    }

    static func fillRectangle(_ raster: inout Raster, x: Int, y: Int, width: Int, height: Int, color: [UInt8]) {
        for row in y..<(y + height) { for column in x..<(x + width) { plot(&raster, x: column, y: row, color: color) } }
    }

    static func drawLine(_ raster: inout Raster, from: (x: Double, y: Double), to: (x: Double, y: Double), thickness: Int, color: [UInt8]) {
        let steps = Int(max(abs(to.x - from.x), abs(to.y - from.y)).rounded(.up)) + 1
        for index in 0...steps {
            let t = Double(index) / Double(steps)
            let x = Int((from.x + (to.x - from.x) * t).rounded()), y = Int((from.y + (to.y - from.y) * t).rounded())
            fillRectangle(&raster, x: x - thickness / 2, y: y - thickness / 2, width: thickness, height: thickness, color: color)
        }
    }

    static func drawArrow(_ raster: inout Raster, from: (x: Double, y: Double), to: (x: Double, y: Double), thickness: Int, color: [UInt8]) {
        drawLine(&raster, from: from, to: to, thickness: thickness, color: color)
        let angle = atan2(to.y - from.y, to.x - from.x)
        let head = max(4, Double(thickness) * 5)
        for side in [-1.0, 1.0] {
            let wing = angle + .pi + side * .pi / 6
            drawLine(&raster, from: to, to: (to.x + head * cos(wing), to.y + head * sin(wing)), thickness: thickness, color: color)
        }
    }
}
