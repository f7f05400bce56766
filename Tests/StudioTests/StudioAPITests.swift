import Foundation
import ParallaxCore
import ParallaxGenerate
@testable import ParallaxStudio
import Testing
import TestSupport

@Suite("Studio: the HTTP API")
struct StudioAPITests {
    @Test("GET /api/plan is the plan --json document")
    func planMatchesCLI() throws {
        let folder = TemporaryDirectory("studio")
        let project = try StudioFixture.project(in: folder)
        let studio = try RunningStudio(project: project)
        let reply = try RawHTTP(port: studio.port).request("/api/plan?token=\(studio.token)")
        #expect(reply.status == 200)
        let cli = try ProcessRunner.parallax(["plan", project, "--json"])
        let served = try JSONDecoder().decode(PlanDocument.self, from: Data(reply.body.utf8))
        let printed = try JSONDecoder().decode(PlanDocument.self, from: Data(cli.standardOutput.utf8))
        #expect(served == printed)
        #expect(served.layers.map { $0.name } == ["sky", "hills", "shore"])
    }

    @Test("PUT /api/scene writes a valid scene and refuses a bad one with the CLI's line, leaving the file alone")
    func sceneValidated() throws {
        let folder = TemporaryDirectory("studio")
        let project = try StudioFixture.project(in: folder)
        let sceneFile = (project as NSString).appendingPathComponent("scene.json")
        let studio = try RunningStudio(project: project)
        let http = RawHTTP(port: studio.port)
        let original = try String(contentsOfFile: sceneFile, encoding: .utf8)

        let tooTall = original.replacingOccurrences(of: "\"height\": 90", with: "\"height\": 300")
        let refused = try http.request("PUT", "/api/scene?token=\(studio.token)", body: tooTall)
        #expect(refused.status == 422)
        #expect(refused.body.contains("heights sum to"), "\(refused.body)")
        #expect(try String(contentsOfFile: sceneFile, encoding: .utf8) == original)

        let notJSON = try http.request("PUT", "/api/scene?token=\(studio.token)", body: "{\"layers\": [")
        #expect(notJSON.status == 422)
        #expect(notJSON.body.contains("not valid JSON"))

        let taller = original.replacingOccurrences(of: "\"height\": 90", with: "\"height\": 130")
            .replacingOccurrences(of: "\"height\": 80", with: "\"height\": 40")
        let saved = try http.request("PUT", "/api/scene?token=\(studio.token)", body: taller)
        #expect(saved.status == 200, "\(saved.body)")
        let plan = try JSONDecoder().decode(PlanDocument.self, from: Data(saved.body.utf8))
        #expect(plan.layers[1].top.allSatisfy { $0 == 130 })
        let scene = try SceneFile.load(sceneFile)
        #expect(scene.layers.map(\.height) == [130, 40, nil])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: project).filter { $0.contains(".partial-") }
        #expect(leftovers.isEmpty)
    }

