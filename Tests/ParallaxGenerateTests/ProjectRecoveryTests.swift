import Foundation
import ParallaxCore
import ParallaxGenerate
import TestSupport
import Testing

/// What `create` and `init` promise about a project folder that already exists: `create` keeps
/// it after a failed step and resumes from it; `init --force` replaces scene.json by renaming a
/// finished file over it, never by rewriting it in place.
@Suite struct ProjectRecoveryTests {
    /// Copies the image as its own fill (a valid, deterministic inpainter) for steps before
    /// FAIL_STEP, then fails like a model running out of memory.
    static let inpainter = """
    import shutil, sys
    fail_step, step, image, output = sys.argv[1:5]
    if int(step) >= int(fail_step):
        print("the model ran out of memory", file=sys.stderr)
        sys.exit(3)
    shutil.copy(image, output)
    """

    /// The file's identity (inode) and bytes.
    static func identity(_ path: String) throws -> (inode: UInt64, bytes: Data) {
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        let inode = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        return (inode, try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func createKeepsItsProjectAfterAFailedStepAndResumesToTheSameVideo() throws {
        let python = try #require(GenerateFixtures.python, "python3 runs the stand-in inpainter")
        let directory = TemporaryDirectory()
        try GenerateFixtures.writeImage(directory.file("still.png"), width: 96, height: 64)
        try Self.inpainter.write(toFile: directory.file("fill.py"), atomically: true, encoding: .utf8)
        func create(_ output: String, failStep: Int) throws -> ProcessResult {
            try ProcessRunner.parallax([
                "create", directory.file("still.png"), "-o", directory.file(output),
                "--layers", "sky:24:0.5,land::1", "--step-shift", "12",
                "--inpaint-command", "\(python) \(directory.file("fill.py")) \(failStep) {step} {image} {output}",
            ])
        }
        let reference = try create("reference.mp4", failStep: 99)
        try #require(reference.succeeded, "\(reference.standardError)")

        let output = directory.file("video.mp4"), project = directory.file("video.parallax")
        let previous = Data("a previous, finished video\n".utf8)
        try previous.write(to: URL(fileURLWithPath: output))
        let failed = try create("video.mp4", failStep: 3)
        #expect(!failed.succeeded)
        #expect(failed.standardError.contains("exited with status 3 on step 3"), "\(failed.standardError)")
        #expect(FileManager.default.contents(atPath: output) == previous, "a failed create leaves the video alone")
        #expect(StepJournal(projectDirectory: project).completedEntries().map(\.step) == [1, 2])
        let firstStep = StepFolder(projectDirectory: project).stepPath(1)
        let before = try Self.identity(firstStep)

        let resumed = try create("video.mp4", failStep: 99)
        #expect(resumed.succeeded, "\(resumed.standardError)")
        #expect(resumed.standardError.contains("resumed after step 2"), "\(resumed.standardError)")
        let after = try Self.identity(firstStep)
        #expect(after.inode == before.inode && after.bytes == before.bytes, "step 1 was made again instead of kept")
        #expect(try VideoInspection.frameMD5s(output) == VideoInspection.frameMD5s(directory.file("reference.mp4")))
    }

    @Test func initForceReplacesSceneJsonByRenamingAFinishedFileOverIt() throws {
        let directory = TemporaryDirectory()
        try GenerateFixtures.writeImage(directory.file("still.png"))
        let project = directory.file("p"), sceneFile = directory.file("p/scene.json")
        let first = try ProcessRunner.parallax(["init", directory.file("still.png"), project, "--layer", "top:50%:cloud", "--layer", "bottom::1"])
        try #require(first.succeeded, "\(first.standardError)")
        // A second name for the old scene.json: a rename leaves it holding the old bytes, an
        // in-place rewrite would change it too.
        let old = directory.file("old-scene.json")
        try #require(link(sceneFile, old) == 0)
        let oldBytes = try Data(contentsOf: URL(fileURLWithPath: old))

        let refused = try ProcessRunner.parallax(["init", directory.file("still.png"), project, "--layer", "all::1"])
        #expect(!refused.succeeded && refused.standardError.contains("--force"), "\(refused.standardError)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: sceneFile)) == oldBytes)

        let forced = try ProcessRunner.parallax(["init", directory.file("still.png"), project, "--layer", "all::1", "--force"])
        #expect(forced.succeeded, "\(forced.standardError)")
        #expect(try Project(path: project).plan.layers.map(\.name) == ["all"])
        #expect(try Self.identity(sceneFile).inode != Self.identity(old).inode, "scene.json was rewritten in place")
        #expect(try Data(contentsOf: URL(fileURLWithPath: old)) == oldBytes, "the old file changed under its other name")
        let names = try FileManager.default.contentsOfDirectory(atPath: project)
        #expect(!names.contains { $0.contains(".partial") }, "\(names)")
    }
}
