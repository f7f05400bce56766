import ParallaxCore
import Testing
@testable import ParallaxGenerate

private typealias Images = ExemplarFillTestImages

/// A bright object at the gap's edge must stay an object: the fill's large-scale colour must not
/// carry it along the rows across the whole gap as a streak (a galaxy at a band boundary of a
/// deep-field photo came back as a long brown streak across the revealed sky).
@Suite struct ExemplarFillStreakTests {
    static let sky = (14, 16, 26)

    /// A dark sky with faint grain and sparse dim stars, and one bright blob (a galaxy) whose
    /// centre is `blobX`, cut by the band's top edge (row 0).
    static func skyWithBlob(width: Int, height: Int, blobX: Int, radius: Int) -> Raster {
        Images.image(width: width, height: height) { x, y in
            let g = ExemplarFillColourTests.grain(x, y) / 3
            let dx = Double(x - blobX), dy = Double(y - 2)
            let d = (dx * dx + dy * dy).squareRoot() / Double(radius)
            if d < 1.6 {
                // A soft-edged galaxy: bright core, fading halo.
                let t = max(0, min(1, 1.6 - d))
                return (sky.0 + Int(220 * t) + g, sky.1 + Int(180 * t) + g, sky.2 + Int(130 * t) + g)
            }
            let star = ExemplarFillColourTests.grain(x &* 7, y &* 13) == 12 ? 60 : 0
            return (sky.0 + g + star, sky.1 + g + star, sky.2 + g + star)
        }
    }

    /// Per row of the gap, the longest run of pixels brighter than the sky by `margin` grey levels.
    static func longestBrightRun(_ image: Raster, columns: Range<Int>, margin: Int) -> Int {
        let skyGrey = (sky.0 + sky.1 + sky.2) / 3
        var longest = 0
        for y in 0..<image.height {
            var run = 0
            for x in columns {
                let grey = (Int(image[x, y, 0]) + Int(image[x, y, 1]) + Int(image[x, y, 2])) / 3
                run = grey > skyGrey + margin ? run + 1 : 0
                longest = max(longest, run)
            }
        }
        return longest
    }

    @Test(arguments: [1, 2, 3] as [UInt64])
    func aBrightBlobAtTheGapsEdgeIsNotCarriedAcrossTheGap(seed: UInt64) {
        let width = 200, height = 36, gap = 64, radius = 7
        // The blob's centre 3 px left of the gap: its halo touches the gap's first columns.
        let image = Self.skyWithBlob(width: width, height: height, blobX: width - gap - 3, radius: radius)
        let mask = Images.mask(width: width, height: height) { x, _ in x >= width - gap }
        let output = ExemplarFill(seed: seed).fill(ExemplarFillMeasure.scrambled(image, mask: mask), mask: mask)
        Images.dump(output, "blobAtTheGapsEdge\(seed)")
        // Beyond the blob's own reach (its halo is 1.6 radii wide), the gap is sky.
        let beyond = (width - gap + 2 * radius)..<width
        let run = Self.longestBrightRun(output, columns: beyond, margin: 24)
        #expect(run <= 4, "a run of \(run) bright pixels beyond the blob's reach")
        let mean = ExemplarFillMeasure.meanColour(output) { x, _ in beyond.contains(x) }
        let skyMean = ExemplarFillMeasure.meanColour(image) { x, _ in x < width - gap - 3 * radius }
        #expect(ExemplarFillMeasure.largestChannelGap(mean, skyMean) <= 6,
                "the gap beyond the blob averages \(mean), the sky \(skyMean)")
    }
}

@Suite struct FarFieldTests {
    @Test func theMiddleValueIsTheSortedMedian() {
        var state: UInt64 = 3
        for count in [1, 2, 3, 10, 101, 400] {
            var values = (0..<count).map { _ -> Float in
                state = state &* 6364136223846793005 &+ 1442695040888963407
                return Float(state >> 58)  // 0...63: many ties
            }
            let sorted = values.sorted()
            #expect(FarField.middle(&values) == sorted[count / 2], "\(count) values")
        }
    }
}
