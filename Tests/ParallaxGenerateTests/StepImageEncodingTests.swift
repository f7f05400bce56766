import Foundation
import ParallaxAV
import ParallaxCore
@testable import ParallaxGenerate
import TestSupport
import Testing

/// Issue 10: the steps and strips the step loops write are cheap to decode (stored zlib blocks,
/// no row filter), standard PNGs of the same pixels; masks stay compressed.
@Suite("Step image encoding")
struct StepImageEncodingTests {
    /// A PNG read by hand: its chunk types in order, its header, and its zlib stream.
    struct PNGFile {
        var chunkTypes: [String] = []
        var width = 0, height = 0, colourType = 0
        var zlib: [UInt8] = []

        init(path: String) throws {
            let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
            var offset = 8
            func number(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
            while offset + 8 <= bytes.count {
                let length = number(offset)
                let type = String(decoding: bytes[(offset + 4)..<(offset + 8)], as: UTF8.self)
                chunkTypes.append(type)
                if type == "IHDR" { (width, height, colourType) = (number(offset + 8), number(offset + 12), Int(bytes[offset + 17])) }
                if type == "IDAT" { zlib += bytes[(offset + 8)..<(offset + 8 + length)] }
                offset += 12 + length
            }
        }

        /// The first deflate block's type: 0 stored, 1 fixed Huffman, 2 dynamic Huffman.
        var firstBlockType: Int { Int(zlib[2] >> 1) & 3 }

        /// The filtered rows of a stream made only of stored blocks, or nil if any block is not stored.
        func storedRows() -> [UInt8]? {
            var rows: [UInt8] = [], offset = 2
            while true {
                let header = zlib[offset]
                guard (header >> 1) & 3 == 0 else { return nil }
                let length = Int(zlib[offset + 1]) | Int(zlib[offset + 2]) << 8
                rows += zlib[(offset + 5)..<(offset + 5 + length)]
                offset += 5 + length
                if header & 1 == 1 { return rows }
            }
        }
    }

    static func expectStoredUnfiltered(_ path: String, channels: Int) throws {
        let file = try PNGFile(path: path)
        #expect(file.chunkTypes.first == "IHDR" && file.chunkTypes.last == "IEND" && file.chunkTypes.contains("sRGB"), "\(path)")
        #expect(file.zlib[0] == 0x78 && (Int(file.zlib[0]) << 8 | Int(file.zlib[1])) % 31 == 0, "\(path): a zlib stream")
        let rows = try #require(file.storedRows(), "\(path): every deflate block stored")
        let stride = file.width * channels + 1
        #expect(rows.count == stride * file.height)
        let raster = try PNGImage.read(path, channels: channels)
        for row in 0..<file.height {
            #expect(rows[row * stride] == 0, "\(path): row \(row) has filter \(rows[row * stride]), not none")
            #expect(Array(rows[(row * stride + 1)..<((row + 1) * stride)])
                    == Array(raster.pixels[(row * (stride - 1))..<((row + 1) * (stride - 1))]))
        }
    }

    @Test func theStepLoopWritesStoredUnfilteredStepsAndCompressedMasks() throws {
        let directory = TemporaryDirectory()
        let project = try GenerateFixtures.project(in: directory.path)
        try StepLoop(project: project, inpainter: BuiltinInpainter(), settings: GenerateSettings(seed: 3)).run()
        for step in 0...6 { try Self.expectStoredUnfiltered(project.folder.stepPath(step), channels: 3) }
        // Step 0 is the input image's pixels, re-encoded.
        #expect(try PNGImage.read(project.folder.stepPath(0)) == GenerateFixtures.image())
        for step in 1...6 { #expect(try PNGFile(path: project.folder.maskPath(step)).firstBlockType != 0) }
    }

    @Test func theContourLoopWritesStoredUnfilteredStepsAndStrips() throws {
        let folder = TemporaryDirectory("contour")
        let scene = try WavySkylineScene(directory: folder.path, steps: 2)
        try scene.generate()
        for step in 0...2 {
            try Self.expectStoredUnfiltered(scene.project.folder.stepPath(step), channels: 3)
            for layer in 0...1 { try Self.expectStoredUnfiltered(scene.project.folder.stripPath(layer: layer, step: step), channels: 4) }
        }
    }

    @Test func theSamePixelsGiveTheSameBytes() throws {
        let directory = TemporaryDirectory()
        var raster = Raster(width: 37, height: 23, channels: 4)
        for index in raster.pixels.indices { raster.pixels[index] = UInt8(truncatingIfNeeded: index &* 2_654_435_761 >> 7) }
        let first = directory.path + "/a.png", second = directory.path + "/b.png"
        try StepImageFile.write(raster, to: first)
        try StepImageFile.write(raster, to: second)
        #expect(FileManager.default.contents(atPath: first) == FileManager.default.contents(atPath: second))
        #expect(try PNGImage.read(first, channels: 4) == raster)
    }

    @Test func anUnwritablePathIsNamed() throws {
        let directory = TemporaryDirectory()
        let path = directory.path + "/missing/000001.png"
        do {
            try PNGImage.write(Raster(width: 4, height: 4, channels: 3), to: path, encoding: .quickToDecode)
            Issue.record("writing into a missing folder succeeded")
        } catch {
            #expect("\(error)".contains(path))
        }
    }
}
