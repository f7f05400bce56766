#!/usr/bin/env python3
"""Measures parallax against the encoder alone, against itself before issue #10, and against what
a user would pick instead; called by bench/run.sh.

Every contender runs once per round, side by side, for RUNS rounds; the figures are medians.
Peak memory is each process's maximum resident set and CPU its user + system time, both from
wait4 (what /usr/bin/time -v prints). Writes its own section of bench/RESULTS.md (between the
bench markers), leaving the other sections alone.
"""
import argparse
import datetime
import glob
import json
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
BEGIN, END = "<!-- bench:begin -->", "<!-- bench:end -->"
# The step PNGs a binary's step loop may write (bench/step_png.c settings): before issue #10
# libpng's simplified writer, since then stored and unfiltered. Which one each binary writes is
# found at the start of a run (find_step_encodings).
KNOWN_STEP_ENCODINGS = ["0:none", "simplified-fast"]
STEP_ENCODING = {}


def log(message):
    print(f"bench: {message}", flush=True)


class Measure:
    """One process: wall seconds, CPU seconds (user + system) and peak RSS in MB."""

    def __init__(self, seconds, cpu, peak):
        self.seconds, self.cpu, self.peak = seconds, cpu, peak


def run(command, cwd=None, env=None, output=None):
    """Runs one command; returns its Measure. Fails loudly on a non-zero exit. With `output` (a
    list), the command's stdout is appended to it."""
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
    return Measure(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


def run_all(commands):
    """Runs commands one after another; total seconds and CPU, the largest peak RSS."""
    measures = [run(command) for command in commands]
    return Measure(sum(m.seconds for m in measures), sum(m.cpu for m in measures), max(m.peak for m in measures))


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


def frame_count(scene):
    return int(scene["steps"] * Fraction(str(scene["fps"])) / Fraction(str(scene["stepsPerSecond"])))


def png_size(path):
    with open(path, "rb") as handle:
        header = handle.read(24)
    return int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")


class Contenders:
    """The command lines of every contender for one project and one parallax binary."""

    def __init__(self, binary, project, work, preset, crf):
        self.binary, self.project, self.work = binary, project, work
        self.preset, self.crf = preset, crf
        self.scene = scene_info(project)
        os.makedirs(work, exist_ok=True)
        self.x264 = self.encoder_arguments()

    def encoder_arguments(self):
        """The encoder flags exactly as parallax passes them (crf, preset, colour tags and any
        instruction-set ceiling it sets on this host), from the command `parallax graph` prints,
        so every contender encodes with the same settings."""
        words = self.graph_command(self.out("probe.mp4"))
        start = words.index("-c:v")
        end = words.index("-movflags") if "-movflags" in words else len(words) - 1
        return words[start:end]

    def graph_command(self, output, script=None):
        line = subprocess.run([self.binary, "graph", self.project, "-o", output,
                               "--script", script or self.out("graph.lavfi"), "--crf", str(self.crf),
                               "--preset", self.preset], check=True, capture_output=True, text=True).stdout.strip()
        return shlex.split(line)

    def out(self, name):
        return os.path.join(self.work, name)

    def render(self, extra=()):
        return [self.binary, "render", self.project, "-o", self.out("parallax.mp4"), "-q",
                "--crf", str(self.crf), "--preset", self.preset, *extra]

    def composite(self):
        return [self.binary, "render", self.project, "--no-encode", "-q"]

    def startup(self):
        """What every parallax run pays before its graph: process start, the scene and the step
        folder's checks (`parallax plan` does just that)."""
        return [self.binary, "plan", self.project]

    def ffmpeg_script(self):
        """The emitted script run by stock ffmpeg, exactly as `parallax graph` prints it."""
        return self.graph_command(self.out("ffmpeg-script.mp4")) + ["-v", "error", "-nostats"]

    def raw_frames(self):
        """Writes the render's final yuv420p frames once as raw video (stock ffmpeg running the
        emitted script, whose frames parity tests hold identical to the render's); returns the
        path. Remade when the script changes."""
        path = self.out("frames.yuv")
        command = self.ffmpeg_script()
        with open(self.out("graph.lavfi")) as handle:
            made_from = handle.read() + shlex.join(command)
        stamp = path + ".made-from"
        if not (os.path.exists(path) and os.path.exists(stamp) and open(stamp).read() == made_from):
            run(command[:command.index("-c:v")] + ["-f", "rawvideo", "-pix_fmt", "yuv420p", "-y", path])
            with open(stamp, "w") as handle:
                handle.write(made_from)
        width, height = self.size()
        expected = frame_count(self.scene) * width * height * 3 // 2
        if os.path.getsize(path) != expected:
            sys.exit(f"bench: {path} holds {os.path.getsize(path)} bytes, {expected} expected")
        return path

    def size(self):
        return png_size(os.path.join(self.project, "steps", "000000.png"))

    def encoder_alone(self, frames_path):
        """libx264 with parallax's flags on the render's own frames, read raw (reading costs
        next to nothing): the encoder's time and memory alone."""
        width, height = self.size()
        return ["ffmpeg", "-y", "-v", "error", "-nostats", "-f", "rawvideo", "-pix_fmt", "yuv420p",
                "-s", f"{width}x{height}", "-framerate", str(self.scene["fps"]), "-i", frames_path] + self.x264 + [
                "-movflags", "+faststart", self.out("x264-alone.mp4")]

    def prototype(self):
        """The prototype's way: one ffmpeg per layer (crop + overlay slide, encoded), then vstack
        of the layer videos, encoded again."""
        scene = self.scene
        width, _ = self.size()
        rate, fps = scene["stepsPerSecond"], scene["fps"]
        steps = os.path.join(os.path.abspath(self.project), "steps", "%06d.png")
        frames = frame_count(scene)
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


# ---------------------------------------------------------------------------------------------
# Per-stage CPU, read off the script each binary emits, so it follows the graph's shape (the
# colour conversion per frame before issue #10; per step, then a chroma subsample per frame, after).

def statements(script):
    """The script's statements: (input labels, filter text, output labels), one per `;`."""
    result = []
    for text in re.split(r";\s*\n", script.strip().rstrip(";")):
        text = text.strip()
        inputs = re.findall(r"^\[([^\]]+)\]", text)
        while text.startswith("["):
            text = text[text.index("]") + 1:]
            if text.startswith("["):
                inputs += re.findall(r"^\[([^\]]+)\]", text)
        outputs = []
        while text.endswith("]"):
            start = text.rindex("[")
            outputs.insert(0, text[start + 1:-1])
            text = text[:start]
        result.append((inputs, text, outputs))
    return result


def split_filters(chain):
    """A chain's filters, split at commas that are not escaped or quoted."""
    filters, current, quoted, escaped = [], "", False, False
    for char in chain:
        if escaped:
            current += char
            escaped = False
        elif char == "\\":
            current += char
            escaped = True
        elif char == "'":
            current += char
            quoted = not quoted
        elif char == "," and not quoted:
            filters.append(current)
            current = ""
        else:
            current += char
    filters.append(current)
    return filters


def per_frame(filter_text, steps_per_second):
    """Whether a filter brings in the frame rate: an fps filter, or a source (canvas) whose rate
    is not the step rate. A filter's output is per frame when it is, or when an input is."""
    name, _, arguments = filter_text.partition("=")
    if name == "fps":
        return True
    if name in ("color", "nullsrc", "testsrc"):
        rate = re.search(r"(?:^|:)r(?:ate)?=([^:]+)", arguments)
        return rate is not None and Fraction(rate.group(1)) != Fraction(str(steps_per_second))
    return False


class Stages:
    """Where a binary's script decodes and converts: the `movie` sources, and each colour
    conversion (a `scale` with what follows it in its chain) with its input format and whether
    it runs per frame or per step."""

    def __init__(self, script, steps_per_second, fps):
        self.sources, self.conversions = [], []
        parts = statements(script)
        produced = {}
        for inputs, chain, outputs in parts:
            for label in outputs:
                produced[label] = (inputs, chain)
        frame_rate_of = {}

        def is_frame_rate(label):
            if label in frame_rate_of:
                return frame_rate_of[label]
            inputs, chain = produced.get(label, ([], ""))
            answer = any(per_frame(f, steps_per_second) for f in split_filters(chain)) or \
                any(is_frame_rate(i) for i in inputs)
            frame_rate_of[label] = answer
            return answer

        def format_of(label, before=None):
            inputs, chain = produced.get(label, ([], ""))
            filters = split_filters(chain)
            if before is not None:
                filters = filters[:before]
            for f in reversed(filters):
                found = re.search(r"(?:pix_fmts|format)=(gbrp|yuv4[0-9]{2}p?|rgb24|rgba|gray)", f)
                if found:
                    return found.group(1) + ("p" if found.group(1).startswith("yuv") and not found.group(1).endswith("p") else "")
            return format_of(inputs[0]) if inputs else "gbrp"

        def cropped_size(filters, inputs):
            """The size of the last crop in a chain, or of the stack of its inputs' last crops."""
            for g in reversed(filters):
                found = re.match(r"crop=w=(\d+):h=(\d+):", g)
                if found:
                    return (int(found.group(1)), int(found.group(2)))
                stack = re.match(r"([vh])stack=", g)
                if stack:
                    sizes = [cropped_size(split_filters(chain), chain_inputs)
                             for chain_inputs, chain in (produced.get(i, ([], "")) for i in inputs)]
                    if not sizes or None in sizes:
                        return None
                    if stack.group(1) == "v":
                        return (sizes[0][0], sum(h for _, h in sizes))
                    return (sum(w for w, _ in sizes), sizes[0][1])
            return None

        for inputs, chain, outputs in parts:
            filters = split_filters(chain)
            if filters[0].startswith("movie="):
                self.sources.append(filters[0])
            for index, f in enumerate(filters):
                if f.startswith("scale="):
                    tail = [g for g in filters[index + 1:] if g.split("=", 1)[0] in ("format", "setparams")]
                    label = "\0self"
                    produced[label] = (inputs, ",".join(filters[:index]))
                    # A picture cropped before it (a band, a phase of one, or a seam's rows
                    # stacked) is that size.
                    size = cropped_size(filters[:index], inputs)
                    self.conversions.append({
                        "filters": ",".join([f] + tail),
                        "input": format_of(label),
                        "per_frame": is_frame_rate(label),
                        "size": size,
                    })
                    frame_rate_of.pop(label, None)


def stage_cpu(binary_name, contenders, encoder_cpu):
    """CPU seconds per stage for one binary on one project: decode (the script's `movie` sources
    alone), conversion (each conversion filter alone on frames of its size and format, as many
    as it converts: one per frame or one per step), composite (`render --no-encode` minus those
    two) and encode (x264 alone)."""
    scene = contenders.scene
    width, height = contenders.size()
    frames = frame_count(scene)
    step_files = len(glob.glob(os.path.join(contenders.project, "steps", "[0-9]" * 6 + ".png")))
    step_pictures = min(scene["steps"] + 2, step_files)
    script_path = contenders.out(f"stages-{binary_name}.lavfi")
    contenders.graph_command(contenders.out("stages.mp4"), script=script_path)
    with open(script_path) as handle:
        stages = Stages(handle.read(), scene["stepsPerSecond"], scene["fps"])
    decode_script = contenders.out(f"decode-{binary_name}.lavfi")
    with open(decode_script, "w") as handle:
        handle.write(";\n".join(f"{source}[d{i}]" for i, source in enumerate(stages.sources)))
    maps = [word for i in range(len(stages.sources)) for word in ("-map", f"[d{i}]")]
    decode = run(["ffmpeg", "-v", "error", "-nostats", "-filter_complex_script", decode_script] + maps
                 + ["-f", "null", "-"]).cpu
    # ffmpeg's own start (process, libraries, an empty graph) is not decoding.
    start = run(["ffmpeg", "-v", "error", "-nostats", "-f", "lavfi", "-i", "nullsrc=s=16x16:d=0.04", "-f", "null", "-"]).cpu
    decode = max(decode - start, 0.0)
    conversion, described = 0.0, []
    for conversion_filter in stages.conversions:
        count = frames if conversion_filter["per_frame"] else step_pictures
        w, h = conversion_filter["size"] or (width, height)
        source = (f"color=c=gray:s={w}x{h}:r={scene['fps']},format=pix_fmts={conversion_filter['input']},"
                  f"trim=end_frame={count}")
        timed = run(["ffmpeg", "-v", "error", "-nostats", "-f", "lavfi", "-i", source,
                     "-vf", conversion_filter["filters"], "-f", "null", "-"]).cpu
        baseline = run(["ffmpeg", "-v", "error", "-nostats", "-f", "lavfi", "-i", source, "-f", "null", "-"]).cpu
        conversion += max(timed - baseline, 0.0)
        described.append(f"{conversion_filter['input']} → {conversion_filter['filters'].split('pix_fmts=')[-1].split(',')[0]} "
                         f"{w}x{h} ×{count} ({'per frame' if conversion_filter['per_frame'] else 'per step'})")
    composite_cpu = run(contenders.composite()).cpu
    return {"decode": decode, "conversion": conversion, "composite": max(composite_cpu - decode - conversion, 0.0),
            "no_encode_total": composite_cpu, "encode": encoder_cpu, "conversions": described,
            "sources": len(stages.sources)}


# ---------------------------------------------------------------------------------------------

def run_moviepy(command):
    """Runs MoviePy; (Measure, its own phase timings)."""
    output = []
    # Flags after the positionals: argparse takes PROJECT [OUTPUT] in one go.
    measure = run(command + ["--timings", "--launched-at", repr(time.time())], output=output)
    lines = [line for line in output[0].splitlines() if line.startswith("{")]
    return measure, json.loads(lines[-1])


def derived_project(project, directory, scene_edit=None):
    """A project of its own in `directory` over the same step images (a symlink), its scene
    edited by `scene_edit`."""
    scene = scene_info(project)
    os.makedirs(directory, exist_ok=True)
    if scene_edit:
        scene_edit(scene)
    with open(os.path.join(directory, "scene.json"), "w") as handle:
        json.dump(scene, handle, indent=2)
    steps_link = os.path.join(directory, "steps")
    target = os.path.abspath(os.path.join(project, "steps"))
    if os.path.islink(steps_link) and os.readlink(steps_link) != target:
        os.remove(steps_link)
    if not os.path.lexists(steps_link):
        os.symlink(target, steps_link)
    return directory


def encoded_project(project, directory, setting):
    """`project` with its step images rewritten as a binary's step loop writes them (same
    pixels; bench/step_png.c), remade when the source steps or the setting change."""
    files = sorted(glob.glob(os.path.join(project, "steps", "[0-9]" * 6 + ".png")))
    stamp = f"{setting} " + " ".join(f"{os.path.basename(f)}:{os.path.getsize(f)}:{os.path.getmtime(f)}" for f in files)
    stamp_path = os.path.join(directory, ".made-from")
    steps = os.path.join(directory, "steps")
    if not (os.path.exists(stamp_path) and open(stamp_path).read() == stamp):
        shutil.rmtree(directory, ignore_errors=True)
        os.makedirs(steps)
        run([ARGS.step_png, steps, setting] + files)
        with open(stamp_path, "w") as handle:
            handle.write(stamp)
    shutil.copy(os.path.join(project, "scene.json"), os.path.join(directory, "scene.json"))
    return directory


def find_step_encodings(binaries):
    """Which of KNOWN_STEP_ENCODINGS each binary's step loop writes: it makes a small project
    (`init` + `generate`), and step_png must rewrite one of its steps to the very same bytes, so
    the bench's re-encoded step folders are exactly what that binary would have written."""
    work = os.path.join(ARGS.work, "encoding-check")
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    picture = os.path.join(work, "in.png")
    run(["ffmpeg", "-v", "error", "-f", "lavfi", "-i", "testsrc=s=96x64:d=1", "-frames:v", "1", picture])
    for name, binary in binaries.items():
        project = os.path.join(work, name)
        run([binary, "init", picture, project, "--steps", "2", "--straight"])
        run([binary, "generate", project, "-q"])
        made = os.path.join(project, "steps", "000002.png")
        for setting in KNOWN_STEP_ENCODINGS:
            again = os.path.join(work, f"again-{name}-{setting.replace(':', '-')}")
            os.makedirs(again)
            run([ARGS.step_png, again, setting, made])
            if open(made, "rb").read() == open(os.path.join(again, "000002.png"), "rb").read():
                STEP_ENCODING[name] = setting
                break
        else:
            sys.exit(f"bench: the {name} binary ({binary}) writes steps unlike any of {KNOWN_STEP_ENCODINGS} "
                     "(bench/step_png.c): add its setting to KNOWN_STEP_ENCODINGS in bench/bench.py")
    log("step encodings: " + ", ".join(f"{name} writes `{STEP_ENCODING[name]}`" for name in binaries))


def median(values):
    return statistics.median(values)


def main():
    began = time.perf_counter()
    binaries = {"after": ARGS.binary}
    if ARGS.before_binary:
        binaries["before"] = ARGS.before_binary
    find_step_encodings(binaries)

    # Every scene as each binary's step loop would have written it.
    scenes = []
    for entry in ARGS.scene:
        name, source = entry.split("=", 1)
        projects = {which: encoded_project(source, os.path.join(ARGS.work, name, which), STEP_ENCODING[which])
                    for which in binaries}
        contenders = {which: Contenders(binaries[which], projects[which], os.path.join(ARGS.work, name, f"out-{which}"),
                                        ARGS.preset, ARGS.crf) for which in binaries}
        scenes.append((name, source, contenders))
    main_name, main_source, main_contenders = scenes[0]
    after = main_contenders["after"]
    short = None
    if ARGS.moviepy_python:
        short = Contenders(ARGS.binary, derived_project(after.project, os.path.join(ARGS.work, "scene-short"),
                           lambda s: s.update(steps=int(ARGS.moviepy_seconds * float(Fraction(str(s["stepsPerSecond"])))))),
                           os.path.join(ARGS.work, "out-short"), ARGS.preset, ARGS.crf)

    seconds, cpus, peaks, phases = {}, {}, {}, {}

    def record(key, measure):
        seconds.setdefault(key, []).append(measure.seconds)
        cpus.setdefault(key, []).append(measure.cpu)
        peaks.setdefault(key, []).append(measure.peak)

    stages = {}
    for name, _, contenders in scenes:
        frames_path = contenders["after"].raw_frames()
        for round_number in range(1, ARGS.runs + 1):
            plan = [("x264_alone", lambda: run(contenders["after"].encoder_alone(frames_path)))]
            for which in binaries:
                c = contenders[which]
                plan += [(f"startup_{which}", lambda c=c: run(c.startup())),
                         (f"render_{which}", lambda c=c: run(c.render())),
                         (f"composite_{which}", lambda c=c: run(c.composite()))]
            if name == main_name:
                plan += [("script", lambda: run(after.ffmpeg_script())),
                         ("prototype", lambda: run_all(after.prototype()))]
                if short:
                    plan += [("render_short", lambda: run(short.render())),
                             ("composite_short", lambda: run(short.composite()))]
            for contender, measure in plan:
                if contender in ARGS.skip:
                    continue
                result = measure()
                record((name, contender), result)
                log(f"{name} round {round_number}: {contender:18} {result.seconds:7.2f} s  CPU {result.cpu:7.2f} s  "
                    f"{result.peak:6.0f} MB")
            if name == main_name and short:
                for contender, iterate in (("moviepy", False), ("moviepy_iterate", True)):
                    result, timing = run_moviepy(short.moviepy(iterate))
                    record((name, contender), result)
                    for phase in ("startup", "load", "build", "run"):
                        phases.setdefault(contender, {}).setdefault(phase, []).append(timing[phase])
                    short_frames = frame_count(short.scene)
                    if timing["frames"] != short_frames:
                        sys.exit(f"bench: MoviePy made {timing['frames']} frames, parallax {short_frames}")
                    log(f"{name} round {round_number}: {contender:18} {result.seconds:7.2f} s  {result.peak:6.0f} MB  "
                        + " ".join(f"{phase} {timing[phase]:.2f}" for phase in ("startup", "load", "build", "run")))
        encoder_cpu = median(cpus[(name, "x264_alone")])
        if "stages" not in ARGS.skip:
            for which in binaries:
                stages[(name, which)] = stage_cpu(which, contenders[which], encoder_cpu)
                log(f"{name} stages {which}: " + ", ".join(f"{k} {v:.2f} s" for k, v in stages[(name, which)].items()
                                                          if isinstance(v, float)))
        if not ARGS.keep_frames:
            os.remove(frames_path)
        write_results(scenes, binaries, seconds, cpus, peaks, phases, stages, {}, {}, None, short,
                      time.perf_counter() - began, pending="the memory pairs and 4K")

    # Peak memory: the same steps at 20 s and at LONG s of video, plain and as a pingpong loop,
    # each binary, each length rendered MEMORY_RUNS times with a fast preset. A pingpong loop that
    # holds its whole segment (the reverse filter before issue #10: 5 MB per 1600x1050 frame, 18 GB
    # for 120 s) would exhaust the machine: when the short pingpong render already peaks above
    # 3 times the short plain one, its long render is made at --pingpong-fallback-seconds instead.
    # (Such a loop peaked at 13x; one that runs time backward holds a second set of per-step
    # pictures, about 1.6x.)
    memory, memory_seconds = {}, {}
    if "memory" not in ARGS.skip:
        for which in binaries:
            source = main_contenders[which].project

            def long_project(seconds, which=which, source=source):
                return derived_project(source, os.path.join(ARGS.work, f"memory-{seconds}s-{which}"),
                                       lambda s: s.update(stepsPerSecond=f"{s['steps']}/{seconds}"))

            def measure(loop, length, project, seconds):
                extra = ["--loop", "pingpong"] if loop == "pingpong" else []
                c = Contenders(binaries[which], project, os.path.join(ARGS.work, f"memory-{which}"), ARGS.memory_preset, ARGS.crf)
                memory_seconds[(which, loop, length)] = seconds
                for _ in range(ARGS.memory_runs):
                    result = run(c.render(extra))
                    memory.setdefault((which, loop, length), []).append(result.peak)
                    log(f"memory {which} {loop} {seconds:g} s: {result.peak:.0f} MB ({result.seconds:.1f} s)")

            short_seconds = float(frame_count(main_contenders[which].scene) / Fraction(str(main_contenders[which].scene["fps"])))
            measure("plain", "short", source, short_seconds)
            measure("plain", "long", long_project(ARGS.long_seconds), ARGS.long_seconds)
            measure("pingpong", "short", source, short_seconds)
            buffers = median(memory[(which, "pingpong", "short")]) > 3 * median(memory[(which, "plain", "short")])
            pingpong_seconds = ARGS.pingpong_fallback_seconds if buffers else ARGS.long_seconds
            measure("pingpong", "long", long_project(pingpong_seconds), pingpong_seconds)

    four_k = {}
    if ARGS.four_k:
        for which in binaries:
            project = encoded_project(ARGS.four_k, os.path.join(ARGS.work, "scene-4k", which), STEP_ENCODING[which])
            c = Contenders(binaries[which], project, os.path.join(ARGS.work, "scene-4k", f"out-{which}"), ARGS.preset, ARGS.crf)
            whole, composite = run(c.render()), run(c.composite())
            four_k[which] = (frame_count(c.scene), whole, composite)
            log(f"4K {which}: {four_k[which][0] / whole.seconds:.1f} fps whole render, {whole.peak:.0f} MB; "
                f"{four_k[which][0] / composite.seconds:.1f} fps compositing, {composite.peak:.0f} MB")

    write_results(scenes, binaries, seconds, cpus, peaks, phases, stages, memory, memory_seconds, four_k, short,
                  time.perf_counter() - began)


def load_average():
    """The 1-minute load average now, for the note on a shared machine."""
    try:
        return os.getloadavg()[0]
    except OSError:
        return None


def write_results(scenes, binaries, seconds, cpus, peaks, phases, stages, memory, memory_seconds, four_k, short, elapsed,
                  pending=None):
    info = machine()
    med = {key: median(values) for key, values in seconds.items()}
    med_cpu = {key: median(values) for key, values in cpus.items()}
    med_peak = {key: median(values) for key, values in peaks.items()}
    load = load_average()
    main_name = scenes[0][0]
    after = scenes[0][2]["after"]
    lines = [BEGIN, "", "## Render speed and memory (`bench/run.sh`)", "",
             f"Measured on {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC; the measurements took "
             f"{elapsed / 60:.1f} min.", "",
             f"- Machine: {info['cores']} cores ({info['cpu']}), {info['memory']} memory, Linux {info['kernel']}; "
             f"load average {load:.1f} at the end (a 1-minute average, which counts the bench's own last "
             "encodes; read the ratios, measured side by side, rather than the absolute times).",
             f"- {info['ffmpeg']}",
             f"- Binaries: after = `{ARGS.binary}`" + (f"; before = `{ARGS.before_binary}` (main at e21d926, before "
                                                       "issue #10), run on the same scenes in the same rounds" if "before" in binaries else
                                                       "; no before binary given (`BEFORE=...`)") + ".",
             "- Each binary renders the scene's steps as its own step loop writes them (the same pixels; bench/step_png.c: "
             + ", ".join(f"{name} `{setting}`" for name, setting in STEP_ENCODING.items())
             + ", found from each binary's `generate` on a small project at the start of the run).",
             f"- Encoding for every contender: `{shlex.join(after.x264)}` (parallax's own flags, read from the command "
             "`parallax graph` prints), yuv420p. **x264 alone** is stock ffmpeg encoding the render's own yuv420p frames "
             "with those flags, read from a raw file (written once per scene by stock ffmpeg running the emitted script, "
             "whose frames the parity tests hold identical to the render's).",
             (f"- Each figure is the median of {ARGS.runs} rounds" if ARGS.runs > 1 else "- One round (no medians)")
             + "; in each round every contender ran once, one after another. Peak memory is the process's maximum RSS, "
             "CPU its user + system time (wait4)."]
    if pending:
        lines.append(f"- Not measured yet (the run was stopped or is still going): {pending}.")
    if ARGS.skip:
        lines.append(f"- Not run this time: {', '.join(sorted(ARGS.skip))} (`SKIP`).")
    if ARGS.note:
        lines.append(f"- {ARGS.note}")

    def ratio_row(rows, label, value, target, passed, detail):
        rows.append(f"| {label} | {value} | {target} | {'yes' if passed else '**no**'} | {detail} |")

    for name, source, contenders in scenes:
        scene = contenders["after"].scene
        width, height = contenders["after"].size()
        frames = frame_count(scene)
        lines += ["", f"### {name}: {width}x{height}, {len(scene['layers'])} layers, {scene['steps']} steps, "
                  f"{frames} frames at {scene['fps']} fps", "", f"Steps from `{source}`.", "",
                  "| Measure | " + " | ".join(binaries) + " | Target | Met (after) |", "|---|" + "---|" * len(binaries) + "---|---|"]
        alone = med.get((name, "x264_alone"))
        alone_peak = med_peak.get((name, "x264_alone"))

        def cell(which, fmt):
            try:
                return fmt(which)
            except (KeyError, ZeroDivisionError):
                return "–"
        if alone:
            rows = [
                ("whole render ÷ x264 alone", lambda w: f"{med[(name, f'render_{w}')] / alone:.2f}x", "≤ 1.10x",
                 lambda: med[(name, "render_after")] / alone <= 1.10),
                ("`render --no-encode` ÷ x264 alone", lambda w: f"{med[(name, f'composite_{w}')] / alone:.2f}x", "≤ 0.15x",
                 lambda: med[(name, "composite_after")] / alone <= 0.15),
                ("render peak memory ÷ x264 alone's", lambda w: f"{med_peak[(name, f'render_{w}')] / alone_peak:.2f}x "
                 f"({med_peak[(name, f'render_{w}')]:.0f} MB)", "≤ 1.3x",
                 lambda: med_peak[(name, "render_after")] / alone_peak <= 1.3),
                ("whole render", lambda w: f"{med[(name, f'render_{w}')]:.1f} s, {frames / med[(name, f'render_{w}')]:.1f} fps "
                 f"(CPU {med_cpu[(name, f'render_{w}')]:.1f} s)", "", None),
                ("compositing alone (`--no-encode`)", lambda w: f"{med[(name, f'composite_{w}')]:.1f} s, "
                 f"{frames / med[(name, f'composite_{w}')]:.0f} fps (CPU {med_cpu[(name, f'composite_{w}')]:.1f} s, "
                 f"{med_peak[(name, f'composite_{w}')]:.0f} MB)", "", None),
                ("start-up (`parallax plan`)", lambda w: f"{med[(name, f'startup_{w}')]:.2f} s", "", None),
            ]
            for label, fmt, target, passed in rows:
                met = ""
                if passed:
                    try:
                        met = "yes" if passed() else "**no**"
                    except KeyError:
                        met = "–"
                lines.append(f"| {label} | " + " | ".join(cell(w, fmt) for w in binaries) + f" | {target} | {met} |")
            lines.append(f"| x264 alone (same for both) | " + " | ".join(
                f"{alone:.1f} s (CPU {med_cpu[(name, 'x264_alone')]:.1f} s, {alone_peak:.0f} MB)" for _ in binaries) + " | | |")
        if any((name, w) in stages for w in binaries):
            lines += ["", "CPU seconds per stage (user + system; see bench/README.md for how each is measured):", "",
                      "| Stage | " + " | ".join(binaries) + " |", "|---|" + "---|" * len(binaries)]
            for stage in ("decode", "conversion", "composite", "encode"):
                lines.append(f"| {stage} | " + " | ".join(
                    f"{stages[(name, w)][stage]:.2f}" if (name, w) in stages else "–" for w in binaries) + " |")
            lines.append("| `--no-encode` total | " + " | ".join(
                f"{stages[(name, w)]['no_encode_total']:.2f}" if (name, w) in stages else "–" for w in binaries) + " |")
            lines.append("| conversions found in the script | " + " | ".join(
                "; ".join(stages[(name, w)]["conversions"]) if (name, w) in stages else "–" for w in binaries) + " |")

    rows = []
    if (main_name, "script") in med:
        value = med[(main_name, "render_after")] / med[(main_name, "script")]
        ratio_row(rows, "render ÷ stock ffmpeg running the emitted script", f"{value:.2f}x", "≤ 1.00x", value <= 1.0,
                  f"{med[(main_name, 'render_after')]:.1f} s vs {med[(main_name, 'script')]:.1f} s")
    if (main_name, "prototype") in med:
        value = med[(main_name, "prototype")] / med[(main_name, "render_after")]
        ratio_row(rows, "prototype (per-layer videos, vstack, re-encode) ÷ render", f"{value:.2f}x slower", "≥ 2x", value >= 2,
                  f"{med[(main_name, 'prototype')]:.1f} s vs {med[(main_name, 'render_after')]:.1f} s")
    if (main_name, "moviepy") in med and short:
        short_frames = frame_count(short.scene)
        startup = med[(main_name, "startup_after")]
        phase = {n: {k: median(v) for k, v in parts.items()} for n, parts in phases.items()}
        ours = med[(main_name, "render_short")] - startup
        theirs = med[(main_name, "moviepy")] - phase["moviepy"]["startup"]
        ratio_row(rows, f"MoviePy whole render ÷ render, {short_frames} frames each, start-up excluded",
                  f"{theirs / ours:.2f}x slower", "≥ 1.7x", theirs / ours >= 1.7,
                  f"{ours:.1f} s vs {theirs:.1f} s (start-up {startup:.2f} s vs {phase['moviepy']['startup']:.2f} s)")
        ours = med[(main_name, "composite_short")] - startup
        iterate = phase["moviepy_iterate"]
        theirs = iterate["load"] + iterate["build"] + iterate["run"]
        ratio_row(rows, f"compositing: `--no-encode` vs MoviePy iter_frames, {short_frames} frames, PNG decoding included",
                  f"{theirs / ours:.1f}x faster", "≥ 4x", theirs / ours >= 4,
                  f"{short_frames / ours:.1f} fps vs {short_frames / theirs:.1f} fps")
    if rows:
        lines += ["", f"### Against the alternatives ({main_name}, after binary)", "",
                  "| Measure | Result | Target | Met | Detail |", "|---|---|---|---|---|"] + rows

    if memory:
        lines += ["", f"### Memory: {main_name}, the same steps as a short and a long video (preset {ARGS.memory_preset}, "
                  f"median of {ARGS.memory_runs})", "",
                  "| Render | " + " | ".join(binaries) + " | Target | Met (after) |", "|---|" + "---|" * len(binaries) + "---|---|"]
        for loop in ("plain", "pingpong"):
            cells, met = [], ""
            for which in binaries:
                if (which, loop, "short") in memory and (which, loop, "long") in memory:
                    small, big = median(memory[(which, loop, "short")]), median(memory[(which, loop, "long")])
                    cells.append(f"{memory_seconds[(which, loop, 'short')]:g} s: {small:.0f} MB, "
                                 f"{memory_seconds[(which, loop, 'long')]:g} s: {big:.0f} MB ({(big / small - 1) * 100:+.0f}%)")
                    if which == "after":
                        passed = abs(big / small - 1) <= 0.15 and memory_seconds[(which, loop, "long")] == ARGS.long_seconds
                        met = "yes" if passed else "**no**"
                else:
                    cells.append("–")
            label = "plain" if loop == "plain" else "`--loop pingpong` (twice the frames each)"
            lines.append(f"| {label} | " + " | ".join(cells) + f" | {ARGS.long_seconds} s within 15% | {met} |")
        lines += ["", f"A pingpong render whose short run already peaks above 3x the plain one holds its whole segment; "
                  f"its long run is then made at {ARGS.pingpong_fallback_seconds} s instead of {ARGS.long_seconds} s "
                  "(at 120 s it would hold about 18 GB of frames)."]

    if four_k:
        any_four_k = next(iter(four_k.values()))
        lines += ["", f"### 4K (3840x2160) at 60 fps, {any_four_k[0]} frames, one run each", "",
                  "| Measure | " + " | ".join(four_k) + " |", "|---|" + "---|" * len(four_k)]
        lines.append("| whole render | " + " | ".join(
            f"{f / w.seconds:.1f} fps ({w.peak:.0f} MB)" for f, w, _ in four_k.values()) + " |")
        lines.append("| compositing alone (`--no-encode`) | " + " | ".join(
            f"{f / c.seconds:.1f} fps ({c.peak:.0f} MB)" for f, _, c in four_k.values()) + " |")

    lines += ["", "### Raw medians", "", "| Scene | Contender | Seconds | CPU s | Peak memory |", "|---|---|---|---|---|"]
    for (name, contender), value in med.items():
        lines.append(f"| {name} | {contender} | {value:.2f} | {med_cpu[(name, contender)]:.2f} | {med_peak[(name, contender)]:.0f} MB |")
    lines += ["", "Contenders and rows: bench/README.md.", "", END]
    replace_section(os.path.join(HERE, "RESULTS.md"), BEGIN, END, "\n".join(lines))
    if not pending:
        print("\n".join(lines))


def replace_section(path, begin, end, section):
    """Puts `section` (markers included) in place of the text between the markers, or after the
    file's title when there are none; the other sections stay as they are."""
    text = open(path).read() if os.path.exists(path) else "# Benchmark results\n"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + section + rest.split(end, 1)[1]
    else:
        title, _, rest = text.partition("\n")
        text = title + "\n\n" + section + "\n" + rest
    with open(path + ".tmp", "w") as handle:
        handle.write(text)
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--binary", required=True, help="the parallax under test (after)")
    parser.add_argument("--before-binary", help="parallax before issue #10, run side by side")
    parser.add_argument("--scene", action="append", required=True, metavar="NAME=DIR",
                        help="a project to measure on (repeat; the first also gets the alternatives and memory rows)")
    parser.add_argument("--step-png", required=True, help="the compiled bench/step_png.c")
    parser.add_argument("--four-k", help="a 4K 60 fps project to time once")
    parser.add_argument("--work", required=True)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--preset", default="medium")
    parser.add_argument("--crf", type=int, default=18)
    parser.add_argument("--moviepy-python", help="a python with moviepy; MoviePy is skipped without it")
    parser.add_argument("--moviepy-seconds", type=int, default=5, help="the MoviePy rows' length (whole seconds)")
    parser.add_argument("--long-seconds", type=int, default=120)
    parser.add_argument("--pingpong-fallback-seconds", type=int, default=40,
                        help="the long pingpong render's length when the loop holds its whole segment")
    parser.add_argument("--memory-preset", default="ultrafast", help="x264 preset of the memory renders")
    parser.add_argument("--memory-runs", type=int, help="runs of each memory render (default: --runs)")
    parser.add_argument("--keep-frames", action="store_true", help="keep the raw frames for the next run")
    parser.add_argument("--note", help="a line to add to RESULTS.md")
    parser.add_argument("--skip", default="", help="contenders or parts not to run, comma separated "
                        "(script, prototype, stages, memory)")
    ARGS = parser.parse_args()
    ARGS.skip = {name for name in ARGS.skip.split(",") if name}
    ARGS.memory_runs = ARGS.memory_runs or ARGS.runs
    os.makedirs(ARGS.work, exist_ok=True)
    main()
