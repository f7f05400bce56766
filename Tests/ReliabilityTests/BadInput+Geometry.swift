import Foundation
import ParallaxAV
import ParallaxCore
import TestSupport

/// Bad layer masks and object masks: one line naming the mask, nothing written.
extension BadInput {
    /// A gray mask the fixture's size (96x64), white in the rows `white` of every column.
    @Sendable static func writeMask(_ path: String, width: Int = 96, height: Int = 64, white: Range<Int>) throws {
        var mask = Raster(width: width, height: height, channels: 1)
        for y in white { for x in 0..<width { mask.pixels[y * width + x] = 255 } }
        try PNGImage.write(mask, to: path)
    }

    static func mask(_ fixture: ReliabilityFixture) -> String { fixture.root.file("mask.png") }

    static let geometryRows: [BadInput] = [
        BadInput("a layer mask of the wrong size", ToolCommand.imageReaders,
                 setUp: { try writeMask(mask($0), width: 48, height: 32, white: 0..<10) },
                 arguments: { fixture, command in command.arguments(fixture) + ["--layer-masks", mask(fixture)] },
                 expect: { [mask($0), "48x32", "96x64", "--layer-masks"] }),
        BadInput("an empty layer mask", ToolCommand.imageReaders,
                 setUp: { try writeMask(mask($0), white: 0..<0) },
                 arguments: { fixture, command in command.arguments(fixture) + ["--layer-masks", mask(fixture)] },
                 expect: { [mask($0), "empty", "--layer-masks"] }),
        BadInput("a layer mask whose edge leaves no row below it", ToolCommand.imageReaders,
                 setUp: { try writeMask(mask($0), white: 0..<64) },
                 arguments: { fixture, command in command.arguments(fixture) + ["--layer-masks", mask(fixture)] },
                 expect: { [mask($0), "column 0", "no row for the layer below"] }),
        BadInput("an object mask of the wrong size", ToolCommand.imageReaders,
                 setUp: { try writeMask(mask($0), width: 48, height: 32, white: 0..<10) },
                 arguments: { fixture, command in command.arguments(fixture) + ["--object", "tree:\(mask(fixture)):1"] },
                 expect: { [mask($0), "48x32", "96x64", "--object tree"] }),
        BadInput("an empty object mask", ToolCommand.imageReaders,
                 setUp: { try writeMask(mask($0), white: 0..<0) },
                 arguments: { fixture, command in command.arguments(fixture) + ["--object", "tree:\(mask(fixture)):1"] },
                 expect: { [mask($0), "empty", "--object tree"] }),
        BadInput("an object outside the picture", ToolCommand.sceneReaders,
                 setUp: { fixture in
                     try writeMask(fixture.project + "/tree.png", white: 10..<20)
                     try fixture.editScene {
                         $0["objects"] = [["name": "tree", "mask": "tree.png", "speed": 1, "box": [90, 10, 20, 10]]]
                     }
                 },
                 expect: { [$0.sceneFile, "objects[0].box", "[90, 10, 20, 10]", "outside the 96x64 picture"] }),
    ]
}
