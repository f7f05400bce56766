import Foundation
import Testing

/// A finished run of `parallax`: how it ended and what it printed.
typealias FinishedRun = (termination: Termination, standardOutput: String, standardError: String)

/// Checks what every refused command must show: the documented exit code (never a signal), one
/// line on stderr that starts with `prefix` and names each of `texts`.
func expectRefused(_ run: FinishedRun, code: Int32 = 1, naming texts: [String], prefix: String = "Error: ",
                   _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let context = Comment(rawValue: "\(what)\n\(run.standardError)")
    #expect(run.termination == .exit(code), context, sourceLocation: sourceLocation)
    let lines = run.standardError.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
    #expect(lines.count == 1, "one line: \(context)", sourceLocation: sourceLocation)
    let first = lines.first ?? ""
    #expect(first.hasPrefix(prefix), context, sourceLocation: sourceLocation)
    for text in texts {
        #expect(first.contains(text), "the message should name \(text): \(context)", sourceLocation: sourceLocation)
    }
}

/// The bytes at `path`, or nil when there is no file.
func contents(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }
