import Foundation
import ParallaxCore
import Testing
import TestSupport

/// An installed `parallax` finds effect fragments beside itself (`filters/`) and in
/// `../share/parallax/filters` (docs/effects.md). The test installs a copy of the built binary
/// into a fresh folder and gives it a fragment only that folder holds.
@Suite struct FragmentLookupTests {
    enum Layout: String, CaseIterable {
        /// DIR/parallax and DIR/filters/
        case besideTheExecutable
        /// PREFIX/bin/parallax and PREFIX/share/parallax/filters/
        case shareFolder

        func install(in root: String) throws -> (executable: String, filters: String) {
            switch self {
            case .besideTheExecutable: (root + "/parallax", root + "/filters")
            case .shareFolder: (root + "/bin/parallax", root + "/share/parallax/filters")
            }
        }
    }

    static let fragment = """
    # installed-look: only an installed copy of parallax can find this fragment.
    [in]format=pix_fmts=rgb24,vignette=angle=0.5:eval=init,format=pix_fmts=gbrp[out]

    """

    @Test(arguments: Layout.allCases)
    func anInstalledParallaxFindsFragmentsWhereItWasInstalled(layout: Layout) throws {
        let directory = TemporaryDirectory("fragment-lookup")
        let project = directory.file("project")
        _ = try GroundTruthScene(directory: project)
        let sceneFile = project + "/scene.json"
        var scene = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: sceneFile))) as! [String: Any]
        scene["effects"] = [["type": "installed-look"]]
        try JSONSerialization.data(withJSONObject: scene).write(to: URL(fileURLWithPath: sceneFile))

        let (executable, filters) = try layout.install(in: directory.file("install"))
        try FileManager.default.createDirectory(atPath: (executable as NSString).deletingLastPathComponent,
                                                withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: ProcessRunner.parallaxExecutable, toPath: executable)
        let arguments = ["graph", project, "-o", directory.file("out.mp4"), "--script", directory.file("graph.lavfi")]

        // Not installed yet: no folder has it.
        let missing = try ProcessRunner.run(executable, arguments)
        #expect(!missing.succeeded && missing.standardError.contains("no effect \"installed-look\""), "\(missing.standardError)")

        try FileManager.default.createDirectory(atPath: filters, withIntermediateDirectories: true)
        try Data(Self.fragment.utf8).write(to: URL(fileURLWithPath: filters + "/installed-look.lavfi"))
        let found = try ProcessRunner.run(executable, arguments)
        #expect(found.succeeded, "\(layout): \(found.standardError)")
        let script = try String(contentsOfFile: directory.file("graph.lavfi"), encoding: .utf8)
        #expect(script.contains("vignette=angle=0.5"), "the installed fragment is in the graph")
    }
}
