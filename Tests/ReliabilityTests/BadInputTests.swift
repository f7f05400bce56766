import Foundation
import Testing
import TestSupport

/// What a path held: compared before and after a failed run.
private enum PathState: Equatable {
    case missing
    case folder
    case file(Data)

    init(_ path: String) {
        var isDirectory: ObjCBool = false
        if !FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            self = .missing
        } else if isDirectory.boolValue {
            self = .folder
        } else {
            self = .file(FileManager.default.contents(atPath: path) ?? Data())
        }
    }
}

@Suite("Bad input")
struct BadInputTests {
    @Test("the table has at least 30 bad inputs")
    func tableIsLargeEnough() {
        #expect(BadInput.table.count >= 30)
        #expect(Set(BadInput.table.map(\.name)).count == BadInput.table.count, "row names must be unique")
    }

    @Test("bad input gives one clear line, a non-zero exit and leaves the output alone", arguments: BadInput.table)
    func refusesBadInput(_ row: BadInput) throws {
        let fixture = try ReliabilityFixture()
        try fixture.placePreviousOutputs()
        try row.setUp(fixture)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: fixture.outputFolder) }
        for command in row.commands {
            let watched = row.watched(fixture, command)
            let before = watched.map(PathState.init)
            let arguments = row.arguments(fixture, command)
            let run = try ChildProcess.run(parallax: arguments)
            let context = Comment(rawValue: "parallax \(arguments.joined(separator: " "))\n\(run.standardError)")

            #expect(run.termination == .exit(row.isUsageError ? 64 : 1), context)
            let lines = run.standardError.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
            let first = lines.first ?? ""
            #expect(first.hasPrefix(row.prefix), context)
            for text in row.expected(fixture) {
                #expect(first.contains(text), "the message should name \(text): \(context)")
            }
            #expect(lines.count == 1, "one line, no usage dump or library noise: \(context)")
            #expect(!run.standardError.contains(".partial"), "errors name the user's path, never the temporary: \(context)")
            #expect(run.standardOutput.isEmpty || command == .plan, context)
            if let watched {
                #expect(PathState(watched) == before, "\(watched) must be left as it was: \(context)")
            }
            #expect(fixture.leftoverTemporaries().isEmpty, "no temporary may remain: \(context)")
        }
    }
}
