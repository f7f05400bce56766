import ParallaxCore
import Testing
@testable import ParallaxGenerate

private typealias Images = ExemplarFillTestImages

/// The fill reads only the part of the image within its reach of the hole: a narrow gap in a wide
/// image must cost its surroundings, and give exactly the pixels of the fill over the whole image.
@Suite struct ExemplarFillReadWindowTests {
    /// A wide picture with texture, a horizon and a slanted edge, so sources differ everywhere.
    private static func widePicture(width: Int, height: Int) -> Raster {
        let noise = Images.noise(width: width, height: height, seed: 5)
        return Images.image(width: width, height: height) { x, y in
            let n = Int(noise[x, y, 0])
            if y < height / 3 { return (60 + x / 12 + n / 8, 110 + y, 190) }
            if y < height / 3 + (x / 40) % 9 { return (30 + n / 2, 60 + n / 3, 40) }
            return (90 + n / 2, 80 + (x % 37), 50 + n / 4)
        }
    }

    @Test(arguments: [
        ("a gap at the right edge", 1_380..<1_400, 0..<60),
        ("a gap at the left edge", 0..<24, 0..<60),
        ("a hole in the middle", 640..<700, 20..<44),
    ])
    func aNarrowGapInAWideImageGetsTheSamePixelsAsAFillReadingTheWholeImage(
        _ place: String, columns: Range<Int>, rows: Range<Int>
    ) {
        let picture = Self.widePicture(width: 1_400, height: 60)
        let mask = Images.mask(width: picture.width, height: picture.height) { x, y in columns.contains(x) && rows.contains(y) }
        let fill = ExemplarFill(seed: 4)
        #expect(columns.count + 2 * fill.readReach < picture.width, "the window must be narrower than the image")
        let windowed = fill.fill(picture, mask: mask)
        let whole = fill.fillReadingAll(picture, mask: mask)
        let differing = zip(windowed.pixels, whole.pixels).filter { $0 != $1 }.count
        #expect(differing == 0, "\(place): \(differing) bytes differ from the whole-image fill")
        #expect(windowed.pixels != picture.pixels, "\(place): nothing was filled")
    }
}
