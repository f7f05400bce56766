import ParallaxCore
import Testing

@Suite struct FFmpegVersionTests {
    @Test("reads the release from the first line of ffmpeg -version", arguments: [
        ("ffmpeg version 5.1.9-0+deb12u1 Copyright (c) 2000-2026 the FFmpeg developers", "5.1"),
        ("ffmpeg version n9.0.2-17-g2a571b6068-20260930 Copyright (c) 2000-2026", "9.0"),
        ("ffmpeg version 7.1 Copyright (c) 2000-2024 the FFmpeg developers", "7.1"),
        ("ffmpeg version 6.0-static https://johnvansickle.com/ffmpeg/", "6.0"),
    ])
    func parsesReleases(line: String, expected: String) {
        #expect(FFmpegVersion(versionOutput: line + "\nbuilt with gcc")?.description == expected)
    }

    @Test func aBuildFromGitMainHasNoReleaseNumber() {
        #expect(FFmpegVersion(versionOutput: "ffmpeg version N-118000-gabcdef0 Copyright") == nil)
        #expect(FFmpegVersion(parsing: "latest") == nil)
    }

    @Test("7.0 and later read the script with -/filter_complex; older with -filter_complex_script")
    func scriptOptionFollowsTheRelease() {
        let encoding = VideoEncoding(codec: .ffv1)
        let old = FFmpegCommand(scriptPath: "/s.lavfi", outputPath: "/o.mkv", encoding: encoding, ffmpeg: FFmpegVersion(6, 1))
        #expect(old.arguments[3...4] == ["-filter_complex_script", "/s.lavfi"])
        for version in [FFmpegVersion(7, 0), FFmpegVersion(9, 0)] {
            let new = FFmpegCommand(scriptPath: "/s.lavfi", outputPath: "/o.mkv", encoding: encoding, ffmpeg: version)
            #expect(new.arguments[3...4] == ["-/filter_complex", "/s.lavfi"])
        }
    }
}
