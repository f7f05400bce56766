import Foundation
import Hummingbird

/// Refuses a request unless it carries the token and names this server by its loopback address:
/// a wrong Host is a DNS-rebinding page, a foreign Origin a cross-site request.
struct AccessGuard<Context: RequestContext>: RouterMiddleware {
    let token: AccessToken
    /// The bound port, known only once the socket listens (`--port 0`).
    let port: Locked<Int>

    var cookieName: String { "parallax-studio-\(port.current)" }

    func handle(_ request: Request, context: Context,
                next: (Request, Context) async throws -> Response) async throws -> Response {
        let port = port.current
        let hosts = ["127.0.0.1:\(port)", "localhost:\(port)"]
        guard let host = request.head.authority?.lowercased(), hosts.contains(host) else {
            return Self.refusal(.forbidden, "refused: the Host header must be 127.0.0.1:\(port)")
        }
        if let origin = request.headers[.origin], !hosts.contains(where: { origin.lowercased() == "http://" + $0 }) {
            return Self.refusal(.forbidden, "refused: cross-site request from \(origin)")
        }
        let fromQuery = request.uri.queryParameters["token"]
        let fromCookie = request.cookies[cookieName].map { Substring($0.value) }
        guard token.matches(fromQuery) || token.matches(fromCookie) else {
            return Self.refusal(.unauthorized, "the studio needs its access token: open the address it printed")
        }
        var response = try await next(request, context)
        if token.matches(fromQuery) && !token.matches(fromCookie) {
            // The page keeps the token so its own links, images and event stream need no query.
            response.headers[.setCookie] = "\(cookieName)=\(token.text); Path=/; HttpOnly; SameSite=Strict"
        }
        return response
    }

    static func refusal(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(status: status, headers: [.contentType: "text/plain; charset=utf-8"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: message + "\n")))
    }
}
