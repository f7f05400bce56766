import Foundation
import ParallaxAV
import ParallaxCore
import ParallaxGenerate
import TestSupport
import Testing

/// The generation commands run as a user runs them: the built `parallax` binary.
@Suite(.serialized) struct GenerateCommandTests {
    /// A stand-in inpainter: copies the image (a valid fill) before `failStep`, then misbehaves.
    static let fakeInpainter = """
    import shutil, struct, sys, time, zlib
    mode, fail_step, step, image, mask, output = sys.argv[1:7]
    if int(step) < int(fail_step):
        shutil.copy(image, output)
        sys.exit(0)
    if mode == "exit":
        print("the model ran out of memory", file=sys.stderr)
        sys.exit(3)
    if mode == "hang":
        time.sleep(60)
    if mode == "wrongsize":
        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        rows = b"".join(b"\\x00" + b"\\x80" * 30 for _ in range(10))
        png = b"\\x89PNG\\r\\n\\x1a\\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 10, 10, 8, 2, 0, 0, 0))
        png += chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b"")
        open(output, "wb").write(png)
    if mode == "garbage":
        open(output, "w").write("not a png")
    sys.exit(0)
    """

    func makeProject(_ directory: TemporaryDirectory, steps: Int = 6, stepShift: Double = 8) throws -> String {
        let project = directory.file("project")
        _ = try GenerateFixtures.project(in: project, stepShift: stepShift, steps: steps)
        return project
    }

