import Dispatch

/// Independent pieces of work run on the machine's cores: the built-in fill's bands and parts, the
/// contour loop's layers of several steps. Every piece is a pure function of its inputs, so the
/// result is the same bytes however the pieces are scheduled (or on one core).
enum Parallel {
    /// `body(0)`, …, `body(count - 1)`, computed concurrently, in index order.
    static func map<T>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        guard count > 1 else { return count == 1 ? [body(0)] : [] }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            // Each index writes only its own slot.
            nonisolated(unsafe) let slots = slots
            DispatchQueue.concurrentPerform(iterations: count) { index in slots[index] = body(index) }
        }
        return results.map { $0! }
    }

    /// `first()` and `second()`, computed concurrently.
    static func both<A, B>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
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
