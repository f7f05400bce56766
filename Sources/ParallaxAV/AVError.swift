import CParallaxAV

/// An error from FFmpeg's libraries or libpng, with the shim's readable message.
public struct AVError: Error, Hashable, Sendable, CustomStringConvertible {
    public let code: Int32
    public let message: String

    public var isCancellation: Bool { Int(code) == PAV_ECANCELLED }
    public var description: String { message }

    /// Calls a shim function with a message buffer and turns a negative return into an AVError.
    static func check(_ call: (UnsafeMutablePointer<CChar>, Int) -> Int32) throws {
        var buffer = [CChar](repeating: 0, count: 1024)
        let code = buffer.withUnsafeMutableBufferPointer { call($0.baseAddress!, $0.count) }
        if code < 0 {
            let message = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw AVError(code: code, message: message.isEmpty ? "libav error \(code)" : message)
        }
    }
}

extension AVError {
    /// The same error with a temporary file's name replaced by the one the user gave.
    public func naming(_ finalPath: String, insteadOf temporaryPath: String) -> AVError {
        AVError(code: code, message: message.replacingOccurrences(of: temporaryPath, with: finalPath))
    }
}
