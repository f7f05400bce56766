import Foundation
import Testing
import TestSupport

/// parallax-ray's own tests (integrations/ray/tests), run against this build's binary on a local
/// Ray cluster: segments joined to the exact frame count within 40 dB of one render, a worker
/// killed mid-run, a batch with one corrupt picture. scripts/setup.sh installs Ray into .venv/.
@Suite("Ray integration")
struct RayIntegrationTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    @Test("parallax-ray's tests pass against this build on a local Ray cluster")
    func parallaxRayTests() throws {
        let python = Self.root + "/.venv/bin/python"
        let cli = Self.root + "/.venv/bin/parallax-ray"
        try #require(FileManager.default.isExecutableFile(atPath: python) && FileManager.default.isExecutableFile(atPath: cli),
                     "no .venv/bin/parallax-ray: run bash scripts/setup.sh")
        var environment = ProcessInfo.processInfo.environment
        environment["PARALLAX_BIN"] = ProcessRunner.parallaxExecutable
        environment["RAY_USAGE_STATS_ENABLED"] = "0"
        let result = try ProcessRunner.run(python, ["-m", "unittest", "discover", "-s", "integrations/ray/tests", "-v"],
                                           environment: environment, currentDirectory: Self.root)
        #expect(result.succeeded, "\(result.standardError.suffix(4000))")
        // Nothing skipped: a missing dependency fails, it does not hide.
        #expect(result.standardError.hasSuffix("OK\n"), "\(result.standardError.suffix(2000))")
    }
}
