#!/usr/bin/env python3
"""Worker-mode inpainter for parallax: one process, one JSON request per line on stdin.

    parallax generate PROJECT --inpaint-worker 'python3 docs/inpainters/opencv_worker.py --radius 5'

Each request names the step's image, mask and output paths (see protocol.md); the worker fills
the mask with cv2.inpaint, writes the output PNG and answers {"ok": true}, or {"ok": false,
"error": "..."} when that step fails. It exits when stdin closes. Log to stderr, never stdout:
stdout carries the replies.
"""
import argparse
import json
import sys

from opencv_inpaint import inpaint


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--radius", type=float, default=5)
    parser.add_argument("--method", choices=["telea", "ns"], default="telea")
    args = parser.parse_args()
    print("opencv_worker: ready", file=sys.stderr, flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        try:
            request = json.loads(line)
            inpaint(request["image"], request["mask"], request["output"], args.radius, args.method)
            reply = {"ok": True}
        except Exception as error:
            reply = {"ok": False, "error": str(error)}
        print(json.dumps(reply), flush=True)


if __name__ == "__main__":
    main()
