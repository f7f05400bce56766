/// The order in which the hole is filled: ring by ring from its boundary inward ("onion peel"),
/// so every pixel is synthesized when some of its neighbours are already known.
enum OnionPeelOrder {
    /// The masked pixels (flat indices), nearest to the known region first (8-connected rings).
    /// Masked pixels that no known pixel reaches (an all-masked image) are left out.
    static func make(hole: [Bool], width: Int, height: Int) -> [Int32] {
        var order = [Int32]()
        var queued = [Bool](repeating: false, count: hole.count)
        // Ring 1: masked pixels touching a known one.
        for y in 0..<height {
            for x in 0..<width where hole[y * width + x] {
                if touchesKnown(x: x, y: y, hole: hole, width: width, height: height) {
                    order.append(Int32(y * width + x))
                    queued[y * width + x] = true
                }
            }
        }
        // Later rings: breadth-first from the previous ring; the queue is the order itself.
        var head = 0
        while head < order.count {
            let index = Int(order[head]); head += 1
            let x = index % width, y = index / width
            for dy in -1...1 {
                let ny = y + dy
                guard ny >= 0, ny < height else { continue }
                for dx in -1...1 {
                    let nx = x + dx
                    guard nx >= 0, nx < width else { continue }
                    let neighbour = ny * width + nx
                    if hole[neighbour], !queued[neighbour] {
                        queued[neighbour] = true
                        order.append(Int32(neighbour))
                    }
                }
            }
        }
        return order
    }

    /// The bounding box (inclusive) of the pixels in `order`, grown by `margin` and clipped to the
    /// image; for no pixels, left `width`, right -1, top `height`, bottom -1.
    static func bounds(of order: [Int32], width: Int, height: Int, grownBy margin: Int = 0)
        -> (left: Int, right: Int, top: Int, bottom: Int) {
        var left = width, right = -1, top = height, bottom = -1
        for entry in order {
            let x = Int(entry) % width, y = Int(entry) / width
            left = min(left, x); right = max(right, x); top = min(top, y); bottom = max(bottom, y)
        }
        return (max(0, left - margin), min(width - 1, right + margin), max(0, top - margin), min(height - 1, bottom + margin))
    }

    private static func touchesKnown(x: Int, y: Int, hole: [Bool], width: Int, height: Int) -> Bool {
        for dy in -1...1 {
            let ny = y + dy
            guard ny >= 0, ny < height else { continue }
            for dx in -1...1 {
                let nx = x + dx
                if nx >= 0, nx < width, !hole[ny * width + nx] { return true }
            }
        }
        return false
    }
}
