import Foundation
import ParallaxCore

/// Writes an 8-bit RGB raster as a PNG of another colour type with the same colours, as other
/// tools store step images: RGBA (opaque), 16-bit RGB (each value × 257), palette (at most 256
/// colours) or gray (R = G = B). Uncompressed deflate blocks keep it short and dependency-free.
public enum PNGColourTypeWriter {
    public enum Kind: String, CaseIterable, Sendable {
        case rgba, rgb16, palette, gray
    }

    public static func write(_ raster: Raster, as kind: Kind, to path: String) throws {
        precondition(raster.channels == 3)
        var rows = Data()
        var palette: [[UInt8]: UInt8] = [:]
        var paletteOrder: [[UInt8]] = []
        for y in 0..<raster.height {
            rows.append(0)  // filter: none
            for x in 0..<raster.width {
                let rgb = (0..<3).map { raster[x, y, $0] }
                switch kind {
                case .rgba: rows.append(contentsOf: rgb + [255])
                case .rgb16: for value in rgb { rows.append(contentsOf: [value, value]) }  // v·257, big-endian
                case .gray:
                    precondition(rgb[0] == rgb[1] && rgb[1] == rgb[2], "gray needs R = G = B")
                    rows.append(rgb[0])
                case .palette:
                    if palette[rgb] == nil {
                        precondition(paletteOrder.count < 256, "more than 256 colours")
                        palette[rgb] = UInt8(paletteOrder.count)
                        paletteOrder.append(rgb)
                    }
                    rows.append(palette[rgb]!)
                }
            }
        }
        let (depth, colourType): (UInt8, UInt8) = switch kind {
        case .rgba: (8, 6)
        case .rgb16: (16, 2)
        case .palette: (8, 3)
        case .gray: (8, 0)
        }
        var png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        var header = Data()
        header.append(bigEndian(UInt32(raster.width)))
        header.append(bigEndian(UInt32(raster.height)))
        header.append(contentsOf: [depth, colourType, 0, 0, 0])
        png.append(chunk("IHDR", header))
        if kind == .palette { png.append(chunk("PLTE", Data(paletteOrder.joined()))) }
        png.append(chunk("IDAT", storedZlib(rows)))
        png.append(chunk("IEND", Data()))
        try png.write(to: URL(fileURLWithPath: path))
    }

    static func bigEndian(_ value: UInt32) -> Data {
        Data([UInt8(value >> 24), UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF)])
    }

    static func chunk(_ type: String, _ data: Data) -> Data {
        var body = Data(type.utf8)
        body.append(data)
        var out = bigEndian(UInt32(data.count))
        out.append(body)
        out.append(bigEndian(crc32(body)))
        return out
    }

    /// zlib stream of stored (uncompressed) deflate blocks.
    static func storedZlib(_ data: Data) -> Data {
        var out = Data([0x78, 0x01])
        let bytes = [UInt8](data)
        var offset = 0
        repeat {
            let length = min(65_535, bytes.count - offset)
            let last: UInt8 = offset + length == bytes.count ? 1 : 0
            out.append(last)
            out.append(contentsOf: [UInt8(length & 0xFF), UInt8(length >> 8), UInt8(~length & 0xFF), UInt8((~length >> 8) & 0xFF)])
            out.append(contentsOf: bytes[offset..<(offset + length)])
            offset += length
        } while offset < bytes.count
        var a: UInt32 = 1, b: UInt32 = 0
        for byte in bytes { a = (a + UInt32(byte)) % 65_521; b = (b + a) % 65_521 }
        out.append(bigEndian(b << 16 | a))
        return out
    }

    static func crc32(_ data: Data) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in data {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
