import CParallaxAV
import Foundation

/// Starts a child process through the shim, which (unlike posix_spawn) can ask Linux to kill the
/// child when this process dies: an inpainter never outlives a SIGKILLed `parallax`.
public enum ProcessSpawn {
    /// Starts `arguments[0]` (looked up on PATH) in its own process group; nil descriptors are
    /// /dev/null; stderr is appended to `logPath`. Throws "cannot start …: reason".
    public static func start(_ arguments: [String], standardInput: Int32?, standardOutput: Int32?, logPath: String,
                             closeInChild: [Int32]) throws -> pid_t {
        let cStrings = arguments.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        var argv = cStrings + [nil]
        var pid: Int32 = -1
        try argv.withUnsafeMutableBufferPointer { argvBuffer in
            try closeInChild.withUnsafeBufferPointer { closeBuffer in
                try AVError.check {
                    pav_spawn(argvBuffer.baseAddress, standardInput ?? -1, standardOutput ?? -1, logPath,
                              closeBuffer.baseAddress, Int32(closeBuffer.count), &pid, $0, $1)
                }
            }
        }
        return pid
    }
}
