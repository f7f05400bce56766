#!/usr/bin/env python3
"""The same parallax slide, composited the way a MoviePy user would write it.

Every layer of every step is an ImageClip of its band, shown for one step's time and moved by a
position function; the step after it sits underneath, offset by one step, to fill the gap. Each
layer is a CompositeVideoClip; clips_array stacks them. Positions follow the same rule as
parallax (frame n shows step time n*R/fps, a band at round(U*v) - round(K*v)).

    moviepy_slide.py PROJECT OUT.mp4 --preset veryfast --crf 18   # whole render
    moviepy_slide.py PROJECT --iterate                            # compositing only
    moviepy_slide.py PROJECT --iterate --seconds 5                # the first 5 s only

With --timings it prints one JSON line of its phases in seconds: startup (from --launched-at,
the wall-clock time the caller started the process, through the imports), load (reading and
decoding the step PNGs), build (making the clips), run (compositing, and encoding unless
--iterate) and frames.
"""
import time

_IMPORTS_BEGAN = time.time()

import argparse
import json
import math
import os
import shlex
from fractions import Fraction

import cv2
from moviepy import CompositeVideoClip, ImageClip, clips_array

_IMPORTS_ENDED = time.time()


def load(project, seconds):
    """The scene, cut to its first `seconds` when given, and the step images that span needs."""
    with open(os.path.join(project, "scene.json")) as handle:
        scene = json.load(handle)
    if seconds:
        rate = Fraction(str(scene["stepsPerSecond"]))
        scene["steps"] = min(scene["steps"], math.ceil(seconds * rate))
    steps = [cv2.cvtColor(cv2.imread(os.path.join(project, "steps", f"{k:06d}.png")), cv2.COLOR_BGR2RGB)
             for k in range(scene["steps"] + 1)]
    return scene, steps


def layer_clip(scene, steps, top, height, velocity, fps, rate):
    """One band: for each step K its image, and K+1 underneath, both sliding by `velocity` px/step."""
    width = steps[0].shape[1]
    step_count = scene["steps"]

    def position(k, ahead):
        def at(local_time):
            frame = round((Fraction(k) / rate + Fraction(local_time)) * fps)
            u = Fraction(frame) * rate / fps
            return (round(float(u) * velocity) - round((k + ahead) * velocity), 0)
        return at

    clips = []
    for k in range(step_count):
        start, duration = float(Fraction(k) / rate), float(1 / rate)
        band = steps[k][top:top + height]
        following = steps[k + 1][top:top + height]
        clips.append(ImageClip(following).with_start(start).with_duration(duration).with_position(position(k, 1)))
        clips.append(ImageClip(band).with_start(start).with_duration(duration).with_position(position(k, 0)))
    return CompositeVideoClip(clips, size=(width, height)).with_duration(float(step_count / rate))


def build(project, seconds=None, timings=None):
    began = time.perf_counter()
    scene, steps = load(project, seconds)
    loaded = time.perf_counter()
    rate = Fraction(str(scene["stepsPerSecond"]))
    fps = Fraction(str(scene["fps"]))
    # direction 180: leftwards, so x velocity is negative.
    velocity_sign = round(math.cos(math.radians(scene["direction"])))
    layers, top = [], 0
    for layer in scene["layers"]:
        velocity = velocity_sign * layer["speed"] * scene["stepShift"]
        layers.append(layer_clip(scene, steps, top, layer["height"], velocity, fps, rate))
        top += layer["height"]
    clip = clips_array([[layer] for layer in layers]).with_duration(float(scene["steps"] / rate))
    if timings is not None:
        timings["load"] = loaded - began
        timings["build"] = time.perf_counter() - loaded
    return clip, float(fps)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("project")
    parser.add_argument("output", nargs="?")
    parser.add_argument("--iterate", action="store_true", help="composite every frame, encode nothing")
    parser.add_argument("--preset", default="medium")
    parser.add_argument("--crf", default="18")
    parser.add_argument("--seconds", type=float, help="only the first SECONDS of the video")
    parser.add_argument("--ffmpeg-params", default="", help="more encoder flags, shell-quoted")
    parser.add_argument("--timings", action="store_true", help="print the phases' seconds as one JSON line")
    parser.add_argument("--launched-at", type=float, help="wall-clock time.time() when the caller started this process")
    args = parser.parse_args()
    timings = {"startup": _IMPORTS_ENDED - (args.launched_at or _IMPORTS_BEGAN)}
    clip, fps = build(args.project, args.seconds, timings)
    start = time.perf_counter()
    if args.iterate:
        frames = sum(1 for _ in clip.iter_frames(fps=fps, dtype="uint8"))
    else:
        clip.write_videofile(args.output, fps=fps, codec="libx264", preset=args.preset, audio=False,
                             ffmpeg_params=["-crf", args.crf] + shlex.split(args.ffmpeg_params), logger=None)
        frames = round(clip.duration * fps)
    timings["run"] = time.perf_counter() - start
    timings["frames"] = frames
    if args.timings:
        print(json.dumps(timings))
    else:
        print(f"moviepy: {frames} frames in {timings['run']:.1f} s")


if __name__ == "__main__":
    main()
