import Foundation

/// A current stock FFmpeg (9.x): the static build PyPI's `imageio-ffmpeg` ships, installed into
/// the repository's `.venv/` by scripts/setup.sh. Tests that need it fail (never skip) without it.
public enum CurrentFFmpeg {
    public static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../..").standardizedFileURL.path
    }

    /// The binary's path, asked of imageio-ffmpeg itself.
    public static func binary() throws -> String {
        let python = repositoryRoot + "/.venv/bin/python"
        guard FileManager.default.isExecutableFile(atPath: python) else {
            throw InspectionError("no \(python): run scripts/setup.sh (it installs imageio-ffmpeg into .venv/)")
        }
        let result = try ProcessRunner.run(python, ["-c", "import imageio_ffmpeg; print(imageio_ffmpeg.get_ffmpeg_exe())"])
        let path = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard result.succeeded, FileManager.default.isExecutableFile(atPath: path) else {
            throw InspectionError("imageio-ffmpeg is not installed in .venv/ (run scripts/setup.sh): \(result.standardError)")
        }
        return path
    }

    /// A folder holding only `ffmpeg`, a symlink to the current FFmpeg, to put first on PATH.
    public static func pathFolder(in directory: TemporaryDirectory) throws -> String {
        let folder = directory.file("current-ffmpeg-bin")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder + "/ffmpeg", withDestinationPath: try binary())
        return folder
    }

    /// This process's environment with `folder` first on PATH.
    public static func environment(withFirstOnPath folder: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment["PATH"] = folder + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        return environment
    }
}
