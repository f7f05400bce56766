import Foundation
import ParallaxCore

/// The plan drawn over the image: layer edges (straight or following the picture), each
/// layer's name and speed, an arrow whose direction is the layer's and whose length grows with
/// its speed, and each object's outline with its name and arrow. For `parallax plan --png`.
public enum PlanPicture {
    static let white: [UInt8] = [255, 255, 255], black: [UInt8] = [0, 0, 0]
    static let accent: [UInt8] = [255, 210, 40], objectColor: [UInt8] = [60, 230, 255]

    /// `objectMasks` outline the objects' shapes; an object without one gets its box.
    public static func draw(plan: MotionPlan, over image: Raster, objectMasks: [ObjectMask] = []) -> Raster {
        precondition(image.channels == 3)
        var picture = image
        let scale = max(1, min(image.width / 240, image.height / 160))
        // Dim the picture a little so the drawing reads on bright skies.
        for index in picture.pixels.indices { picture.pixels[index] = UInt8(Int(picture.pixels[index]) * 3 / 4) }

        for layer in plan.layers.dropFirst() { drawEdge(&picture, top: layer.region.top, scale: scale) }
        for layer in plan.layers {
            let region = layer.region
            let label = "\(layer.name) " + (layer.isMoving ? String(format: "%.2f", layer.speed) : "still")
            let textHeight = BitmapFont.glyphHeight * scale
            let x = 3 * scale
            let columns = max(0, x - scale)..<min(picture.width, x + BitmapFont.width(of: label, scale: scale) + scale)
            if !columns.isEmpty {
                let top = columns.map { region.top[$0] }.max()!, bottom = columns.map { region.bottom[$0] }.min()!
                if bottom - top >= textHeight + 2 {
                    let y = top + min(2 * scale, bottom - top - textHeight)
                    drawLabel(&picture, label, x: x, y: y, scale: scale)
                }
            }
            let middle = picture.width / 2
            let thickness = Double(region.bottom[middle] - region.top[middle])
            let centre = (x: Double(middle), y: Double(region.top[middle]) + thickness / 2)
            drawMotion(&picture, centre: centre, direction: layer.direction, speed: layer.speed,
                       isMoving: layer.isMoving, room: thickness, scale: scale, color: accent)
        }
        for object in plan.objects {
            if let mask = objectMasks.first(where: { $0.box == object.box }) {
                outline(&picture, mask: mask, scale: scale)
            } else {
                drawBox(&picture, object.box, color: objectColor)
            }
            let label = "\(object.name) " + (object.isMoving ? String(format: "%.2f", object.speed) : "still")
            drawLabel(&picture, label, x: object.box.x + scale, y: max(scale, object.box.y - (BitmapFont.glyphHeight + 2) * scale),
                      scale: scale)
            let centre = (x: Double(object.box.x) + Double(object.box.width) / 2,
                          y: Double(object.box.y) + Double(object.box.height) / 2)
            drawMotion(&picture, centre: centre, direction: object.direction, speed: object.speed,
                       isMoving: object.isMoving, room: Double(object.box.height), scale: scale, color: objectColor)
        }
        return picture
    }

    /// A dashed line along `top[x]`, with the steps between columns joined so a curve reads
    /// as one line.
    static func drawEdge(_ picture: inout Raster, top: [Int], scale: Int) {
        for x in 0..<picture.width {
            let color = (x / (4 * scale)) % 2 == 0 ? white : black
            let previous = x > 0 ? top[x - 1] : top[x]
            for y in min(previous, top[x])...max(previous, top[x]) {
                for dy in 0..<scale { plot(&picture, x: x, y: y + dy - scale / 2, color: color) }
            }
        }
    }

    static func drawLabel(_ picture: inout Raster, _ label: String, x: Int, y: Int, scale: Int) {
        fillRectangle(&picture, x: x - scale, y: y - scale, width: BitmapFont.width(of: label, scale: scale) + 2 * scale,
                      height: BitmapFont.glyphHeight * scale + 2 * scale, color: black)
        BitmapFont.draw(label, into: &picture, x: x, y: y, scale: scale, color: white)
    }

    /// An arrow along the direction, longer when faster (within `room` pixels across), or a
    /// square for something still.
    static func drawMotion(_ picture: inout Raster, centre: (x: Double, y: Double), direction: Direction, speed: Double,
                           isMoving: Bool, room: Double, scale: Int, color: [UInt8]) {
        guard isMoving else {
            fillRectangle(&picture, x: Int(centre.x) - 2 * scale, y: Int(centre.y) - 2 * scale, width: 4 * scale,
                          height: 4 * scale, color: color)
            return
        }
        let unit = direction.unitVector
        let maximum = min(Double(picture.width) / 4, max(6, room * 0.45 / max(abs(unit.y), 0.2)))
        let length = max(4 * Double(scale), maximum * speed)
        let tip = (x: centre.x + unit.x * length / 2, y: centre.y + unit.y * length / 2)
        let tail = (x: centre.x - unit.x * length / 2, y: centre.y - unit.y * length / 2)
        drawArrow(&picture, from: tail, to: tip, thickness: scale, color: color)
    }

    /// Marks the mask's edge: object pixels with a background pixel beside them.
    static func outline(_ picture: inout Raster, mask: ObjectMask, scale: Int) {
        let box = mask.box
        for y in box.y..<box.maxY {
            for x in box.x..<box.maxX where mask.contains(x: x, y: y) {
                let edge = [(x - 1, y), (x + 1, y), (x, y - 1), (x, y + 1)].contains { nx, ny in
                    nx < 0 || ny < 0 || nx >= picture.width || ny >= picture.height || !mask.contains(x: nx, y: ny)
                }
                if edge { fillRectangle(&picture, x: x - scale / 2, y: y - scale / 2, width: scale, height: scale, color: objectColor) }
            }
        }
    }

    static func drawBox(_ picture: inout Raster, _ box: PixelBox, color: [UInt8]) {
        for x in box.x..<box.maxX { plot(&picture, x: x, y: box.y, color: color); plot(&picture, x: x, y: box.maxY - 1, color: color) }
        for y in box.y..<box.maxY { plot(&picture, x: box.x, y: y, color: color); plot(&picture, x: box.maxX - 1, y: y, color: color) }
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
