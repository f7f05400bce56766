#!/usr/bin/env python3
"""Measures parallax against what a user would pick instead; called by bench/run.sh.

Every contender runs once per round, side by side, for RUNS rounds; the figures are medians.
Peak memory is each process's maximum resident set (wait4's ru_maxrss, what /usr/bin/time -v
prints). Writes bench/RESULTS.md.
"""
import argparse
import datetime
import json
import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def log(message):
    print(f"bench: {message}", flush=True)


def run(command, cwd=None, env=None, stdout=subprocess.DEVNULL):
    """Runs one command; returns (seconds, peak RSS in MB). Fails loudly on a non-zero exit."""
    error_path = os.path.join(ARGS.work, "last-stderr.txt")
    with open(error_path, "wb") as error:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=stdout, stderr=error)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        with open(error_path, errors="replace") as error:
            sys.exit(f"bench: failed ({process.returncode}): {shlex.join(command)}\n{error.read()[-3000:]}")
    return elapsed, usage.ru_maxrss / 1024


def run_all(commands):
    """Runs commands one after another; total seconds and the largest peak RSS."""
    total, peak = 0.0, 0.0
    for command in commands:
        seconds, rss = run(command)
        total += seconds
        peak = max(peak, rss)
    return total, peak


def machine():
    cpu = platform.processor() or "unknown"
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    with open("/proc/meminfo") as info:
        memory_kb = int(next(line.split()[1] for line in info if line.startswith("MemTotal")))
    ffmpeg = subprocess.run(["ffmpeg", "-version"], capture_output=True, text=True).stdout.split("\n")[0]
    return {"cores": os.cpu_count(), "cpu": cpu, "memory": f"{memory_kb / 1024 / 1024:.1f} GiB",
            "kernel": platform.release(), "ffmpeg": ffmpeg}


def scene_info(project):
    with open(os.path.join(project, "scene.json")) as handle:
        return json.load(handle)


