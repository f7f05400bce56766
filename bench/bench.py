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
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))


def log(message):
    print(f"bench: {message}", flush=True)


def run(command, cwd=None, env=None, output=None):
    """Runs one command; returns (seconds, peak RSS in MB). Fails loudly on a non-zero exit.
    With `output` (a list), the command's stdout is appended to it."""
    error_path = os.path.join(ARGS.work, "last-stderr.txt")
    out_path = os.path.join(ARGS.work, "last-stdout.txt")
    with open(error_path, "wb") as error, open(out_path, "wb") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=out, stderr=error)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        with open(error_path, errors="replace") as error:
            sys.exit(f"bench: failed ({process.returncode}): {shlex.join(command)}\n{error.read()[-3000:]}")
    if output is not None:
        with open(out_path, errors="replace") as out:
            output.append(out.read())
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

    def parallax_startup(self):
        """What every parallax run pays before its graph: process start, the scene and the step
        folder's checks (`parallax plan` does just that)."""
        return [self.binary, "plan", self.project]

    def ffmpeg_script(self):
        """The emitted script run by stock ffmpeg, exactly as `parallax graph` prints it."""
        return self.graph_command(self.out("ffmpeg-script.mp4")) + ["-v", "error", "-nostats"]

    def lossless_frames(self):
        """Writes the render's final yuv420p frames once, losslessly (FFV1), for the encoder floor:
        the very frames parallax encodes, without a 1.5 GB raw file."""
        path = self.out("frames.mkv")
        command = self.ffmpeg_script()
        with open(self.out("graph.lavfi")) as handle:
            made_from = handle.read() + shlex.join(command)
        stamp = path + ".made-from"
        if not (os.path.exists(path) and os.path.exists(stamp) and open(stamp).read() == made_from):
            run(command[:command.index("-c:v")] + ["-c:v", "ffv1", "-slices", "4", "-threads", "2", path])
            with open(stamp, "w") as handle:
                handle.write(made_from)
        self.lossless = path

    def encode_floor(self):
        """libx264 with the same settings on the same frames, decoded from the FFV1 copy."""
        return ["ffmpeg", "-y", "-v", "error", "-nostats", "-i", self.lossless] + self.x264 + [
                "-movflags", "+faststart", self.out("floor.mp4")]

    def decode_floor_input(self):
        """Decoding the FFV1 copy alone: what the floor spends besides encoding."""
        return ["ffmpeg", "-v", "error", "-nostats", "-i", self.lossless, "-f", "null", "-"]

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

    def moviepy(self, iterate):
        """MoviePy on this project, whole; it prints its phases' timings (start-up, PNG loading,
        clip building, compositing or rendering) as JSON."""
        command = [ARGS.moviepy_python, os.path.join(HERE, "moviepy_slide.py"), self.project]
        if iterate:
            command.append("--iterate")
        else:
            # MoviePy passes crf and preset itself; the rest of parallax's encoder flags go along.
            extra = [word for i, word in enumerate(self.x264[2:]) if word not in ("-crf", "-preset")
                     and self.x264[2:][i - 1] not in ("-crf", "-preset")] if len(self.x264) > 2 else []
            command += [self.out("moviepy.mp4"), "--preset", self.preset, "--crf", str(self.crf),
                        "--ffmpeg-params", shlex.join(extra)]
        return command


def run_moviepy(command):
    """Runs MoviePy; (seconds, peak MB, its own phase timings)."""
    output = []
    # Flags after the positionals: argparse takes PROJECT [OUTPUT] in one go.
    seconds, peak = run(command + ["--timings", "--launched-at", repr(time.time())], output=output)
    lines = [line for line in output[0].splitlines() if line.startswith("{")]
    return seconds, peak, json.loads(lines[-1])