    @Test("POST /api/snap finds a boundary along the picture's edges near the dropped row, never across a neighbour")
    func snapFollowsEdges() throws {
        let folder = TemporaryDirectory("studio")
        let studio = try RunningStudio(project: try StudioFixture.project(in: folder))
        let http = RawHTTP(port: studio.port)
        let reply = try http.request("POST", "/api/snap?token=\(studio.token)", body: "{\"boundary\": 1, \"row\": 175}")
        #expect(reply.status == 200, "\(reply.body)")
        let answer = try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: Any]
        let boundary = answer?["boundary"] as? [Int] ?? []
        #expect(boundary.count == 480)
        // The window lies halfway to the neighbours (row 90 above, the bottom 270 below).
        #expect(boundary.allSatisfy { (133..<223).contains($0) }, "\(boundary.min() ?? -1)...\(boundary.max() ?? -1)")
        let crossing = try http.request("POST", "/api/snap?token=\(studio.token)", body: "{\"boundary\": 1, \"row\": 60}")
        #expect(crossing.status == 422)
        #expect(crossing.body.contains("crosses a neighbouring boundary"))
    }

    @Test("cancel stops a running generate as Ctrl-C would: the job ends cancelled, finished steps are kept")
    func cancelKeepsSteps() throws {
        let folder = TemporaryDirectory("studio")
        let project = try StudioFixture.project(in: folder, steps: 40)
        let studio = try RunningStudio(project: project)
        let http = RawHTTP(port: studio.port)
        #expect(try http.request("POST", "/api/generate?token=\(studio.token)").status == 202)
        let journal = (project as NSString).appendingPathComponent("journal.jsonl")
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline, ((try? String(contentsOfFile: journal, encoding: .utf8)) ?? "").isEmpty { usleep(50_000) }
        let cancel = try http.request("POST", "/api/cancel?token=\(studio.token)")
        #expect(cancel.body.contains("\"cancelled\":true"))
        var status = ""
        while Date() < deadline {
            status = try http.request("/api/status?token=\(studio.token)").body
            if status.contains("\"job\":null") { break }
            usleep(50_000)
        }
        #expect(status.contains("\"job\":null"), "\(status)")
        let kept = try String(contentsOfFile: journal, encoding: .utf8).split(separator: "\n").count
        #expect(kept >= 1 && kept < 40, "\(kept) steps kept")
        #expect(FileManager.default.fileExists(atPath: (project as NSString).appendingPathComponent("steps/000001.png")))
        #expect(try http.request("POST", "/api/generate?token=\(studio.token)").status == 202)
        #expect(studio.interrupt() == 0)
    }

    @Test("a generate is refused with the holder's pid while another process holds the project lock")
    func projectLockRespected() throws {
        let folder = TemporaryDirectory("studio")
        let project = try StudioFixture.project(in: folder)
        let studio = try RunningStudio(project: project)
        let http = RawHTTP(port: studio.port)
        do {
            let held = try ProjectLock(projectDirectory: project)
            let refused = try http.request("POST", "/api/generate?token=\(studio.token)")
            #expect(refused.status == 409)
            #expect(refused.body.contains("another parallax generate or create (pid \(getpid()))"), "\(refused.body)")
            withExtendedLifetime(held) {}
        }
        #expect(try http.request("POST", "/api/generate?token=\(studio.token)").status == 202)
        #expect(studio.interrupt() == 0)
    }

    @Test("a generate streams progress and step events, ends with a finished job and refuses a second one meanwhile")
    func generateStreamsEvents() throws {
        let folder = TemporaryDirectory("studio")
        let project = try StudioFixture.project(in: folder, steps: 2)
        let studio = try RunningStudio(project: project)
        let http = RawHTTP(port: studio.port)
        guard let events = http.connect() else { throw StudioTestError("cannot open the event stream") }
        defer { close(events) }
        http.send(events, "GET /api/events?token=\(studio.token) HTTP/1.1\r\nHost: 127.0.0.1:\(studio.port)\r\n\r\n")
        var stream = ""
        var buffer = [UInt8](repeating: 0, count: 65536)
        func readUntil(_ marker: String, seconds: Double) {
            let deadline = Date().addingTimeInterval(seconds)
            var poller = pollfd(fd: events, events: Int16(POLLIN), revents: 0)
            while !stream.contains(marker), Date() < deadline {
                guard poll(&poller, 1, 200) > 0 else { continue }
                let count = read(events, &buffer, buffer.count)
                if count <= 0 { break }
                stream += String(decoding: buffer[0..<count], as: UTF8.self)
            }
        }
        readUntil("event: hello", seconds: 10)
        #expect(stream.contains("event: hello"))
        #expect(try http.request("POST", "/api/generate?token=\(studio.token)").status == 202)
        let second = try http.request("POST", "/api/render?token=\(studio.token)")
        let finishedAlready = stream.contains("\"state\":\"finished\"")
        #expect(second.status == 409 || finishedAlready, "\(second.body)")
        readUntil("\"state\":\"finished\"", seconds: 300)
        #expect(stream.contains("event: progress"))
        #expect(stream.contains("\"label\":\"generate\""))
        #expect(stream.contains("event: step\ndata: {\"file\":\"steps/000001.png\""))
        #expect(stream.contains("event: step\ndata: {\"file\":\"steps/000002.png\""))
        #expect(stream.contains("{\"kind\":\"generate\",\"message\":"))
        #expect(stream.contains("\"state\":\"finished\""))
        let journal = try String(contentsOfFile: (project as NSString).appendingPathComponent("journal.jsonl"), encoding: .utf8)
        #expect(journal.split(separator: "\n").count == 2)
        #expect(studio.interrupt() == 0)
    }

    @Test("Ctrl-C stops the studio cleanly, with an event stream open")
    func stopsOnInterrupt() throws {
        let folder = TemporaryDirectory("studio")
        let studio = try RunningStudio(project: try StudioFixture.project(in: folder))
        let http = RawHTTP(port: studio.port)
        guard let events = http.connect() else { throw StudioTestError("cannot open the event stream") }
        defer { close(events) }
        http.send(events, "GET /api/events?token=\(studio.token) HTTP/1.1\r\nHost: 127.0.0.1:\(studio.port)\r\n\r\n")
        usleep(300_000)
        #expect(studio.interrupt(waiting: 10) == 0)
        #expect(http.connect() == nil)
        #expect(studio.errorOutput().isEmpty, "a clean stop prints nothing")
    }
}

@Suite("Studio: byte ranges for the page's video")
struct StudioByteRangeTests {
    @Test("Range headers resolve to the bytes asked for, or to nothing when they cannot be met")
    func parsing() {
        #expect(ByteRange.parse("bytes=0-9", size: 100) == .some(ByteRange(lower: 0, upper: 9)))
        #expect(ByteRange.parse("bytes=90-", size: 100) == .some(ByteRange(lower: 90, upper: 99)))
        #expect(ByteRange.parse("bytes=-5", size: 100) == .some(ByteRange(lower: 95, upper: 99)))
        #expect(ByteRange.parse("bytes=50-500", size: 100) == .some(ByteRange(lower: 50, upper: 99)))
        #expect(ByteRange.parse("bytes=100-", size: 100) == .some(nil))
        #expect(ByteRange.parse("bytes=0-1,5-6", size: 100) == nil)
        #expect(ByteRange.parse("items=0-1", size: 100) == nil)
        #expect(ByteRange.parse("bytes=9-2", size: 100) == nil)
    }

    @Test("GET /files with a Range answers 206 with exactly those bytes")
    func partialContent() throws {
        let folder = TemporaryDirectory("studio")
        let project = try StudioFixture.project(in: folder)
        let studio = try RunningStudio(project: project)
        let http = RawHTTP(port: studio.port)
        let size = try FileManager.default.attributesOfItem(atPath: (project as NSString).appendingPathComponent("input.png"))[.size] as! Int
        let reply = try http.request("/files/input.png?token=\(studio.token)", headers: ["Range": "bytes=1-3"])
        #expect(reply.status == 206)
        #expect(reply.head.lowercased().contains("content-range: bytes 1-3/\(size)"))
        #expect(reply.body == "PNG")
        let beyond = try http.request("/files/input.png?token=\(studio.token)", headers: ["Range": "bytes=\(size)-"])
        #expect(beyond.status == 416)
        #expect(studio.interrupt() == 0)
    }
}
