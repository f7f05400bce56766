import Foundation
import ParallaxCore

/// A scene whose steps are frames of ffmpeg's `testsrc2` pattern: flat areas, edges, text and
/// gradients, the kind of picture an encoder's rate control (unlike with noise) really works on.
public struct TestPatternScene: Sendable {
    public let project: Project
    public let directory: String

    /// Writes scene.json and steps/ (consecutive `testsrc2` frames, made by ffmpeg) into `directory`.
    public init(directory: String, width: Int = 320, height: Int = 180, direction: Double = 180,
                layers: [(height: Int, speed: Double)] = [(80, 0.5), (100, 1.0)],
                stepsPerSecond: String = "4", fps: String = "30", steps: Int = 6) throws {
        self.directory = directory
        let scene = Scene(
            direction: Direction(degrees: direction), stepShift: 8,
            stepsPerSecond: Rational(parsing: stepsPerSecond)!, fps: Rational(parsing: fps)!, steps: steps,
            layers: layers.enumerated().map { Layer(name: "layer\($0.offset)", height: $0.element.height, depth: .speed($0.element.speed)) }
        )
        try FileManager.default.createDirectory(atPath: directory + "/steps", withIntermediateDirectories: true)
        try SceneFile.encode(scene).write(to: URL(fileURLWithPath: directory + "/scene.json"))
        // The image2 muxer's own numbering writes the step names; it reads '%' in the folder too.
        let folder = StepFolder(projectDirectory: directory).stepsDirectory.replacingOccurrences(of: "%", with: "%%")
        let pattern = (folder as NSString).appendingPathComponent("%0\(StepFolder.digits)d.png")
        let result = try ProcessRunner.run(VideoInspection.ffmpeg, [
            "-v", "error", "-f", "lavfi", "-i", "testsrc2=size=\(width)x\(height):rate=4",
            "-frames:v", String(steps + 1), "-start_number", "0", "-pix_fmt", "rgb24", pattern,
        ])
        guard result.succeeded else { throw InspectionError("ffmpeg could not write test pattern steps: \(result.standardError)") }
        project = try Project(path: directory)
    }

    public var plan: MotionPlan { project.plan }
}