def short_project(project, seconds, work):
    """The first `seconds` of `project` as a project of its own (the same step images, fewer
    steps), so MoviePy and parallax are compared on exactly the same frames."""
    scene = scene_info(project)
    directory = os.path.join(work, f"scene-{seconds}s")
    os.makedirs(directory, exist_ok=True)
    short = dict(scene)
    short["steps"] = int(seconds * float(Fraction(str(scene["stepsPerSecond"]))))
    with open(os.path.join(directory, "scene.json"), "w") as handle:
        json.dump(short, handle, indent=2)
    steps_link = os.path.join(directory, "steps")
    if not os.path.lexists(steps_link):
        os.symlink(os.path.abspath(os.path.join(project, "steps")), steps_link)
    return directory


def median(values):
    return statistics.median(values)


def main():
    began = time.perf_counter()
    contenders = Contenders(ARGS.binary, ARGS.project, ARGS.work, ARGS.preset, ARGS.crf)
    scene = contenders.scene
    width = 1600
    height = sum(layer["height"] for layer in scene["layers"])
    frames = int(scene["steps"] * scene["fps"] / scene["stepsPerSecond"])
    short = Contenders(ARGS.binary, short_project(ARGS.project, ARGS.moviepy_seconds, ARGS.work), ARGS.work,
                       ARGS.preset, ARGS.crf)
    short_frames = int(short.scene["steps"] * scene["fps"] / scene["stepsPerSecond"])
    log(f"{width}x{height}, {len(scene['layers'])} layers, {scene['steps']} steps, {frames} frames; "
        f"x264 crf {ARGS.crf} preset {ARGS.preset}; {ARGS.runs} rounds; MoviePy rows on {short_frames} frames")
    contenders.lossless_frames()

    seconds, peaks, phases = {}, {}, {}

    def record(name, elapsed, peak):
        seconds.setdefault(name, []).append(elapsed)
        peaks.setdefault(name, []).append(peak)

    for round_number in range(1, ARGS.runs + 1):
        plan = [
            ("startup", lambda: run(contenders.parallax_startup())),
            ("render", lambda: run(contenders.parallax_render())),
            ("floor", lambda: run(contenders.encode_floor())),
            ("floor_decode", lambda: run(contenders.decode_floor_input())),
            ("script", lambda: run(contenders.ffmpeg_script())),
            ("prototype", lambda: run_all(contenders.prototype(width))),
            ("composite", lambda: run(contenders.parallax_composite())),
        ]
        if ARGS.moviepy_python:
            plan += [
                ("render_short", lambda: run(short.parallax_render())),
                ("composite_short", lambda: run(short.parallax_composite())),
            ]
        for name, measure in plan:
            if name in ARGS.skip:
                continue
            elapsed, peak = measure()
            record(name, elapsed, peak)
            log(f"round {round_number}: {name:16} {elapsed:7.2f} s  {peak:7.0f} MB")
        if ARGS.moviepy_python:
            for name, iterate in (("moviepy", False), ("moviepy_iterate", True)):
                elapsed, peak, timing = run_moviepy(short.moviepy(iterate))
                record(name, elapsed, peak)
                for phase in ("startup", "load", "build", "run"):
                    phases.setdefault(name, {}).setdefault(phase, []).append(timing[phase])
                if timing["frames"] != short_frames:
                    sys.exit(f"bench: MoviePy made {timing['frames']} frames, parallax {short_frames}")
                log(f"round {round_number}: {name:16} {elapsed:7.2f} s  {peak:7.0f} MB  "
                    + " ".join(f"{phase} {timing[phase]:.2f}" for phase in ("startup", "load", "build", "run")))

    med = {name: median(values) for name, values in seconds.items() if values}
    phase = {name: {key: median(values) for key, values in parts.items()} for name, parts in phases.items()}
    startup = med["startup"]
    render_fps = frames / med["render"]
    results = []

    def row(label, value, target, passed, detail):
        results.append((label, value, target, "yes" if passed else "**no**", detail))

    encoder_alone = med["floor"] - med["floor_decode"]
    ratio = med["render"] / encoder_alone
    row("render ÷ encoding the same frames alone", f"{ratio:.2f}x", "≤ 1.15x", ratio <= 1.15,
        f"{med['render']:.1f} s vs {encoder_alone:.1f} s (floor {med['floor']:.1f} s minus decoding its "
        f"FFV1 input {med['floor_decode']:.1f} s; with the decoding {med['render'] / med['floor']:.2f}x)")
    if "script" in med:
        ratio = med["render"] / med["script"]
        row("render ÷ stock ffmpeg running the emitted script", f"{ratio:.2f}x", "≤ 1.00x", ratio <= 1.0,
            f"{med['render']:.1f} s vs {med['script']:.1f} s")
    if "prototype" in med:
        ratio = med["prototype"] / med["render"]
        row("prototype (per-layer videos, vstack, re-encode) ÷ render", f"{ratio:.2f}x faster", "≥ 2x", ratio >= 2,
            f"{med['prototype']:.1f} s vs {med['render']:.1f} s")
    if "moviepy" in med:
        # Both sides on the same frames, both without their start-up (reported beside).
        ours = med["render_short"] - startup
        theirs = med["moviepy"] - phase["moviepy"]["startup"]
        ratio = theirs / ours
        row(f"MoviePy whole render ÷ render, {short_frames} frames each, start-up excluded",
            f"{ratio:.2f}x faster", "≥ 1.7x", ratio >= 1.7,
            f"{ours:.1f} s vs {theirs:.1f} s; whole processes {med['render_short']:.1f} s vs {med['moviepy']:.1f} s "
            f"(start-up {startup:.2f} s vs {phase['moviepy']['startup']:.2f} s)")
        ours = med["composite_short"] - startup
        iterate = phase["moviepy_iterate"]
        theirs = iterate["load"] + iterate["build"] + iterate["run"]
        ratio = theirs / ours
        row(f"compositing alone: render --no-encode vs MoviePy iter_frames, {short_frames} frames each, "
            "PNG decoding included, start-up excluded", f"{ratio:.1f}x faster", "≥ 4x", ratio >= 4,
            f"{short_frames / ours:.1f} fps vs {short_frames / theirs:.1f} fps ({ours:.2f} s vs {theirs:.2f} s; "
            f"MoviePy's own timers: PNG loading {iterate['load']:.2f} s, clips {iterate['build']:.2f} s, "
            f"iter_frames {iterate['run']:.2f} s)")
    composite_fps = frames / med["composite"]
    results.append(("compositing alone (`render --no-encode`)", f"{composite_fps:.1f} fps", "", "",
                    f"{med['composite']:.1f} s for {frames} frames (start-up included)"))
    results.append(("whole render", f"{render_fps:.1f} fps", "", "", f"{med['render']:.1f} s for {frames} frames"))
    results.append(("start-up (`parallax plan`: process, scene and step-folder checks)", f"{startup:.2f} s", "", "",
                    "paid once per run, by every parallax contender"))

    # The timing rows are written now, so a run stopped during the memory pair still leaves them.
    write_results(scene, frames, short_frames, width, height, med, peaks, results, None,
                  time.perf_counter() - began, load_average(), pending="the memory pair and the 4K render")

    # Peak memory: the same steps at 20 s and at 120 s of video, each length rendered RUNS times.
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
    short_peaks, long_peaks = [], []
    for round_number in range(1, ARGS.memory_runs + 1):
        short_seconds, short_peak = run(Contenders(ARGS.binary, ARGS.project, ARGS.work, ARGS.memory_preset, ARGS.crf).parallax_render())
        long_seconds, long_peak = run(Contenders(ARGS.binary, long_project, ARGS.work, ARGS.memory_preset, ARGS.crf).parallax_render())
        short_peaks.append(short_peak)
        long_peaks.append(long_peak)
        log(f"round {round_number}: memory {short_peak:.0f} MB at {frames} frames ({short_seconds:.1f} s), "
            f"{long_peak:.0f} MB at {ARGS.long_seconds} s ({long_seconds:.1f} s)")
    short_peak, long_peak = median(short_peaks), median(long_peaks)
    growth = long_peak / short_peak - 1
    row(f"peak memory, {frames // scene['fps']} s vs {ARGS.long_seconds} s of video (preset {ARGS.memory_preset}), "
        f"median of {ARGS.memory_runs}", f"{short_peak:.0f} MB vs {long_peak:.0f} MB",
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

    write_results(scene, frames, short_frames, width, height, med, peaks, results, four_k,
                  time.perf_counter() - began, load_average())


def load_average():
    """The 1-minute load average now, for the note on a shared machine."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def write_results(scene, frames, short_frames, width, height, med, peaks, results, four_k, elapsed, load,
                  pending=None):
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
        (f"- Each figure is the median of {ARGS.runs} rounds; in each round every contender ran once, "
         if ARGS.runs > 1 else "- One round (no medians): every contender ran once, ")
        + "one after another, so each ratio compares runs made side by side. The memory pair is the "
        f"median of {ARGS.memory_runs} runs of each length. Peak memory is the "
        "process's maximum RSS (wait4, as `/usr/bin/time -v`).",
        "- Every contender of a row works on the same frames: the first four rows on all "
        f"{frames}; the MoviePy rows on the first {short_frames} ({ARGS.moviepy_seconds:g} s, the same "
        "step images as a project of its own), parallax included. Start-up is reported apart: "
        "parallax's is `parallax plan` on the project (process start, scene and step-folder "
        "checks), MoviePy's runs from process start through its imports (its script times itself).",
    ]
    if load is not None:
        lines.append(f"- Taken under load: the machine was shared with other engineers' builds and tests "
                     f"(load average {load:.1f} on {info['cores']} cores at the end). Absolute times are "
                     "slower and noisier than on an idle machine; read the ratios, measured side by side.")
    if pending:
        lines.append(f"- Not measured yet (the run was stopped or is still going): {pending}.")
    if ARGS.skip:
        lines.append(f"- Not run this time: {', '.join(sorted(ARGS.skip))} (`--skip`); their rows are missing below.")
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
    lines += ["", "Contenders: `startup` is `parallax plan` (start-up alone); `render` is `parallax render`; "
              "`floor` is stock ffmpeg encoding the render's own yuv420p frames, decoded from a lossless FFV1 "
              "copy, and `floor_decode` is decoding that copy alone (the encoder alone is floor minus "
              "floor_decode); `script` is stock ffmpeg running the script "
              "`parallax graph` emits; `prototype` is one ffmpeg per layer (crop + overlay slide, encoded) then "
              "vstack of the four layer videos, encoded again; `composite` is `parallax render --no-encode`; "
              "`render_short` and `composite_short` are the same on the MoviePy rows' frames; `moviepy` is "
              "`bench/moviepy_slide.py` (ImageClips with position functions, CompositeVideoClip per layer, "
              "clips_array, write_videofile); `moviepy_iterate` is the same MoviePy clip through "
              "`iter_frames()` with no encoder.", ""]
    with open(os.path.join(HERE, "RESULTS.md"), "w") as handle:
        handle.write("\n".join(lines))
    if not pending:
        print("\n".join(lines))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--project", required=True)
    parser.add_argument("--four-k", help="a 4K 60 fps project to time once")
    parser.add_argument("--no-4k", action="store_true", help="leave the 4K render out")
    parser.add_argument("--work", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--preset", default="medium")
    parser.add_argument("--crf", type=int, default=18)
    parser.add_argument("--moviepy-python", help="a python with moviepy; MoviePy is skipped without it")
    parser.add_argument("--moviepy-seconds", type=int, default=5, help="the MoviePy rows' length (whole seconds)")
    parser.add_argument("--long-seconds", type=int, default=120)
    parser.add_argument("--memory-preset", default="ultrafast", help="x264 preset of the two memory renders")
    parser.add_argument("--memory-runs", type=int, help="runs of each memory render (default: --runs)")
    parser.add_argument("--note", help="a line to add to RESULTS.md")
    parser.add_argument("--skip", default="", help="contenders not to run, comma separated (script,prototype)")
    ARGS = parser.parse_args()
    ARGS.skip = {name for name in ARGS.skip.split(",") if name}
    ARGS.memory_runs = ARGS.memory_runs or ARGS.runs
    if ARGS.no_4k:
        ARGS.four_k = None
    os.makedirs(ARGS.work, exist_ok=True)
    main()
