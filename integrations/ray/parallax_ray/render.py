"""parallax-ray render: one video, split into frame ranges rendered as Ray tasks, then joined."""

import os
import re
import shutil
import subprocess
import sys
import time

import ray

from .binary import error_line, find_parallax, run_parallax
from .cluster import failure_message
from .tasks import RETRIED, render_segment, scene_file


class RenderFailed(RuntimeError):
    pass


def total_frames(binary, project):
    """The full render's frame count, as `parallax plan` prints it ("..., 150 frames")."""
    result = subprocess.run([binary, "plan", project], capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise RenderFailed(error_line(result.stderr.strip().splitlines()))
    match = re.search(r"(\d+) frames", result.stdout)
    if not match:
        raise RenderFailed(f"{project}: parallax plan printed no frame count")
    return int(match.group(1))


def split(total, segments):
    """`segments` nearly equal ranges covering 0..total (as FrameRange.split in Swift)."""
    count = max(1, min(segments, total))
    return [(index * total // count, (index + 1) * total // count) for index in range(count)]


def render_split(project, output, segments, flags=(), retries=2, keep_parts=False, log=print):
    """Renders `project` to `output` as `segments` Ray tasks and joins the parts with
    `parallax concat --project` (which muxes the sound once). Returns a summary dict."""
    binary = find_parallax()
    project = os.path.abspath(project)
    output = os.path.abspath(output)
    if not os.path.exists(scene_file(project)):
        raise RenderFailed(f"{project}: no scene.json here")
    total = total_frames(binary, project)
    ranges = split(total, segments)
    extension = os.path.splitext(output)[1] or ".mp4"
    parts_dir = os.path.join(os.path.dirname(output), f".{os.path.basename(output)}.parts-{os.getpid()}")
    os.makedirs(parts_dir, exist_ok=True)
    began = time.monotonic()
    task = render_segment.options(max_retries=retries, retry_exceptions=RETRIED)
    pending = {task.remote(binary, project, os.path.join(parts_dir, f"part-{index:04d}{extension}"), start, end,
                           list(flags)): (start, end) for index, (start, end) in enumerate(ranges)}
    results, frames_done = [], 0
    try:
        while pending:
            ready, _ = ray.wait(list(pending), num_returns=1)
            start, end = pending.pop(ready[0])
            try:
                result = ray.get(ready[0])
            except Exception as error:  # one line, not Ray's traceback
                raise RenderFailed(f"segment {start}:{end} failed: {failure_message(error)}") from None
            results.append(result)
            frames_done += end - start
            log(f"[{len(results)}/{len(ranges)} segments, {100 * frames_done // total}%] frames {start}:{end} "
                f"on {result['node']} in {result['seconds']:.1f} s")
        parts = [result["part"] for result in sorted(results, key=lambda r: r["start"])]
        join_began = time.monotonic()
        code, tail = run_parallax(binary, ["concat", "-o", output, "--project", project, "-q", *parts])
        if code != 0:
            raise RenderFailed(f"joining the parts: {error_line(tail)}")
        join_seconds = time.monotonic() - join_began
    finally:
        for pending_ref in pending:
            ray.cancel(pending_ref, force=True)
        if not keep_parts:
            shutil.rmtree(parts_dir, ignore_errors=True)
    summary = {"output": output, "frames": total, "segments": len(ranges),
               "seconds": time.monotonic() - began, "join_seconds": join_seconds,
               "nodes": sorted({result["node"] for result in results})}
    log(f"wrote {output}: {total} frames from {len(ranges)} segments on {len(summary['nodes'])} node(s) "
        f"in {summary['seconds']:.1f} s (join {join_seconds:.2f} s)")
    return summary


def main(arguments, flags):
    try:
        render_split(arguments.project, arguments.output, arguments.segments, flags=flags,
                     retries=arguments.retries, keep_parts=arguments.keep_parts)
    except RenderFailed as error:
        print(f"parallax-ray: {error}", file=sys.stderr)
        return 1
    return 0
