import Foundation

/// Whether a temporary file (`.NAME.partial-PID.EXT`, as ``AtomicOutput`` names them) was left by
/// a process that no longer exists. Only such files may be removed by someone else: a running
/// render's temporary in the project folder belongs to it until it renames or removes it.
public enum AbandonedTemporary {
    /// The process id in a temporary's file name, or nil when the name is not a temporary's.
    public static func owner(ofName name: String) -> pid_t? {
        guard name.hasPrefix("."), let marker = name.range(of: ".partial-", options: .backwards) else { return nil }
        let digits = name[marker.upperBound...].prefix { $0.isASCII && $0.isNumber }
        let rest = name[marker.upperBound...].dropFirst(digits.count)
        guard !digits.isEmpty, rest.isEmpty || rest.hasPrefix("."), let pid = pid_t(digits), pid > 0 else { return nil }
        return pid
    }

    /// True when `name` is a temporary whose process is gone (kill(pid, 0) fails with ESRCH only
    /// when no such process exists).
    public static func isAbandoned(name: String) -> Bool {
        guard let pid = owner(ofName: name) else { return false }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
