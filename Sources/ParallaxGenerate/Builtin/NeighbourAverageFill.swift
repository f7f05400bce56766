/// The last-resort fill when no known patch exists (tiny images, almost fully masked): each hole
/// pixel, in onion-peel order, takes the mean of its already-known 8-neighbours.
enum NeighbourAverageFill {
    static func fill(_ pixels: inout [UInt8], hole: [Bool], width: Int, order: [Int32]) {
        let height = hole.count / width
        var known = hole.map { !$0 }
        for entry in order {
            let p = Int(entry), x = p % width, y = p / width
            var sum = (0, 0, 0), count = 0
            for dy in -1...1 where y + dy >= 0 && y + dy < height {
                for dx in -1...1 where x + dx >= 0 && x + dx < width {
                    let q = (y + dy) * width + x + dx
                    guard known[q] else { continue }
                    sum.0 += Int(pixels[q * 3]); sum.1 += Int(pixels[q * 3 + 1]); sum.2 += Int(pixels[q * 3 + 2])
                    count += 1
                }
            }
            guard count > 0 else { continue }
            pixels[p * 3] = UInt8((sum.0 + count / 2) / count)
            pixels[p * 3 + 1] = UInt8((sum.1 + count / 2) / count)
            pixels[p * 3 + 2] = UInt8((sum.2 + count / 2) / count)
            known[p] = true
        }
    }
}
