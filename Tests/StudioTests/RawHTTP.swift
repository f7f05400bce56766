import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare HTTP/1.1 client over a socket, so a test controls every byte: the Host and Origin
/// headers and paths with `..` that URL libraries would clean up before sending.
struct RawHTTP {
    struct Reply {
        let status: Int
        let head: String
        let body: String
    }

    let address: String
    let port: Int

    init(port: Int, address: String = "127.0.0.1") {
        self.port = port
        self.address = address
    }

    /// Opens a connection, or returns nil when it is refused.
    func connect() -> Int32? {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard socket >= 0 else { return nil }
        var target = sockaddr_in()
        target.sin_family = sa_family_t(AF_INET)
        target.sin_port = in_port_t(UInt16(port).bigEndian)
        inet_pton(AF_INET, address, &target.sin_addr)
        let connected = withUnsafePointer(to: &target) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard connected == 0 else {
            close(socket)
            return nil
        }
        return socket
    }

    func send(_ socket: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(socket, $0.baseAddress, $0.count) }
    }

    /// A GET with `Connection: close`; the default Host is the studio's own.
    func request(_ target: String, host: String? = nil, headers: [String: String] = [:]) throws -> Reply {
        try request("GET", target, host: host, headers: headers, body: "")
    }

    /// One request with `Connection: close`; the default Host is the studio's own.
    func request(_ method: String, _ target: String, host: String? = nil,
                 headers: [String: String] = [:], body: String = "") throws -> Reply {
        guard let socket = connect() else { throw StudioTestError("cannot connect to \(address):\(port)") }
        defer { close(socket) }
        var lines = ["\(method) \(target) HTTP/1.1", "Host: \(host ?? "127.0.0.1:\(port)")", "Connection: close",
                     "Content-Length: \(body.utf8.count)"]
        lines += headers.map { "\($0.key): \($0.value)" }
        send(socket, lines.joined(separator: "\r\n") + "\r\n\r\n" + body)
        var received = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(socket, &buffer, buffer.count)
            if count <= 0 { break }
            received += buffer[0..<count]
        }
        let text = String(decoding: received, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
        return Reply(status: status, head: head, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}