class Contenders:
    """The command lines of every contender for one project."""

    def __init__(self, binary, project, work, preset, crf):
        self.binary, self.project, self.work = binary, project, work
        self.preset, self.crf = preset, crf
        self.scene = scene_info(project)
        self.x264 = self.encoder_arguments()

    def encoder_arguments(self):
        """The encoder flags exactly as parallax passes them (crf, preset, colour tags and any
        instruction-set ceiling it sets on this host), from the command `parallax graph` prints,
        so every contender encodes with the same settings."""
        words = self.graph_command(self.out("probe.mp4"))
        start = words.index("-c:v")
        end = words.index("-movflags") if "-movflags" in words else len(words) - 1
        return words[start:end]

    def graph_command(self, output):
        line = subprocess.run([self.binary, "graph", self.project, "-o", output,
                               "--script", self.out("graph.lavfi"), "--crf", str(self.crf), "--preset", self.preset],
                              check=True, capture_output=True, text=True).stdout.strip()
        return shlex.split(line)

    def out(self, name):
        return os.path.join(self.work, name)

    def parallax_render(self):
        return [self.binary, "render", self.project, "-o", self.out("parallax.mp4"), "-q",
                "--crf", str(self.crf), "--preset", self.preset]

    def parallax_composite(self):
        return [self.binary, "render", self.project, "--no-encode", "-q"]

    def ffmpeg_script(self):
        """The emitted script run by stock ffmpeg, exactly as `parallax graph` prints it."""
        return self.graph_command(self.out("ffmpeg-script.mp4")) + ["-v", "error", "-nostats"]

    def raw_frames(self, width, height):
        """Writes the render's final yuv420p frames to a raw file once, for the encoder floor."""
        path = self.out("frames.yuv")
        command = self.ffmpeg_script()
        command = command[:command.index("-c:v")] + ["-f", "rawvideo", path]
        run(command)
        self.raw = (path, width, height)

    def encode_floor(self):
        """libx264 with the same settings, reading the very frames parallax encodes from memory."""
        path, width, height = self.raw
        return ["ffmpeg", "-y", "-v", "error", "-nostats", "-f", "rawvideo", "-pix_fmt", "yuv420p",
                "-s", f"{width}x{height}", "-r", str(self.scene["fps"]), "-i", path] + self.x264 + [
                "-movflags", "+faststart", self.out("floor.mp4")]

    def prototype(self, width):
        """The prototype's way: one ffmpeg per layer (crop + overlay slide, encoded), then vstack
        of the layer videos, encoded again."""
        scene = self.scene
        rate, fps = scene["stepsPerSecond"], scene["fps"]
        steps = os.path.join(os.path.abspath(self.project), "steps", "%06d.png")
        frames = int(scene["steps"] * fps / rate)
        u = f"round(t*{fps})*{rate}/{fps}"
        commands, top, layer_videos = [], 0, []
        for index, layer in enumerate(scene["layers"]):
            height, velocity = layer["height"], -layer["speed"] * scene["stepShift"]
            x_now = f"round({u}*({velocity}))-round(floor({u})*({velocity}))"
            x_next = f"round({u}*({velocity}))-round((floor({u})+1)*({velocity}))"
            crop = f"crop={width}:{height}:0:{top}"
            graph = (f"[0:v]fps={fps}:round=up,{crop}[now];[1:v]fps={fps}:round=up,{crop}[next];"
                     f"color=black:s={width}x{height}:r={fps}[canvas];"
                     f"[canvas][next]overlay=x='{x_next}':y=0:eval=frame:shortest=1[under];"
                     f"[under][now]overlay=x='{x_now}':y=0:eval=frame:shortest=1,"
                     f"trim=end_frame={frames},format=yuv420p[v]")
            video = self.out(f"prototype-layer{index}.mp4")
            layer_videos.append(video)
            commands.append(["ffmpeg", "-y", "-v", "error", "-nostats",
                             "-framerate", str(rate), "-i", steps,
                             "-framerate", str(rate), "-start_number", "1", "-i", steps,
                             "-filter_complex", graph, "-map", "[v]"] + self.x264 + [video])
            top += height
        inputs = [argument for video in layer_videos for argument in ("-i", video)]
        commands.append(["ffmpeg", "-y", "-v", "error", "-nostats"] + inputs + [
            "-filter_complex", f"vstack=inputs={len(layer_videos)}[v]", "-map", "[v]"] + self.x264 + [
            "-movflags", "+faststart", self.out("prototype.mp4")])
        return commands

    def moviepy(self, iterate, seconds):
        command = [ARGS.moviepy_python, os.path.join(HERE, "moviepy_slide.py"), self.project]
        if iterate:
            command.append("--iterate")
        else:
            # MoviePy passes crf and preset itself; the rest of parallax's encoder flags go along.
            extra = [word for i, word in enumerate(self.x264[2:]) if word not in ("-crf", "-preset")
                     and self.x264[2:][i - 1] not in ("-crf", "-preset")] if len(self.x264) > 2 else []
            command += [self.out("moviepy.mp4"), "--preset", self.preset, "--crf", str(self.crf),
                        "--ffmpeg-params", shlex.join(extra)]
        return command + ["--seconds", str(seconds)]


def median(values):
    return statistics.median(values)


