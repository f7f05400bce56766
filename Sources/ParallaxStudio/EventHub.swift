import Foundation
import Hummingbird

/// Fans the studio's events out to every open event stream (Server-Sent Events).
final class EventHub: Sendable {
    private let subscribers = Locked<[UUID: AsyncStream<ByteBuffer>.Continuation]>([:])
    private let closed = Locked(false)

    /// A new stream; it ends when the page goes away or the studio stops.
    func subscribe(greeting: [String: Any]) -> AsyncStream<ByteBuffer> {
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream(bufferingPolicy: .bufferingNewest(256))
        let id = UUID()
        if closed.current {
            continuation.finish()
            return stream
        }
        continuation.yield(ByteBuffer(string: EventHub.frame("hello", greeting)))
        continuation.onTermination = { [subscribers] _ in
            _ = subscribers.withValue { $0.removeValue(forKey: id) }
        }
        subscribers.withValue { $0[id] = continuation }
        return stream
    }

    func publish(_ event: String, _ fields: [String: Any]) {
        let buffer = ByteBuffer(string: EventHub.frame(event, fields))
        for continuation in subscribers.current.values { continuation.yield(buffer) }
    }

    /// Ends every stream, so a graceful shutdown does not wait on open pages.
    func close() {
        closed.withValue { $0 = true }
        let all = subscribers.withValue { subscribers -> [AsyncStream<ByteBuffer>.Continuation] in
            defer { subscribers.removeAll() }
            return Array(subscribers.values)
        }
        for continuation in all { continuation.finish() }
    }

    /// One SSE frame: `event:` and a one-line JSON `data:`.
    static func frame(_ event: String, _ fields: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys, .withoutEscapingSlashes]))
            .map { String(decoding: $0, as: UTF8.self) } ?? "{}"
        return "event: \(event)\ndata: \(data)\n\n"
    }
}
