/// The typical step between neighbouring known pixels around a pixel: the mean over a box of
/// (|right − here| + |below − here|) / 2, averaged over the channels, counting only pixels whose
/// right and lower neighbours are known too. Read on every other row and column (a quarter of the
/// work: it is a statistic of the texture, not of one pixel).
struct TypicalStep {
    private let sums: BoxSums
    private let width: Int
    private let reach: Int

    init(_ pixels: [UInt8], hole: [Bool], width: Int, height: Int, reach: Int) {
        let cellsX = (width + 1) / 2, cellsY = (height + 1) / 2
        var steps = [Double](repeating: 0, count: cellsX * cellsY * 2)
        for cy in 0..<cellsY {
            let y = cy * 2
            guard y + 1 < height else { continue }
            for cx in 0..<cellsX {
                let x = cx * 2, p = y * width + x
                guard x + 1 < width, !hole[p], !hole[p + 1], !hole[p + width] else { continue }
                var total = 0
                for c in 0..<3 {
                    let here = Int(pixels[p * 3 + c])
                    total += abs(here - Int(pixels[(p + 1) * 3 + c])) + abs(here - Int(pixels[(p + width) * 3 + c]))
                }
                let cell = cy * cellsX + cx
                steps[cell * 2] = Double(total) / 6; steps[cell * 2 + 1] = 1
            }
        }
        sums = BoxSums(steps, width: cellsX, height: cellsY, channels: 2)
        self.width = width
        self.reach = max(1, reach / 2)
    }

    /// The typical step around pixel `p` (0 where no counted pixel lies within reach).
    func at(_ p: Int) -> Float {
        let x = p % width / 2, y = p / width / 2
        let n = sums.sum(1, x: x, y: y, radius: reach)
        return n > 0 ? Float(sums.sum(0, x: x, y: y, radius: reach) / n) : 0
    }
}
