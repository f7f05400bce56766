import Foundation
import ParallaxCore
#if canImport(Glibc)
import Glibc
#endif

/// One long-lived process that fills every step: `--inpaint-worker 'CMD'`. It reads one JSON
/// request per line on stdin and answers one JSON line on stdout, `{"ok": true}` or
/// `{"ok": false, "error": "…"}`. The protocol is in docs/inpainters/protocol.md.
public final class WorkerInpainter: Inpainter {
    public let name = "worker"
    public let command: CommandTemplate
    public let timeout: Double?
    public let retries: Int
    public let logPath: String
    private var process: ChildProcess?
    private var toWorker: Int32 = -1
    private var fromWorker: Int32 = -1
    private var pending = [UInt8]()

    public init(command: CommandTemplate, timeout: Double?, retries: Int, logPath: String) {
        self.command = command
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
        let logStart = fileSize(logPath)
        let worker = try startIfNeeded()
        var message = exchange.values(request).mapValues { JSONValue.string($0) }
        message["type"] = .string("inpaint")
        message["step"] = .number(Double(request.step))
        message["seed"] = .number(Double(request.seed))
        message["width"] = .number(Double(request.image.width))
        message["height"] = .number(Double(request.image.height))
        message["layer_rows"] = .array(request.plan.layers.map {
            .object(["name": .string($0.name), "top": .number(Double($0.top)), "height": .number(Double($0.height))])
        })
        message["depth"] = request.depthPath.map(JSONValue.string) ?? .null
        let line = JSONLine.encode(.object(message)) + "\n"
        do {
            try write(line)
            let reply = try readReply(step: request.step, worker: worker)
            guard case .object(let fields) = reply else { throw InpaintError("inpaint worker replied with \(reply.kindName), not an object") }
            if case .bool(true) = fields["ok"] {
                return try exchange.readOutput(request, inpainter: "worker \(worker.executable)")
            }
            var reason = "no reason given"
            if case .string(let text) = fields["error"] { reason = text }
            throw InpaintError("inpaint worker \(worker.executable) failed on step \(request.step): \(reason)")
        } catch let error as InpaintError {
            if worker.poll() != nil {
                let said = lastLine(ofFile: logPath, after: logStart).map { ": \($0)" } ?? ""
                stopWorker()
                throw InpaintError("inpaint worker \(worker.executable) exited (status \(worker.exitStatus ?? -1)) on step \(request.step)\(said)")
            }
            if error.description.contains("timed out") { stopWorker() }
            throw error
        }
    }

    private func startIfNeeded() throws -> ChildProcess {
        if let process, process.poll() == nil { return process }
        stopWorker()
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else { throw InpaintError("cannot create pipes for the inpaint worker") }
        let child: ChildProcess
        do {
            child = try ChildProcess(arguments: command.arguments([:]), standardInput: input[0], standardOutput: output[1],
                                     logPath: logPath, closeInChild: [input[1], output[0]])
        } catch {
            [input[0], input[1], output[0], output[1]].forEach { close($0) }
            throw error
        }
        close(input[0])
        close(output[1])
        _ = fcntl(input[1], F_SETFD, FD_CLOEXEC)
        _ = fcntl(output[0], F_SETFD, FD_CLOEXEC)
        toWorker = input[1]
        fromWorker = output[0]
        pending = []
        process = child
        return child
    }

    private func write(_ text: String) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(toWorker, $0.baseAddress, $0.count) }
            if written < 0 {
                if errno == EINTR { continue }
                throw InpaintError("cannot send the request to the inpaint worker: \(String(cString: strerror(errno)))")
            }
            bytes = bytes.dropFirst(written)
        }
    }

    /// The next stdout line that is a JSON object; other lines (a library's chatter) are skipped.
    private func readReply(step: Int, worker: ChildProcess) throws -> JSONValue {
        let deadline = timeout.map { Date().addingTimeInterval($0) }
        while true {
            if let newline = pending.firstIndex(of: 10) {
                let line = pending[..<newline]
                pending.removeSubrange(...newline)
                let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
                guard text.hasPrefix("{") else { continue }
                // A line that starts like a reply but is not JSON is a broken reply: say so now
                // rather than wait out the timeout for one that will never come.
                guard let value = try? JSONValue.parse(Data(text.utf8)) else {
                    throw InpaintError("inpaint worker \(worker.executable) sent a reply that is not JSON on step \(step): "
                                       + OneLine.clean(text, limit: 120))
                }
                return value
            }
            if Interruption.requested {
                stopWorker()
                throw InpaintError("interrupted")
            }
            var milliseconds: Int32 = 100
            if let deadline {
                let left = deadline.timeIntervalSinceNow
                guard left > 0 else {
                    throw InpaintError("inpaint worker \(worker.executable) timed out after \(format(timeout!)) s on step \(step)")
                }
                milliseconds = Int32(min(100, max(1, left * 1000)))
            }
            var descriptor = pollfd(fd: fromWorker, events: Int16(POLLIN), revents: 0)
            let ready = Glibc.poll(&descriptor, 1, milliseconds)
            if ready < 0 && errno != EINTR { throw InpaintError("cannot read from the inpaint worker") }
            guard ready > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 65536)
            let count = buffer.withUnsafeMutableBytes { read(fromWorker, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else {
                _ = try? worker.wait(timeout: 2)
                throw InpaintError("inpaint worker \(worker.executable) closed its output on step \(step)")
            }
            pending += buffer[..<count]
        }
    }

    private func stopWorker() {
        if toWorker >= 0 { close(toWorker); toWorker = -1 }
        if let process {
            // Closing stdin asks the worker to exit; give it a moment, then stop its group.
            if (try? process.wait(timeout: 3)) == nil { process.stop() }
        }
        if fromWorker >= 0 { close(fromWorker); fromWorker = -1 }
        process = nil
    }

    public func finish() { stopWorker() }
}

/// Compact one-line JSON for the worker protocol.
enum JSONLine {
    static func encode(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): String(flag)
        case .number(let number): number == number.rounded() && abs(number) < 1e15 ? String(Int(number)) : String(number)
        case .string(let text): quote(text)
        case .array(let items): "[" + items.map(encode).joined(separator: ",") + "]"
        case .object(let fields): "{" + fields.keys.sorted().map { quote($0) + ":" + encode(fields[$0]!) }.joined(separator: ",") + "}"
        }
    }

    static func quote(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 { result += String(format: "\\u%04x", scalar.value) } else { result.unicodeScalars.append(scalar) }
            }
        }
        return result + "\""
    }
}
