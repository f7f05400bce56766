import Dispatch
import Foundation

/// How many cores the built-in fill and the contour loop use at once (`--threads`).
public enum Cores {
    /// Caps the threads working at once, this process-wide, at `count` (1: one after another on
    /// the calling thread). Every core by default. The pixels are the same with any number.
    public static func limit(to count: Int) {
        Parallel.helpers.reset(to: max(1, count) - 1)
    }
}

/// Independent pieces of work run on the machine's cores: the built-in fill's bands and parts, the
/// contour loop's layers of several steps. Every piece is a pure function of its inputs, so the
/// result is the same bytes however the pieces are scheduled (or on one core).
///
/// Besides the calling thread, a piece of work runs on a helper only while one of the process's
/// helper slots (cores − 1, or `Cores.limit` − 1) is free; otherwise on the calling thread, after
/// the others. Work nested in a piece (a fill's parts inside a band) gets helpers only if some are
/// left, so the threads working at once never exceed the limit.
enum Parallel {
    /// The machine's cores.
    static var cores: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Free helper slots, shared by every piece of work in the process.
    final class HelperSlots: @unchecked Sendable {
        private let lock = NSLock()
        private var free: Int

        init(_ count: Int) { free = count }

        func reset(to count: Int) { lock.withLock { free = count } }
        /// Up to `wanted` slots, as many as are free.
        func take(upTo wanted: Int) -> Int {
            lock.withLock { let granted = max(0, min(wanted, free)); free -= granted; return granted }
        }
        func give(_ count: Int) { lock.withLock { free += count } }
    }
    static let helpers = HelperSlots(cores - 1)

    /// `body(0)`, …, `body(count - 1)`, in index order; the calling thread and whatever helpers are
    /// free take the indices in order as they finish the one before.
    static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let granted = count > 1 ? helpers.take(upTo: count - 1) : 0
        guard granted > 0 else { return (0..<count).map(body) }
        defer { helpers.give(granted) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            // Each index writes only its own slot.
            nonisolated(unsafe) let slots = slots
            let lock = NSLock()
            nonisolated(unsafe) var handedOut = 0
            DispatchQueue.concurrentPerform(iterations: granted + 1) { _ in
                while true {
                    let index: Int = lock.withLock { defer { handedOut += 1 }; return handedOut }
                    guard index < count else { return }
                    slots[index] = body(index)
                }
            }
        }
        return results.map { $0! }
    }

    /// `first()` and `second()`: at once when a helper is free, else one after the other.
    static func both<A, B>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        guard helpers.take(upTo: 1) == 1 else { return (first(), second()) }
        defer { helpers.give(1) }
        var a: A? = nil, b: B? = nil
        withUnsafeMutablePointer(to: &a) { aSlot in
            withUnsafeMutablePointer(to: &b) { bSlot in
                nonisolated(unsafe) let aSlot = aSlot, bSlot = bSlot
                DispatchQueue.concurrentPerform(iterations: 2) { index in
                    if index == 0 { aSlot.pointee = first() } else { bSlot.pointee = second() }
                }
            }
        }
        return (a!, b!)
    }
}
