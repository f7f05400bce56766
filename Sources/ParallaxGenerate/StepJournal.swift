import Foundation
import ParallaxCore

/// One finished step as recorded in journal.jsonl.
public struct JournalEntry: Hashable, Sendable {
    public var step: Int
    public var inpainter: String
    public var seed: UInt64
    /// Milliseconds: shift and mask, inpainter, paste-back and writing.
    public var shiftMilliseconds: Double
    public var inpaintMilliseconds: Double
    public var writeMilliseconds: Double
    /// ``PlanFingerprint`` of the plan the step was made with; nil in journals that predate it.
    public var plan: String?

    public init(step: Int, inpainter: String, seed: UInt64, shiftMilliseconds: Double, inpaintMilliseconds: Double,
                writeMilliseconds: Double, plan: String? = nil) {
        self.plan = plan
        self.step = step
        self.inpainter = inpainter
        self.seed = seed
        self.shiftMilliseconds = shiftMilliseconds
        self.inpaintMilliseconds = inpaintMilliseconds
        self.writeMilliseconds = writeMilliseconds
    }

    var line: String {
        let ms = { (value: Double) in String(format: "%.1f", value) }
        return "{\"step\":\(step),\"inpainter\":\(JSONLine.quote(inpainter)),\"seed\":\(seed),"
            + "\"shiftMs\":\(ms(shiftMilliseconds)),\"inpaintMs\":\(ms(inpaintMilliseconds)),\"writeMs\":\(ms(writeMilliseconds))"
            + (plan.map { ",\"plan\":\(JSONLine.quote($0))" } ?? "") + "}"
    }

    init?(line: Substring) {
        guard let value = try? JSONValue.parse(Data(line.utf8)), case .object(let fields) = value,
              case .number(let step) = fields["step"], step >= 1, step == step.rounded(),
              case .string(let inpainter) = fields["inpainter"], case .number(let seed) = fields["seed"] else { return nil }
        func number(_ key: String) -> Double {
            if case .number(let value) = fields[key] { return value }
            return 0
        }
        self.init(step: Int(step), inpainter: inpainter, seed: UInt64(max(0, seed)), shiftMilliseconds: number("shiftMs"),
                  inpaintMilliseconds: number("inpaintMs"), writeMilliseconds: number("writeMs"))
        if case .string(let plan) = fields["plan"] { self.plan = plan }
    }
}

/// journal.jsonl: a line is appended only after its step image is in place, so the journal never
/// claims a step that is not on disk. A run killed mid-line leaves a partial last line, which
/// reading ignores and resuming cuts off.
public struct StepJournal: Sendable {
    public let path: String

    public init(projectDirectory: String) {
        path = (projectDirectory as NSString).appendingPathComponent("journal.jsonl")
    }

    /// The complete entries for steps 1, 2, 3, … in order, stopping at the first gap or bad line.
    public func completedEntries() -> [JournalEntry] {
        guard let data = FileManager.default.contents(atPath: path) else { return [] }
        var entries: [JournalEntry] = []
        let text = String(decoding: data, as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // Without a final newline the last line may be cut short.
        lines.removeLast()
        for line in lines {
            guard let entry = JournalEntry(line: line), entry.step == entries.count + 1 else { break }
            entries.append(entry)
        }
        return entries
    }

    /// Rewrites the journal to hold exactly `entries` (atomically).
    public func reset(to entries: [JournalEntry]) throws {
        let output = AtomicOutput(path)
        try output.write { temporary in
            try Data(entries.map { $0.line + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: temporary))
        }
    }

    public func append(_ entry: JournalEntry) throws {
        let line = Data((entry.line + "\n").utf8)
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        guard let handle = FileHandle(forWritingAtPath: path) else {
            throw SceneError(file: path, "cannot be written")
        }
        defer { try? handle.close() }
        do {
            try handle.seekToEnd()
            try handle.write(contentsOf: line)
        } catch {
            throw SceneError(file: path, "cannot be written: \(IOErrorText.reason(error) ?? "\(error)")")
        }
    }
}

/// A short stable digest of what decides a step's geometry (image size, each layer's rows and
/// velocity), so resuming with a changed scene is caught instead of mixing two plans. The step
/// count is left out: raising `steps` and resuming is fine.
public enum PlanFingerprint {
    public static func of(_ plan: MotionPlan) -> String {
        var text = "\(plan.width)x\(plan.height)"
        for layer in plan.layers {
            text += ";\(layer.top),\(layer.height),\(layer.velocity.x),\(layer.velocity.y)"
            // Contour edges only, so the fingerprints of straight scenes stay as they were.
            if !layer.region.isStraight {
                text += ";" + layer.region.top.map(String.init).joined(separator: ",")
            }
        }
        for object in plan.objects {
            text += ";o\(object.box.values),\(object.velocity.x),\(object.velocity.y)"
        }
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
