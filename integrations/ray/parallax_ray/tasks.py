"""The Ray tasks: each runs the parallax binary on one node."""

import os
import socket
import time

import ray

from .binary import error_line, find_parallax, run_parallax


class ProjectNotVisible(RuntimeError):
    """A node cannot see a file the task needs: it is not on storage every node mounts."""


class ParallaxFailed(RuntimeError):
    """parallax refused or failed with its one-line error (exit 1 or 64): the same input fails
    the same way on any node, so Ray does not retry it."""


class ParallaxCrashed(RuntimeError):
    """parallax was killed or crashed (a signal, an unexpected exit code): worth a retry."""


# What Ray retries besides a dead worker or node (those it always retries): a node that cannot
# see the files (another node may), and a crash.
RETRIED = [ProjectNotVisible, ParallaxCrashed]


def _failure(code, tail, context):
    message = f"{context}{error_line(tail)}"
    if code in (1, 64):
        return ParallaxFailed(message)
    return ParallaxCrashed(f"{message} (exit {code})")


def _binary(preferred):
    return preferred if preferred and os.access(preferred, os.X_OK) else find_parallax()


def _must_see(path, what):
    if not os.path.exists(path):
        raise ProjectNotVisible(
            f"node {socket.gethostname()} cannot see the {what} {path}: put it on storage every node mounts "
            f"at the same path (see docs/distributed.md)")


def scene_file(project):
    return project if project.endswith(".json") else os.path.join(project, "scene.json")


@ray.remote(num_cpus=1)
def render_segment(binary, project, part, start, end, flags):
    """Renders frames start..end-1 of `project` to `part` (parallax render --frames)."""
    _must_see(scene_file(project), "project")
    _must_see(os.path.dirname(part) or ".", "output folder")
    began = time.monotonic()
    code, tail = run_parallax(_binary(binary), ["render", project, "-o", part, "--frames", f"{start}:{end}", "-q", *flags])
    if code != 0:
        raise _failure(code, tail, f"frames {start}:{end} on {socket.gethostname()}: ")
    return {"part": part, "start": start, "end": end, "node": socket.gethostname(),
            "seconds": time.monotonic() - began}


@ray.remote(num_cpus=1)
def create_video(binary, image, output, project, flags):
    """Image to video (parallax create: init, generate, render). The project keeps the step
    journal, so a task retried on another node resumes from the last finished step."""
    _must_see(image, "picture")
    _must_see(os.path.dirname(output) or ".", "output folder")
    began = time.monotonic()
    code, tail = run_parallax(_binary(binary), ["create", image, "-o", output, "--project", project, "-q", *flags])
    if code != 0:
        raise _failure(code, tail, "")
    return {"image": image, "output": output, "node": socket.gethostname(), "seconds": time.monotonic() - began}
