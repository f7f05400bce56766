#!/usr/bin/env python3
"""Writes a ground-truth parallax project for the benchmark, reproducibly.

Each layer has its own procedural canvas (smooth multi-octave value noise in a layer palette,
plus fine grain, so the encoder sees texture like a photograph's rather than pure noise), wider
than the frame by the distance the layer travels. Step k shows, in band i, the canvas window
moved by k*v_i pixels: a perfect inpainter. Velocities are whole pixels per step, so step images
are exact.

    make_scene.py OUT --width 1600 --height 1050 --seconds 20 --fps 30 --steps-per-second 4
"""
import argparse
import json
import os

import cv2
import numpy as np

# (share of the height, speed, palette from dark to light): far to near, top to bottom.
LAYERS = [
    (0.286, 0.1, ((120, 160, 205), (235, 240, 250))),   # sky
    (0.238, 0.3, ((60, 80, 110), (150, 165, 185))),     # far mountains
    (0.238, 0.6, ((40, 90, 45), (140, 175, 95))),       # hills
    (0.238, 1.0, ((70, 55, 40), (200, 180, 140))),      # shore
]


def value_noise(rng, height, width, cell):
    """Bicubically interpolated random lattice: smooth noise with features about `cell` px wide."""
    lattice = rng.random((height // cell + 3, width // cell + 3)).astype(np.float32)
    big = cv2.resize(lattice, (lattice.shape[1] * cell, lattice.shape[0] * cell), interpolation=cv2.INTER_CUBIC)
    return big[:height, :width]


def canvas(rng, height, width, palette):
    """A layer's texture: octaves of value noise mapped onto its palette, plus grain."""
    field = np.zeros((height, width), np.float32)
    weight_sum = 0.0
    for cell, weight in ((128, 1.0), (48, 0.5), (16, 0.25), (6, 0.12)):
        field += weight * value_noise(rng, height, width, cell)
        weight_sum += weight
    field = np.clip(field / weight_sum, 0, 1)
    dark, light = (np.array(c, np.float32) for c in palette)
    rgb = dark + field[..., None] * (light - dark)
    rgb += rng.normal(0, 4, rgb.shape).astype(np.float32)
    return np.clip(rgb, 0, 255).astype(np.uint8)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out")
    parser.add_argument("--width", type=int, default=1600)
    parser.add_argument("--height", type=int, default=1050)
    parser.add_argument("--seconds", type=int, default=20)
    parser.add_argument("--fps", type=int, default=30)
    parser.add_argument("--steps-per-second", type=int, default=4)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()

    steps = args.steps_per_second * args.seconds
    step_shift = -(-args.width // steps)            # the fastest layer crosses the frame once
    heights = [round(share * args.height) & ~1 for share, _, _ in LAYERS[:-1]]
    heights.append(args.height - sum(heights))
    rng = np.random.default_rng(args.seed)

    os.makedirs(os.path.join(args.out, "steps"), exist_ok=True)
    canvases, velocities = [], []
    for (share, speed, palette), height in zip(LAYERS, heights):
        velocity = round(speed * step_shift)       # whole pixels per step, leftwards
        canvases.append(canvas(rng, height, args.width + velocity * steps, palette))
        velocities.append(velocity)

    scene = {
        "direction": 180,
        "stepShift": step_shift,
        "stepsPerSecond": args.steps_per_second,
        "fps": args.fps,
        "steps": steps,
        "layers": [
            {"name": f"layer{i}", "height": h, "speed": v / step_shift}
            for i, (h, v) in enumerate(zip(heights, velocities))
        ],
    }
    with open(os.path.join(args.out, "scene.json"), "w") as handle:
        json.dump(scene, handle, indent=2)

    for step in range(steps + 1):
        # Moving left: the frame's pixel x shows canvas x + k*v.
        bands = [c[:, step * v:step * v + args.width] for c, v in zip(canvases, velocities)]
        frame = np.vstack(bands)
        cv2.imwrite(os.path.join(args.out, "steps", f"{step:06d}.png"), cv2.cvtColor(frame, cv2.COLOR_RGB2BGR),
                    [cv2.IMWRITE_PNG_COMPRESSION, 1])
    print(f"make_scene: {args.out}: {args.width}x{args.height}, {len(LAYERS)} layers, {steps} steps, "
          f"velocities {velocities} px/step")


if __name__ == "__main__":
    main()
