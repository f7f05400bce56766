#!/usr/bin/env python3
"""The mosaic in smooth parts: how many jumps the fill leaves where the picture is smooth.

    python3 bench/smooth_jumps.py --parallax PATH [--baseline PATH] [--seeds 1,2,3]
                                  [--photos DIR] [--only chelsea,coffee] [--steps 24] [--work DIR]

For each photo: `parallax init PHOTO --straight --steps STEPS` (four bands with the default
presets, 24 px step shift, moving left), `parallax generate --seed N`, then per band whose fill is
at least 48 px wide (`parallax plan --json`), on the revealed columns of the last step and on the
band's rows of the input (step 0), over the smooth parts only (where the mean step between
neighbours over a 25x25 box is under 2 levels):

  jumps   the share of neighbour pairs (along and across the rows) that differ by 4 levels or
          more in some channel

A copied fill is a mosaic of runs a few pixels long; in a sky, a wall or a defocused background
the jumps between runs are the blocks and streaks a viewer sees. The input's own share is the
target. Photos without smooth parts (grass, gravel) have no band to measure. Photos:
bench/fetch_photos.py (held-out ones under held-out/ count as named, e.g. held-out/flower).
Nothing is written inside the repository.
"""
import os
import statistics
import sys

import cv2
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import photo_projects  # noqa: E402

MINIMUM_WIDTH = 48
SMOOTH = 2.0
JUMP = 4
MINIMUM_SMOOTH_PIXELS = 200


def jump_share(bgr):
    """Share of neighbour pairs differing by JUMP levels or more, over the smooth parts; None if too few."""
    image = bgr.astype(np.float64)
    along = np.abs(np.diff(image, axis=1))[:-1].max(axis=2)
    across = np.abs(np.diff(image, axis=0))[:, :-1].max(axis=2)
    smooth = cv2.blur((along + across) / 2, (25, 25)) < SMOOTH
    if smooth.sum() < MINIMUM_SMOOTH_PIXELS:
        return None
    return float(((along >= JUMP)[smooth].mean() + (across >= JUMP)[smooth].mean()) / 2)


def measure(parallax, photo, seed, steps, folder):
    """Per band: (fill's share, input's share), or None where either has no smooth part. One row
    in from the band's edges: the band above or below is not the fill."""
    return photo_projects.revealed_pairs(parallax, photo, seed, steps, folder, "smooth_jumps", jump_share,
                                         MINIMUM_WIDTH, inset=1, minimum_rows=16)


def main():
    # results[label][(name, band)] = [(fill, input) per seed]; only bands every binary measured count.
    binaries, results = photo_projects.run_bench(
        __doc__, "smooth_jumps", measure,
        lambda args: f"{args.steps} steps, four straight bands (presets), seeds {args.seeds}; share of jumps >= {JUMP} "
                     f"levels in smooth parts, mean over seeds, fill (input)",
        lambda values: f"{photo_projects.mean_of(values, 0):.3f} ({photo_projects.mean_of(values, 1):.3f})",
        only="chelsea,coffee,astronaut,grace_hopper,held-out/flower,held-out/china", seeds="1,2,3", steps=24,
        work="/tmp/parallax-smooth-jumps")
    for label, _ in binaries:
        pairs = [v for values in results[label].values() for v in values]
        if not pairs:
            print(f"{label}: no band with smooth parts")
            continue
        fills = [f for f, _ in pairs]
        print(f"{label}: jumps {statistics.mean(fills):.4f} against the inputs' {statistics.mean(g for _, g in pairs):.4f} "
              f"over {len(pairs)} band-seeds; over 1.5 times the input's: {sum(f > 1.5 * g for f, g in pairs)}")


if __name__ == "__main__":
    main()
