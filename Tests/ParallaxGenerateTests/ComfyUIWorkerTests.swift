import Foundation
import TestSupport
import Testing

/// docs/inpainters/comfyui_worker.py against a stand-in ComfyUI server, with Pillow made
/// unimportable: it needs only the standard library unless the workflow changes the size.
@Suite struct ComfyUIWorkerTests {
    /// Starts a stand-in server (upload, prompt, history, view), runs the worker with one
    /// request and prints its reply. MODE "same" answers with the uploaded picture, "other"
    /// with a 10x10 one.
    static let harness = #"""
    import http.server, json, os, subprocess, sys, threading, struct, zlib
    worker, mode, folder = sys.argv[1:4]
    uploads = {}

    def png(width, height):
        def chunk(kind, data):
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
        rows = b"".join(b"\x00" + b"\x80" * (3 * width) for _ in range(height))
        return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
                + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))

    class Handler(http.server.BaseHTTPRequestHandler):
        def log_message(self, *args): pass
        def reply(self, body, kind="application/json"):
            self.send_response(200); self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body))); self.end_headers(); self.wfile.write(body)
        def do_POST(self):
            body = self.rfile.read(int(self.headers["Content-Length"]))
            if self.path == "/upload/image":
                name = body.split(b'filename="')[1].split(b'"')[0].decode()
                uploads[name] = body.split(b"\r\n\r\n", 2)[2].rsplit(b"\r\n--", 1)[0]
                self.reply(json.dumps({"name": name, "subfolder": ""}).encode())
            else:
                self.reply(json.dumps({"prompt_id": "p1"}).encode())
        def do_GET(self):
            if self.path.startswith("/history/"):
                images = [{"filename": "out.png", "subfolder": "", "type": "output"}]
                self.reply(json.dumps({"p1": {"outputs": {"9": {"images": images}}}}).encode())
            else:
                picture = uploads["parallax_000001.png"] if mode == "same" else png(10, 10)
                self.reply(picture, "image/png")

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    workflow = os.path.join(folder, "workflow.json")
    json.dump({"10": {"inputs": {}}, "11": {"inputs": {}}, "9": {"inputs": {}}}, open(workflow, "w"))
    blocked = os.path.join(folder, "blocked")
    os.makedirs(os.path.join(blocked, "PIL"), exist_ok=True)
    open(os.path.join(blocked, "PIL", "__init__.py"), "w").write("raise ImportError('Pillow is not installed')\n")
    for name in ("image.png", "mask.png"):
        open(os.path.join(folder, name), "wb").write(png(24, 16))
    request = {"step": 1, "image": os.path.join(folder, "image.png"), "mask": os.path.join(folder, "mask.png"),
               "output": os.path.join(folder, "out.png"), "width": 24, "height": 16, "seed": 7}
    environment = dict(os.environ, PYTHONPATH=blocked)
    done = subprocess.run([sys.executable, worker, "--server", f"http://127.0.0.1:{server.server_address[1]}",
                           "--workflow", workflow, "--image-node", "10", "--mask-node", "11", "--output-node", "9"],
                          input=json.dumps(request) + "\n", capture_output=True, text=True, env=environment, timeout=60)
    print(done.stdout.strip())
    """#

    func run(_ mode: String) throws -> (reply: [String: Any], folder: TemporaryDirectory) {
        let python = try #require(GenerateFixtures.python, "python3 is required")
        let folder = TemporaryDirectory("comfyui")
        try Self.harness.write(toFile: folder.file("harness.py"), atomically: true, encoding: .utf8)
        let worker = CurrentFFmpeg.repositoryRoot + "/docs/inpainters/comfyui_worker.py"
        let result = try ProcessRunner.run(python, [folder.file("harness.py"), worker, mode, folder.path])
        #expect(result.succeeded, "\(result.standardError)")
        let line = result.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)
        let reply = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
        return (reply, folder)
    }

    @Test func theWorkerFillsAStepWithTheStandardLibraryAlone() throws {
        let (reply, folder) = try run("same")
        #expect(reply["ok"] as? Bool == true, "\(reply)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder.file("out.png"))) == Data(contentsOf: URL(fileURLWithPath: folder.file("image.png"))))
    }

    @Test func anOutputOfAnotherSizeWithoutPillowIsOneClearError() throws {
        let (reply, _) = try run("other")
        #expect(reply["ok"] as? Bool == false)
        let error = reply["error"] as? String ?? ""
        #expect(error.contains("10x10, not 24x16") && error.contains("install Pillow"), "\(error)")
    }
}
