import Foundation
import ParallaxAV
import ParallaxCore
import Testing
import TestSupport

@Suite("C shim")
struct ShimTests {
    @Test("PNG write then read gives the same pixels, RGB and gray")
    func pngRoundTrip() throws {
        let folder = TemporaryDirectory("png")
        var rgb = Raster(width: 7, height: 5, channels: 3)
        for index in rgb.pixels.indices { rgb.pixels[index] = UInt8(index * 37 % 256) }
        try PNGImage.write(rgb, to: folder.file("rgb.png"))
        #expect(try PNGImage.read(folder.file("rgb.png")) == rgb)
        let gray = Raster(width: 3, height: 2, channels: 1, pixels: [0, 50, 100, 150, 200, 255])
        try PNGImage.write(gray, to: folder.file("gray.png"))
        #expect(try PNGImage.read(folder.file("gray.png"), channels: 1) == gray)
    }

    @Test("an unreadable PNG names the file")
    func unreadablePNG() throws {
        let folder = TemporaryDirectory("png")
        let path = folder.file("broken.png")
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: path))
        #expect { try PNGImage.read(path) } throws: { error in
            (error as? SceneError)?.description.hasPrefix(path) == true
        }
    }

    @Test("a graph error comes back as libav's own message, and nothing is left at the output")
    func graphErrorsAreReadable() throws {
        let folder = TemporaryDirectory("shim")
        let output = AtomicOutput(folder.file("out.mp4"))
        let job = GraphJob(graphText: "nosuchfilter[vout]", streams: [StreamSpec(sinkLabel: "vout", encoder: "libx264")],
                           outputPath: output.temporaryPath)
        #expect { try output.write { _ in try GraphRunner.run(job) } } throws: { error in
            (error as? AVError)?.message.contains("parsing the filter graph") == true
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    @Test("an unknown encoder option is refused by name")
    func unknownEncoderOption() throws {
        let folder = TemporaryDirectory("shim")
        let job = GraphJob(graphText: "color=s=16x16:d=0.1,format=yuv420p[vout]",
                           streams: [StreamSpec(sinkLabel: "vout", encoder: "libx264", encoderOptions: [("nonsense", "1")])],
                           outputPath: folder.file("x.mp4"))
        #expect { try GraphRunner.run(job) } throws: { error in
            (error as? AVError)?.message.contains("has no option nonsense") == true
        }
    }

    @Test("a job asked to stop ends with a cancellation error, leaving other jobs alone")
    func stopOneJob() throws {
        // Per job, not the process-wide Ctrl-C flag: tests run in parallel in this process.
        let job = GraphJob(graphText: "color=s=16x16:d=100,format=yuv420p[vout]",
                           streams: [StreamSpec(sinkLabel: "vout", encoder: "libx264")], outputPath: nil)
        var frames = 0
        #expect { try GraphRunner.run(job, progress: { frames = $0 }, shouldStop: { frames >= 10 }) } throws: { error in
            (error as? AVError)?.isCancellation == true
        }
        #expect(frames == 10)
    }
}