def main():
    began = time.perf_counter()
    contenders = Contenders(ARGS.binary, ARGS.project, ARGS.work, ARGS.preset, ARGS.crf)
    scene = contenders.scene
    width = 1600
    height = sum(layer["height"] for layer in scene["layers"])
    frames = int(scene["steps"] * scene["fps"] / scene["stepsPerSecond"])
    moviepy_frames = int(ARGS.moviepy_seconds * scene["fps"])
    log(f"{width}x{height}, {len(scene['layers'])} layers, {scene['steps']} steps, {frames} frames; "
        f"x264 crf {ARGS.crf} preset {ARGS.preset}; {ARGS.runs} rounds")
    contenders.raw_frames(width, height)

    names = ["render", "floor", "script", "prototype", "moviepy", "composite", "moviepy_iterate"]
    seconds = {name: [] for name in names}
    peaks = {name: [] for name in names}
    for round_number in range(1, ARGS.runs + 1):
        plan = [
            ("render", lambda: run(contenders.parallax_render())),
            ("floor", lambda: run(contenders.encode_floor())),
            ("script", lambda: run(contenders.ffmpeg_script())),
            ("prototype", lambda: run_all(contenders.prototype(width))),
            ("composite", lambda: run(contenders.parallax_composite())),
        ]
        if ARGS.moviepy_python:
            plan += [
                ("moviepy", lambda: run(contenders.moviepy(False, ARGS.moviepy_seconds))),
                ("moviepy_iterate", lambda: run(contenders.moviepy(True, ARGS.moviepy_seconds))),
            ]
        for name, measure in plan:
            elapsed, peak = measure()
            seconds[name].append(elapsed)
            peaks[name].append(peak)
            log(f"round {round_number}: {name:16} {elapsed:7.2f} s  {peak:7.0f} MB")

    med = {name: median(values) for name, values in seconds.items() if values}
    render_fps = frames / med["render"]
    results = []

    def row(label, value, target, passed, detail):
        results.append((label, value, target, "yes" if passed else "**no**", detail))

    ratio = med["render"] / med["floor"]
    row("render ÷ encoding the same frames alone", f"{ratio:.2f}x", "≤ 1.15x", ratio <= 1.15,
        f"{med['render']:.1f} s vs {med['floor']:.1f} s")
    ratio = med["render"] / med["script"]
    row("render ÷ stock ffmpeg running the emitted script", f"{ratio:.2f}x", "≤ 1.00x", ratio <= 1.0,
        f"{med['render']:.1f} s vs {med['script']:.1f} s")
    ratio = med["prototype"] / med["render"]
    row("prototype (per-layer videos, vstack, re-encode) ÷ render", f"{ratio:.2f}x faster", "≥ 2x", ratio >= 2,
        f"{med['prototype']:.1f} s vs {med['render']:.1f} s")
    if "moviepy" in med:
        moviepy_fps = moviepy_frames / med["moviepy"]
        ratio = render_fps / moviepy_fps
        row("MoviePy whole render (fps) vs render (fps)", f"{ratio:.2f}x faster", "≥ 1.7x", ratio >= 1.7,
            f"{render_fps:.1f} fps vs {moviepy_fps:.1f} fps")
        composite_fps = frames / med["composite"]
        iterate_fps = moviepy_frames / med["moviepy_iterate"]
        ratio = composite_fps / iterate_fps
        row("compositing alone: render --no-encode vs MoviePy iter_frames", f"{ratio:.1f}x the fps", "≥ 4x",
            ratio >= 4, f"{composite_fps:.1f} fps vs {iterate_fps:.1f} fps")
    composite_fps = frames / med["composite"]
    results.append(("compositing alone (`render --no-encode`)", f"{composite_fps:.1f} fps", "", "", f"{med['composite']:.1f} s for {frames} frames"))
    results.append(("whole render", f"{render_fps:.1f} fps", "", "", f"{med['render']:.1f} s for {frames} frames"))

    # Peak memory: the same steps at 20 s and at 120 s of video.
    long_project = os.path.join(ARGS.work, "scene-120s")
    os.makedirs(long_project, exist_ok=True)
    long_scene = dict(scene)
    long_scene["stepsPerSecond"] = f"{scene['steps']}/{ARGS.long_seconds}"
    with open(os.path.join(long_project, "scene.json"), "w") as handle:
        json.dump(long_scene, handle, indent=2)
    steps_link = os.path.join(long_project, "steps")
    if not os.path.lexists(steps_link):
        os.symlink(os.path.abspath(os.path.join(ARGS.project, "steps")), steps_link)
    # Both lengths rendered in full with the same (fast) preset: the encoder's own memory does
    # not depend on the length, and the 120 s render stays short.
    short_seconds, short_peak = run(Contenders(ARGS.binary, ARGS.project, ARGS.work, ARGS.memory_preset, ARGS.crf).parallax_render())
    long_seconds, long_peak = run(Contenders(ARGS.binary, long_project, ARGS.work, ARGS.memory_preset, ARGS.crf).parallax_render())
    log(f"memory: {short_peak:.0f} MB at {frames} frames ({short_seconds:.1f} s), "
        f"{long_peak:.0f} MB at {ARGS.long_seconds} s ({long_seconds:.1f} s)")
    growth = long_peak / short_peak - 1
    row(f"peak memory, {frames // scene['fps']} s vs {ARGS.long_seconds} s of video (preset {ARGS.memory_preset})",
        f"{short_peak:.0f} MB vs {long_peak:.0f} MB",
        "within 15%", abs(growth) <= 0.15, f"{growth * 100:+.1f}%")

    # 4K at 60 fps, a short one.
    four_k = None
    if ARGS.four_k:
        seconds_4k, peak_4k = run(Contenders(ARGS.binary, ARGS.four_k, ARGS.work, ARGS.preset, ARGS.crf).parallax_render())
        composite_4k, composite_peak_4k = run([ARGS.binary, "render", ARGS.four_k, "--no-encode", "-q"])
        scene_4k = scene_info(ARGS.four_k)
        frames_4k = int(scene_4k["steps"] * scene_4k["fps"] / scene_4k["stepsPerSecond"])
        four_k = (frames_4k, seconds_4k, peak_4k, composite_4k, composite_peak_4k)
        log(f"4K: {frames_4k / seconds_4k:.1f} fps whole render, {peak_4k:.0f} MB; "
            f"{frames_4k / composite_4k:.1f} fps compositing, {composite_peak_4k:.0f} MB")

    write_results(scene, frames, width, height, med, peaks, results, four_k, time.perf_counter() - began)


