import Foundation
import ParallaxAV
import ParallaxCore

/// Settings of a generation run that are not part of the scene.
public struct GenerateSettings: Sendable {
    public var seed: UInt64
    public var mask: MaskShape
    public var prompt: String
    public var negativePrompt: String
    public var depthPath: String?
    /// Start again from step 0 even when a journal says steps are done.
    public var restart: Bool
    /// How contour layers' edges go on through the columns their motion opens.
    public var edges: EdgeContinuation

    public init(seed: UInt64 = 0, mask: MaskShape = MaskShape(), prompt: String = "", negativePrompt: String = "",
                depthPath: String? = nil, restart: Bool = false, edges: EdgeContinuation = .follow) {
        self.seed = seed
        self.mask = mask
        self.prompt = prompt
        self.negativePrompt = negativePrompt
        self.depthPath = depthPath
        self.restart = restart
        self.edges = edges
    }
}

/// What a run did.
public struct GenerateSummary: Sendable {
    public let resumedAfter: Int
    public let stepsWritten: Int
    public let totalSteps: Int
}

/// The step loop: for k = 1…S, shift step k−1's bands, mask the gaps, fill them, paste the known
/// pixels back, write steps/k.png atomically and journal it. Resumes after the last journaled step.
public final class StepLoop {
    public let project: Project
    public let inpainter: any Inpainter
    public let settings: GenerateSettings
    public var folder: StepFolder { project.folder }
    public var journal: StepJournal { StepJournal(projectDirectory: project.directory) }
    public var workDirectory: String { (project.directory as NSString).appendingPathComponent(".work") }
    public var logPath: String { (project.directory as NSString).appendingPathComponent("inpaint.log") }

    public init(project: Project, inpainter: any Inpainter, settings: GenerateSettings) {
        self.project = project
        self.inpainter = inpainter
        self.settings = settings
    }

    /// Step 0 (the input image), read once: every request carries it as the reference of what
    /// the layers held before any fill. A fresh run keeps the image it writes as step 0; a
    /// resumed one reads it back from the step folder, so both see the same.
    private var input: Raster?
    /// ``layersRefilledUnderEdge()``, worked out once from `input` (the resume check asks at
    /// every step); made again when step 0 is.
    var refilledLayers: Set<Int>?
    func inputImage() throws -> Raster {
        if let input { return input }
        let image = try PNGImage.read(folder.stepPath(0), channels: 3)
        input = image
        return image
    }

    /// The step the loop would start at: 1 for a fresh run, n + 1 after n journaled steps.
    public func resumePoint() -> Int {
        settings.restart ? 1 : finishedSteps() + 1
    }

    /// Steps journaled and present on disk now, whatever `restart` says (after a failed
    /// `--restart` run, the steps it made before failing).
    public func finishedSteps() -> Int {
        guard FileManager.default.fileExists(atPath: folder.stepPath(0)) else { return 0 }
        var done = 0
        let stacked = layout.isStacked
        // A contour scene's step is done only with every layer's strip on disk too.
        guard stacked || stripsExist(step: 0) else { return 0 }
        for entry in journal.completedEntries() where FileManager.default.fileExists(atPath: folder.stepPath(entry.step))
            && (stacked || stripsExist(step: entry.step)) {
            done = entry.step
        }
        return done
    }

    /// Finished steps another kind of inpainter made, by inpainter name.
    public func stepsByOtherInpainters() -> [String: [Int]] {
        let finished = finishedSteps()
        let others = journal.completedEntries().filter { $0.step <= finished && $0.inpainter != inpainter.name }
        return Dictionary(grouping: others, by: \.inpainter).mapValues { $0.map(\.step) }
    }

    /// Runs (or resumes) the loop; `progress(done, total)` after each step.
    @discardableResult
    public func run(progress: (Int, Int) -> Void = { _, _ in }) throws -> GenerateSummary {
        let plan = project.plan
        let fileManager = FileManager.default
        let lock = try ProjectLock(projectDirectory: project.directory)
        defer { withExtendedLifetime(lock) {} }
        do {
            try fileManager.createDirectory(atPath: folder.stepsDirectory, withIntermediateDirectories: true)
            try fileManager.createDirectory(atPath: folder.masksDirectory, withIntermediateDirectories: true)
        } catch {
            throw SceneError(file: project.directory, "cannot create steps/ and masks/: \(IOErrorText.reason(error) ?? "\(error)")")
        }
        removeAbandonedTemporaries()
        defer { inpainter.finish() }
        // The exchange folder for external inpainters goes whether the loop ends well or not.
        defer { try? fileManager.removeItem(atPath: workDirectory) }

        let start = resumePoint()
        var previous: Raster
        if start == 1 {
            // Steps made elsewhere (a ComfyUI batch, a script) have no journal: never overwrite
            // them unasked.
            if !settings.restart, !fileManager.fileExists(atPath: journal.path), fileManager.fileExists(atPath: folder.stepPath(1)) {
                throw SceneError(file: folder.stepsDirectory, "holds steps that generate did not make (no journal.jsonl); "
                                 + "run with --restart to replace them")
            }
            previous = try writeStepZero()
            try journal.reset(to: [])
        } else {
            let fingerprint = PlanFingerprint.of(plan)
            if let changed = journal.completedEntries().prefix(start - 1).first(where: { $0.plan != nil && $0.plan != fingerprint }) {
                throw SceneError(file: project.sceneFile, "the layers or image changed since step \(changed.step) was made; "
                                 + "run with --restart to make the steps again")
            }
            // Drop a cut-off last line and anything after the resume point.
            try journal.reset(to: Array(journal.completedEntries().prefix(start - 1)))
            previous = try PNGImage.read(folder.stepPath(start - 1), channels: 3)
            guard previous.width == plan.width, previous.height == plan.height else {
                throw SceneError(file: folder.stepPath(start - 1), "is \(previous.width)x\(previous.height), expected \(plan.width)x\(plan.height)")
            }
        }
        // A scene with contour layers carries each layer's strip from step to step.
        let strips: StripState? = layout.isStacked ? nil
            : start == 1 ? try writeStripsZero(image: previous) : try readStrips(step: start - 1)
        progress(start - 1, plan.steps)
        var written = 0
        if start <= plan.steps {
            if let current = strips {
                try makeStripSteps(start...plan.steps, from: current) { step in
                    written += 1
                    progress(step, plan.steps)
                }
            } else {
                for step in start...plan.steps {
                    if Interruption.requested { throw InpaintError("interrupted") }
                    previous = try makeStep(step, from: previous)
                    written += 1
                    progress(step, plan.steps)
                }
            }
        }
        return GenerateSummary(resumedAfter: start - 1, stepsWritten: written, totalSteps: plan.steps)
    }

