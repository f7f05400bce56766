import Foundation

/// Finds effect fragments (`NAME.lavfi`) in the folders users can edit.
///
/// Search order: the project's own `filters/` folder (so a project can override or add effects),
/// then `$PARALLAX_FILTERS`, then `filters/` beside the executable or in `../share/parallax/`,
/// then the `filters/` folder of this source tree (for `swift run` and the tests).
public struct FragmentLibrary: Sendable {
    public let folders: [String]

    public init(projectDirectory: String?) {
        var folders: [String] = []
        if let projectDirectory { folders.append((projectDirectory as NSString).appendingPathComponent("filters")) }
        if let custom = ProcessInfo.processInfo.environment["PARALLAX_FILTERS"], !custom.isEmpty { folders.append(custom) }
        let executable = FragmentLibrary.executableFolder
        folders.append(executable.appendingPathComponent("filters").path)
        folders.append(executable.appendingPathComponent("../share/parallax/filters").standardizedFileURL.path)
        // Only a binary inside this source tree (swift run, the tests) reads its filters/: an
        // installed one must not depend on the machine it was built on.
        let tree = URL(fileURLWithPath: FragmentLibrary.sourceTreeFolder).deletingLastPathComponent().path + "/"
        if executable.path.hasPrefix(tree) { folders.append(FragmentLibrary.sourceTreeFolder) }
        self.folders = folders
    }

    /// The folder of the running executable, symlinks resolved. argv[0] is only a name when
    /// the binary was found on PATH, so Linux's /proc/self/exe comes first.
    static var executableFolder: URL {
        let proc = URL(fileURLWithPath: "/proc/self/exe")
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: proc.path))
            ?? Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// `filters/` at the root of the package this file was compiled from.
    public static var sourceTreeFolder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../../filters")
            .standardizedFileURL.path
    }

    /// The path of fragment `name`, or nil when no folder has it.
    public func path(of name: String) -> String? {
        folders.map { ($0 as NSString).appendingPathComponent("\(name).lavfi") }
            .first { FileManager.default.fileExists(atPath: $0) }
    }

    /// Every fragment name the library can find, for error messages and `--help`.
    public var availableNames: [String] {
        let names = folders.flatMap { folder in
            ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
                .filter { $0.hasSuffix(".lavfi") }.map { String($0.dropLast(6)) }
        }
        return Array(Set(names)).sorted()
    }

    /// Loads and checks fragment `name`.
    public func load(_ name: String) throws -> EffectFragment? {
        guard let path = path(of: name) else { return nil }
        return try EffectFragment.load(path, name: name)
    }
}

extension EffectFragment {
    /// Loads a fragment file; `name` prefixes its private labels.
    public static func load(_ path: String, name: String) throws -> EffectFragment {
        try RegularFile.check(path)
        guard let data = FileManager.default.contents(atPath: path) else { throw SceneError(file: path, "cannot read the file") }
        return try EffectFragment(name: name, file: path, text: String(decoding: data, as: UTF8.self))
    }
}
