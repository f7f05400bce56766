#!/usr/bin/env python3
"""How a contour layer's edge goes on through the columns the step loop filled.

    python3 bench/contour_edges.py --parallax PATH [--edges follow,sketch] [--baseline PATH] [--steps 20] [--seed 1] IMAGE...

For each image: `parallax init IMAGE` (default contour layers, --steps N), `parallax generate`
(--seed), then, per layer with a contour boundary, its top edge (first row at least half opaque)
in the input and in the last step's strip (layers/NN/). Printed per layer:

- `ends`: the share of columns where the edge sits on the first or last row the input's curve
  spans. The step loop keeps a continued edge within those rows; an edge that drifts there and
  stays is a plateau (a ridge cut flat) or a layer sunk to the row of an edge below it.
- `flat`: the longest run of columns with the edge on one row.
- `step`: the mean absolute change of row per column (how rough the edge is).

The input's own numbers come first: a continued edge should look like them. `--edges` lists the
ways (`parallax generate --edges`) to run side by side (default: the binary's default); with
--baseline a second binary runs on the same projects too, with its defaults.
"""
import argparse
import json
import os
import subprocess
import sys

import numpy as np
from PIL import Image


def edge_rows(strip_path):
    alpha = np.array(Image.open(strip_path).convert("RGBA"))[..., 3]
    opaque = alpha >= 128
    return np.where(opaque.any(axis=0), opaque.argmax(axis=0), alpha.shape[0])


def describe(rows, low, high):
    rows = np.asarray(rows)
    runs, run = 1, 1
    for a, b in zip(rows[:-1], rows[1:]):
        run = run + 1 if a == b else 1
        runs = max(runs, run)
    ends = float(np.mean((rows <= low) | (rows >= high)))
    step = float(np.mean(np.abs(np.diff(rows)))) if len(rows) > 1 else 0.0
    return f"ends {ends:4.2f}  flat {runs:4d}  step {step:4.2f}"


def run_project(parallax, image, folder, steps, seed, flags):
    project = os.path.join(folder, "project")
    for command in ([parallax, "init", image, project, "--force", "--steps", str(steps)],
                    [parallax, "generate", project, "--restart", "--quiet", "--seed", str(seed)] + flags):
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            sys.exit(f"contour_edges: {' '.join(command)} failed: {result.stderr.strip()}")
    return project


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parallax", required=True)
    parser.add_argument("--baseline", help="another parallax binary, run on the same projects")
    parser.add_argument("--edges", help="comma-separated ways to continue the edges (generate --edges), side by side")
    parser.add_argument("--steps", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--work", default="/tmp/parallax-contour-edges")
    parser.add_argument("images", nargs="+")
    args = parser.parse_args()
    ways = args.edges.split(",") if args.edges else [None]
    binaries = [(way or "now", args.parallax, ["--edges", way] if way else []) for way in ways]
    binaries += [("baseline", args.baseline, [])] if args.baseline else []
    for image in args.images:
        name = os.path.splitext(os.path.basename(image))[0]
        print(f"{name} ({args.steps} steps, seed {args.seed})")
        for label, binary, flags in binaries:
            project = run_project(binary, image, os.path.join(args.work, name, label), args.steps, args.seed, flags)
            scene = json.load(open(os.path.join(project, "scene.json")))
            last = sorted(os.listdir(os.path.join(project, "layers", "00")))[-1]
            for index, layer in enumerate(scene["layers"]):
                curve = layer.get("boundary")
                if not curve or min(curve) == max(curve):
                    continue
                low, high = min(curve), max(curve)
                strip = os.path.join(project, "layers", f"{index:02d}")
                first = edge_rows(os.path.join(strip, "000000.png"))
                offset = int(np.median(np.asarray(curve) - first))
                rows = edge_rows(os.path.join(strip, last)) + offset
                if label == binaries[0][0]:
                    print(f"  {layer['name']:12s} input      {describe(curve, low, high)}  (rows {low}..{high})")
                print(f"  {layer['name']:12s} {label:10s} {describe(rows, low, high)}")


if __name__ == "__main__":
    main()
