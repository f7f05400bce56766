import Foundation

/// A cheap check that a PNG file is whole and well formed, without decoding it: the header's
/// fields and checksum, then every chunk's length and type (read from its 8-byte header; the
/// data is skipped), image data present, and the end marker complete. A cut-off file, a missing
/// IDAT or a damaged header is refused before a render starts, naming the file. Damage inside the
/// compressed pixels is left to the decoder (zlib's own checksum finds it during the render).
public enum PNGStructure {
    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    /// Chunks other than image data, up to this size, have their CRC checked too (the header, a
    /// palette, text). Image data is never read here: that would be a second pass over every
    /// step; zlib's checksum covers it while decoding.
    static let checkedChunkSize = 4096

    /// Returns how the file stores its pixels, read on the same pass.
    @discardableResult
    public static func check(ofFile path: String) throws -> PNGPixelLayout {
        try RegularFile.check(path)
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw SceneError(file: path, "cannot be read: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw SceneError(file: path, "cannot be read") }
        let size = Int(info.st_size)
        func read(_ count: Int, at offset: Int) -> [UInt8]? {
            var bytes = [UInt8](repeating: 0, count: count)
            let got = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, count, off_t(offset)) }
            return got == count ? bytes : nil
        }
        guard let start = read(8, at: 0), start == signature else { throw SceneError(file: path, "is not a PNG image") }

        var offset = 8
        var sawImageData = false
        var colourType: UInt8 = 0, bitDepth: UInt8 = 0
        var sawPalette = false, sawTransparency = false
        var index = 0
        while true {
            guard let header = read(8, at: offset) else {
                throw SceneError(file: path, "is cut off at byte \(size) (no PNG end marker); the file is incomplete")
            }
            let length = bigEndian(header, 0)
            let type = Array(header[4..<8])
            let name = String(decoding: type, as: UTF8.self)
            guard type.allSatisfy({ (65...90).contains($0) || (97...122).contains($0) }), length <= Int(Int32.max) else {
                throw SceneError(file: path, "is damaged: no valid PNG chunk at byte \(offset)")
            }
            guard offset + 12 + length <= size else {
                throw SceneError(file: path, "is cut off inside its \(name) chunk (\(size) bytes, the chunk ends at byte "
                                 + "\(offset + 12 + length)); the file is incomplete")
            }
            if index == 0 && name != "IHDR" { throw SceneError(file: path, "is not a PNG image (no IHDR header first)") }
            if name != "IDAT", length <= checkedChunkSize {
                guard let body = read(length + 4, at: offset + 4 + 4) else { throw SceneError(file: path, "cannot be read") }
                let stored = UInt32(bigEndian(body, length))
                guard CRC32.checksum(type + body[..<length]) == stored else {
                    throw SceneError(file: path, "is damaged: the \(name) chunk at byte \(offset) fails its CRC check")
                }
                if name == "IHDR" { (colourType, bitDepth) = try checkHeader(Array(body[..<length]), path: path) }
            }
            switch name {
            case "PLTE": sawPalette = true
            case "tRNS": sawTransparency = true
            case "IDAT":
                if colourType == 3 && !sawPalette { throw SceneError(file: path, "is damaged: a palette image without a palette") }
                sawImageData = true
            case "IEND":
                guard sawImageData else { throw SceneError(file: path, "is damaged: it holds no image data (no IDAT chunk)") }
                return PNGPixelLayout(colorType: colourType, bitDepth: bitDepth, hasTransparencyChunk: sawTransparency)
            default: break
            }
            offset += 12 + length
            index += 1
        }
    }

    /// Valid IHDR fields; returns the colour type and bit depth.
    private static func checkHeader(_ body: [UInt8], path: String) throws -> (UInt8, UInt8) {
        guard body.count == 13 else { throw SceneError(file: path, "is damaged: its IHDR header is \(body.count) bytes, not 13") }
        let depth = body[8], colour = body[9]
        let depths: [UInt8: [UInt8]] = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
        guard let allowed = depths[colour] else { throw SceneError(file: path, "is damaged: unknown PNG colour type \(colour)") }
        guard allowed.contains(depth) else {
            throw SceneError(file: path, "is damaged: bit depth \(depth) is not allowed for colour type \(colour)")
        }
        guard body[10] == 0, body[11] == 0, body[12] <= 1 else {
            throw SceneError(file: path, "is damaged: unknown compression, filter or interlace method in its header")
        }
        return (colour, depth)
    }

    private static func bigEndian(_ bytes: [UInt8], _ offset: Int) -> Int {
        bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
    }
}

/// PNG's CRC-32 (ISO 3309), for the small chunks checked without decoding.
enum CRC32 {
    static let table: [UInt32] = (0..<256).map { index in
        var value = UInt32(index)
        for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
        return value
    }

    static func checksum<Bytes: Sequence>(_ bytes: Bytes) -> UInt32 where Bytes.Element == UInt8 {
        ~bytes.reduce(~UInt32(0)) { table[Int(($0 ^ UInt32($1)) & 0xFF)] ^ ($0 >> 8) }
    }
}
