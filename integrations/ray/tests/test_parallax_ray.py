"""parallax-ray against a local Ray cluster (loopback), with the real parallax binary.

Run by `swift test` (Tests/CLITests/RayIntegrationTests.swift) with PARALLAX_BIN set, or by hand:
  PARALLAX_BIN=.build/debug/parallax .venv/bin/python -m unittest discover -s integrations/ray/tests -v
"""

import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
LANDSCAPE = ROOT / "fixtures" / "landscape.png"
CLI = str(Path(sys.executable).parent / "parallax-ray")
STEPS = "8"


def parallax():
    from parallax_ray import find_parallax
    return find_parallax()


def run(arguments, **options):
    return subprocess.run(arguments, capture_output=True, text=True, stdin=subprocess.DEVNULL, **options)


def frame_count(path):
    result = run(["ffprobe", "-v", "error", "-select_streams", "v", "-count_packets", "-show_entries",
                  "stream=nb_read_packets", "-of", "csv=p=0", path])
    return int(result.stdout.strip())


def psnr(path, reference):
    result = run(["ffmpeg", "-v", "info", "-i", path, "-i", reference, "-lavfi", "[0:v][1:v]psnr", "-f", "null", "-"])
    match = re.search(r"PSNR .*average:(inf|[\d.]+)", result.stderr)
    return float("inf") if match.group(1) == "inf" else float(match.group(1))


def frame_md5s(path):
    result = run(["ffmpeg", "-v", "error", "-i", path, "-map", "0:v", "-f", "framemd5", "-"])
    return [line for line in result.stdout.splitlines() if not line.startswith("#")]


class Fixture:
    """One project made from the landscape fixture, and its single-process renders."""
    folder = None
    project = None
    total = 0


def setUpModule():
    Fixture.folder = tempfile.mkdtemp(prefix="parallax-ray-test-")
    Fixture.project = os.path.join(Fixture.folder, "land.parallax")
    made = run([parallax(), "create", str(LANDSCAPE), "-o", os.path.join(Fixture.folder, "single.mp4"),
                "--project", Fixture.project, "--steps", STEPS, "-q"])
    assert made.returncode == 0, made.stderr
    lossless = run([parallax(), "render", Fixture.project, "-o", os.path.join(Fixture.folder, "single.mkv"),
                    "--codec", "ffv1", "-q"])
    assert lossless.returncode == 0, lossless.stderr
    Fixture.total = frame_count(os.path.join(Fixture.folder, "single.mp4"))


def tearDownModule():
    shutil.rmtree(Fixture.folder, ignore_errors=True)


class RenderTests(unittest.TestCase):
    def test_segments_join_to_the_exact_frame_count_within_40_db_of_one_render(self):
        output = os.path.join(Fixture.folder, "ray.mp4")
        result = run([CLI, "render", Fixture.project, "-o", output, "--segments", "3", "--num-cpus", "2"])
        self.assertEqual(result.returncode, 0, result.stderr)
        self.assertIn("[3/3 segments, 100%]", result.stdout)
        self.assertEqual(frame_count(output), Fixture.total)
        self.assertGreaterEqual(psnr(output, os.path.join(Fixture.folder, "single.mp4")), 40)
        # The parts were temporary.
        self.assertEqual([name for name in os.listdir(Fixture.folder) if ".parts-" in name], [])

    def test_killing_a_worker_mid_run_still_gives_the_whole_render(self):
        output = os.path.join(Fixture.folder, "killed.mkv")
        driver = subprocess.Popen([CLI, "render", Fixture.project, "-o", output, "--segments", "3",
                                   "--num-cpus", "2", "--codec", "ffv1"],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL)
        killed = kill_a_worker_rendering(".killed.mkv.parts-", timeout=120)
        stdout, stderr = driver.communicate(timeout=300)
        self.assertIsNotNone(killed, "no worker was seen rendering a segment")
        self.assertEqual(driver.returncode, 0, stderr)
        self.assertEqual(frame_md5s(output), frame_md5s(os.path.join(Fixture.folder, "single.mkv")))


