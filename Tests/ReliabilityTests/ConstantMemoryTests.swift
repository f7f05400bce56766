import Foundation
import ParallaxCore
import Testing
import TestSupport

/// Runs a program with its output discarded and returns its exit status and peak resident
/// memory (wait4's ru_maxrss, what `/usr/bin/time -v` reports), in KB.
private func peakMemory(_ executable: String, _ arguments: [String]) throws -> (status: Int32, peakKB: Int) {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }
    var pid: pid_t = 0
    let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
    guard spawned == 0 else { throw InspectionError("cannot start \(executable): \(String(cString: strerror(spawned)))") }
    var status: Int32 = 0
    var usage = rusage()
    while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
    return (status, usage.ru_maxrss)
}

/// The lower peak of two runs (and the first failing status, if any): with the test suite
/// running beside it, one run's peak drifted by up to 15 MB (malloc's per-thread arenas), while
/// the regressions these tests guard against add 40 MB or more.
private func lowerPeakMemory(_ executable: String, _ arguments: [String]) throws -> (status: Int32, peakKB: Int) {
    let runs = try (0..<2).map { _ in try peakMemory(executable, arguments) }
    return (runs.first { $0.status != 0 }?.status ?? 0, runs.map(\.peakKB).min()!)
}

@Suite("Constant memory")
struct ConstantMemoryTests {
    /// A project at `path` showing `scene`'s steps (linked, not copied) at another step rate.
    private func showSteps(of scene: GroundTruthScene, at path: String, stepsPerSecond: String) throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path + "/steps", withDestinationPath: scene.directory + "/steps")
        var edited = scene.project.scene
        edited.stepsPerSecond = Rational(parsing: stepsPerSecond)!
        try SceneFile.encode(edited).write(to: URL(fileURLWithPath: path + "/scene.json"))
    }

    /// The same 4 steps shown for 3 s and for 24 s (22.5 and 180 frames per step): nothing in
    /// the render may hold frames in proportion to the video's length or the frames per step.
    /// Whole renders (H.264 with parallax's defaults, lossless FFV1) and compositing alone. The
    /// short video is longer than x264's own window (lookahead and frame threads, about 50
    /// frames at preset medium), which any length fills to the same size.
    @Test("peak memory does not grow with the video's length", arguments: [
        ["-o", "video.mp4"], ["-o", "video.mkv", "--codec", "ffv1"], ["--no-encode"], ["--no-encode", "--loop", "pingpong"],
    ])
    func memoryDoesNotGrowWithLength(output: [String]) throws {
        let directory = TemporaryDirectory("parallax-memory")
        let short = try GroundTruthScene(directory: directory.file("short"), width: 480, height: 272,
                                         layers: [(96, 0.3), (176, 1.0)], stepsPerSecond: "4/3", steps: 4)
        let long = directory.file("long")
        try showSteps(of: short, at: long, stepsPerSecond: "1/6")
        #expect(try Project(path: long).plan.frameCount == 8 * short.plan.frameCount)

        let parallax = ProcessRunner.parallaxExecutable
        func arguments(_ project: String) -> [String] {
            ["render", project, "-q"] + output.map { $0.hasPrefix("video.") ? project + "-" + $0 : $0 }
        }
        let shortRun = try lowerPeakMemory(parallax, arguments(short.directory))
        let longRun = try lowerPeakMemory(parallax, arguments(long))
        #expect(shortRun.status == 0 && longRun.status == 0)
        if let file = output.first(where: { $0.hasPrefix("video.") }) {
            let frames = try VideoInspection.frameMD5s(long + "-" + file).count
            #expect(frames == 8 * short.plan.frameCount, "the long render is whole")
        }
        // Before the step streams stayed at the step rate, 120 frames per step held about
        // 120 composited frames (over 40 MB at this size) at once.
        let growth = longRun.peakKB - shortRun.peakKB
        #expect(growth < 12 * 1024, "\(output): peak memory \(shortRun.peakKB) KB for 3 s, \(longRun.peakKB) KB for 24 s")
    }

    /// The same 5 steps at 2 and at 60 frames per step, compositing alone: a graph that lets a
    /// whole step of frames queue ahead of the compositor (as repeating the steps to the output
    /// rate before the overlays did) holds about 60 frames more in the slow render. Checked to
    /// fail with that graph: it grew by about a step's worth of frames.
    @Test("a slowly stepping render holds no more frames than a quickly stepping one")
    func framesPerStepDoNotQueue() throws {
        let directory = TemporaryDirectory("parallax-queue")
        let fast = try GroundTruthScene(directory: directory.file("fast"), width: 640, height: 360,
                                        layers: [(120, 0.3), (240, 1.0)], stepsPerSecond: "15", steps: 5)
        let slow = directory.file("slow")
        try showSteps(of: fast, at: slow, stepsPerSecond: "1/2")
        #expect(try Project(path: slow).plan.frameCount == 30 * fast.plan.frameCount)

        let parallax = ProcessRunner.parallaxExecutable
        let fastRun = try lowerPeakMemory(parallax, ["render", fast.directory, "-q", "--no-encode"])
        let slowRun = try lowerPeakMemory(parallax, ["render", slow, "-q", "--no-encode"])
        #expect(fastRun.status == 0 && slowRun.status == 0)
        // One frame of the picture in a 3-plane 8-bit format; a step's worth is 60 of them, and
        // the queuing graph held about 140 more. Half a step's worth is the bound.
        let frameKB = 640 * 360 * 3 / 1024
        #expect(slowRun.peakKB - fastRun.peakKB < 30 * frameKB,
                "peak memory \(fastRun.peakKB) KB at 2 frames per step, \(slowRun.peakKB) KB at 60")
    }
}
