import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxGenerate

/// Flags that choose and tune the inpainter and the mask. Used by `generate` and `create`.
struct InpaintOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Run this command once per step, e.g. 'python3 fill.py {image} {mask} {output}'. Placeholders: {image} {mask} {output} {prompt} {negative_prompt} {seed} {step} {layer_rows} {depth}. Split into words here; no shell unless --shell.", valueName: "template"))
    var inpaintCommand: String?

    @Option(help: ArgumentHelp("Start this command once and send it one JSON request per step on stdin (see docs/inpainters/protocol.md).", valueName: "command"))
    var inpaintWorker: String?

    @Flag(help: "Run --inpaint-command under /bin/sh -c (values are inserted shell-quoted).")
    var shell = false

    @Option(parsing: .unconditional, help: "Seconds an external inpainter may take per step before it is stopped.")
    var timeout: Double = 600

    @Option(parsing: .unconditional, help: "Times to retry a failed external inpainter step before giving up.")
    var retries: Int = 0

    @Option(parsing: .unconditional, help: "Seed; each step's seed is derived from it and the step number.")
    var seed: UInt64 = 0

    @Option(help: "Prompt passed to external inpainters ({prompt}).")
    var prompt: String = ""

    @Option(help: "Negative prompt passed to external inpainters ({negative_prompt}).")
    var negativePrompt: String = ""

    @Option(parsing: .unconditional, help: "Patch size of the built-in inpainter, in pixels.")
    var patchSize: Int = 9

    @Option(parsing: .unconditional, help: ArgumentHelp("Cores the built-in inpainter may use (default: every core; 1: one). The same seed gives the same pixels with any number.", valueName: "n"))
    var threads: Int?

    @Option(help: ArgumentHelp("How contour layers' edges go on where their motion opens the picture: follow (along the edge the fill drew near a sketch of the input's edge; with the built-in fill, a layer of one colour along its edge is then filled again under it from the layer alone; the default) or sketch (drawn first the way the input's edge goes, the layer filled under it: skylines keep their peaks, but an object's outline is continued as peaks too).", valueName: "way"))
    var edges: EdgeContinuation = .follow

    @Option(parsing: .unconditional, help: "Pixels the mask grows from the gap into the known pixels beside it.")
    var maskGrow: Double = 0

    @Option(parsing: .unconditional, help: "Pixels near a band's edges over which the grown mask narrows to nothing.")
    var maskCornerSize: Double = 0

    @Option(help: "How the grown mask's corners narrow: taper (straight) or round (quarter circle).")
    var maskCorners: MaskShape.CornerStyle = .taper

    @Option(parsing: .unconditional, help: "Width of the soft ramp at the grown mask's outer edge, in pixels.")
    var maskFeather: Double = 0

    @Option(parsing: .unconditional, help: "Beyond the grown mask, let the mask decay as exp(-d/N) (0: no tail).")
    var maskFalloff: Double = 0

    @Option(parsing: .unconditional, help: "Gaussian blur radius applied to the mask within each band.")
    var maskBlur: Double = 0

    @Option(parsing: .unconditional, help: "Strength 0…1 of the mask outside the gap (lerp between known and inpainted pixels).")
    var maskAlpha: Double = 1

    func validate() throws {
        if inpaintCommand != nil && inpaintWorker != nil { throw ValidationError("give --inpaint-command or --inpaint-worker, not both") }
        if shell && inpaintCommand == nil { throw ValidationError("--shell applies only to --inpaint-command") }
        if !(timeout > 0) { throw ValidationError("--timeout must be greater than 0, got \(timeout)") }
        if retries < 0 { throw ValidationError("--retries must be 0 or more, got \(retries)") }
        if patchSize < 3 || patchSize > 64 { throw ValidationError("--patch-size must be between 3 and 64, got \(patchSize)") }
        if let threads, threads < 1 || threads > 1024 { throw ValidationError("--threads must be between 1 and 1024, got \(threads)") }
        for (name, value) in [("--mask-grow", maskGrow), ("--mask-corner-size", maskCornerSize), ("--mask-feather", maskFeather),
                              ("--mask-falloff", maskFalloff), ("--mask-blur", maskBlur)] where !(value >= 0 && value <= 1000) {
            throw ValidationError("\(name) must be between 0 and 1000 pixels, got \(value)")
        }
        if !(maskAlpha >= 0 && maskAlpha <= 1) { throw ValidationError("--mask-alpha must be between 0 and 1, got \(maskAlpha)") }
        if let inpaintCommand { _ = try template(inpaintCommand, shell: shell) }
        if let inpaintWorker { _ = try template(inpaintWorker, shell: false) }
    }

    private func template(_ text: String, shell: Bool) throws -> CommandTemplate {
        do { return try CommandTemplate(text, shell: shell) } catch let error as InpaintError { throw ValidationError(error.description) }
    }

    var maskShape: MaskShape {
        MaskShape(grow: maskGrow, cornerSize: maskCornerSize, cornerStyle: maskCorners, feather: maskFeather,
                  falloff: maskFalloff, blur: maskBlur, alpha: maskAlpha)
    }

    func makeInpainter(logPath: String) throws -> any Inpainter {
        if let inpaintCommand {
            return CommandInpainter(template: try template(inpaintCommand, shell: shell), timeout: timeout, retries: retries, logPath: logPath)
        }
        if let inpaintWorker {
            return WorkerInpainter(command: try template(inpaintWorker, shell: false), timeout: timeout, retries: retries, logPath: logPath)
        }
        // Process-wide: every piece of the fill draws its helper threads from one pool.
        if let threads { Cores.limit(to: threads) }
        return BuiltinInpainter(patchSize: patchSize)
    }

    func settings(depthPath: String?, restart: Bool) -> GenerateSettings {
        GenerateSettings(seed: seed, mask: maskShape, prompt: prompt, negativePrompt: negativePrompt,
                         depthPath: depthPath.map { URL(fileURLWithPath: $0).standardizedFileURL.path }, restart: restart,
                         edges: edges)
    }
}

