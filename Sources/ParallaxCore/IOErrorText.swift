import Foundation

/// A Foundation file error (CocoaError, POSIXError) said the way the rest of the messages are:
/// the system's reason ("No space left on device"), not the error's debug dump.
public enum IOErrorText {
    /// The reason, or nil for errors that are not Foundation file errors.
    public static func reason(_ error: any Error) -> String? {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        guard let cocoa = error as? CocoaError else { return nil }
        if let underlying = cocoa.underlying as? POSIXError { return String(cString: strerror(underlying.code.rawValue)) }
        let nsUnderlying = (cocoa as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
        if let nsUnderlying, nsUnderlying.domain == NSPOSIXErrorDomain { return String(cString: strerror(Int32(nsUnderlying.code))) }
        switch cocoa.code {
        case .fileWriteOutOfSpace: return String(cString: strerror(ENOSPC))
        case .fileWriteNoPermission, .fileReadNoPermission: return String(cString: strerror(EACCES))
        case .fileNoSuchFile, .fileReadNoSuchFile: return String(cString: strerror(ENOENT))
        case .fileWriteVolumeReadOnly: return String(cString: strerror(EROFS))
        default: return "input/output error (Foundation error \(cocoa.code.rawValue))"
        }
    }
}
