/// Whether a copy would put a colour into the hole that nothing near the target holds: a pagoda's
/// orange railing, seen through the light trees in front of it, copied as specks into a dark tree
/// on the far side of the band (china.jpg, the default layers).
///
/// The detail tests (`SalientDetail`) let it through, since foliage is detailed everywhere, and
/// `ObjectColour` compares 9x9 means against the scatter along the whole row, which the pagoda
/// and the lake make wide. This test reads colours, not means: the known pixels (the layer's own,
/// not what lies behind it) within `reach` of the target make its palette (colours without their
/// brightness, see `levelSize`, each widened by one level either way, so colours up to 32–63
/// apart count as present); a source whose centre pixel, the one the copy takes, falls outside it brings
/// a foreign colour. Where nothing within `reach` is known there is no palette and no test. In the
/// step loop the known pixels beside the gap are the last step's fill, made under the same test,
/// so a colour that is kept out once stays out. It reads only the pixels: a resumed run sees what
/// an uninterrupted one saw.
struct ForeignColour {
    /// Side of the tiles whose colours are collected, and how far from the target they are read.
    static let tile = 8
    static let reach = 48
    /// Colour is read without brightness, as two opponent differences (red − green, and the mean
    /// of red and green − blue; -255...255 each), cut into `levels` levels of 32: a white star in a
    /// black sky, or a dark shadow among leaves, is no new colour; an orange railing among
    /// green leaves is.
    static let levelSize = 32
    static let levels = 16
    static let words = levels * levels / 64

    let width: Int
    private let pixels: [UInt8]
    /// The target tiles (those covering the hole's bounding box): their widened palettes, `words`
    /// bit words each, all zero where nothing within `reach` is known.
    private let tileLeft: Int
    private let tileTop: Int
    private let tilesAcross: Int
    private let tilesDown: Int
    private let palettes: [UInt64]

    /// `known`: the pixels whose colours count (known and the layer's own).
    init(pixels: [UInt8], known: [Bool], order: [Int32], width: Int, height: Int) {
        self.width = width
        self.pixels = pixels
        let tile = Self.tile, words = Self.words
        let (left, right, top, bottom) = OnionPeelOrder.bounds(of: order, width: width, height: height)
        let tileLeft = left / tile, tileTop = top / tile
        let tilesAcross = max(0, right / tile - tileLeft + 1), tilesDown = max(0, bottom / tile - tileTop + 1)
        self.tileLeft = tileLeft
        self.tileTop = tileTop
        self.tilesAcross = tilesAcross
        self.tilesDown = tilesDown

        // The raw palettes of every tile within reach of a target tile.
        let reachTiles = (Self.reach + tile - 1) / tile
        let allTilesAcross = (width + tile - 1) / tile, allTilesDown = (height + tile - 1) / tile
        let sourceLeft = max(0, tileLeft - reachTiles), sourceRight = min(allTilesAcross - 1, tileLeft + tilesAcross - 1 + reachTiles)
        let sourceTop = max(0, tileTop - reachTiles), sourceBottom = min(allTilesDown - 1, tileTop + tilesDown - 1 + reachTiles)
        let sourceAcross = max(0, sourceRight - sourceLeft + 1), sourceDown = max(0, sourceBottom - sourceTop + 1)
        var raw = [UInt64](repeating: 0, count: sourceAcross * sourceDown * words)
        for ty in 0..<sourceDown {
            for tx in 0..<sourceAcross {
                let base = (ty * sourceAcross + tx) * words
                let x0 = (sourceLeft + tx) * tile, y0 = (sourceTop + ty) * tile
                for y in y0..<min(height, y0 + tile) {
                    for x in x0..<min(width, x0 + tile) where known[y * width + x] {
                        let bin = Self.bin(pixels, at: y * width + x)
                        raw[base + bin >> 6] |= 1 << UInt64(bin & 63)
                    }
                }
            }
        }

        var palettes = [UInt64](repeating: 0, count: tilesAcross * tilesDown * words)
        var union = [UInt64](repeating: 0, count: words)
        for ty in 0..<tilesDown {
            for tx in 0..<tilesAcross {
                for k in 0..<words { union[k] = 0 }
                let cx = tileLeft + tx - sourceLeft, cy = tileTop + ty - sourceTop
                for sy in max(0, cy - reachTiles)...min(sourceDown - 1, cy + reachTiles) {
                    for sx in max(0, cx - reachTiles)...min(sourceAcross - 1, cx + reachTiles) {
                        let base = (sy * sourceAcross + sx) * words
                        for k in 0..<words { union[k] |= raw[base + k] }
                    }
                }
                let base = (ty * tilesAcross + tx) * words
                Self.widen(union, into: &palettes, at: base)
            }
        }
        self.palettes = palettes
    }

    /// Whether the pixel at `source` is a colour the palette around the target `p` lacks.
    @inline(__always) func brings(source s: Int, target p: Int) -> Bool {
        let tx = p % width / Self.tile - tileLeft, ty = p / width / Self.tile - tileTop
        guard tx >= 0, tx < tilesAcross, ty >= 0, ty < tilesDown else { return false }
        let base = (ty * tilesAcross + tx) * Self.words
        var any: UInt64 = 0
        for k in 0..<Self.words { any |= palettes[base + k] }
        guard any != 0 else { return false }
        let bin = Self.bin(pixels, at: s)
        return palettes[base + bin >> 6] & (1 << UInt64(bin & 63)) == 0
    }

    @inline(__always) private static func bin(_ pixels: [UInt8], at p: Int) -> Int {
        let r = Int(pixels[3 * p]), g = Int(pixels[3 * p + 1]), b = Int(pixels[3 * p + 2])
        let redGreen = (r - g + 256) / levelSize, yellowBlue = ((r + g) / 2 - b + 256) / levelSize
        return min(levels - 1, redGreen) * levels + min(levels - 1, yellowBlue)
    }

    /// Every colour of `palette` and its neighbours one level away on each axis.
    private static func widen(_ palette: [UInt64], into output: inout [UInt64], at base: Int) {
        for bin in 0..<(levels * levels) where palette[bin >> 6] & (1 << UInt64(bin & 63)) != 0 {
            let a = bin / levels, b = bin % levels
            for na in max(0, a - 1)...min(levels - 1, a + 1) {
                for nb in max(0, b - 1)...min(levels - 1, b + 1) {
                    let n = na * levels + nb
                    output[base + n >> 6] |= 1 << UInt64(n & 63)
                }
            }
        }
    }
}
