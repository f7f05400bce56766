#!/usr/bin/env python3
"""Fill quality against the truth: the built-in fill, OpenCV Telea, "stretch the last column" and
the truth itself rearranged along x (rolled, mirrored: the right texture in the wrong place).

For each wide test picture, its left part is the input image; four equal bands move left at speeds
0.25/0.5/0.75/1 (STEPS steps of SHIFT px); the picture's real right part is the truth for what each
band reveals. On the last step, per band, on the revealed columns:

  repeat   highest correlation of the fill's high-pass (grey minus a 5x5 box blur) with itself
           shifted along x by 6..width/2 px, minus the truth's own (target <= 0.15 every band)
           (diagnostic, no target: the same with each row's mean high-pass removed first. A line
           along x, such as a shore, is the same at every shift and scores as a repeat; where
           the fill has less other structure than the truth it dominates. A band over 0.15 that
           is not over it here holds such a line, not a copy repeated along x.)
  texture  high-pass standard deviation of the fill over the truth's (target 0.75..1.25, mean per
           picture)
  coarse   PSNR in dB after 8x8 box averaging (target: no worse than Telea - 0.5 dB)
  8 px steps (diagnostic, no target: the mean change between neighbouring 8x8 block means along
           the rows and across them, the fill's over the truth's. Under 1, the fill is smoother at
           the coarse score's scale than the picture is, which the coarse score rewards: a smear
           scores well there. A fill whose steps along the rows fall far below those across them
           is streaked along the rows.)
  seam     mean |grey change| across the columns where consecutive steps' fills meet, over the
           mean across the other revealed columns (no target in the issue; the truth's own, on
           the same columns, is about 1: above it, the steps show as vertical lines)
  known    the never-revealed columns must equal the truth exactly

"rolled" and "mirrored" are no fill anyone could make: each band's revealed columns are the
truth's own, rolled by half their width or mirrored. They keep the truth's texture, colours and
lines and lose only its layout, so they show what the coarse target asks: Telea's smear beats them
on about half the bands, where the layout varies at the 8 px scale.

    python3 bench/fill_quality.py --parallax PATH [--baseline PATH] [--seeds 0,1,2 | --seed N] [--work DIR]
                                  [--sheet PNG] [--json FILE] [--only rocket,brick] [--fills builtin,telea,stretch,rolled,mirrored]

It prints, per picture and fill, the seeds' scores side by side, then the aggregate over pictures,
bands and seeds (the tables in bench/RESULTS.md). --baseline measures a second binary's built-in
fill beside this one's (e.g. main's release build).

The pictures are crops of the photos in --photos (default /work/photos, or $PICTURES; not in git:
bench/fetch_photos.py writes them from PyPI packages' sample data) and one generated landscape
(made here from a fixed seed); none of them is used by a fill test.
The photos are 512-900 px wide, so the run is 16 steps of 12 px (the fastest band reveals 192 px).
Scores vary between seeds on one picture: judge over several (the default is seeds 0, 1 and 2).
"""
import argparse
import json
import os
import subprocess
import sys
import time

import cv2
import numpy as np

SPEEDS = [0.25, 0.5, 0.75, 1.0]
STEPS = 16
SHIFT = 12
SEED = 0
REVEAL = STEPS * SHIFT  # what the fastest band reveals


