#!/usr/bin/env python3
"""Writes a ground-truth parallax project: steps cut from known endless canvases (a perfect
inpainter), plus the exact frames a correct render shows, as raw rgb24.

usage: ground_truth.py DIR [--width W] [--height H] [--steps S] [--fps F] [--rate R]

The canvases are smooth, photo-like textures (sums of sinusoids with a few hard edges), so
motion-estimating interpolation has something fair to track.
"""
import argparse, json, math, os
import numpy as np
import cv2

def canvas(layer, xs, ys):
    """RGB canvas of `layer` at integer coordinates (broadcast arrays), values 0..255."""
    rng = np.random.default_rng(layer + 1)
    out = np.zeros(np.broadcast(xs, ys).shape + (3,), np.float64)
    for c in range(3):
        value = 128.0
        for _ in range(6):
            fx, fy = rng.uniform(0.01, 0.12), rng.uniform(0.01, 0.2)
            phase = rng.uniform(0, 2 * math.pi)
            value = value + rng.uniform(10, 30) * np.sin(fx * xs + fy * ys + phase)
        out[..., c] = value
    # hard-edged vertical stripes every 37 px: something sharp to keep honest
    out[((xs // 37) % 2 == 0) & ((ys // 9) % 3 == 0)] *= 0.6
    return np.clip(out, 0, 255).astype(np.uint8)

def rounded(value):
    return int(math.copysign(math.floor(abs(value) + 0.5), value))

def frame(width, layers, offsets):
    rows = []
    for index, (height, _) in enumerate(layers):
        ys, xs = np.mgrid[0:height, 0:width]
        rows.append(canvas(index, xs - offsets[index], ys))
    return np.concatenate(rows, axis=0)

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--width", type=int, default=320)
    parser.add_argument("--height", type=int, default=192)
    parser.add_argument("--steps", type=int, default=12)
    parser.add_argument("--fps", type=int, default=30)
    parser.add_argument("--rate", type=int, default=4)
    parser.add_argument("--shift", type=float, default=16)
    args = parser.parse_args()
    h = args.height
    layers = [(h // 4, 0.2), (h // 4, 0.5), (h - 2 * (h // 4), 1.0)]
    os.makedirs(os.path.join(args.dir, "steps"), exist_ok=True)
    scene = {"direction": 180, "stepShift": args.shift, "stepsPerSecond": args.rate, "fps": args.fps,
             "steps": args.steps,
             "layers": [{"name": f"layer{i}", "height": hh, "speed": s} for i, (hh, s) in enumerate(layers)]}
    with open(os.path.join(args.dir, "scene.json"), "w") as f:
        json.dump(scene, f, indent=2)
    velocities = [-s * args.shift for _, s in layers]  # direction 180: moving left
    for step in range(args.steps + 1):
        image = frame(args.width, layers, [rounded(step * v) for v in velocities])
        cv2.imwrite(os.path.join(args.dir, "steps", f"{step:06d}.png"), image[..., ::-1])
    frames = -(-args.steps * args.fps // args.rate)
    with open(os.path.join(args.dir, "truth.rgb"), "wb") as f:
        for n in range(frames):
            u = n * args.rate / args.fps
            f.write(frame(args.width, layers, [rounded(u * v) for v in velocities]).tobytes())
    print(f"{args.dir}: {args.width}x{args.height}, {args.steps} steps, {frames} frames")

if __name__ == "__main__":
    main()
