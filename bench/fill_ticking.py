#!/usr/bin/env python3
"""The ticking pattern on photos: how periodic along x each band's fill is after a long pan.

    python3 bench/fill_ticking.py --parallax PATH [--baseline PATH] [--seeds 1,2,3,4,5,6]
                                  [--photos DIR] [--only chelsea,coffee] [--steps 32] [--work DIR]

For each photo: `parallax init PHOTO --straight --steps STEPS` (four bands with the default
presets, 24 px step shift, moving left), `parallax generate --seed N`, then on the last step, per
band whose fill is at least 96 px wide (`parallax plan --json` gives its rows and shift per
step), on its revealed columns:

  mid     highest correlation of the fill's mid frequencies (grey 3x3 box mean minus its 25x25
          box mean, each row's mean removed) with themselves shifted along x by 6..width/2 px
  fine    the same on the fine high-pass of bench/fill_quality.py (grey minus its 5x5 box mean)
  level   the standard deviation of that fine high-pass over the input image's (step 0) on the
          band's rows: below about 0.75 the fill has drifted flat (grass going grey on a long pan)

The fill-quality harness's `repeat` is `fine` against the truth; it misses a fill that repeats
blotches a few dozen pixels wide, which is what a viewer sees marching in from the edge
(chelsea.png's lower bands: fine 0.17, mid 0.78 in one seed). There is no truth here (the photo
ends at its edge): the score is the fill's own, and a photo whose content is periodic scores high
by itself. The score varies a lot between seeds of one binary (chelsea's third band: 0.29 to 0.78
over three seeds), so compare means over six seeds or more, side by side (--baseline).
Photos: bench/fetch_photos.py. Nothing is written inside the repository.
"""
import os
import statistics
import sys

import cv2
import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fill_quality import along_x, grey_highpass, self_correlation  # noqa: E402  (the harness's measures)
import photo_projects  # noqa: E402

MINIMUM_WIDTH = 96


def scores(last_step, first_step, plan, steps):
    """Per band: (mid, fine, level) on the revealed columns of the last step, or None when too
    narrow. `plan`: `parallax plan --json` of the project (each layer's rows and per-step velocity)."""
    def grey_of(path):
        return cv2.cvtColor(cv2.imread(path, cv2.IMREAD_COLOR), cv2.COLOR_BGR2GRAY).astype(np.float64)
    grey, first = grey_of(last_step), grey_of(first_step)
    width = grey.shape[1]
    out = []
    for layer in plan["layers"]:
        # Straight bands: the same rows in every column.
        top, bottom = layer["top"][-1], layer["bottom"][-1]
        revealed = min(width, int(steps * abs(layer["velocity"][0])))
        if revealed >= MINIMUM_WIDTH:
            fill = grey[top:bottom, width - revealed:]
            blur = lambda n: cv2.blur(fill, (n, n), borderType=cv2.BORDER_REFLECT)
            fine = grey_highpass(fill)
            level = fine.std() / max(grey_highpass(first[top:bottom]).std(), 1e-9)
            out.append((self_correlation(along_x(blur(3) - blur(25))), self_correlation(along_x(fine)), float(level)))
        else:
            out.append(None)
    return out


def measure(parallax, photo, seed, steps, folder):
    project, plan = photo_projects.generated(parallax, photo, seed, steps, folder, "fill_ticking")
    return scores(os.path.join(project, "steps", f"{steps:06d}.png"), os.path.join(project, "steps", "000000.png"),
                  plan, steps)


def main():
    # results[label][(name, band)] = [(mid, fine, level) per seed]
    binaries, results = photo_projects.run_bench(
        __doc__, "fill_ticking", measure,
        lambda args: f"{args.steps} steps, four straight bands (presets), seeds {args.seeds}; mean over seeds, mid (fine) level",
        lambda values: f"{photo_projects.mean_of(values, 0):.2f} ({photo_projects.mean_of(values, 1):.2f}) "
                       f"{photo_projects.mean_of(values, 2):.2f}",
        only="chelsea,coffee,astronaut,grace_hopper", seeds="1,2,3,4,5,6", steps=32, work="/tmp/parallax-fill-ticking")
    for label, _ in binaries:
        mids = [v[0] for values in results[label].values() for v in values]
        error = statistics.stdev(mids) / len(mids) ** 0.5 if len(mids) > 1 else float("nan")
        print(f"{label}: mid mean {statistics.mean(mids):.3f} over {len(mids)} band-seeds "
              f"(standard error {error:.3f}), above 0.4: {sum(m > 0.4 for m in mids)}; "
              f"level below 0.75: {sum(v[2] < 0.75 for values in results[label].values() for v in values)}")


if __name__ == "__main__":
    main()
