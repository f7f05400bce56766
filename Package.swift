// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "InfiniteParallax",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "parallax", targets: ["parallax"]),
        .library(name: "ParallaxCore", targets: ["ParallaxCore"]),
        .library(name: "FilterGraph", targets: ["FilterGraph"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
    ],
    targets: [
        // Pure Swift: filter graphs as values, labels, escaping, script text.
        .target(name: "FilterGraph"),
        // Pure Swift: scene model, motion math, graph builders.
        .target(name: "ParallaxCore", dependencies: ["FilterGraph"]),
        // FFmpeg's and libpng's headers and link flags, found through pkg-config.
        .systemLibrary(
            name: "CFFmpeg",
            pkgConfig: "libavfilter",
            providers: [.apt(["libavfilter-dev", "libavformat-dev", "libavcodec-dev",
                              "libavutil-dev", "libswscale-dev", "libswresample-dev", "libpng-dev"])]
        ),
        // The thin C shim: Swift sees plain return codes and a few plain structs.
        .target(
            name: "CParallaxAV",
            dependencies: ["CFFmpeg"],
            cSettings: [.unsafeFlags(["-Wall", "-Wextra", "-Wno-unused-parameter"])],
            linkerSettings: ["avfilter", "avformat", "avcodec", "swscale", "swresample", "avutil", "png16"]
                .map { .linkedLibrary($0) }
        ),
        // Swift over the shim: graph runner, PNG I/O, typed errors.
        .target(name: "ParallaxAV", dependencies: ["CParallaxAV", "ParallaxCore"]),
        // The step loop: shift, mask, inpainters, journal, resume.
        .target(name: "ParallaxGenerate", dependencies: ["ParallaxCore", "ParallaxAV"]),
        // The studio: a local web page over the same scene code (parallax studio).
        .target(name: "ParallaxStudio", dependencies: [
            "ParallaxCore", "ParallaxAV", "ParallaxGenerate", .product(name: "Hummingbird", package: "hummingbird"),
        ]),
        .executableTarget(
            name: "parallax",
            dependencies: [
                "ParallaxCore", "ParallaxAV", "ParallaxGenerate", "ParallaxStudio",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Times the step loop and the built-in inpainter per step (bash bench/step_loop.sh).
        .executableTarget(name: "bench-steploop", dependencies: ["ParallaxGenerate", "ParallaxCore", "ParallaxAV"],
                          path: "bench/steploop"),
        // Speed check for the built-in inpainter (bench/inpaint_builtin.sh builds it in release).
        .executableTarget(name: "bench-inpaint", dependencies: ["ParallaxGenerate", "ParallaxAV", "ParallaxCore"],
                          path: "bench/InpaintBuiltin"),
        // Renders one project many times in one process, printing RSS (RepeatedRenderTests).
        .executableTarget(name: "render-leak-probe", dependencies: ["ParallaxAV", "ParallaxCore"],
                          path: "Tests/RenderLeakProbe"),
        .target(name: "TestSupport", dependencies: ["ParallaxCore", "ParallaxAV"], path: "Tests/TestSupport"),
        .testTarget(name: "FilterGraphTests", dependencies: ["FilterGraph", "ParallaxAV", "TestSupport"]),
        .testTarget(name: "ParallaxCoreTests", dependencies: ["ParallaxCore"]),
        .testTarget(name: "ParallaxAVTests", dependencies: ["ParallaxAV", "ParallaxCore", "TestSupport"]),
        .testTarget(name: "ParallaxGenerateTests", dependencies: ["ParallaxGenerate", "TestSupport"]),
        .testTarget(name: "CLITests", dependencies: ["TestSupport"]),
        // The studio's HTTP API, its security checks and the page in headless Chromium.
        .testTarget(name: "StudioTests", dependencies: ["ParallaxStudio", "ParallaxCore", "ParallaxGenerate", "TestSupport"]),
        // Bad input, interruption, hostile names and repeated renders, against the built binary.
        .testTarget(name: "ReliabilityTests", dependencies: ["TestSupport", "ParallaxAV", "ParallaxCore"]),
    ],
    swiftLanguageModes: [.v6]
)
