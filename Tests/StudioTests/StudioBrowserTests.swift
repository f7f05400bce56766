import Foundation
import ParallaxCore
import Testing
import TestSupport

@Suite("Studio: the page in headless Chromium")
struct StudioBrowserTests {
    /// scripts/setup.sh installs chromium, chromium-driver and Selenium (into .venv/); a missing
    /// one fails this test rather than skipping it.
    @Test("drag a boundary, set the direction, preview, generate and render from the page")
    func pageWorksInBrowser() throws {
        let folder = TemporaryDirectory("studio")
        let project = try StudioFixture.project(in: folder, steps: 3)
        try StudioFixture.makeShoreContour(project: project)
        let studio = try RunningStudio(project: project)
        let repository = StudioFixture.repository
        // PARALLAX_UPDATE_SCREENSHOTS=1 writes the screenshots into docs/studio/ for docs/studio.md.
        let update = ProcessInfo.processInfo.environment["PARALLAX_UPDATE_SCREENSHOTS"] == "1"
        let shots = update ? repository.appendingPathComponent("docs/studio").path : folder.file("shots")
        try FileManager.default.createDirectory(atPath: shots, withIntermediateDirectories: true)
        let python = repository.appendingPathComponent(".venv/bin/python").path
        let script = repository.appendingPathComponent("Tests/StudioTests/studio_browser.py").path
        let result = try ProcessRunner.run(python, [script, studio.address, project, shots])
        #expect(result.succeeded, "\(result.standardOutput)\(result.standardError)")
        #expect(result.standardOutput.contains(" passed, 0 failed"))
        for name in ["studio-see.png", "studio-shape.png", "studio-preview.png", "studio-run.png"] {
            let data = FileManager.default.contents(atPath: (shots as NSString).appendingPathComponent(name)) ?? Data()
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]), "\(name) is a PNG screenshot")
        }
        #expect(studio.interrupt() == 0)
        if update { try shrinkForDocs(shots) }
    }

    /// 256-colour PNGs for docs/ (about a third of the size); the screenshots stay pictures of the UI.
    private func shrinkForDocs(_ folder: String) throws {
        guard let ffmpeg = ProcessRunner.which("ffmpeg") else { throw StudioTestError("ffmpeg is needed to shrink the screenshots") }
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".png") {
            let path = (folder as NSString).appendingPathComponent(name)
            let smaller = (folder as NSString).appendingPathComponent("small-" + name)
            let result = try ProcessRunner.run(ffmpeg, ["-loglevel", "error", "-y", "-i", path, "-vf",
                "split[a][b];[a]palettegen=max_colors=256:stats_mode=full[p];[b][p]paletteuse=dither=none", smaller])
            #expect(result.succeeded, "\(result.standardError)")
            try FileManager.default.removeItem(atPath: path)
            try FileManager.default.moveItem(atPath: smaller, toPath: path)
        }
    }
}
