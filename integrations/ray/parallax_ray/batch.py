"""parallax-ray batch: one Ray task per picture (parallax create), a summary table at the end."""

import os
import sys
import time

import ray

from .binary import find_parallax
from .cluster import failure_message
from .tasks import RETRIED, create_video


def plan_outputs(images, out_dir, extension=".mp4"):
    """(image, output, project) per picture; pictures with the same name get -2, -3, ..."""
    seen, jobs = {}, []
    for image in images:
        stem = os.path.splitext(os.path.basename(image))[0]
        seen[stem] = seen.get(stem, 0) + 1
        name = stem if seen[stem] == 1 else f"{stem}-{seen[stem]}"
        jobs.append((os.path.abspath(image), os.path.join(out_dir, name + extension),
                     os.path.join(out_dir, name + ".parallax")))
    return jobs


def run_batch(images, out_dir, flags=(), retries=2, extension=".mp4", log=print, err=None):
    """Makes one video per picture in `out_dir`; a failing picture is reported and the others
    go on. Returns rows (image, status, seconds, node, output or error)."""
    err = err or (lambda line: print(line, file=sys.stderr))
    binary = find_parallax()
    out_dir = os.path.abspath(out_dir)
    os.makedirs(out_dir, exist_ok=True)
    task = create_video.options(max_retries=retries, retry_exceptions=RETRIED)
    began = time.monotonic()
    pending = {task.remote(binary, image, output, project, list(flags)): (image, output)
               for image, output, project in plan_outputs(images, out_dir, extension)}
    rows = []
    while pending:
        ready, _ = ray.wait(list(pending), num_returns=1)
        image, output = pending.pop(ready[0])
        try:
            result = ray.get(ready[0])
            rows.append((image, "ok", result["seconds"], result["node"], output))
        except Exception as error:  # one picture's failure does not stop the others
            message = failure_message(error)
            rows.append((image, "failed", None, "", message))
            err(f"parallax-ray: {os.path.basename(image)}: {message}")
        log(f"[{len(rows)}/{len(rows) + len(pending)} pictures] {os.path.basename(image)}: {rows[-1][1]}")
    order = {image: index for index, image in enumerate(os.path.abspath(i) for i in images)}
    rows.sort(key=lambda row: order.get(row[0], 0))
    log(summary_table(rows, time.monotonic() - began))
    return rows


def summary_table(rows, seconds):
    header = ("picture", "status", "seconds", "node", "video or error")
    cells = [header] + [(os.path.basename(image), status, "" if took is None else f"{took:.1f}", node,
                         os.path.basename(detail) if status == "ok" else detail)
                        for image, status, took, node, detail in rows]
    widths = [max(len(row[column]) for row in cells) for column in range(4)]
    lines = ["  ".join(cell.ljust(width) for cell, width in zip(row[:4], widths)) + "  " + row[4] for row in cells]
    done = sum(1 for row in rows if row[1] == "ok")
    lines.append(f"{done} of {len(rows)} videos made in {seconds:.1f} s")
    return "\n".join(lines)


def main(arguments, flags):
    rows = run_batch(arguments.images, arguments.output, flags=flags, retries=arguments.retries,
                     extension=arguments.extension)
    return 0 if all(row[1] == "ok" for row in rows) else 1
