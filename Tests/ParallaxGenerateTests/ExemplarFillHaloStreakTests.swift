import ParallaxCore
import Testing
@testable import ParallaxGenerate

private typealias Images = ExemplarFillTestImages
private typealias Quality = ExemplarFillQualityTests

/// A bright galaxy at a band's edge, revealed step after step: the fill must not copy its halo
/// into the revealed sky, where each next step matches the last step's halo copies and copies the
/// halo again, a wide streak across the whole revealed sky (hubble_deep_field.png, band 2: a
/// brownish streak of halo copies from a galaxy near x 990, y 490).
@Suite struct ExemplarFillHaloStreakTests {
    static let sky = (14, 16, 26)

    /// A dark grainy sky with sparse dim stars, and one galaxy: a bright core and a wide, mottled
    /// halo (centre `galaxyX`, `galaxyY`, halo radius `radius`).
    static func skyWithGalaxy(width: Int, height: Int, galaxyX: Int, galaxyY: Int, radius: Int) -> Raster {
        Images.image(width: width, height: height) { x, y in
            let g = ExemplarFillColourTests.grain(x, y) / 3
            let dx = Double(x - galaxyX), dy = Double(y - galaxyY)
            let d = (dx * dx + dy * dy).squareRoot() / Double(radius)
            if d < 1 {
                // Core fading into a halo whose brightness is mottled by the grain.
                let t = (1 - d) * (1 - d)
                let mottle = 0.75 + 0.5 * Double(ExemplarFillColourTests.grain(x &* 3, y &* 5)) / 24
                let light = 230 * t * mottle + 60 * (1 - d)
                return (sky.0 + Int(light) + g, sky.1 + Int(0.7 * light) + g, sky.2 + Int(0.45 * light) + g)
            }
            let star = ExemplarFillColourTests.grain(x &* 7, y &* 13) == 12 ? 60 : 0
            return (sky.0 + g + star, sky.1 + g + star, sky.2 + g + star)
        }
    }

    /// Pixels of `columns` x `rows` whose grey is more than `margin` above the sky's, as a share.
    static func brightShare(_ image: Raster, columns: Range<Int>, rows: Range<Int>, margin: Int) -> Double {
        let skyGrey = (sky.0 + sky.1 + sky.2) / 3
        var bright = 0
        for y in rows {
            for x in columns {
                let grey = (Int(image[x, y, 0]) + Int(image[x, y, 1]) + Int(image[x, y, 2])) / 3
                if grey > skyGrey + margin { bright += 1 }
            }
        }
        return Double(bright) / Double(columns.count * rows.count)
    }

    /// One run: how much more of the revealed sky beyond the galaxy's reach is bright than the
    /// truth's, and how far its mean colour lies from the sky's (largest channel).
    static func streak(seed: UInt64) -> (excess: Double, colourGap: Double) {
        let width = 260, height = 80, shift = 16, steps = 12, radius = 22
        let galaxyX = width - 6, galaxyY = 40
        let canvas = Self.skyWithGalaxy(width: width + shift * steps, height: height, galaxyX: galaxyX,
                                        galaxyY: galaxyY, radius: radius)
        let (last, _, truthColumns) = Quality.reveal(canvas, width: width, shift: shift, steps: steps, seed: seed)
        Images.dump(last, "haloStreak\(seed)")
        // Beyond the galaxy's own reach, on its rows: the truth there is sky.
        let beyond = (galaxyX - shift * steps + 2 * radius)..<width
        let rows = (galaxyY - radius)..<(galaxyY + radius)
        let share = Self.brightShare(last, columns: beyond, rows: rows, margin: 16)
        let truth = Self.brightShare(canvas, columns: (truthColumns.lowerBound + 2 * radius)..<truthColumns.upperBound,
                                     rows: rows, margin: 16)
        let mean = ExemplarFillMeasure.meanColour(last) { x, y in beyond.contains(x) && rows.contains(y) }
        let skyMean = ExemplarFillMeasure.meanColour(canvas) { x, y in x < galaxyX - 2 * radius && rows.contains(y) }
        return (share - truth, ExemplarFillMeasure.largestChannelGap(mean, skyMean))
    }

    /// Judged over six seeds: one run's faint copies vary a lot from seed to seed. Main's fill
    /// before round 6: 74-77 % more of the sky bright than the truth's, 24-32 levels off the sky
    /// (seeds 1-3). Round 6 to 13, seeds 1-12: 0.16 more on average (-0.01 to 0.36 per seed; over
    /// 0.2 on seeds 4, 8 and 9). With `SeamRamp`: 0.11 on average (-0.01 to 0.43; over 0.2 on seeds
    /// 2, 4 and 11). Faint copies remain (builtin.md, round 6).
    @Test func aGalaxysHaloIsNotCopiedAcrossTheRevealedSkyStepAfterStep() {
        let runs = (1...6).map { Self.streak(seed: UInt64($0)) }
        let excess = runs.map(\.excess), gaps = runs.map(\.colourGap)
        #expect(excess.reduce(0, +) / Double(runs.count) <= 0.2, "bright beyond the truth's share, seeds 1-6: \(excess)")
        #expect(excess.allSatisfy { $0 <= 0.5 }, "a streak across half the revealed sky or more: \(excess)")
        #expect(gaps.reduce(0, +) / Double(runs.count) <= 12, "levels off the sky, seeds 1-6: \(gaps)")
    }
}