    @Test func anyNumberOfThreadsGivesTheSamePixels() throws {
        // Straight bands (filled at once) and contour layers (several steps at once).
        let straight = TemporaryDirectory(), contour = TemporaryDirectory()
        var bytes: [[Data]] = []
        for threads in [nil, "1", "3"] {
            let project = try makeProject(straight)
            let scene = try WavySkylineScene(directory: contour.file("contour"), steps: 5, tower: true)
            for directory in [project, scene.directory] {
                let flags = threads.map { ["--threads", $0] } ?? []
                let result = try ProcessRunner.parallax(["generate", directory, "--seed", "4", "--restart", "--quiet"] + flags)
                #expect(result.succeeded, "\(result.standardError)")
            }
            bytes.append(GenerateFixtures.stepBytes(project, steps: 6) + GenerateFixtures.stepBytes(scene.directory, steps: 5))
        }
        #expect(bytes[0].count == 13 && !bytes[0].contains(Data()))
        #expect(bytes[1] == bytes[0] && bytes[2] == bytes[0])

        let refused = try ProcessRunner.parallax(["generate", try makeProject(TemporaryDirectory()), "--threads", "0"])
        #expect(!refused.succeeded && refused.standardError.contains("--threads must be between 1 and 1024, got 0"),
                "\(refused.standardError)")
    }

    @Test func createGoesFromStillImageToVideo() throws {
        let directory = TemporaryDirectory()
        try GenerateFixtures.writeImage(directory.file("still.png"), width: 96, height: 64)
        let result = try ProcessRunner.parallax(["create", directory.file("still.png"), "-o", directory.file("out.mp4"),
                                                 "--layers", "sky:24:0.25,land::1", "--step-shift", "12", "--fps", "24", "--quiet"])
        #expect(result.succeeded, "\(result.standardError)")
        #expect(result.standardError.isEmpty)
        let project = directory.file("out.parallax")
        // 96 px at 12 px/step: 8 steps for the near layer, 32 for the sky (speed 1/4).
        #expect(StepFolder(projectDirectory: project).consecutiveStepCount() == 33)
        let probe = try VideoInspection.probe(directory.file("out.mp4"), entries: "stream=width,height,nb_frames,r_frame_rate")
        #expect(probe["width"] == "96" && probe["height"] == "64" && probe["r_frame_rate"] == "24/1")
        #expect(probe["nb_frames"] == String(32 * 24 / 4))
        // Step 0 is the input; the first frame shows it (up to the lossy encode).
        let first = try VideoInspection.rgbFrames(directory.file("out.mp4"), width: 96, height: 64)[0]
        let input = GenerateFixtures.image()
        let meanError = zip(first.pixels, input.pixels).map { abs(Int($0) - Int($1)) }.reduce(0, +) / input.pixels.count
        #expect(meanError < 8)
    }

    @Test func createWithAllDefaultsUsesPresetLayersAndFinishes() throws {
        let directory = TemporaryDirectory()
        try GenerateFixtures.writeImage(directory.file("still.png"), width: 160, height: 90)
        let result = try ProcessRunner.parallax(["create", directory.file("still.png"), "-o", directory.file("still.mp4")])
        #expect(result.succeeded, "\(result.standardError)")
        #expect(result.standardError.contains("generated 7 steps"))
        let scene = try SceneFile.load(directory.file("still.parallax/scene.json"))
        #expect(scene.layers.count == 4 && scene.steps == 7)
        let probe = try VideoInspection.probe(directory.file("still.mp4"), entries: "stream=nb_frames")
        #expect(probe["nb_frames"] == String(7 * 30 / 4 + 1))
    }

    @Test func initWritesASceneThatPlanReads() throws {
        let directory = TemporaryDirectory()
        try GenerateFixtures.writeImage(directory.file("still.png"))
        let result = try ProcessRunner.parallax(["init", directory.file("still.png"), directory.file("p"), "--layer", "top:50%:cloud",
                                                 "--layer", "bottom::d2", "--direction", "90"])
        #expect(result.succeeded, "\(result.standardError)")
        let project = try Project(path: directory.file("p"))
        #expect(project.scene.image == "input.png" && project.plan.layers.map(\.height) == [32, 32])
        #expect(project.scene.direction.degrees == 90)
        let again = try ProcessRunner.parallax(["init", directory.file("still.png"), directory.file("p")])
        #expect(!again.succeeded && again.standardError.contains("already exists"))
        let bad = try ProcessRunner.parallax(["init", directory.file("still.png"), directory.file("q"), "--layers", "a:70:1,b:70:1"])
        #expect(!bad.succeeded && bad.standardError.contains("heights sum to 140"))
        #expect(!FileManager.default.fileExists(atPath: directory.file("q/scene.json")))
    }

    @Test func killedGenerateResumesToIdenticalSteps() throws {
        let reference = TemporaryDirectory(), killed = TemporaryDirectory()
        let steps = 120
        let referenceProject = try makeProject(reference, steps: steps, stepShift: 0.75)
        let uninterrupted = try ProcessRunner.parallax(["generate", referenceProject, "--seed", "5", "--quiet"])
        #expect(uninterrupted.succeeded, "\(uninterrupted.standardError)")

        let project = try makeProject(killed, steps: steps, stepShift: 0.75)
        let journal = StepJournal(projectDirectory: project)
        var killedMidRun = 0
        // Kill once the journal reaches a target (plus a little, to land anywhere inside the next
        // step), and a few times after a fixed delay regardless of progress.
        let plan: [(journalTarget: Int?, extraDelay: Double)] = [(3, 0), (17, 0.001), (nil, 0.05), (40, 0.003), (71, 0.0005),
                                                                  (nil, 0.2), (100, 0.002)]
        for (target, extraDelay) in plan {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: ProcessRunner.parallaxExecutable)
            process.arguments = ["generate", project, "--seed", "5", "--quiet"]
            process.standardError = FileHandle.nullDevice
            try process.run()
            if let target {
                let deadline = Date().addingTimeInterval(30)
                while process.isRunning, journal.completedEntries().count < target, Date() < deadline { usleep(500) }
            }
            Thread.sleep(forTimeInterval: extraDelay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let done = journal.completedEntries().count
            if process.terminationReason == .uncaughtSignal && done > 0 && done < steps { killedMidRun += 1 }
        }
        #expect(killedMidRun >= 4, "only \(killedMidRun) kills landed while steps were being made")
        let resumed = try ProcessRunner.parallax(["generate", project, "--seed", "5", "--quiet"])
        #expect(resumed.succeeded, "\(resumed.standardError)")
        #expect(GenerateFixtures.stepBytes(project, steps: steps) == GenerateFixtures.stepBytes(referenceProject, steps: steps))
        #expect(journal.completedEntries().map(\.step) == Array(1...steps))
    }

    @Test func openCVWorkerFillsEveryStep() throws {
        guard GenerateFixtures.hasOpenCV, let python = GenerateFixtures.python else {
            Issue.record("python3 with cv2 is required (scripts/setup.sh installs it)")
            return
        }
        let directory = TemporaryDirectory()
        let project = try makeProject(directory)
        let worker = "\(python) \(GenerateFixtures.inpaintersDirectory)/opencv_worker.py --radius 3"
        let result = try ProcessRunner.parallax(["generate", project, "--inpaint-worker", worker, "--timeout", "60", "--mask-grow", "2", "--mask-feather", "2"])
        #expect(result.succeeded, "\(result.standardError)")
        let entries = StepJournal(projectDirectory: project).completedEntries()
        #expect(entries.map(\.step) == Array(1...6) && entries.allSatisfy { $0.inpainter == "worker" })
        try checkGapsWereFilled(project)
        let log = try String(contentsOfFile: project + "/inpaint.log", encoding: .utf8)
        #expect(log.components(separatedBy: "opencv_worker: ready").count == 2, "one worker for all steps")
    }

    @Test func openCVScriptRunsAsACommandTemplate() throws {
        guard GenerateFixtures.hasOpenCV, let python = GenerateFixtures.python else {
            Issue.record("python3 with cv2 is required (scripts/setup.sh installs it)")
            return
        }
        let directory = TemporaryDirectory()
        let project = try makeProject(directory)
        let command = "\(python) '\(GenerateFixtures.inpaintersDirectory)/opencv_inpaint.py' {image} {mask} {output} --method ns"
        let result = try ProcessRunner.parallax(["generate", project, "--inpaint-command", command])
        #expect(result.succeeded, "\(result.standardError)")
        #expect(StepJournal(projectDirectory: project).completedEntries().allSatisfy { $0.inpainter == "command" })
        try checkGapsWereFilled(project)
    }

    /// The gap of every step is no longer black: something filled it.
    func checkGapsWereFilled(_ project: String) throws {
        let opened = try Project(path: project)
        for step in 1...opened.plan.steps {
            let image = try PNGImage.read(opened.folder.stepPath(step))
            let mask = try PNGImage.read(opened.folder.maskPath(step), channels: 1)
            var black = 0, masked = 0
            for index in 0..<mask.pixels.count where mask.pixels[index] == 255 {
                masked += 1
                if image.pixels[index * 3] == 0 && image.pixels[index * 3 + 1] == 0 && image.pixels[index * 3 + 2] == 0 { black += 1 }
            }
            #expect(masked > 0 && black == 0, "step \(step): \(black) of \(masked) gap pixels black")
        }
    }

    @Test(arguments: [
        ("exit", "exited with status 3 on step 3: the model ran out of memory"),
        ("hang", "timed out after 3 s on step 3"),
        ("nothing", "wrote no output for step 3"),
        ("wrongsize", "wrote a 10x10 image for step 3, expected 96x64"),
        ("garbage", "wrote an unreadable image for step 3"),
    ])
    func failingCommandStopsWithOneLineAndKeepsFinishedSteps(mode: String, message: String) throws {
        guard let python = GenerateFixtures.python else { Issue.record("python3 is required"); return }
        let directory = TemporaryDirectory()
        let project = try makeProject(directory)
        try Self.fakeInpainter.write(toFile: directory.file("fake.py"), atomically: true, encoding: .utf8)
        let command = "\(python) \(directory.file("fake.py")) \(mode) 3 {step} {image} {mask} {output}"
        let started = Date()
        let result = try ProcessRunner.parallax(["generate", project, "--inpaint-command", command, "--timeout", "3", "--quiet"])
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(!result.succeeded)
        let lines = result.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(result.standardError)")
        #expect(result.standardError.contains(message), "\(result.standardError)")
        #expect(result.standardError.contains("2 finished steps are kept"))
        #expect(StepJournal(projectDirectory: project).completedEntries().map(\.step) == [1, 2])
        #expect(StepFolder(projectDirectory: project).consecutiveStepCount() == 3)
        // The exchange folder goes with the failed (or timed-out) inpainter.
        #expect(!FileManager.default.fileExists(atPath: project + "/.work"))

        // The fixed inpainter (fail step far away) resumes after step 2.
        let fixed = "\(python) \(directory.file("fake.py")) \(mode) 99 {step} {image} {mask} {output}"
        let resumed = try ProcessRunner.parallax(["generate", project, "--inpaint-command", fixed])
        #expect(resumed.succeeded, "\(resumed.standardError)")
        #expect(resumed.standardError.contains("resumed after step 2"))
    }

    @Test func workerThatRepliesWithAnErrorIsRetriedThenReported() throws {
        guard let python = GenerateFixtures.python else { Issue.record("python3 is required"); return }
        let directory = TemporaryDirectory()
        let project = try makeProject(directory)
        let script = """
        import json, shutil, sys
        print("loading a model... (noise on stdout is skipped)", flush=True)
        for line in sys.stdin:
            request = json.loads(line)
            if request["step"] >= 2:
                print(json.dumps({"ok": False, "error": "no GPU"}), flush=True)
            else:
                shutil.copy(request["image"], request["output"])
                print(json.dumps({"ok": True}), flush=True)
        """
        try script.write(toFile: directory.file("worker.py"), atomically: true, encoding: .utf8)
        let result = try ProcessRunner.parallax(["generate", project, "--inpaint-worker", "\(python) \(directory.file("worker.py"))",
                                                 "--retries", "2", "--quiet"])
        #expect(!result.succeeded)
        #expect(result.standardError.contains("failed on step 2: no GPU (after 3 attempts)"), "\(result.standardError)")
        #expect(StepJournal(projectDirectory: project).completedEntries().map(\.step) == [1])
    }

    @Test func workerThatStopsAnsweringTimesOutAndIsStopped() throws {
        guard let python = GenerateFixtures.python else { Issue.record("python3 is required"); return }
        let directory = TemporaryDirectory()
        let project = try makeProject(directory)
        let script = """
        import json, os, shutil, sys, time
        open(sys.argv[1], "w").write(str(os.getpid()))
        for line in sys.stdin:
            request = json.loads(line)
            if request["step"] == 2:
                time.sleep(60)
            shutil.copy(request["image"], request["output"])
            print(json.dumps({"ok": True}), flush=True)
        """
        try script.write(toFile: directory.file("worker.py"), atomically: true, encoding: .utf8)
        let started = Date()
        let result = try ProcessRunner.parallax(["generate", project, "--inpaint-worker",
                                                 "\(python) \(directory.file("worker.py")) \(directory.file("pid"))", "--timeout", "3", "--quiet"])
        #expect(Date().timeIntervalSince(started) < 20)
        #expect(!result.succeeded)
        #expect(result.standardError.contains("timed out after 3 s on step 2"), "\(result.standardError)")
        #expect(StepJournal(projectDirectory: project).completedEntries().map(\.step) == [1])
        let pid = Int32(try String(contentsOfFile: directory.file("pid"), encoding: .utf8))!
        #expect(kill(pid, 0) != 0, "the stuck worker was stopped")
    }

    @Test func interruptStopsTheInpainterAndKeepsFinishedSteps() throws {
        guard let python = GenerateFixtures.python else { Issue.record("python3 is required"); return }
        let directory = TemporaryDirectory()
        let project = try makeProject(directory)
        let script = """
        import os, shutil, sys, time
        step, image, output = sys.argv[1:4]
        if step == "3":
            open(sys.argv[4], "w").write(str(os.getpid()))
            time.sleep(60)
        shutil.copy(image, output)
        """
        try script.write(toFile: directory.file("slow.py"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: ProcessRunner.parallaxExecutable)
        process.arguments = ["generate", project, "--inpaint-command",
                             "\(python) \(directory.file("slow.py")) {step} {image} {output} \(directory.file("pid"))", "--quiet"]
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let deadline = Date().addingTimeInterval(30)
        while !FileManager.default.fileExists(atPath: directory.file("pid")), Date() < deadline { usleep(10_000) }
        usleep(100_000)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 130)
        #expect(message.contains("interrupted; 2 finished steps are kept"), "\(message)")
        let pid = Int32(try String(contentsOfFile: directory.file("pid"), encoding: .utf8))!
        #expect(kill(pid, 0) != 0, "the running inpainter was stopped")
        #expect(StepJournal(projectDirectory: project).completedEntries().map(\.step) == [1, 2])
    }

    @Test func placeholdersReachTheCommandAsSingleArgumentsWithoutAShell() throws {
        guard let python = GenerateFixtures.python else { Issue.record("python3 is required"); return }
        let directory = TemporaryDirectory()
        let project = try makeProject(directory, steps: 2)
        let script = """
        import json, shutil, sys
        arguments = sys.argv[1:]
        shutil.copy(arguments[0], arguments[2])
        open(sys.argv[0] + ".step" + arguments[3] + ".json", "w").write(json.dumps(arguments))
        """
        try script.write(toFile: directory.file("record.py"), atomically: true, encoding: .utf8)
        try PNGImage.write(Raster(width: 4, height: 4, channels: 1), to: directory.file("depth.png"))
        let prompt = "a 'quiet' lake; $(touch \(directory.file("pwned"))) *"
        let command = "\(python) \(directory.file("record.py")) {image} {mask} {output} {step} {seed} {prompt} {negative_prompt} {layer_rows} --depth={depth}"
        let result = try ProcessRunner.parallax(["generate", project, "--inpaint-command", command, "--prompt", prompt,
                                                 "--negative-prompt", "", "--seed", "11", "--depth-map", directory.file("depth.png"), "-q"])
        #expect(result.succeeded, "\(result.standardError)")
        let data = try Data(contentsOf: URL(fileURLWithPath: directory.file("record.py.step2.json")))
        let arguments = try JSONDecoder().decode([String].self, from: data)
        #expect(arguments.count == 9)
        #expect(arguments[1] == URL(fileURLWithPath: project).standardizedFileURL.path + "/masks/000002.png")
        #expect(arguments[3] == "2" && arguments[4] == String(StepSeed.derive(seed: 11, step: 2)))
        #expect(arguments[5] == prompt && arguments[6] == "")
        #expect(arguments[7] == "0:24,24:40")
        #expect(arguments[8] == "--depth=" + URL(fileURLWithPath: directory.file("depth.png")).standardizedFileURL.path)
        #expect(!FileManager.default.fileExists(atPath: directory.file("pwned")))
    }
}
