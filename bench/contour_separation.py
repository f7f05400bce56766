#!/usr/bin/env python3
"""How well default layer boundaries follow real pictures.

For every PNG given (default: /work/photos/*.png and fixtures/landscape.png) this runs
`parallax init` twice, once with the default contour boundaries and once with --straight, reads
both plans with `parallax plan --json`, and measures per picture how strongly the boundaries
separate the pixels just above from those just below: the mean RGB distance between the mean of
the two rows above and the mean of the two rows below each boundary, over all columns and
boundaries. The measure is computed here with numpy, independently of the Swift code.
Target (issue 8): contour / straight >= 1.5 on pictures whose objects cross the default rows.

    python3 bench/contour_separation.py --parallax PATH [--results bench/RESULTS.md] [PNG ...]
"""
import argparse
import glob
import json
import os
import subprocess
import sys
import tempfile
import time

import cv2
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
BEGIN, END = "<!-- contour-separation:begin -->", "<!-- contour-separation:end -->"


def plan(parallax, image, project, straight):
    flags = ["--straight"] if straight else []
    started = time.monotonic()
    subprocess.run([parallax, "init", image, project, "--force", "--reference"] + flags,
                   check=True, stdout=subprocess.DEVNULL)
    elapsed = time.monotonic() - started
    text = subprocess.run([parallax, "plan", project, "--json"], check=True,
                          capture_output=True, text=True).stdout
    return json.loads(text), elapsed


def separation(rgb, document):
    height = rgb.shape[0]
    columns = np.arange(rgb.shape[1])
    values = []
    for layer in document["layers"][1:]:
        top = np.array(layer["top"])
        keep = (top >= 2) & (top + 2 <= height)
        x, y = columns[keep], top[keep]
        above = (rgb[y - 1, x] + rgb[y - 2, x]) / 2
        below = (rgb[y, x] + rgb[y + 1, x]) / 2
        values.append(np.sqrt(((above - below) ** 2).sum(axis=1)))
    return float(np.concatenate(values).mean()) if values else 0.0


def cliffs(document):
    """Share of column steps where a contour moves more than 2 rows (a cliff)."""
    steps = [np.abs(np.diff(np.array(layer["top"]))) for layer in document["layers"][1:]]
    steps = np.concatenate(steps) if steps else np.zeros(1)
    return float((steps > 2).mean())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--parallax", required=True)
    parser.add_argument("--results", help="replace the contour section of this markdown file")
    parser.add_argument("images", nargs="*")
    args = parser.parse_args()
    images = args.images or sorted(glob.glob("/work/photos/*.png")) + [
        os.path.join(HERE, "..", "fixtures", "landscape.png")]
    rows = []
    with tempfile.TemporaryDirectory() as work:
        for image in images:
            rgb = cv2.imread(image, cv2.IMREAD_COLOR)[:, :, ::-1].astype(np.float64)
            contour, seconds = plan(args.parallax, image, os.path.join(work, "contour"), straight=False)
            straight, _ = plan(args.parallax, image, os.path.join(work, "straight"), straight=True)
            a, b = separation(rgb, contour), separation(rgb, straight)
            ratio = a / b if b > 0 else float("inf")
            rows.append((os.path.basename(image), f"{rgb.shape[1]}x{rgb.shape[0]}", a, b, ratio, seconds,
                         cliffs(contour)))
    header = ("| picture | size | contour | straight | ratio | init time (s) | cliff steps |\n"
              "|---|---|---|---|---|---|---|")
    lines = [header] + [f"| {n} | {s} | {a:.1f} | {b:.1f} | {r:.2f} | {t:.2f} | {c:.1%} |"
                        for n, s, a, b, r, t, c in rows]
    ratios = [row[4] for row in rows]
    summary = (f"median ratio {np.median(ratios):.2f}, {sum(r >= 1.5 for r in ratios)} of {len(ratios)} "
               f"pictures at 1.5x or more")
    table = "\n".join(lines)
    print(table)
    print(summary)
    if args.results:
        section = "\n".join([BEGIN, "## Contour boundaries: separation across the default boundaries", "",
                             "Mean RGB distance between the two rows just above and just below each default",
                             "boundary (higher = the cut runs along an edge), contour defaults against",
                             "`--straight` rows at the same heights; cliff steps = share of columns where a",
                             "contour moves more than 2 rows. `bash bench/contour_separation.sh`.",
                             f"Run of {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}.", "",
                             table, "", summary, END])
        old = open(args.results).read() if os.path.exists(args.results) else ""
        if BEGIN in old and END in old:
            new = old[:old.index(BEGIN)] + section + old[old.index(END) + len(END):]
        else:
            new = old.rstrip("\n") + "\n\n" + section + "\n"
        with open(args.results, "w") as handle:
            handle.write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
