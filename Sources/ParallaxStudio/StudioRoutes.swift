import Foundation
import Hummingbird
import ParallaxAV
import ParallaxCore
import ParallaxGenerate

/// The HTTP API the page uses (docs/studio.md), the page itself and the project's files.
struct StudioRoutes: Sendable {
    let settings: StudioSettings
    let hub: EventHub
    let jobs: JobRunner

    var directory: String { settings.projectDirectory }
    var editor: SceneEditor { SceneEditor(projectDirectory: directory) }
    var files: ProjectFiles { ProjectFiles(projectDirectory: directory) }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in Self.text(StudioPage.html, type: "text/html; charset=utf-8") }
        router.get("/studio.js") { _, _ in Self.text(StudioScript.source, type: "text/javascript; charset=utf-8") }
        router.get("/studio.css") { _, _ in Self.text(StudioStyle.source, type: "text/css; charset=utf-8") }
        router.get("/api/plan") { _, _ -> Response in
            do {
                return Self.text(try editor.plan().jsonText(), type: "application/json")
            } catch {
                return Self.problem(.unprocessableContent, error)
            }
        }
        router.get("/api/scene") { _, _ -> Response in
            do {
                return Self.data(try editor.sceneText(), type: "application/json")
            } catch {
                return Self.problem(.notFound, error)
            }
        }
        router.put("/api/scene") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 16 << 20)
            if let job = jobs.current {
                return Self.problem(.conflict, "a \(job.rawValue) is running; the scene stays as it is until it ends")
            }
            do {
                let plan = try editor.replace(with: Data(body.readableBytesView))
                hub.publish("scene", ["steps": plan.steps])
                return Self.text(try plan.jsonText(), type: "application/json")
            } catch {
                return Self.problem(.unprocessableContent, error)
            }
        }
        router.post("/api/snap") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 16)
            let fields = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView))) as? [String: Any]
            guard let index = fields?["boundary"] as? Int, let row = fields?["row"] as? Int else {
                return Self.problem(.badRequest, "expected {\"boundary\": i, \"row\": r} with whole numbers")
            }
            return snap(boundary: index, row: row)
        }
        router.get("/api/status") { _, _ in Self.json(.ok, status()) }
        router.get("/api/image") { _, _ in image() }
        router.post("/api/generate") { request, _ -> Response in
            let body = try await request.body.collect(upTo: 1 << 16)
            let restart = (try? JSONSerialization.jsonObject(with: Data(body.readableBytesView)) as? [String: Any])?["restart"] as? Bool
            return start(.generate, restart: restart ?? false)
        }
        router.post("/api/render") { _, _ in start(.render) }
        router.post("/api/cancel") { _, _ in Self.json(.ok, ["cancelled": jobs.cancel()]) }
        router.get("/api/events") { _, _ -> Response in
            let stream = hub.subscribe(greeting: status())
            return Response(status: .ok,
                            headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
                            body: ResponseBody(asyncSequence: stream))
        }
        router.get("/files/**") { request, _ -> Response in
            let path = request.uri.path
            guard path.hasPrefix("/files/"), let file = files.resolve(String(path.dropFirst("/files/".count))),
                  let data = FileManager.default.contents(atPath: file) else {
                return Self.problem(.notFound, "no such file in the project")
            }
            return Self.file(data, type: ProjectFiles.contentType(of: file), range: request.headers[.range])
        }
    }

    private func start(_ kind: JobRunner.Kind, restart: Bool = false) -> Response {
        do {
            try jobs.start(kind, restart: restart)
            return Self.json(.accepted, ["started": kind.rawValue])
        } catch {
            return Self.problem(.conflict, error)
        }
    }

    /// What the page needs to draw its Run view after a reload.
    private func status() -> [String: Any] {
        let folder = StepFolder(projectDirectory: directory)
        let finished = StepJournal(projectDirectory: directory).completedEntries().map(\.step)
        var status: [String: Any] = ["job": jobs.current?.rawValue ?? NSNull(), "journalSteps": finished,
                                     "stepsOnDisk": folder.consecutiveStepCount()]
        for (key, name) in [("video", JobRunner.videoName), ("sheet", JobRunner.sheetName)]
        where FileManager.default.fileExists(atPath: (directory as NSString).appendingPathComponent(name)) {
            status[key] = "files/" + name
        }
        return status
    }

    /// Boundary `index` found again along the picture's edges near `row`; the page saves it.
    private func snap(boundary index: Int, row: Int) -> Response {
        do {
            let plan = try editor.plan()
            guard plan.layers.indices.contains(index + 1) else {
                return Self.problem(.badRequest, "no boundary \(index): the plan has \(plan.layers.count - 1)")
            }
            var rows = plan.layers.dropFirst().map { ContourSnap.representativeRow($0.top) }
            rows[index] = row
            guard rows.first! >= 1, rows.last! < plan.height, zip(rows, rows.dropFirst()).allSatisfy({ $0 < $1 }) else {
                return Self.problem(.unprocessableContent,
                                    "row \(row) for boundary \(index) crosses a neighbouring boundary or the image edge")
            }
            let image = try PNGImage.read(imagePath(), channels: 3)
            guard image.width == plan.width, image.height == plan.height else {
                return Self.problem(.unprocessableContent, "the image is not the plan's size")
            }
            let found = ContourSnap.boundary(in: image, rows: rows, index: index)
            return Self.json(.ok, ["boundary": found, "row": ContourSnap.representativeRow(found)])
        } catch {
            return Self.problem(.unprocessableContent, error)
        }
    }

    /// Step 0 when it exists (what generate and render use), else the scene's image.
    private func imagePath() -> String {
        let stepZero = StepFolder(projectDirectory: directory).stepPath(0)
        if !FileManager.default.fileExists(atPath: stepZero), let scene = try? SceneFile.load(editor.sceneFile),
           let image = scene.image {
            return Project.resolve(image, against: directory)
        }
        return stepZero
    }

    private func image() -> Response {
        let path = imagePath()
        guard let data = FileManager.default.contents(atPath: path) else {
            return Self.problem(.notFound, "the project has no step 0 and its scene names no readable image")
        }
        return Self.data(data, type: ProjectFiles.contentType(of: path))
    }

    static func text(_ text: String, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: text)))
    }

    static func data(_ data: Data, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// A whole file, or the one byte range asked for (206), so the page's video can seek.
    static func file(_ data: Data, type: String, range header: String?) -> Response {
        var response = Self.data(data, type: type)
        response.headers[.acceptRanges] = "bytes"
        guard let header, let parsed = ByteRange.parse(header, size: data.count) else { return response }
        guard let range = parsed else {
            return Response(status: .rangeNotSatisfiable, headers: [.contentRange: "bytes */\(data.count)"])
        }
        let slice = data[data.startIndex + range.lower..<data.startIndex + range.upper + 1]
        return Response(status: .partialContent,
                        headers: [.contentType: type, .acceptRanges: "bytes", .cacheControl: "no-store",
                                  .contentRange: "bytes \(range.lower)-\(range.upper)/\(data.count)"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: slice)))
    }

    static func json(_ status: HTTPResponse.Status, _ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json", .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// `{"error": "one line"}`, the same line the CLI would print.
    static func problem(_ status: HTTPResponse.Status, _ error: Any) -> Response {
        let message = (error as? CustomStringConvertible)?.description ?? "\(error)"
        return json(status, ["error": message.split(separator: "\n").first.map(String.init) ?? message])
    }
}
