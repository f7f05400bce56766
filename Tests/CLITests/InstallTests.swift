import Foundation
import Testing
import TestSupport

/// `scripts/install.sh --prefix DIR` puts the binary and the effect fragments where an
/// installed binary finds them, and nothing ties it to the source tree.
@Suite("Installing")
struct InstallTests {
    @Test("an installed parallax, run from PATH outside the source tree, renders a scene with effects")
    func installedBinaryRendersEffects() throws {
        let folder = TemporaryDirectory("install")
        let prefix = folder.file("prefix")
        let script = CurrentFFmpeg.repositoryRoot + "/scripts/install.sh"
        let install = try ProcessRunner.run("/bin/bash", [script, "--prefix", prefix, "--binary", ProcessRunner.parallaxExecutable])
        #expect(install.succeeded, "\(install.standardError)")
        #expect(FileManager.default.isExecutableFile(atPath: prefix + "/bin/parallax"))
        #expect(FileManager.default.fileExists(atPath: prefix + "/share/parallax/filters/rain.lavfi"))

        let project = folder.file("p")
        _ = try GroundTruthScene(directory: project, steps: 3)
        let sceneFile = URL(fileURLWithPath: project + "/scene.json")
        var scene = try JSONSerialization.jsonObject(with: Data(contentsOf: sceneFile)) as! [String: Any]
        scene["effects"] = [["type": "rain", "density": 1], ["type": "vignette"], ["type": "fadein", "seconds": 0.3]]
        try JSONSerialization.data(withJSONObject: scene).write(to: sceneFile)

        var environment = CurrentFFmpeg.environment(withFirstOnPath: prefix + "/bin")
        environment["PARALLAX_FILTERS"] = nil
        let installed = try ProcessRunner.run("/usr/bin/env", ["parallax", "render", "p", "-o", "installed.mkv", "--codec", "ffv1", "-q"],
                                              environment: environment, currentDirectory: folder.path)
        #expect(installed.succeeded, "\(installed.standardError)")
        let reference = folder.file("reference.mkv")
        let built = try ProcessRunner.parallax(["render", project, "-o", reference, "--codec", "ffv1", "-q"])
        #expect(built.succeeded, "\(built.standardError)")
        #expect(try VideoInspection.frameMD5s(folder.file("installed.mkv")) == VideoInspection.frameMD5s(reference))

        // The fragments came from PREFIX/share, not from the tree the binary was built in.
        try FileManager.default.removeItem(atPath: prefix + "/share/parallax/filters/rain.lavfi")
        let missing = try ProcessRunner.run("/usr/bin/env", ["parallax", "render", "p", "-o", "again.mkv", "--codec", "ffv1", "-q"],
                                            environment: environment, currentDirectory: folder.path)
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("rain"), "\(missing.standardError)")
    }
}
