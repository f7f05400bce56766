"""Finding the parallax binary and running it."""

import ctypes
import os
import shutil
import signal
import subprocess
from pathlib import Path


class ParallaxNotFound(RuntimeError):
    pass


def find_parallax():
    """PARALLAX_BIN, else `parallax` on PATH, else the repository's .build/release or .build/debug."""
    explicit = os.environ.get("PARALLAX_BIN")
    if explicit:
        if os.access(explicit, os.X_OK):
            return os.path.abspath(explicit)
        raise ParallaxNotFound(f"PARALLAX_BIN={explicit} is not an executable file")
    on_path = shutil.which("parallax")
    if on_path:
        return on_path
    # integrations/ray/parallax_ray/binary.py -> the repository root is three folders up.
    root = Path(__file__).resolve().parents[3]
    for build in ("release", "debug"):
        candidate = root / ".build" / build / "parallax"
        if os.access(candidate, os.X_OK):
            return str(candidate)
    raise ParallaxNotFound("no parallax binary: set PARALLAX_BIN, put parallax on PATH, "
                           "or build it (swift build -c release)")


def _die_with_parent():
    """Runs in the child before exec: if the Ray worker running it dies, so does parallax
    (a retried task must not race an orphan writing the same part)."""
    try:
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def run_parallax(binary, arguments, on_line=None):
    """Runs parallax with `arguments` (no shell); returns (exit code, last stderr lines).
    `on_line` gets each stderr line as it comes (progress)."""
    process = subprocess.Popen([binary, *arguments], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, text=True, errors="replace",
                               preexec_fn=_die_with_parent)
    tail = []
    for line in process.stderr:
        line = line.rstrip("\n")
        if not line:
            continue
        tail = (tail + [line])[-20:]
        if on_line:
            on_line(line)
    return process.wait(), tail


def error_line(tail):
    """The line that says what went wrong: parallax prints it last, after 'Error: '."""
    for line in reversed(tail):
        if "Error:" in line or "error" in line.lower():
            return line.split("Error: ", 1)[-1]
    return tail[-1] if tail else "no message"