def write_results(scene, frames, width, height, med, peaks, results, four_k, elapsed):
    info = machine()
    lines = [
        "# Benchmark results",
        "",
        f"Measured by `bench/run.sh` on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; "
        f"the measurements took {elapsed / 60:.0f} minutes.",
        "",
        f"- Machine: {info['cores']} cores ({info['cpu']}), {info['memory']} memory, Linux {info['kernel']}",
        f"- {info['ffmpeg']}",
        f"- Scene: {width}x{height}, {len(scene['layers'])} layers, {scene['steps']} steps at "
        f"{scene['stepsPerSecond']} steps/s, {scene['fps']} fps: {frames} frames ({frames // scene['fps']} s), "
        "from `bench/make_scene.py` (procedural texture, a perfect inpainter).",
        f"- Encoding for every contender: `{shlex.join(Contenders(ARGS.binary, ARGS.project, ARGS.work, ARGS.preset, ARGS.crf).x264)}` "
        "(parallax's own encoder flags, read from the command `parallax graph` prints), yuv420p.",
        f"- Each figure is the median of {ARGS.runs} rounds; in each round every contender ran once, "
        "one after another. Peak memory is the process's maximum RSS (wait4, as `/usr/bin/time -v`).",
    ]
    if ARGS.moviepy_python:
        lines.append(f"- MoviePy ran on the first {ARGS.moviepy_seconds:g} s of the same scene "
                     f"({int(ARGS.moviepy_seconds * scene['fps'])} frames) to keep the run short; it is compared "
                     "by frames per second.")
    if ARGS.note:
        lines.append(f"- {ARGS.note}")
    lines += ["", "| Measure | Result | Target | Met | Detail |", "|---|---|---|---|---|"]
    for label, value, target, met, detail in results:
        lines.append(f"| {label} | {value} | {target} | {met} | {detail} |")
    if four_k:
        frames_4k, seconds_4k, peak_4k, composite_4k, composite_peak_4k = four_k
        lines += ["", "## 4K (3840x2160) at 60 fps", "",
                  f"{frames_4k} frames ({frames_4k // 60} s), one run each:", "",
                  "| Measure | fps | Peak memory |", "|---|---|---|",
                  f"| whole render | {frames_4k / seconds_4k:.1f} | {peak_4k:.0f} MB |",
                  f"| compositing alone (`--no-encode`) | {frames_4k / composite_4k:.1f} | {composite_peak_4k:.0f} MB |"]
    lines += ["", "## Raw medians", "", "| Contender | Seconds | Peak memory |", "|---|---|---|"]
    for name, value in med.items():
        lines.append(f"| {name} | {value:.2f} | {median(peaks[name]):.0f} MB |")
    lines += ["", "Contenders: `render` is `parallax render`; `floor` is ffmpeg encoding the render's own yuv420p "
              "frames from a raw file (the encoder alone); `script` is stock ffmpeg running the script "
              "`parallax graph` emits; `prototype` is one ffmpeg per layer (crop + overlay slide, encoded) then "
              "vstack of the four layer videos, encoded again; `moviepy` is `bench/moviepy_slide.py` (ImageClips "
              "with position functions, CompositeVideoClip per layer, clips_array, write_videofile); "
              "`composite` is `parallax render --no-encode`; `moviepy_iterate` is the same MoviePy clip through "
              "`iter_frames()` with no encoder.", ""]
    with open(os.path.join(HERE, "RESULTS.md"), "w") as handle:
        handle.write("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--four-k", help="a 4K 60 fps project to time once")
    parser.add_argument("--work", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--preset", default="medium")
    parser.add_argument("--crf", type=int, default=18)
    parser.add_argument("--moviepy-python", help="a python with moviepy; MoviePy is skipped without it")
    parser.add_argument("--moviepy-seconds", type=float, default=5)
    parser.add_argument("--long-seconds", type=int, default=120)
    parser.add_argument("--memory-preset", default="ultrafast", help="x264 preset of the two memory renders")
    parser.add_argument("--note", help="a line to add to RESULTS.md")
    ARGS = parser.parse_args()
    os.makedirs(ARGS.work, exist_ok=True)
    main()