def low_poly_landscape(width=900, height=360, seed=11):
    """A realistic generated landscape: sky gradient with soft clouds, flat-shaded low-poly
    mountains (straight slope edges at many angles), a darker far ridge, a lake with ripples
    and a foliage shore."""
    rng = np.random.default_rng(seed)
    y, x = np.mgrid[0:height, 0:width].astype(np.float32)
    img = np.zeros((height, width, 3), np.float32)
    # Sky: vertical gradient plus blurred noise clouds (BGR).
    t = y / height
    img[..., 0] = 235 - 60 * t
    img[..., 1] = 190 - 40 * t
    img[..., 2] = 140 - 10 * t
    cloud = cv2.GaussianBlur(cv2.resize(rng.random((height // 20, width // 20)).astype(np.float32),
                                        (width, height), interpolation=cv2.INTER_CUBIC), (0, 0), 4)
    cloud = np.clip((cloud - 0.55) * 4, 0, 1)[..., None]
    img = img * (1 - 0.6 * cloud) + 245 * 0.6 * cloud
    # Mountains: a ridge of random peaks; each slope a flat-shaded polygon with straight edges.
    def ridge(base, amplitude, spacing, colour):
        layer = img.copy()
        x0, y0 = -spacing, int(base - amplitude * rng.random())
        while x0 < width + spacing:
            valley = (x0 + int(spacing * (0.3 + 0.4 * rng.random())), int(base - amplitude * 0.2 * rng.random()))
            x1 = x0 + int(spacing * (0.7 + 0.6 * rng.random()))
            y1 = int(base - amplitude * (0.4 + 0.6 * rng.random()))
            lit = np.array(colour) * (0.95 + 0.2 * rng.random())
            shaded = np.array(colour) * (0.6 + 0.15 * rng.random())
            cv2.fillPoly(layer, [np.array([(x0, y0), valley, (valley[0], height), (x0, height)], np.int32)], shaded.tolist())
            cv2.fillPoly(layer, [np.array([valley, (x1, y1), (x1, height), (valley[0], height)], np.int32)], lit.tolist())
            x0, y0 = x1, y1
        return layer
    img = ridge(int(height * 0.45), height * 0.22, 150, (150, 130, 120))
    img = ridge(int(height * 0.6), height * 0.16, 220, (90, 110, 80))
    # Lake with horizontal ripples, reflecting the sky tone.
    lake = int(height * 0.72)
    ripple = cv2.GaussianBlur(rng.random((height - lake, width)).astype(np.float32), (0, 0), sigmaX=6, sigmaY=0.8)
    water = np.stack([150 + 180 * (ripple - 0.5), 120 + 120 * (ripple - 0.5), 80 + 60 * (ripple - 0.5)], -1)
    img[lake:] = water
    # Foliage shore at the bottom: green noise at two scales.
    shore = int(height * 0.88)
    fine = rng.random((height - shore, width)).astype(np.float32)
    coarse = cv2.resize(rng.random(((height - shore) // 6 + 1, width // 6)).astype(np.float32),
                        (width, height - shore), interpolation=cv2.INTER_CUBIC)
    leaves = 0.55 * fine + 0.45 * coarse
    img[shore:] = np.stack([30 + 40 * leaves, 70 + 90 * leaves, 40 + 50 * leaves], -1)
    img += rng.normal(0, 2.0, img.shape)  # sensor grain
    return np.clip(img, 0, 255).astype(np.uint8)


def pictures(folder):
    """(name, BGR picture) pairs: wide crops of real photos and the generated landscape."""
    def load(name):
        image = cv2.imread(os.path.join(folder, name + ".png"), cv2.IMREAD_COLOR)
        if image is None:
            raise SystemExit(f"fill_quality: cannot read {folder}/{name}.png")
        return image
    out = []
    out.append(("rocket", load("rocket")[40:360, :]))              # night sky, towers, lights
    out.append(("brick", load("brick")[0:256, :]))                  # straight slanted joints
    out.append(("gravel", load("gravel")[128:384, :]))             # fine texture
    dem = load("jacksboro_fault_dem")
    out.append(("terrain", cv2.resize(dem, (dem.shape[1] * 3 // 2, dem.shape[0] * 3 // 2),
                                      interpolation=cv2.INTER_CUBIC)[100:420, :]))  # ridges
    out.append(("motorcycle", load("motorcycle_left")[0:330, :]))  # shelves, straight edges
    out.append(("lowpoly", low_poly_landscape()))                  # generated landscape
    return out


def band_rows(height):
    cuts = [round(i * height / 4) for i in range(5)]
    return [(cuts[i], cuts[i + 1]) for i in range(4)]


def shifts():
    return [round(STEPS * SHIFT * s) for s in SPEEDS]


def run(command):
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"fill_quality: {' '.join(command)} failed: {result.stderr.strip()}")


def generate(parallax, picture, folder, inpaint):
    """Runs init and generate on the picture's left part; returns the last step (BGR) and seconds."""
    os.makedirs(folder, exist_ok=True)
    width = picture.shape[1] - REVEAL
    cv2.imwrite(os.path.join(folder, "input.png"), picture[:, :width])
    rows = band_rows(picture.shape[0])
    layers = ",".join(f"b{i}:{b - a}:{SPEEDS[i]}" for i, (a, b) in enumerate(rows[:-1])) + ",b3"
    project = os.path.join(folder, "project")
    run([parallax, "init", os.path.join(folder, "input.png"), project, "--force", "--layers", layers,
         "--steps", str(STEPS), "--step-shift", str(SHIFT), "--direction", "180"])
    command = [parallax, "generate", project, "--restart", "--quiet", "--seed", str(SEED)]
    if inpaint:
        command += ["--inpaint-command", inpaint]
    start = time.monotonic()
    run(command)
    seconds = time.monotonic() - start
    last = cv2.imread(os.path.join(project, "steps", f"{STEPS:06d}.png"), cv2.IMREAD_COLOR)
    return last, seconds


def last_step(picture, gap):
    """The last step of a fill that needs no binary: every band moved left, its revealed columns
    `gap(band's picture rows, input width, shift)`."""
    width = picture.shape[1] - REVEAL
    out = picture[:, :width].copy()
    for (a, b), shift in zip(band_rows(picture.shape[0]), shifts()):
        out[a:b, :width - shift] = picture[a:b, shift:width]
        out[a:b, width - shift:] = gap(picture[a:b], width, shift)
    return out


def stretch(picture):
    """The baseline: every band's gap filled with its last known column."""
    return last_step(picture, lambda rows, width, shift: rows[:, width - 1:width])


def rearranged(picture, how):
    """The truth itself in the wrong place: every band's revealed columns are the truth's, rolled
    along x by half their width ("rolled") or mirrored ("mirrored"). The right texture, colours
    and lines, only not where they are: what no fill that does not know the truth's layout can
    beat by more than luck. Telea's smear scores above it on coarse wherever the layout varies
    at the 8 px scale (the coarse target's ceiling; bench/RESULTS.md, round 20)."""
    def gap(rows, width, shift):
        truth = rows[:, width:width + shift]
        return np.roll(truth, shift // 2, axis=1) if how == "rolled" else truth[:, ::-1]
    return last_step(picture, gap)


def highpass(bgr):
    return grey_highpass(cv2.cvtColor(bgr, cv2.COLOR_BGR2GRAY).astype(np.float64))


def grey_highpass(grey):
    """Grey minus its 5x5 box mean."""
    return grey - cv2.blur(grey, (5, 5), borderType=cv2.BORDER_REFLECT)


def self_correlation(hp):
    best = -1.0
    width = hp.shape[1]
    for s in range(6, width // 2 + 1):
        a, b = hp[:, :-s].ravel(), hp[:, s:].ravel()
        a = a - a.mean(); b = b - b.mean()
        denominator = np.sqrt((a * a).sum() * (b * b).sum())
        if denominator > 0:
            best = max(best, float((a * b).sum() / denominator))
    return best


def along_x(hp):
    """The high-pass without each row's mean: what a line along x adds at every shift."""
    return hp - hp.mean(axis=1, keepdims=True)


def coarse_psnr(fill, truth):
    h, w = (fill.shape[0] // 8) * 8, (fill.shape[1] // 8) * 8
    if h == 0 or w == 0:
        return float("nan")
    def blocks(image):
        return image[:h, :w].astype(np.float64).reshape(h // 8, 8, w // 8, 8, 3).mean(axis=(1, 3))
    mse = ((blocks(fill) - blocks(truth)) ** 2).mean()
    return float("inf") if mse == 0 else 10 * np.log10(255 ** 2 / mse)


def coarse_steps(image):
    """Mean |change| (largest channel) between neighbouring 8x8 block means along the rows and
    across them: how much the picture varies at the scale the coarse score judges."""
    h, w = (image.shape[0] // 8) * 8, (image.shape[1] // 8) * 8
    if h < 16 or w < 16:
        return float("nan"), float("nan")
    blocks = image[:h, :w].astype(np.float64).reshape(h // 8, 8, w // 8, 8, 3).mean(axis=(1, 3))
    return (float(np.abs(np.diff(blocks, axis=1)).max(axis=2).mean()),
            float(np.abs(np.diff(blocks, axis=0)).max(axis=2).mean()))


def seam_ratio(region, step):
    """Mean |grey change| across the columns where consecutive steps' fills meet (every `step`
    columns from the right) over the mean across the other columns; about 1 where nothing marks them."""
    if step < 1:
        return float("nan")
    grey = cv2.cvtColor(region, cv2.COLOR_BGR2GRAY).astype(np.float64)
    change = np.abs(np.diff(grey, axis=1))  # change[:, x - 1]: between columns x - 1 and x
    width = region.shape[1]
    seams = [width - k * step - 1 for k in range(1, width // step) if width - k * step >= 1]
    others = np.ones(change.shape[1], bool)
    others[seams] = False
    if not seams or change[:, others].mean() < 1e-9:
        return float("nan")  # no steps, or no change between any columns (stretch): nothing to see
    return float(change[:, seams].mean() / change[:, others].mean())


def measure(last, picture):
    """Per band: repeat, texture, coarse on the revealed columns; and whether known columns match."""
    width = picture.shape[1] - REVEAL
    rows = []
    for (a, b), shift in zip(band_rows(picture.shape[0]), shifts()):
        fill = last[a:b, width - shift:width]
        truth = picture[a:b, width:width + shift]
        known_ok = bool(np.array_equal(last[a:b, :width - shift], picture[a:b, shift:width]))
        hp_fill, hp_truth = highpass(fill), highpass(truth)
        (fill_along, fill_across), (truth_along, truth_across) = coarse_steps(fill), coarse_steps(truth)
        rows.append({
            "repeat": self_correlation(hp_fill) - self_correlation(hp_truth),
            "repeat_without_rows": self_correlation(along_x(hp_fill)) - self_correlation(along_x(hp_truth)),
            "texture": float(hp_fill.std() / max(hp_truth.std(), 1e-9)),
            "coarse": coarse_psnr(fill, truth),
            "coarse_along": fill_along / truth_along if truth_along > 0 else float("nan"),
            "coarse_across": fill_across / truth_across if truth_across > 0 else float("nan"),
            "seam": seam_ratio(fill, shift // STEPS),
            "seam_truth": seam_ratio(truth, shift // STEPS),
            "known": known_ok,
        })
    return rows


def contact_sheet(entries, path):
    """Per picture a row: truth | built-in | Telea (when measured), the right end of the last step."""
    tiles = []
    for name, picture, builtin, telea in entries:
        width = picture.shape[1] - REVEAL
        truth = picture[:, :width].copy()
        for (a, b), shift in zip(band_rows(picture.shape[0]), shifts()):
            truth[a:b] = picture[a:b, shift:shift + width]
        # The right end (where the fills are), at a common height.
        view = min(width, 2 * REVEAL)
        row = []
        for image in (truth, builtin, telea) if telea is not None else (truth, builtin):
            crop = image[:, -view:]
            scale = 120 / crop.shape[0]
            crop = cv2.resize(crop, (int(crop.shape[1] * scale), 120), interpolation=cv2.INTER_AREA)
            row.append(crop)
            row.append(np.full((120, 4, 3), 255, np.uint8))
        tiles.append(np.concatenate(row[:-1], 1))
    widest = max(t.shape[1] for t in tiles)
    tiles = [np.pad(t, ((0, 4), (0, widest - t.shape[1]), (0, 0)), constant_values=255) for t in tiles]
    cv2.imwrite(path, np.concatenate(tiles, 0), [cv2.IMWRITE_PNG_COMPRESSION, 9])


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--parallax", required=True)
    parser.add_argument("--baseline", help="another parallax binary (e.g. main's): its built-in fill is "
                                           "measured beside this one's, as fill 'baseline'")
    parser.add_argument("--work", default="/tmp/parallax-fill-quality")
    parser.add_argument("--photos", default=os.environ.get("PICTURES", "/work/photos"))
    parser.add_argument("--sheet", help="write the contact sheet (truth | built-in | Telea when measured, first seed) here")
    parser.add_argument("--only", help="comma-separated picture names")
    parser.add_argument("--fills", default="builtin,telea,stretch,rolled,mirrored",
                        help="comma-separated: builtin, telea, stretch, and the truth rearranged along x "
                             "(rolled, mirrored: a ceiling for coarse without the truth's layout)")
    parser.add_argument("--json", help="write every number here, by seed")
    parser.add_argument("--seeds", default="0,1,2", help="comma-separated generate seeds (default 0,1,2)")
    parser.add_argument("--seed", type=int, help="one generate seed (same as --seeds N)")
    args = parser.parse_args()
    seeds = [args.seed] if args.seed is not None else [int(v) for v in args.seeds.split(",")]
    here = os.path.dirname(os.path.abspath(__file__))
    telea = f"{sys.executable} {os.path.join(here, '..', 'docs', 'inpainters', 'opencv_inpaint.py')} {{image}} {{mask}} {{output}}"
    fills = args.fills.split(",")
    if args.baseline and "builtin" in fills:
        fills.insert(fills.index("builtin") + 1, "baseline")
    global SEED
    by_seed, sheet = {}, []
    for index, seed in enumerate(seeds):
        SEED = seed
        results = by_seed.setdefault(seed, {})
        for name, picture in pictures(args.photos):
            if args.only and name not in args.only.split(","):
                continue
            lasts = {}
            for fill in fills:
                # Telea, the stretch and the rearranged truths take no seed: measured once.
                if index > 0 and fill in ("telea", "stretch", "rolled", "mirrored"):
                    continue
                if fill == "stretch":
                    lasts[fill], seconds = stretch(picture), 0.0
                elif fill in ("rolled", "mirrored"):
                    lasts[fill], seconds = rearranged(picture, fill), 0.0
                else:
                    binary = args.baseline if fill == "baseline" else args.parallax
                    lasts[fill], seconds = generate(binary, picture, os.path.join(args.work, f"seed{seed}", name, fill),
                                                    telea if fill == "telea" else None)
                results.setdefault(name, {})[fill] = {"bands": measure(lasts[fill], picture),
                                                      "seconds_per_step": seconds / STEPS}
            if index == 0 and "builtin" in lasts:
                sheet.append((name, picture, lasts["builtin"], lasts.get("telea")))
    report(by_seed, fills)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({str(seed): results for seed, results in by_seed.items()}, f, indent=1)
    if args.sheet and sheet:
        contact_sheet(sheet, args.sheet)


def report(by_seed, fills):
    """Per picture and fill, the seeds' scores side by side; then the aggregate over pictures,
    bands and seeds against the targets (coarse against Telea of the first seed)."""
    seeds = list(by_seed)
    first = by_seed[seeds[0]]
    print(f"{len(SPEEDS)} bands (speeds {'/'.join(map(str, SPEEDS))}), {STEPS} steps of {SHIFT} px; "
          f"revealed columns {'/'.join(map(str, shifts()))}; seeds {'/'.join(map(str, seeds))}")
    print()
    print(f"| picture | fill | repeat, worst band (seeds {'/'.join(map(str, seeds))}) | texture, picture mean (seeds) "
          f"| coarse dB, band mean (worst band − Telea's) | seam, band mean (truth's) | known exact | s/step |")
    print("|---|---|---|---|---|---|---|---|")
    totals = {}
    for name in first:
        telea = first[name].get("telea")
        for fill in fills:
            runs = [by_seed[s][name][fill] for s in seeds if fill in by_seed[s].get(name, {})]
            if not runs:
                continue
            rep, tex, coa, worst, known, seam = [], [], [], [], True, []
            for run in runs:
                bands = run["bands"]
                rep.append(max(b["repeat"] for b in bands))
                tex.append(float(np.mean([b["texture"] for b in bands])))
                coa.append(float(np.mean([b["coarse"] for b in bands])))
                known = known and all(b["known"] for b in bands)
                seam.append(float(np.mean([b.get("seam", np.nan) for b in bands])))
                seam_truth = float(np.mean([b.get("seam_truth", np.nan) for b in bands]))
                if telea:
                    diffs = [b["coarse"] - t["coarse"] for b, t in zip(bands, telea["bands"])]
                    worst.append(min(diffs))
                    total = totals.setdefault(fill, {"repeat": 0, "lines": 0, "bands": 0, "texture": 0, "runs": 0,
                                                     "diffs": [], "below": 0, "pictures_below": 0, "seams": [],
                                                     "seams_over": 0})
                    total["repeat"] += sum(b["repeat"] > 0.15 for b in bands)
                    total["lines"] += sum(b["repeat"] > 0.15 >= b.get("repeat_without_rows", 1) for b in bands)
                    total["bands"] += len(bands)
                    total["texture"] += not 0.75 <= tex[-1] <= 1.25
                    total["runs"] += 1
                    total["diffs"] += diffs
                    total["below"] += sum(d < -0.5 for d in diffs)
                    total["seams"] += [b.get("seam", np.nan) - b.get("seam_truth", np.nan) for b in bands]
                    total["seams_over"] += sum(b.get("seam", 0) > b.get("seam_truth", 0) + 0.25 for b in bands)
                    total["pictures_below"] += coa[-1] < np.mean([t["coarse"] for t in telea["bands"]]) - 0.5
                    total.setdefault("along", []).extend(b.get("coarse_along", np.nan) for b in bands)
                    total.setdefault("across", []).extend(b.get("coarse_across", np.nan) for b in bands)
            seconds = np.mean([run["seconds_per_step"] for run in runs])
            worst_text = f" ({'/'.join(f'{v:+.1f}' for v in worst)})" if worst else ""
            print(f"| {name} | {fill} | {'/'.join(f'{v:.2f}' for v in rep)} | {'/'.join(f'{v:.2f}' for v in tex)} | "
                  f"{'/'.join(f'{v:.1f}' for v in coa)}{worst_text} | {'/'.join(f'{v:.2f}' for v in seam)} ({seam_truth:.2f}) "
                  f"| {'yes' if known else 'NO'} | {seconds:.2f} |")
    if not totals:
        return
    print()
    print("Targets: repeat ≤ 0.15 in every band; texture 0.75–1.25 (mean per picture); coarse ≥ Telea − 0.5 dB.")
    print()
    print("| fill | bands with repeat > 0.15 (of them, a line along x) | pictures with texture outside 0.75–1.25 | coarse − Telea, mean over bands "
          "| bands below Telea − 0.5 dB | pictures whose band mean is below Telea − 0.5 dB "
          "| seam − truth's, mean over bands | bands with seam > truth's + 0.25 | 8 px steps along / across the rows, of the truth's |")
    print("|---|---|---|---|---|---|---|---|---|")
    for fill, t in totals.items():
        print(f"| {fill} | {t['repeat']}/{t['bands']} ({t['lines']}) | {t['texture']}/{t['runs']} | {np.mean(t['diffs']):+.2f} dB "
              f"| {t['below']}/{t['bands']} | {t['pictures_below']}/{t['runs']} "
              f"| {finite_mean(t['seams']):+.2f} | {t['seams_over']}/{t['bands']} "
              f"| {finite_mean(t['along']):.2f} / {finite_mean(t['across']):.2f} |")


def finite_mean(values):
    """The mean of the values that are numbers; nan when none is."""
    finite = [v for v in values if np.isfinite(v)]
    return float(np.mean(finite)) if finite else float("nan")


if __name__ == "__main__":
    main()
