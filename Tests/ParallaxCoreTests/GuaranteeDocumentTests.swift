import Foundation
import Testing

/// docs/guarantees.md promises things; each promise must name the test that holds it, and that
/// test must exist. A promise is a top-level `- ` item (with its indented continuation lines) or
/// a table row; items beginning "Not promised" are exempt. A test is named `Suite.function` in
/// backticks, found when one Swift file under Tests/ declares the suite and the function; a
/// script that is run instead of `swift test` is named by its path (`scripts/asan.sh`).
@Suite struct GuaranteeDocumentTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../..").standardizedFileURL.path

    struct Row: CustomStringConvertible {
        let line: Int
        let text: String
        var description: String { "docs/guarantees.md:\(line): \(text.prefix(90))…" }
    }

    /// The promises of a markdown text, as described above.
    static func rows(of markdown: String) -> [Row] {
        var rows: [Row] = []
        var current: (line: Int, text: String)?
        var inCode = false, tableLines = 0
        func flush() {
            if let item = current { rows.append(Row(line: item.line, text: item.text)) }
            current = nil
        }
        for (index, line) in markdown.components(separatedBy: "\n").enumerated() {
            if line.hasPrefix("```") { flush(); inCode.toggle(); continue }
            if inCode { continue }
            if line.hasPrefix("|") {
                flush()
                tableLines += 1
                let isSeparator = line.allSatisfy { "|-: ".contains($0) }
                if tableLines > 1 && !isSeparator { rows.append(Row(line: index + 1, text: line)) }
                continue
            }
            tableLines = 0
            if line.hasPrefix("- ") {
                flush()
                current = (index + 1, line)
            } else if line.hasPrefix("  "), current != nil {
                current!.text += " " + line.trimmingCharacters(in: .whitespaces)
            } else {
                flush()
            }
        }
        flush()
        return rows.filter { !$0.text.hasPrefix("- Not promised") }
    }

    /// Backticked `Suite.function` names and script paths in `text`.
    static func testNames(in text: String) -> [String] {
        let spans = text.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        return spans.filter { span in
            if span.hasPrefix("scripts/") || span.hasPrefix("bench/") { return !span.contains(" ") }
            let parts = span.split(separator: ".", omittingEmptySubsequences: false)
            return parts.count == 2 && parts[0].first?.isUppercase == true && parts[0].hasSuffix("Tests")
                && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }
        }
    }

    /// Every Swift source under Tests/, as text.
    static func testSources() throws -> [String] {
        let tests = root + "/Tests"
        let files = FileManager.default.enumerator(atPath: tests)?.allObjects as? [String] ?? []
        return try files.filter { $0.hasSuffix(".swift") }.map { try String(contentsOfFile: tests + "/" + $0, encoding: .utf8) }
    }

    /// Whether `name` is an existing test (or script).
    static func exists(_ name: String, sources: [String]) -> Bool {
        if name.contains("/") { return FileManager.default.isExecutableFile(atPath: root + "/" + name) }
        let parts = name.split(separator: ".").map(String.init)
        let declaration = try! Regex("(struct|class|enum|extension) \(parts[0])\\b")
        return sources.contains { $0.contains(declaration) && $0.contains("func \(parts[1])(") }
    }

    @Test func everyGuaranteeNamesAnExistingTest() throws {
        let markdown = try String(contentsOfFile: Self.root + "/docs/guarantees.md", encoding: .utf8)
        let rows = Self.rows(of: markdown)
        // The document has a score of promises; a parser that finds few has lost them.
        #expect(rows.count >= 20, "only \(rows.count) promises found")
        let sources = try Self.testSources()
        for row in rows {
            let names = Self.testNames(in: row.text)
            let namesATest = !names.isEmpty
            #expect(namesATest, "names no test: \(row)")
            for name in names {
                let found = Self.exists(name, sources: sources)
                #expect(found, "\(name) is not a test in Tests/: \(row)")
            }
        }
        // Tests named in the prose between the promises must exist too.
        let prose = markdown.components(separatedBy: "\n").filter { !$0.hasPrefix("```") }.joined(separator: " ")
        for name in Set(Self.testNames(in: prose)) {
            let found = Self.exists(name, sources: sources)
            #expect(found, "\(name), named in docs/guarantees.md, is not a test in Tests/")
        }
    }

    @Test func theRowParserFindsItemsTableRowsAndExemptions() {
        let markdown = """
        # Title
        - one promise, `AlphaTests.first`
          continued `BetaTests.second`
        - Not promised: anything
        Prose with `GammaTests.third`.

        | Code | Test |
        | --- | --- |
        | 0 | `DeltaTests.fourth` |
        ```
        - not a row
        ```
        - last `scripts/check.sh`
        """
        let rows = Self.rows(of: markdown)
        #expect(rows.map(\.line) == [2, 9, 13])
        #expect(Self.testNames(in: rows[0].text) == ["AlphaTests.first", "BetaTests.second"])
        #expect(Self.testNames(in: rows[1].text) == ["DeltaTests.fourth"])
        #expect(Self.testNames(in: rows[2].text) == ["scripts/check.sh"])
        #expect(Self.testNames(in: "`SceneFile.defaultName` `BadInput.table`").isEmpty)
    }
}
