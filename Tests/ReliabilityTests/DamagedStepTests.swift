import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

/// Issue 13, item 8: a damaged step is refused with a message naming it, and nothing is
/// written. Structure (header, chunk lengths, end marker, image data present) is checked before
/// the render; damage inside the compressed pixels is found while decoding, and named then.
@Suite("Damaged steps")
struct DamagedStepTests {
    /// A PNG's chunks: offset of the length field, data length, type.
    static func chunks(_ bytes: [UInt8]) -> [(offset: Int, length: Int, type: String)] {
        var result: [(Int, Int, String)] = []
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = bytes[offset..<(offset + 4)].reduce(0) { $0 << 8 | Int($1) }
            result.append((offset, length, String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)))
            offset += 12 + length
        }
        return result
    }

    static func crc(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var crc = ~UInt32(0)
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
        }
        crc = ~crc
        return (0..<4).map { UInt8(truncatingIfNeeded: crc >> (24 - 8 * UInt32($0))) }
    }

    struct Damage: Sendable, CustomTestStringConvertible {
        let name: String
        let expect: String
        let apply: @Sendable ([UInt8]) -> [UInt8]
        var testDescription: String { name }
    }

    static let damages: [Damage] = [
        Damage(name: "a flipped byte in the image data (its CRC no longer matches)", expect: "damaged") { bytes in
            var bytes = bytes
            let idat = chunks(bytes).first { $0.type == "IDAT" }!
            bytes[idat.offset + 8 + idat.length / 2] ^= 0x55
            return bytes
        },
        Damage(name: "bad zlib data with a correct CRC", expect: "damaged") { bytes in
            var bytes = bytes
            let idat = chunks(bytes).first { $0.type == "IDAT" }!
            let start = idat.offset + 8
            for index in (start + 2)..<min(start + 40, start + idat.length) { bytes[index] = 0xFF }
            let sum = crc(bytes[(idat.offset + 4)..<(start + idat.length)])
            bytes.replaceSubrange((start + idat.length)..<(start + idat.length + 4), with: sum)
            return bytes
        },
        Damage(name: "no IDAT chunk at all", expect: "no image data") { bytes in
            var bytes = bytes
            for idat in chunks(bytes).filter({ $0.type == "IDAT" }).reversed() {
                bytes.removeSubrange(idat.offset..<(idat.offset + 12 + idat.length))
            }
            return bytes
        },
        Damage(name: "cut off by four bytes (the end marker's CRC)", expect: "cut off") { Array($0.dropLast(4)) },
        Damage(name: "cut off inside the image data, with an end marker appended", expect: "cut off") { bytes in
            let idat = chunks(bytes).first { $0.type == "IDAT" }!
            return Array(bytes[..<(idat.offset + 8 + idat.length / 2)]) + [0, 0, 0, 0] + Array("IEND".utf8) + [0xAE, 0x42, 0x60, 0x82]
        },
        Damage(name: "a header whose CRC does not match", expect: "CRC") { bytes in
            var bytes = bytes
            bytes[29] ^= 0xFF
            return bytes
        },
        Damage(name: "an impossible colour type in the header", expect: "colour type") { bytes in
            var bytes = bytes
            bytes[25] = 5
            bytes.replaceSubrange(29..<33, with: crc(bytes[12..<29]))
            return bytes
        },
    ]

    @Test("render and sheet refuse a damaged step, naming it, and write nothing", arguments: damages)
    func damagedStepIsNamed(_ damage: Damage) throws {
        let fixture = try ReliabilityFixture()
        try fixture.placePreviousOutputs()
        let step = fixture.stepPath(3)
        let original = [UInt8](try Data(contentsOf: URL(fileURLWithPath: step)))
        try Data(damage.apply(original)).write(to: URL(fileURLWithPath: step))
        let sheet = fixture.outputFolder + "/sheet.png"
        for arguments in [["render", fixture.project, "-o", fixture.output, "-q"], ["sheet", fixture.project, "-o", sheet]] {
            let run = try ChildProcess.run(parallax: arguments)
            expectRefused(run, naming: [step, damage.expect], "\(arguments[0]): \(damage.name)")
            #expect(contents(fixture.output) == ReliabilityFixture.previousContent)
            #expect(!FileManager.default.fileExists(atPath: sheet))
            #expect(fixture.leftoverTemporaries().isEmpty)
        }
    }
    /// Steps as the step loop writes them are stored (no compression), so a changed pixel byte
    /// breaks no Huffman code: zlib's checksum of the pixels is what finds it (issue 10).
    @Test("render refuses a stored step whose pixel byte changed under a correct CRC, naming it")
    func damagedStoredStepIsNamed() throws {
        let fixture = try ReliabilityFixture()
        try fixture.placePreviousOutputs()
        let step = fixture.stepPath(3)
        try PNGImage.write(try PNGImage.read(step), to: step, encoding: .quickToDecode)
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: step)))
        let idat = Self.chunks(bytes).first { $0.type == "IDAT" }!
        let start = idat.offset + 8
        bytes[start + idat.length / 2] ^= 0x55
        bytes.replaceSubrange((start + idat.length)..<(start + idat.length + 4), with: Self.crc(bytes[(idat.offset + 4)..<(start + idat.length)]))
        try Data(bytes).write(to: URL(fileURLWithPath: step))
        let run = try ChildProcess.run(parallax: ["render", fixture.project, "-o", fixture.output, "-q"])
        expectRefused(run, naming: [step, "damaged"], "a stored step with a changed pixel byte")
        #expect(contents(fixture.output) == ReliabilityFixture.previousContent)
        #expect(fixture.leftoverTemporaries().isEmpty)
    }
}