    /// Step 0 is the input image as 8-bit RGB.
    private func writeStepZero() throws -> Raster {
        // A fresh run owns steps/ and masks/: stale files from an older, longer run would render.
        for directory in [folder.stepsDirectory, folder.masksDirectory] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? [] where name.hasSuffix(".png") {
                if directory == folder.stepsDirectory && name == StepFolder.fileName(step: 0) && project.imagePath == nil { continue }
                try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
            }
        }
        let source = project.imagePath ?? folder.stepPath(0)
        guard FileManager.default.fileExists(atPath: source) else {
            throw SceneError(file: project.sceneFile, field: "image", "no such file: \(source)")
        }
        let image = try PNGImage.read(source, channels: 3)
        guard image.width == project.plan.width, image.height == project.plan.height else {
            throw SceneError(file: source, "is \(image.width)x\(image.height) but the plan expects \(project.plan.width)x\(project.plan.height)")
        }
        try StepImageFile.write(image, to: folder.stepPath(0))
        input = image
        refilledLayers = nil
        return image
    }

    /// One step, start to journal line; returns the finished image.
    public func makeStep(_ step: Int, from previous: Raster) throws -> Raster {
        let clock = ContinuousClock()
        let shiftStart = clock.now
        let shifted = StepShift.apply(to: previous, plan: project.plan, step: step)
        let mask = settings.mask.mask(for: shifted)
        let shiftTime = clock.now - shiftStart
        try AtomicOutput(folder.maskPath(step)).write { try PNGImage.write(mask, to: $0) }

        let seed = StepSeed.derive(seed: settings.seed, step: step)
        var finished = shifted.image
        let inpaintStart = clock.now
        if mask.pixels.contains(where: { $0 != 0 }) {
            let request = InpaintRequest(step: step, seed: seed, image: shifted.image, mask: mask, maskPath: folder.maskPath(step),
                                         workDirectory: workDirectory, plan: project.plan, bands: shifted.bands,
                                         prompt: settings.prompt, negativePrompt: settings.negativePrompt,
                                         depthPath: settings.depthPath, reference: try inputImage())
            let filled = try inpainter.inpaint(request)
            guard filled.width == previous.width, filled.height == previous.height, filled.channels == 3 else {
                throw InpaintError("inpainter \(inpainter.name) returned a \(filled.width)x\(filled.height) image for step \(step), "
                                   + "expected \(previous.width)x\(previous.height)")
            }
            finished = KnownPixelPaste.apply(known: shifted.image, inpainted: filled, mask: mask)
        }
        let inpaintTime = clock.now - inpaintStart

        let writeStart = clock.now
        try StepImageFile.write(finished, to: folder.stepPath(step))
        let writeTime = clock.now - writeStart
        try journal.append(JournalEntry(step: step, inpainter: inpainter.name, seed: seed,
                                        shiftMilliseconds: shiftTime.milliseconds, inpaintMilliseconds: inpaintTime.milliseconds,
                                        writeMilliseconds: writeTime.milliseconds, plan: PlanFingerprint.of(project.plan)))
        return finished
    }

    /// Temporary files a killed run left behind (AtomicOutput names them ".NAME.partial-PID.png").
    /// Only those whose process is gone: a render writing into the project folder right now
    /// owns its temporary.
    private func removeAbandonedTemporaries() {
        for directory in [folder.stepsDirectory, folder.masksDirectory, project.directory] {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            where AbandonedTemporary.isAbandoned(name: name) {
                try? FileManager.default.removeItem(atPath: (directory as NSString).appendingPathComponent(name))
            }
        }
    }
}

extension Duration {
    var milliseconds: Double {
        let parts = components
        return Double(parts.seconds) * 1000 + Double(parts.attoseconds) / 1e15
    }
}