extension MaskShape.CornerStyle: ExpressibleByArgument {}
extension EdgeContinuation: ExpressibleByArgument {}

/// Runs the step loop with a progress display; an inpainter failure or Ctrl-C becomes one line
/// saying how many steps are kept and how to resume.
func runStepLoop(project: Project, inpaint: InpaintOptions, depthPath: String?, restart: Bool, quiet: Bool,
                 projectArgument: String) throws {
    Interruption.install()
    let loop = StepLoop(project: project, inpainter: try inpaint.makeInpainter(logPath: (project.directory as NSString).appendingPathComponent("inpaint.log")),
                        settings: inpaint.settings(depthPath: depthPath, restart: restart))
    let display = ProgressDisplay(total: project.plan.steps, label: "generate", quiet: quiet, unit: "steps/s")
    do {
        let summary = try loop.run { done, _ in display.update(done) }
        let how = summary.resumedAfter > 0 ? " (resumed after step \(summary.resumedAfter))" : ""
        display.finish("generated \(summary.stepsWritten) steps of \(summary.totalSteps) with \(loop.inpainter.name)\(how)")
        // Resuming with another inpainter keeps the steps the first one made: say so.
        for (name, steps) in loop.stepsByOtherInpainters().sorted(by: { $0.key < $1.key }) where !quiet {
            let range = steps.count == 1 ? "step \(steps[0])" : "steps \(steps.min()!)–\(steps.max()!)"
            FileHandleOutput.error("parallax: \(range) came from the \(name) inpainter, not \(loop.inpainter.name), and are kept; "
                                   + "to make every step with \(loop.inpainter.name), run again with --restart")
        }
    } catch let error as InpaintError {
        let kept = loop.finishedSteps()
        // End the progress bar's line first, when one is being drawn.
        let newline = !quiet && isatty(STDERR_FILENO) != 0 ? "\n" : ""
        let resume = "parallax generate \(ShellQuoting.quote(projectArgument))"
        if Interruption.requested {
            FileHandleOutput.error(newline + "parallax: interrupted; \(kept) finished steps are kept (resume with: \(resume))")
            throw ExitCode(130)
        }
        // An inpainter's own words may hold line breaks and escape codes: keep them to one line.
        FileHandleOutput.error(newline + "parallax: \(OneLine.clean(error.description)); \(kept) finished steps are kept (resume with: \(resume))")
        throw ExitCode.failure
    }
}
