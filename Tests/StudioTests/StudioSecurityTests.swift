import Foundation
import Testing
import TestSupport

@Suite("Studio: who may talk to it and what it serves")
struct StudioSecurityTests {
    @Test("a request without the token, or with a wrong one, gets 401")
    func tokenRequired() throws {
        let folder = TemporaryDirectory("studio")
        let studio = try RunningStudio(project: try StudioFixture.project(in: folder))
        let http = RawHTTP(port: studio.port)
        #expect(try http.request("/").status == 401)
        #expect(try http.request("/api/plan").status == 401)
        #expect(try http.request("/api/plan?token=\(String(repeating: "0", count: 64))").status == 401)
        #expect(try http.request("PUT", "/api/scene", body: "{}").status == 401)
        #expect(try http.request("/files/input.png").status == 401)
        #expect(try http.request("/api/plan?token=\(studio.token)").status == 200)
        let cookie = "parallax-studio-\(studio.port)=\(studio.token)"
        #expect(try http.request("/api/plan", headers: ["Cookie": cookie]).status == 200)
    }

    @Test("the page's cookie comes with the token and is HttpOnly and same-site")
    func cookieSet() throws {
        let folder = TemporaryDirectory("studio")
        let studio = try RunningStudio(project: try StudioFixture.project(in: folder))
        let reply = try RawHTTP(port: studio.port).request("/?token=\(studio.token)")
        #expect(reply.status == 200)
        #expect(reply.head.lowercased().contains("set-cookie: parallax-studio-\(studio.port)=\(studio.token); path=/; httponly; samesite=strict"))
        #expect(reply.body.contains("data-view=\"preview\""))
    }

    @Test("a wrong Host (DNS rebinding) or a foreign Origin is refused even with the token")
    func hostAndOriginChecked() throws {
        let folder = TemporaryDirectory("studio")
        let studio = try RunningStudio(project: try StudioFixture.project(in: folder))
        let http = RawHTTP(port: studio.port)
        let plan = "/api/plan?token=\(studio.token)"
        #expect(try http.request(plan, host: "evil.example:\(studio.port)").status == 403)
        #expect(try http.request(plan, host: "127.0.0.1:1").status == 403)
        #expect(try http.request(plan, host: "localhost:\(studio.port)").status == 200)
        #expect(try http.request(plan, headers: ["Origin": "http://evil.example"]).status == 403)
        #expect(try http.request("POST", "/api/generate?token=\(studio.token)",
                                 headers: ["Origin": "http://127.0.0.1:1"]).status == 403)
        #expect(try http.request(plan, headers: ["Origin": "http://127.0.0.1:\(studio.port)"]).status == 200)
    }

    @Test("`..`, absolute paths and a symlink out of the project give 404; the project's own files are served")
    func onlyProjectFiles() throws {
        let folder = TemporaryDirectory("studio")
        let project = try StudioFixture.project(in: folder)
        let secret = folder.file("secret.txt")
        try "outside".write(toFile: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: (project as NSString).appendingPathComponent("link.txt"),
                                                   withDestinationPath: secret)
        try FileManager.default.createSymbolicLink(atPath: (project as NSString).appendingPathComponent("up"),
                                                   withDestinationPath: folder.path)
        try "hidden".write(toFile: (project as NSString).appendingPathComponent(".hidden.txt"), atomically: true, encoding: .utf8)
        let studio = try RunningStudio(project: project)
        let http = RawHTTP(port: studio.port)
        let token = "token=\(studio.token)"
        #expect(try http.request("/files/input.png?\(token)").status == 200)
        #expect(try http.request("/files/scene.json?\(token)").status == 200)
        for target in ["/files/../secret.txt", "/files/%2e%2e/secret.txt", "/files/steps/../../secret.txt",
                       "/files//etc/passwd", "/files/%2Fetc%2Fpasswd", "/etc/passwd", "/files/link.txt",
                       "/files/up/secret.txt", "/files/.hidden.txt", "/files/steps", "/../secret.txt"] {
            let reply = try http.request(target + "?" + token)
            #expect(reply.status == 404, "\(target) gave \(reply.status)")
            #expect(!reply.body.contains("outside") && !reply.body.contains("hidden"))
        }
    }

    @Test("the listening socket is on 127.0.0.1 only")
    func loopbackOnly() throws {
        let folder = TemporaryDirectory("studio")
        let studio = try RunningStudio(project: try StudioFixture.project(in: folder))
        // /proc/net/tcp: local address as hex IP:port, state 0A = LISTEN.
        let table = try String(contentsOfFile: "/proc/net/tcp", encoding: .utf8)
        let portHex = String(format: "%04X", studio.port)
        var listening: [String] = []
        for line in table.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: " ").map(String.init)
            if fields.count > 3, fields[1].hasSuffix(":" + portHex), fields[3] == "0A" { listening.append(fields[1]) }
        }
        #expect(listening == ["0100007F:\(portHex)"])
        let tcp6 = (try? String(contentsOfFile: "/proc/net/tcp6", encoding: .utf8)) ?? ""
        #expect(!tcp6.split(separator: "\n").contains { $0.contains(":" + portHex + " ") && $0.contains(" 0A ") })
        #expect(RawHTTP(port: studio.port, address: "127.0.0.2").connect() == nil)
        #expect(RawHTTP(port: studio.port).connect() != nil)
    }
}
