import Foundation

/// The largest picture (width × height) any command decodes: checked from the PNG header, so a
/// 1 MB file that inflates to gigabytes is refused before a byte of it is decoded.
///
/// The default, 8192 × 8192 (about 67 megapixels), covers 8K frames and 50-megapixel photos; the
/// step loop holds a few copies of the picture, about 1.5 GB at the limit.
/// `PARALLAX_MAX_PIXELS` in the environment sets another limit.
public enum PixelLimit {
    public static let defaultLimit = 8192 * 8192
    public static let environmentName = "PARALLAX_MAX_PIXELS"

    /// The limit in force: the environment's, else the default.
    public static func current() throws -> Int {
        guard let text = ProcessInfo.processInfo.environment[environmentName], !text.isEmpty else { return defaultLimit }
        guard let limit = Int(text), limit > 0 else {
            throw SceneError(file: environmentName, "expected a whole number of pixels greater than 0, got \"\(text)\"")
        }
        return limit
    }

    /// Refuses a `width`×`height` picture at `path` over the limit.
    public static func check(width: Int, height: Int, path: String) throws {
        let limit = try current()
        guard width.multipliedReportingOverflow(by: height).partialValue <= limit, width <= limit, height <= limit else {
            throw SceneError(file: path, "is \(width)x\(height) pixels, more than the limit of \(limit) "
                             + "(set \(environmentName) to allow larger pictures)")
        }
    }
}
