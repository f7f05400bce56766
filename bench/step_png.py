#!/usr/bin/env python3
"""Which PNG setting should parallax write its step images with? Size against write and decode
time, on real step folders; called by bench/step_png.sh.

Every step folder given is rewritten once per setting (zlib level, PNG row filter, zlib strategy)
by `step_png` (bench/step_png.c, libpng's full API; `simplified-fast` is the writer before issue
#10). For each setting: total size, write CPU (libpng + zlib, in-process clock), decode CPU of
FFmpeg's PNG decoder (the one the render uses through `movie`): user + system time of
`ffmpeg -threads 1 -i steps/%06d.png -f null -` from wait4, minus that of the same command on one
step (process start). The decoded pixels are compared with the originals' (md5 of rgb24 or rgba):
a setting that changed a pixel fails the run. The table goes into bench/RESULTS.md between the
step-png markers.
"""
import argparse
import datetime
import glob
import hashlib
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BEGIN, END = "<!-- step-png:begin -->", "<!-- step-png:end -->"

SETTINGS = ["simplified-fast", "0:none", "0:sub", "1:none", "1:sub", "1:up", "1:paeth", "1:adaptive",
            "1:sub:rle", "1:up:rle", "1:paeth:rle", "2:none", "2:sub", "2:up", "2:paeth", "2:adaptive"]


def output_of(command):
    """The stdout of one command, failing loudly."""
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"step_png: failed: {' '.join(command[:3])} ...\n{result.stderr[-2000:]}")
    return result.stdout


def decode_cpu(folder, count, pixel_format):
    """(CPU seconds to decode `count` PNGs named %06d.png in folder, md5 of their pixels)."""
    pattern = os.path.join(folder, "%06d.png")
    def timed(frames, hash_pixels):
        command = ["ffmpeg", "-v", "error", "-nostats", "-threads", "1", "-f", "image2", "-i", pattern,
                   "-frames:v", str(frames)]
        command += (["-f", "rawvideo", "-pix_fmt", pixel_format, "-"] if hash_pixels else ["-f", "null", "-"])
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        digest = hashlib.md5()
        for chunk in iter(lambda: process.stdout.read(1 << 20), b""):
            digest.update(chunk)
        error = process.stderr.read()
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"step_png: failed: {' '.join(command)}\n{error.decode(errors='replace')[-2000:]}")
        return usage.ru_utime + usage.ru_stime, digest.hexdigest()
    whole, _ = timed(count, False)
    one, _ = timed(1, False)
    _, pixels = timed(count, True)
    return max(whole - one, 0) * count / max(count - 1, 1), pixels


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tool", required=True, help="the compiled step_png")
    parser.add_argument("--work", required=True)
    parser.add_argument("--folder", action="append", required=True, metavar="NAME=DIR",
                        help="a folder of %%06d.png files to measure on (repeat)")
    parser.add_argument("--settings", default=",".join(SETTINGS))
    parser.add_argument("--note", default="")
    parser.add_argument("--no-results", action="store_true", help="print only; leave RESULTS.md alone")
    args = parser.parse_args()

    rows = []
    for entry in args.folder:
        name, folder = entry.split("=", 1)
        files = sorted(glob.glob(os.path.join(folder, "[0-9]" * 6 + ".png")))
        with open(files[0], "rb") as handle:
            header = handle.read(26)
        colour_type = header[25]
        pixel_format = {0: "gray", 2: "rgb24", 6: "rgba"}[colour_type]
        width, height = int.from_bytes(header[16:20], "big"), int.from_bytes(header[20:24], "big")
        _, reference = decode_cpu(folder, len(files), pixel_format)
        for setting in args.settings.split(","):
            out = os.path.join(args.work, name, setting.replace(":", "-"))
            os.makedirs(out, exist_ok=True)
            for old in glob.glob(os.path.join(out, "*.png")):
                os.remove(old)
            size, write = output_of([args.tool, out, setting] + files).split()
            decode, pixels = decode_cpu(out, len(files), pixel_format)
            if pixels != reference:
                sys.exit(f"step_png: {name} {setting}: decoded pixels differ from the originals")
            row = (name, f"{width}x{height} {pixel_format}", len(files), setting,
                   int(size) / len(files) / 1e6, float(write) / len(files) * 1e3, decode / len(files) * 1e3)
            rows.append(row)
            print(f"step_png: {name:10} {setting:16} {row[4]:6.2f} MB/step  write {row[5]:6.1f} ms  "
                  f"decode {row[6]:6.1f} ms", flush=True)

    lines = [BEGIN, "", "## Step PNGs: size against write and decode time (`bench/step_png.sh`)", "",
             f"Measured {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores, "
             "every setting one after another in one run (read the columns against each other, not as absolute "
             "figures). Per step: size; write = libpng + zlib CPU in-process (bench/step_png.c); decode = CPU of "
             "FFmpeg's PNG decoder (`ffmpeg -threads 1 -i %06d.png -f null -`, process start subtracted), the "
             "decoder the render uses through `movie`. Every setting decodes to the same pixels (md5 checked). "
             "`simplified-fast` is the writer before issue #10 (libpng's simplified API, PNG_IMAGE_FLAG_FAST: "
             "filter none, zlib level 3). LEVEL:FILTER[:STRATEGY], `adaptive` = libpng's per-row choice."]
    if args.note:
        lines += ["", args.note]
    lines += ["", "| Folder | Setting | MB/step | Write ms/step | Decode ms/step | Decode ÷ before |",
              "|---|---|---:|---:|---:|---:|"]
    before = {row[0]: row[6] for row in rows if row[3] == "simplified-fast"}
    for name, kind, count, setting, size, write, decode in rows:
        ratio = f"{decode / before[name]:.2f}" if before.get(name) else ""
        lines.append(f"| {name} ({kind}, {count} files) | `{setting}` | {size:.2f} | {write:.1f} | {decode:.1f} | {ratio} |")
    lines += ["", END]
    section = "\n".join(lines)
    print(section)
    if not args.no_results:
        replace_section(os.path.join(HERE, "RESULTS.md"), BEGIN, END, section)


def replace_section(path, begin, end, section):
    """Puts `section` (markers included) in place of the text between the markers, or at the end."""
    text = open(path).read() if os.path.exists(path) else ""
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        tail = rest.split(end, 1)[1]
        text = head + section + tail
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    with open(path + ".tmp", "w") as handle:
        handle.write(text)
    os.replace(path + ".tmp", path)


if __name__ == "__main__":
    main()