class BatchTests(unittest.TestCase):
    def test_a_corrupt_picture_fails_alone_with_one_line(self):
        pictures = os.path.join(Fixture.folder, "pictures")
        os.makedirs(pictures, exist_ok=True)
        for name in ("first.png", "second.png"):
            shutil.copy(LANDSCAPE, os.path.join(pictures, name))
        with open(os.path.join(pictures, "broken.png"), "wb") as file:
            file.write(b"\x89PNG\r\n\x1a\n" + b"not really a picture" * 10)
        images = [os.path.join(pictures, name) for name in ("first.png", "broken.png", "second.png")]
        out = os.path.join(Fixture.folder, "videos")
        result = run([CLI, "batch", *images, "-o", out, "--num-cpus", "2", "--steps", "3"])
        self.assertEqual(result.returncode, 1, result.stderr)
        self.assertTrue(os.path.isfile(os.path.join(out, "first.mp4")))
        self.assertTrue(os.path.isfile(os.path.join(out, "second.mp4")))
        self.assertFalse(os.path.exists(os.path.join(out, "broken.mp4")))
        errors = [line for line in result.stderr.splitlines() if line.startswith("parallax-ray:")]
        self.assertEqual(len(errors), 1, result.stderr)
        self.assertIn("broken.png", errors[0])
        # A picture that is bad is bad on every node: not retried, no Ray traceback.
        self.assertNotIn("Traceback", result.stderr)
        self.assertIn("2 of 3 videos made", result.stdout)
        self.assertRegex(result.stdout, r"broken\.png\s+failed")


class VisibilityTests(unittest.TestCase):
    def test_a_node_that_cannot_see_the_project_says_so(self):
        from parallax_ray.tasks import ProjectNotVisible, _must_see
        with self.assertRaisesRegex(ProjectNotVisible, "cannot see the project /nowhere/p/scene.json: put it on storage"):
            _must_see("/nowhere/p/scene.json", "project")

    def test_render_of_a_missing_project_is_one_line(self):
        result = run([CLI, "render", "/nowhere/p", "-o", os.path.join(Fixture.folder, "x.mp4"), "--segments", "2",
                      "--num-cpus", "1"])
        self.assertEqual(result.returncode, 1)
        self.assertIn("parallax-ray: /nowhere/p: no scene.json here", result.stderr)


class PlanningTests(unittest.TestCase):
    def test_segments_cover_every_frame_once(self):
        from parallax_ray.render import split
        for total, segments in ((100, 3), (7, 4), (2, 5), (45, 1)):
            ranges = split(total, segments)
            self.assertEqual(ranges[0][0], 0)
            self.assertEqual(ranges[-1][1], total)
            self.assertTrue(all(a[1] == b[0] for a, b in zip(ranges, ranges[1:])))

    def test_pictures_with_the_same_name_get_their_own_videos(self):
        from parallax_ray.batch import plan_outputs
        jobs = plan_outputs(["a/x.png", "b/x.png", "y.png"], "/out")
        self.assertEqual([os.path.basename(job[1]) for job in jobs], ["x.mp4", "x-2.mp4", "y.mp4"])
        self.assertEqual(len({job[2] for job in jobs}), 3)


def kill_a_worker_rendering(marker, timeout):
    """Waits for a `parallax render --frames` child writing into a parts folder named with
    `marker`, then SIGKILLs its parent, the Ray worker process. Returns the worker's pid."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for entry in os.listdir("/proc"):
            if not entry.isdigit():
                continue
            try:
                with open(f"/proc/{entry}/cmdline", "rb") as file:
                    words = file.read().split(b"\0")
                if b"--frames" not in words or not any(marker.encode() in word for word in words):
                    continue
                with open(f"/proc/{entry}/stat") as file:
                    parent = int(file.read().rsplit(")", 1)[1].split()[1])
                os.kill(parent, signal.SIGKILL)
                return parent
            except (OSError, ValueError, IndexError):
                continue
        time.sleep(0.02)
    return None


if __name__ == "__main__":
    unittest.main()
