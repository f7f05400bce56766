"""What the photo benches (fill_ticking.py, smooth_jumps.py, streaks.py) share: their command
line and run, a project made with straight bands and generated per photo and seed, the revealed
fill beside the input's rows, the scores gathered per band and the table of them."""
import argparse
import json
import os
import statistics
import subprocess
import sys

import cv2


def add_arguments(parser, only, seeds, steps, work):
    """The options every photo bench takes, with its own defaults."""
    parser.add_argument("--parallax", required=True)
    parser.add_argument("--baseline", help="another parallax binary, measured beside this one")
    parser.add_argument("--seeds", default=seeds)
    parser.add_argument("--steps", type=int, default=steps)
    parser.add_argument("--photos", default=os.environ.get("PICTURES", "/work/photos"))
    parser.add_argument("--only", default=only)
    parser.add_argument("--work", default=work)


def binaries(args):
    """(label, binary) pairs: this one, and the baseline when given."""
    return [("this", args.parallax)] + ([("baseline", args.baseline)] if args.baseline else [])


def photo_names(args, tool):
    """The photos asked for; stops with one line naming a missing one."""
    names = args.only.split(",")
    for name in names:
        if not os.path.exists(os.path.join(args.photos, name + ".png")):
            raise SystemExit(f"{tool}: no {args.photos}/{name}.png (python3 bench/fetch_photos.py)")
    return names


def run(command, tool):
    """Runs the command; returns its standard output, or stops with its error."""
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{tool}: {' '.join(command)} failed: {result.stderr.strip()}")
    return result.stdout


def generated(parallax, photo, seed, steps, folder, tool):
    """`parallax init PHOTO --straight` and `generate --seed` under folder: (project, plan as JSON)."""
    project = os.path.join(folder, "project")
    run([parallax, "init", photo, project, "--force", "--straight", "--steps", str(steps)], tool)
    run([parallax, "generate", project, "--restart", "--quiet", "--seed", str(seed)], tool)
    return project, json.loads(run([parallax, "plan", project, "--json"], tool))


def revealed_pairs(parallax, photo, seed, steps, folder, tool, score, minimum_width, inset=0, minimum_rows=0):
    """Per band of a generated project: (score of the last step's revealed columns, score of the
    band's rows in the input), `inset` rows in from the band's edges; None where the fill is
    narrower than `minimum_width`, the band lower than `minimum_rows`, or either score is None."""
    project, plan = generated(parallax, photo, seed, steps, folder, tool)
    last = cv2.imread(os.path.join(project, "steps", f"{steps:06d}.png"), cv2.IMREAD_COLOR)
    first = cv2.imread(os.path.join(project, "steps", "000000.png"), cv2.IMREAD_COLOR)
    width = last.shape[1]
    out = []
    for layer in plan["layers"]:
        top, bottom = layer["top"][-1], layer["bottom"][-1]
        revealed = min(width, int(steps * abs(layer["velocity"][0])))
        if revealed < minimum_width or bottom - top < minimum_rows:
            out.append(None)
            continue
        fill = score(last[top + inset:bottom - inset, width - revealed:])
        given = score(first[top + inset:bottom - inset])
        out.append(None if fill is None or given is None else (fill, given))
    return out


def collect(args, binaries, names, measure):
    """results[label][(name, band)] = [score per seed], from `measure(binary, photo, seed, steps,
    folder)` (a score or None per band); only bands that every binary measured count."""
    seeds = [int(v) for v in args.seeds.split(",")]
    results = {label: {} for label, _ in binaries}
    for name in names:
        for seed in seeds:
            per_binary = {}
            for label, binary in binaries:
                folder = os.path.join(args.work, label, name.replace("/", "-"), f"seed{seed}")
                per_binary[label] = measure(binary, os.path.join(args.photos, name + ".png"), seed, args.steps, folder)
            for band in range(len(per_binary["this"])):
                if all(per_binary[label][band] is not None for label, _ in binaries):
                    for label, _ in binaries:
                        results[label].setdefault((name, band), []).append(per_binary[label][band])
        print(f"{name}: done", file=sys.stderr)
    return results


def run_bench(doc, tool, measure, heading, cell, **defaults):
    """A photo bench's run: the command line (`add_arguments` with the bench's `defaults`), every
    photo, seed and binary measured, `heading(args)` and the table of `cell`s printed. Returns
    (binaries, results) for the bench's own summary."""
    parser = argparse.ArgumentParser(description=doc, formatter_class=argparse.RawDescriptionHelpFormatter)
    add_arguments(parser, **defaults)
    args = parser.parse_args()
    labelled = binaries(args)
    results = collect(args, labelled, photo_names(args, tool), measure)
    print(heading(args))
    print()
    print_table(results, labelled, cell)
    print()
    return labelled, results


def print_table(results, binaries, cell):
    """One row per (photo, band), one column per binary: `cell(scores over the seeds)`."""
    print("| picture | band | " + " | ".join(label for label, _ in binaries) + " |")
    print("|---|---|" + "---|" * len(binaries))
    for key in results["this"]:
        print(f"| {key[0]} | {key[1]} | " + " | ".join(cell(results[label][key]) for label, _ in binaries) + " |")


def mean_of(values, index):
    """The mean over the seeds of each score's `index`-th part."""
    return statistics.mean(v[index] for v in values)
