import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxGenerate
import ParallaxStudio

struct StudioCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "studio",
        abstract: "Shape the layers on the picture, preview the motion, run and watch the work.",
        discussion: """
        Serves a page on 127.0.0.1 only and prints its address with a random
        access token as the first line. Given an image, starts a project beside
        it (photo.png -> photo.parallax/) or reopens that project. Stop it with
        Ctrl-C. See docs/studio.md for the page and its HTTP API.

        Examples:
          parallax studio landscape.parallax
          parallax studio photo.png
          parallax studio my-project --port 8017 --no-open
          parallax studio my-project --port 0 --no-open   # any free port
        """
    )

    @Argument(help: "Project folder (with scene.json), a scene file, or a PNG to start a project from.")
    var project: String

    @Option(help: "Port on 127.0.0.1 (0 picks a free one).")
    var port = 8017

    @Flag(help: "Do not open a browser.")
    var noOpen = false

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be 0 to 65535, got \(port)") }
    }

    func run() throws {
        let directory = try projectDirectory()
        _ = try Project(path: directory)
        let settings = StudioSettings(projectDirectory: directory, port: port, executable: Self.executablePath())
        let openBrowser = !noOpen
        let failure = StudioOutcome()
        let done = DispatchSemaphore(value: 0)
        Task {
            do {
                try await StudioServer.serve(settings) { address in
                    FileHandle.standardOutput.write(Data("studio: \(address)\n".utf8))
                    if openBrowser { Self.open(address) }
                }
            } catch {
                failure.error = error
            }
            done.signal()
        }
        done.wait()
        if let error = failure.error { throw error }
    }

    /// The project folder: PROJECT itself, a scene file's folder, or IMAGE's project (made when new).
    private func projectDirectory() throws -> String {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: project, isDirectory: &isDirectory)
        guard exists else { throw SceneError(file: project, "no such project folder, scene file or PNG image") }
        if isDirectory.boolValue { return project }
        guard project.lowercased().hasSuffix(".png") else { return Project.directory(ofSceneFile: project) }
        let directory = (project as NSString).deletingPathExtension + ".parallax"
        if FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(SceneFile.defaultName)) {
            return directory
        }
        let reference = try ProjectSetup.imageReference(imagePath: project, projectDirectory: directory, copy: true)
        let scene = try SceneBuilder().build(imagePath: project, imageReference: reference)
        try ProjectSetup.write(scene: scene, projectDirectory: directory, copyFrom: project)
        FileHandleOutput.error("studio: started the project \(directory)")
        return directory
    }

    /// This very binary, so the children are the same version.
    static func executablePath() -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
    }

    /// Best effort: a missing xdg-open only means the user opens the printed address.
    static func open(_ address: String) {
        let opener = Process()
        opener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        opener.arguments = ["xdg-open", address]
        opener.standardOutput = FileHandle.nullDevice
        opener.standardError = FileHandle.nullDevice
        try? opener.run()
    }
}

/// The server task's error, handed back to the command's thread.
private final class StudioOutcome: @unchecked Sendable {
    var error: (any Error)?
}
