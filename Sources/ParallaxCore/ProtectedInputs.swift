import Foundation

/// The files a command reads, which no output it writes may replace: the scene, the input image,
/// the steps and masks, the journal, the objects' masks, and the effect and sound files a render
/// reads.
///
/// Paths are compared after resolving symlinks, so a link to a step, or `P/../P/scene.json`, is
/// recognised as the step or the scene.
public struct ProtectedInputs: Sendable {
    /// Resolved paths of input files, with what each is (for the message).
    public private(set) var files: [(path: String, role: String)] = []
    /// Resolved folders whose whole contents are inputs.
    public private(set) var folders: [(path: String, role: String)] = []

    public init() {}

    /// Everything `project` reads; with `settings`, also its effect and sound files.
    public init(project: Project, settings: RenderSettings? = nil) {
        let join = { (name: String) in (project.directory as NSString).appendingPathComponent(name) }
        add(file: project.sceneFile, role: "the scene file")
        if let image = project.imagePath { add(file: image, role: "the scene's image") }
        add(folder: project.folder.stepsDirectory, role: "the step folder")
        add(folder: project.folder.masksDirectory, role: "the mask folder")
        add(file: join("journal.jsonl"), role: "the step journal")
        add(folder: project.directory, role: "the project folder", contentsProtected: false)
        for object in project.scene.objects {
            add(file: Project.resolve(object.mask, against: project.directory), role: "an object's mask")
        }
        for effect in settings?.effects ?? [] {
            add(file: effect.fragment.file, role: "an effect fragment")
            for parameter in effect.fragment.parameters where parameter.kind == .path {
                if case .text(let path)? = effect.values[parameter.name] { add(file: path, role: "a file an effect reads") }
            }
        }
        if let audio = settings?.audio {
            for source in audio.tracks.map(\.source) + [audio.bed?.source].compactMap({ $0 }) {
                if case .file(let path) = source { add(file: path, role: "a sound file") }
            }
        }
    }

    public mutating func add(file: String, role: String) {
        files.append((ResolvedPath.of(file), role))
    }

    /// `contentsProtected: false` protects the folder itself only (an output may go inside it).
    public mutating func add(folder: String, role: String, contentsProtected: Bool = true) {
        if contentsProtected { folders.append((ResolvedPath.of(folder), role)) } else { files.append((ResolvedPath.of(folder), role)) }
    }

    /// Throws one line naming `output` and `flag` when writing it would replace an input.
    public func check(output: String, flag: String) throws {
        let resolved = ResolvedPath.of(output)
        let hit = files.first { $0.path == resolved }?.role
            ?? folders.first { resolved == $0.path || resolved.hasPrefix($0.path + "/") }.map { "a file in \($0.role)" }
        if let hit {
            throw SceneError(file: output, "\(flag) would replace \(hit), an input; choose another output")
        }
    }
}

/// A path made absolute with every symlink resolved, as far as it exists: the one name a file
/// has, for comparing paths.
public enum ResolvedPath {
    public static func of(_ path: String) -> String {
        let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        if let real = realPath(absolute) { return real }
        // Not there yet: resolve the folder, keep the last name.
        let parent = (absolute as NSString).deletingLastPathComponent
        let name = (absolute as NSString).lastPathComponent
        guard parent != absolute, !parent.isEmpty else { return absolute }
        return (of(parent) as NSString).appendingPathComponent(name)
    }

    private static func realPath(_ path: String) -> String? {
        guard let pointer = realpath(path, nil) else { return nil }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
