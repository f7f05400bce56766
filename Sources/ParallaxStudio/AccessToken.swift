import Foundation

/// The random secret every request must carry (`?token=` or the page's cookie).
public struct AccessToken: Sendable, Hashable {
    public let text: String

    public init(text: String) { self.text = text }

    /// 32 random bytes as hex, from the system's generator.
    public static func random() -> AccessToken {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: 0...255, using: &generator) }
        return AccessToken(text: bytes.map { String(format: "%02x", $0) }.joined())
    }

    /// Compares in time independent of where the first difference is.
    public func matches(_ candidate: Substring?) -> Bool {
        guard let candidate else { return false }
        let given = Array(candidate.utf8), expected = Array(text.utf8)
        guard given.count == expected.count else { return false }
        var difference: UInt8 = 0
        for index in 0..<expected.count { difference |= given[index] ^ expected[index] }
        return difference == 0
    }
}
