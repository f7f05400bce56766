#!/usr/bin/env python3
"""Streaks along the rows on long pans: how much less the fill varies along the rows than across
them, at the 8 px scale, against the input's own rows.

    python3 bench/streaks.py --parallax PATH [--baseline PATH] [--seeds 1,2,3]
                             [--photos DIR] [--only held-out/flower,chelsea] [--steps 32] [--work DIR]

For each photo: `parallax init PHOTO --straight --steps STEPS` (four bands with the default
presets, moving left), `parallax generate --seed N`, then per band whose fill is at least 64 px
wide (`parallax plan --json`), on the revealed columns of the last step and on the band's rows of
the input (step 0):

  along/across   the mean change (largest channel) between neighbouring 8x8 block means along
                 the rows, over the same across the rows

A gap that opens on one side is filled from its boundary column, and on a long pan that column is
the last step's fill: what the fill carries along the rows, it carries again at every step. A
defocused background or a sky then turns into bands that run the whole revealed width, which the
eye reads at once. The input's own ratio is the target (a lake's is low, a bokeh's near 1); a fill
far under it is streaked. The harness (bench/fill_quality.py) reports the same steps against the
truth on short pans ("8 px steps"). Photos: bench/fetch_photos.py (held-out ones under held-out/
count as named). Nothing is written inside the repository.
"""
import os
import statistics
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import photo_projects  # noqa: E402

from fill_quality import coarse_steps  # noqa: E402

MINIMUM_WIDTH = 64


def along_over_across(bgr):
    """The 8x8 block means' mean change along the rows over that across them; None where the
    region is too small or does not vary across its rows."""
    along, across = coarse_steps(bgr)
    return None if not np.isfinite(along) or across < 1e-6 else along / across


def measure(parallax, photo, seed, steps, folder):
    """Per band: (fill's ratio, input's ratio), or None where either cannot be measured."""
    return photo_projects.revealed_pairs(parallax, photo, seed, steps, folder, "streaks", along_over_across,
                                         MINIMUM_WIDTH)


def main():
    binaries, results = photo_projects.run_bench(
        __doc__, "streaks", measure,
        lambda args: f"{args.steps} steps, four straight bands (presets), seeds {args.seeds}; 8 px steps along the rows "
                     f"over across them, mean over seeds, fill (input)",
        lambda values: f"{photo_projects.mean_of(values, 0):.2f} ({photo_projects.mean_of(values, 1):.2f})",
        only="held-out/flower,held-out/china,chelsea,coffee,astronaut,grace_hopper", seeds="1,2,3", steps=32,
        work="/tmp/parallax-streaks")
    for label, _ in binaries:
        pairs = [v for values in results[label].values() for v in values]
        if not pairs:
            print(f"{label}: no band wide enough")
            continue
        relative = [f / g for f, g in pairs if g > 0]
        print(f"{label}: fill over input {statistics.mean(relative):.2f} (median {statistics.median(relative):.2f}) "
              f"over {len(pairs)} band-seeds; under half the input's: {sum(r < 0.5 for r in relative)}")


if __name__ == "__main__":
    main()
