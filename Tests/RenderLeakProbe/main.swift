// Renders one project COUNT times in this process and prints the resident set size (bytes)
// after each render, one number a line. RepeatedRenderTests runs it as a fresh process, so no
// other test's memory moves the figures.
//
//   render-leak-probe PROJECT OUTPUT.mkv COUNT
import Foundation
import ParallaxAV
import ParallaxCore

func residentBytes() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
    let fields = text.split(separator: " ")
    guard fields.count > 1, let pages = Int(fields[1]), pages > 0 else { return nil }
    return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
}

let arguments = CommandLine.arguments
guard arguments.count == 4, let count = Int(arguments[3]) else {
    FileHandle.standardError.write(Data("usage: render-leak-probe PROJECT OUTPUT.mkv COUNT\n".utf8))
    exit(64)
}
do {
    let project = try Project(path: arguments[1])
    let job = try RenderJob(project: project, settings: RenderSettings(video: VideoEncoding(codec: .ffv1)))
    for _ in 0..<count {
        try job.render(to: arguments[2])
        guard let bytes = residentBytes() else {
            FileHandle.standardError.write(Data("render-leak-probe: cannot read /proc/self/statm\n".utf8))
            exit(1)
        }
        print(bytes)
    }
} catch {
    FileHandle.standardError.write(Data("render-leak-probe: \(error)\n".utf8))
    exit(1)
}
