#!/usr/bin/env python3
"""Split renders: a segment's render time against the share of the full render it covers (the
range's start must not cost), the join's overhead, and the projected time on N machines.

    bench/segments.sh   (builds release, makes the scene, runs this, updates bench/RESULTS.md)

Every measurement runs in this one process, one after another, ROUNDS rounds, medians reported.
"""
import argparse
import os
import re
import resource
import statistics
import subprocess
import sys
import tempfile
import time

BEGIN, END = "<!-- segments:begin -->", "<!-- segments:end -->"


def timed(arguments):
    """Wall seconds and CPU seconds (user + system) of one run. On a shared machine the CPU
    seconds are the steadier measure: wall time also counts waiting for a core."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.monotonic()
    subprocess.run(arguments, check=True, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL)
    wall = time.monotonic() - began
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def total_frames(parallax, project):
    text = subprocess.run([parallax, "plan", project], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"(\d+) frames", text).group(1))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("parallax")
    parser.add_argument("project")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--preset", default="medium")
    parser.add_argument("--results", default=None, help="RESULTS.md to update between the segment markers")
    arguments = parser.parse_args()
    parallax, project = arguments.parallax, arguments.project
    total = total_frames(parallax, project)
    size = re.search(r"image (\d+x\d+)", subprocess.run([parallax, "plan", project], check=True, capture_output=True,
                                                       text=True).stdout)
    flags = ["-q", "--preset", arguments.preset]
    work = tempfile.mkdtemp(prefix="parallax-segments-")
    quarters = [(index * total // 4, (index + 1) * total // 4) for index in range(4)]
    eighths = {"first eighth": (0, total // 8), "last eighth": (total - total // 8, total)}
    runs = {name: [] for name in ["full", "join"] + [f"quarter {i}" for i in range(4)] + list(eighths)}
    for _ in range(arguments.rounds):
        runs["full"].append(timed([parallax, "render", project, "-o", f"{work}/full.mp4", *flags]))
        parts = []
        for index, (start, end) in enumerate(quarters):
            parts.append(f"{work}/part{index}.mp4")
            runs[f"quarter {index}"].append(timed([parallax, "render", project, "-o", parts[-1],
                                                   "--frames", f"{start}:{end}", *flags]))
        for name, (start, end) in eighths.items():
            runs[name].append(timed([parallax, "render", project, "-o", f"{work}/eighth.mp4",
                                     "--frames", f"{start}:{end}", *flags]))
        runs["join"].append(timed([parallax, "concat", "-q", "-o", f"{work}/joined.mp4", "--project", project, *parts]))
    load = os.getloadavg()[0]
    wall = {name: statistics.median(value[0] for value in values) for name, values in runs.items()}
    median = {name: statistics.median(value[1] for value in values) for name, values in runs.items()}
    full = median["full"]
    rows = [("full render", total, 1.0, full, wall["full"])]
    rows += [(f"quarter {i} (frames {s}:{e})", e - s, (e - s) / total, median[f"quarter {i}"], wall[f"quarter {i}"])
             for i, (s, e) in enumerate(quarters)]
    rows += [(f"{name} (frames {s}:{e})", e - s, (e - s) / total, median[name], wall[name])
             for name, (s, e) in eighths.items()]
    # Time = fixed + share x variable, fitted on the segments (least squares).
    shares = [row[2] for row in rows[1:]]
    seconds = [row[3] for row in rows[1:]]
    mean_share, mean_seconds = statistics.mean(shares), statistics.mean(seconds)
    slope = sum((x - mean_share) * (y - mean_seconds) for x, y in zip(shares, seconds)) / \
        sum((x - mean_share) ** 2 for x in shares)
    fixed = mean_seconds - slope * mean_share
    join = median["join"]
    full_wall = wall["full"]
    lines = [BEGIN, "## Split renders (`bench/segments.sh`)", "",
             f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}, {arguments.rounds} rounds, medians; "
             f"{size.group(1) if size else '?'}, {total} frames, preset {arguments.preset}, on this one machine (the segments one after another; "
             f"load average {load:.1f} at the end). CPU seconds (user + system) are the measure: on a shared "
             f"machine wall time also counts waiting for a core.", "",
             "| Render | Frames | Share | CPU s | CPU s ÷ (share × full) | Wall s |", "|---|---|---|---|---|---|"]
    for name, frames, share, took, elapsed in rows:
        lines.append(f"| {name} | {frames} | {share:.3f} | {took:.2f} | {took / (share * full):.2f} | {elapsed:.2f} |")
    last, first = median["last eighth"], median["first eighth"]
    quarter_sum = sum(median[f"quarter {i}"] for i in range(4))
    lines += ["",
              f"- The range's start does not cost: the last eighth takes {last / first:.2f}x the first eighth "
              f"({last:.2f} s vs {first:.2f} s).",
              f"- The four quarters together: {quarter_sum:.2f} s, {quarter_sum / full:.2f}x the full render "
              f"(each part is a closed video: its own first key frame and encoder start-up).",
              f"- Fit: a segment costs {fixed:.2f} s + share × {slope:.2f} s.",
              f"- Join (`concat --project`, stream copy plus the sound rendered once): {join:.2f} CPU s "
              f"({wall['join']:.2f} s wall), **{100 * join / full:.2f} % of the full render** (target ≤ 2 %).", "",
              "Projected time on N machines like this one, one segment each: the fit at share 1/N plus the "
              "join, in CPU seconds, and as wall time scaled by the full render's wall ÷ CPU "
              f"({full_wall / full:.2f}); storage and scheduling not counted.", "",
              "| N | CPU s per machine | Wall s | Speed-up |", "|---|---|---|---|"]
    for machines in (1, 2, 4, 8, 16, 32):
        projected = full if machines == 1 else max(fixed, 0) + slope / machines + join
        lines.append(f"| {machines} | {projected:.1f} | {projected * full_wall / full:.1f} | {full / projected:.1f}x |")
    lines.append(END)
    text = "\n".join(lines)
    print(text)
    if arguments.results:
        old = open(arguments.results).read() if os.path.exists(arguments.results) else ""
        if BEGIN in old and END in old:
            new = old[:old.index(BEGIN)] + text + old[old.index(END) + len(END):]
        else:
            new = old.rstrip("\n") + "\n\n" + text + "\n"
        open(arguments.results, "w").write(new)


if __name__ == "__main__":
    sys.exit(main())
