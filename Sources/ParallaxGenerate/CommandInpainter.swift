import Foundation
import ParallaxCore

/// Runs a user's command once per step: `--inpaint-command 'CMD {image} {mask} {output}'`.
///
/// No shell unless asked (``CommandTemplate``); stderr goes to the project's inpaint.log; a
/// run that exits non-zero, outlives `timeout` or writes no usable image is retried `retries`
/// times, then the step fails with one line saying why.
public final class CommandInpainter: Inpainter {
    public let name = "command"
    public let template: CommandTemplate
    public let timeout: Double?
    public let retries: Int
    public let logPath: String

    public init(template: CommandTemplate, timeout: Double?, retries: Int, logPath: String) {
        self.template = template
        self.timeout = timeout
        self.retries = retries
        self.logPath = logPath
    }

    public func inpaint(_ request: InpaintRequest) throws -> Raster {
        let exchange = ExternalImageExchange(workDirectory: request.workDirectory)
        return try InpaintError.retrying(retries) { try runOnce(request, exchange: exchange) }
    }

    private func runOnce(_ request: InpaintRequest, exchange: ExternalImageExchange) throws -> Raster {
        try exchange.prepare(request)
        let arguments = template.arguments(exchange.values(request))
        let logStart = fileSize(logPath)
        let child = try ChildProcess(arguments: arguments, standardInput: nil, standardOutput: nil, logPath: logPath)
        let program = template.words[0]
        guard let status = try child.wait(timeout: timeout) else {
            child.stop()
            throw InpaintError("inpaint command \(program) timed out after \(format(timeout!)) s on step \(request.step)")
        }
        guard status == 0 else {
            let said = lastLine(ofFile: logPath, after: logStart).map { ": \($0)" } ?? ""
            let how = status == 127 ? "was not found or could not run (status 127)" : "exited with status \(status)"
            throw InpaintError("inpaint command \(program) \(how) on step \(request.step)\(said)")
        }
        return try exchange.readOutput(request, inpainter: "command \(program)")
    }
}

func format(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
}
