#!/usr/bin/env python3
"""ComfyUI inpainting worker for parallax: drives a running ComfyUI server over its HTTP API.

    # In ComfyUI: build an inpainting workflow with a LoadImage node (the picture), a
    # LoadImageMask node (the mask, channel "red"), CLIPTextEncode nodes for the prompts, a
    # KSampler and a SaveImage node; then "Save (API Format)" to workflow_api.json.
    parallax generate PROJECT --prompt "misty hills" --timeout 300 --inpaint-worker \
        'python3 docs/inpainters/comfyui_worker.py --workflow workflow_api.json
         --image-node 10 --mask-node 11 --prompt-node 6 --negative-node 7 --seed-node 3 --output-node 9'

Speaks the JSON-lines protocol in protocol.md. Per step it uploads the image and the mask
(POST /upload/image), fills the node ids in the workflow, queues it (POST /prompt), waits for
GET /history/<id> to list the output and downloads it (GET /view). Standard library only; Pillow
only if the workflow returns another size than the step's and it has to be scaled back. The tests
run it against a stand-in server (Tests/ParallaxGenerateTests/ComfyUIWorkerTests.swift).
"""
import argparse
import copy
import json
import struct
import sys
import time
import urllib.parse
import urllib.request
import uuid


def png_size(path):
    """Width and height from a PNG's IHDR chunk, with the standard library."""
    with open(path, "rb") as file:
        header = file.read(24)
    if len(header) < 24 or header[:8] != b"\x89PNG\r\n\x1a\n" or header[12:16] != b"IHDR":
        raise RuntimeError(f"ComfyUI's output {path} is not a PNG")
    return struct.unpack(">II", header[16:24])


def scale_to(path, width, height):
    """Only a workflow that changed the picture's size needs Pillow."""
    try:
        from PIL import Image
    except ImportError:
        raise RuntimeError(f"the workflow returned {png_size(path)[0]}x{png_size(path)[1]}, not {width}x{height}: "
                           "keep the size in the workflow, or install Pillow to scale it back") from None
    with Image.open(path) as result:
        result.convert("RGB").resize((width, height), Image.LANCZOS).save(path)


def log(message):
    print(f"comfyui_worker: {message}", file=sys.stderr, flush=True)


class ComfyUI:
    def __init__(self, server):
        self.base = server.rstrip("/")
        self.client_id = str(uuid.uuid4())

    def upload(self, path, name):
        boundary = uuid.uuid4().hex
        with open(path, "rb") as file:
            data = file.read()
        body = (
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"overwrite\"\r\n\r\ntrue\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"image\"; filename=\"{name}\"\r\n"
            "Content-Type: image/png\r\n\r\n"
        ).encode() + data + f"\r\n--{boundary}--\r\n".encode()
        request = urllib.request.Request(f"{self.base}/upload/image", data=body,
                                         headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
        with urllib.request.urlopen(request) as response:
            reply = json.load(response)
        return reply["name"] if not reply.get("subfolder") else f"{reply['subfolder']}/{reply['name']}"

    def queue(self, workflow):
        body = json.dumps({"prompt": workflow, "client_id": self.client_id}).encode()
        request = urllib.request.Request(f"{self.base}/prompt", data=body, headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request) as response:
            return json.load(response)["prompt_id"]

    def wait(self, prompt_id, poll=0.5):
        while True:
            with urllib.request.urlopen(f"{self.base}/history/{prompt_id}") as response:
                history = json.load(response)
            if prompt_id in history:
                entry = history[prompt_id]
                status = entry.get("status", {})
                if status.get("status_str") == "error":
                    raise RuntimeError(f"ComfyUI reported an error: {status.get('messages', [])[-1:]}")
                return entry["outputs"]
            time.sleep(poll)

    def download(self, image, path):
        query = urllib.parse.urlencode({"filename": image["filename"], "subfolder": image.get("subfolder", ""),
                                        "type": image.get("type", "output")})
        with urllib.request.urlopen(f"{self.base}/view?{query}") as response, open(path, "wb") as file:
            file.write(response.read())


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--server", default="http://127.0.0.1:8188")
    parser.add_argument("--workflow", required=True, help="workflow saved in API format")
    for node in ["image", "mask", "prompt", "negative", "seed", "output"]:
        parser.add_argument(f"--{node}-node", required=node in ("image", "mask", "output"))
    args = parser.parse_args()
    with open(args.workflow) as file:
        template = json.load(file)
    comfy = ComfyUI(args.server)
    log(f"using {args.server} with {args.workflow}")

    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            step = request["step"]
            workflow = copy.deepcopy(template)
            workflow[args.image_node]["inputs"]["image"] = comfy.upload(request["image"], f"parallax_{step:06d}.png")
            workflow[args.mask_node]["inputs"]["image"] = comfy.upload(request["mask"], f"parallax_mask_{step:06d}.png")
            workflow[args.mask_node]["inputs"]["channel"] = "red"  # the mask is gray: red = gray
            if args.prompt_node:
                workflow[args.prompt_node]["inputs"]["text"] = request.get("prompt", "")
            if args.negative_node:
                workflow[args.negative_node]["inputs"]["text"] = request.get("negative_prompt", "")
            if args.seed_node:
                workflow[args.seed_node]["inputs"]["seed"] = int(request["seed"])
            outputs = comfy.wait(comfy.queue(workflow))
            images = outputs.get(args.output_node, {}).get("images", [])
            if not images:
                raise RuntimeError(f"node {args.output_node} produced no image")
            comfy.download(images[0], request["output"])
            width, height = request["width"], request["height"]
            if png_size(request["output"]) != (width, height):
                scale_to(request["output"], width, height)
            reply = {"ok": True}
        except Exception as error:
            reply = {"ok": False, "error": f"{type(error).__name__}: {error}"}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
