#!/usr/bin/env python3
"""Two step folders for the contour render benchmark, cut from one known canvas per layer (a
perfect inpainter), so they need no generation run:

  DIR/contour   four layers with wavy contour boundaries: scene.json with "boundary" rows,
                steps/ (composites) and layers/NN/ (RGBA strips), as `generate` writes them
  DIR/straight  the same four layers cut at straight rows (the mean of each boundary): steps/

The seed fixes every pixel.

  python3 bench/make_contour_scene.py DIR [--width 1600] [--height 900] [--seconds 10]
"""
import argparse
import json
import os

import cv2
import numpy as np


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("directory")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--fps", type=int, default=30)
    parser.add_argument("--steps-per-second", type=int, default=4)
    args = parser.parse_args()
    width, height = args.width, args.height
    steps = args.seconds * args.steps_per_second
    speeds = [0.25, 0.5, 0.75, 1.0]
    step_shift = 24
    rng = np.random.default_rng(7)

    reach = int(step_shift * steps) + width + 2
    columns = np.arange(reach)
    # Boundary rows as functions of canvas column: the lower layer's top edge, waving.
    bases = [height * 0.25, height * 0.5, height * 0.75]
    curves = [np.round(b + 30 * np.sin(columns / (70 + 20 * i)) + 12 * np.sin(columns / 23 + i))
              .astype(int) for i, b in enumerate(bases)]
    canvases = []
    for i in range(4):
        noise = rng.integers(0, 256, (height, reach, 3), dtype=np.uint8)
        smooth = cv2.GaussianBlur(noise, (0, 0), 2 + i)
        tint = np.array([60 * i, 200 - 40 * i, 120 + 30 * i], np.int16)
        canvases.append(np.clip(smooth.astype(np.int16) - 128 + tint, 0, 255).astype(np.uint8))

    def offset(layer, k):
        # Moving left at speed × stepShift px per step; round halves away from zero like the plan.
        v = -speeds[layer] * step_shift
        value = k * v
        return int(np.sign(value) * np.floor(abs(value) + 0.5))

    def top_row(layer, canvas_columns):
        return np.zeros(len(canvas_columns), int) if layer == 0 else curves[layer - 1][canvas_columns]

    def bottom_row(layer, canvas_columns):
        return np.full(len(canvas_columns), height) if layer == 3 else curves[layer][canvas_columns]

    contour = os.path.join(args.directory, "contour")
    straight = os.path.join(args.directory, "straight")
    for folder in (contour, straight):
        os.makedirs(os.path.join(folder, "steps"), exist_ok=True)
    frame_columns = np.arange(width)
    strip_rows = []
    for layer in range(4):
        tops, bottoms = top_row(layer, frame_columns), bottom_row(layer, frame_columns)
        strip_rows.append((int(tops.min()), int(bottoms.max())))
        os.makedirs(os.path.join(contour, "layers", "%02d" % layer), exist_ok=True)
    rows_y = np.arange(height)[:, None]
    straight_rows = [0] + [int(round(curves[i][:width].mean())) for i in range(3)] + [height]

    for k in range(steps + 1):
        composite = np.zeros((height, width, 3), np.uint8)
        bands = np.zeros((height, width, 3), np.uint8)
        for layer in range(4):
            source = frame_columns - offset(layer, k)
            picture = canvases[layer][:, source]
            top, bottom = strip_rows[layer]
            tops = top_row(layer, source)
            alpha = np.where(rows_y >= tops[None, :], 255, 0).astype(np.uint8)
            strip = np.dstack([picture, alpha])[top:bottom]
            cv2.imwrite(os.path.join(contour, "layers", "%02d" % layer, "%06d.png" % k), strip)
            weight = alpha[top:bottom, :, None].astype(np.uint16)
            region = composite[top:bottom].astype(np.uint16)
            composite[top:bottom] = ((picture[top:bottom] * weight + region * (255 - weight) + 127) // 255).astype(np.uint8)
            a, b = straight_rows[layer], straight_rows[layer + 1]
            bands[a:b] = picture[a:b]
        cv2.imwrite(os.path.join(contour, "steps", "%06d.png" % k), composite)
        cv2.imwrite(os.path.join(straight, "steps", "%06d.png" % k), bands)

    def scene(layers):
        return {"direction": 180, "stepShift": step_shift, "stepsPerSecond": args.steps_per_second,
                "fps": args.fps, "steps": steps, "layers": layers}

    names = ["far", "hills", "trees", "near"]
    contour_layers, straight_layers = [], []
    for layer in range(4):
        entry = {"name": names[layer], "speed": speeds[layer]}
        if layer < 3:
            entry["height"] = straight_rows[layer + 1] - straight_rows[layer]
        straight_layers.append(dict(entry))
        if layer > 0:
            entry["boundary"] = [int(v) for v in curves[layer - 1][:width]]
        contour_layers.append(entry)
    with open(os.path.join(contour, "scene.json"), "w") as f:
        json.dump(scene(contour_layers), f)
    with open(os.path.join(straight, "scene.json"), "w") as f:
        json.dump(scene(straight_layers), f)


if __name__ == "__main__":
    main()
