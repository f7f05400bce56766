#!/usr/bin/env bash
# The benchmark, in one command: builds release, makes the ground-truth scenes (reproducibly,
# under /tmp), measures parallax against x264 alone on the same frames, against itself before
# issue #10 (BEFORE, run side by side in the same rounds) and against the alternatives, and
# writes its section of bench/RESULTS.md (between the bench markers; the other sections stay).
# About 25 minutes on 2 idle cores with RUNS=1 from cold (release build, scenes), 11 when warm; see bench/README.md.
#
#   bench/run.sh                          # 3 rounds, x264 preset medium (parallax's default)
#   RUNS=1 bench/run.sh                   # one round: what the coordinator runs at the end
#   RUNS=1 PRESET=veryfast bench/run.sh   # a quick look
#   NO_MOVIEPY=1 bench/run.sh             # skip installing and timing MoviePy
#   SKIP=script,prototype,stages,memory NO_4K=1 bench/run.sh   # leave parts out
#   BEFORE=/tmp/parallax-before bench/run.sh   # the binary to compare with (default: that path
#                                         # when it exists; BEFORE= to run without)
#   PHOTO=/path/photo.png bench/run.sh    # the photo scene's picture (default
#                                         # /work/photos/motorcycle_left.png when it exists; PHOTO= for none)
#   SMALL=1 bench/run.sh                  # tiny scenes (320x210, 12 steps) to try the bench itself
#   BINARY=.build/debug/parallax bench/run.sh   # skip the release build
#
# Large media goes to $BENCH_DIR (default /tmp/parallax-bench), never into the repository; the
# raw frames (1.5 GB per scene) are deleted after each scene's rows.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-3}"
preset="${PRESET:-medium}"
work="${BENCH_DIR:-/tmp/parallax-bench}"
before="${BEFORE-/tmp/parallax-before}"
[ -x "$before" ] || before=""
photo="${PHOTO-/work/photos/motorcycle_left.png}"
[ -f "$photo" ] || photo=""
mkdir -p "$work"

. bench/release_binary.sh
release_binary "bench"
cc -O2 -o "$work/step_png" bench/step_png.c $(pkg-config --cflags --libs libpng) -lz

# MoviePy lives in its own virtual environment (with the system's numpy and OpenCV), installed
# here only: the project itself does not need it. It encodes with the system ffmpeg, like the rest.
moviepy_python=""
if [ -z "${NO_MOVIEPY:-}" ]; then
    venv="$work/venv"
    if ! "$venv/bin/python" -c "import moviepy" 2>/dev/null; then
        echo "bench: installing MoviePy into $venv"
        python3 -m venv --system-site-packages "$venv"
        "$venv/bin/pip" install --quiet --disable-pip-version-check moviepy
    fi
    moviepy_python="$venv/bin/python"
    export FFMPEG_BINARY="$(command -v ffmpeg)"
fi

# Ground truth: procedural scenes, 4 layers, 4 steps/s x 20 s = 80 steps, 30 fps (1600x1050 and
# 1600x900), and a short 4K 60 fps one. Made once per generator version; the seed fixes every pixel.
make_scene() {
    local directory="$1"; shift
    local stamp
    stamp="$(sha1sum bench/make_scene.py | cut -c1-12) $*"
    if [ "$(cat "$directory/.made-by" 2>/dev/null)" != "$stamp" ]; then
        rm -rf "$directory"
        python3 bench/make_scene.py "$directory" "$@"
        echo "$stamp" > "$directory/.made-by"
    fi
}
scenes=()
if [ -n "${SMALL:-}" ]; then
    make_scene "$work/scene-small" --width 320 --height 210 --seconds 3 --fps 30 --steps-per-second 4
    make_scene "$work/scene-small-b" --width 320 --height 180 --seconds 3 --fps 30 --steps-per-second 4 --seed 7
    scenes+=(--scene "small=$work/scene-small" --scene "small-b=$work/scene-small-b")
    photo_size="320:180"; photo_steps=12
else
    make_scene "$work/scene-20s" --width 1600 --height 1050 --seconds 20 --fps 30 --steps-per-second 4
    make_scene "$work/scene-900" --width 1600 --height 900 --seconds 20 --fps 30 --steps-per-second 4 --seed 7
    scenes+=(--scene "1600x1050=$work/scene-20s" --scene "1600x900=$work/scene-900")
    photo_size="1600:900"; photo_steps=80
    if [ -z "${NO_4K:-}" ]; then
        make_scene "$work/scene-4k" --width 3840 --height 2160 --seconds 5 --fps 60 --steps-per-second 4
    fi
fi

# A photo scene: the picture scaled to the scene's width and cropped (ffmpeg lanczos), 4 straight
# bands (`parallax init --straight`), steps filled by the binary under test's built-in fill.
# Remade when the binary or the picture changes.
if [ -n "$photo" ]; then
    project="$work/scene-photo"
    stamp="$(sha1sum "$binary" "$photo" | cut -c1-12 | tr '\n' ' ') $photo_size $photo_steps"
    if [ "$(cat "$project/.made-by" 2>/dev/null)" != "$stamp" ]; then
        rm -rf "$project"
        mkdir -p "$work/photo-input"
        ffmpeg -v error -y -i "$photo" -vf "scale=${photo_size%%:*}:-2:flags=lanczos,crop=${photo_size}" \
            "$work/photo-input/photo.png"
        "$binary" init "$work/photo-input/photo.png" "$project" --straight --steps "$photo_steps" >/dev/null
        "$binary" generate "$project" -q
        echo "$stamp" > "$project/.made-by"
    fi
    scenes+=(--scene "photo=$project")
fi

four_k=()
[ -n "${SMALL:-}" ] || [ -n "${NO_4K:-}" ] || four_k=(--four-k "$work/scene-4k")

python3 bench/bench.py --binary "$binary" ${before:+--before-binary "$before"} "${scenes[@]}" "${four_k[@]}" \
    --step-png "$work/step_png" --work "$work/out" --runs "$runs" --preset "$preset" \
    ${moviepy_python:+--moviepy-python "$moviepy_python"} ${NOTE:+--note "$NOTE"} ${SKIP:+--skip "$SKIP"} \
    ${MEMORY_RUNS:+--memory-runs "$MEMORY_RUNS"} ${LONG_SECONDS:+--long-seconds "$LONG_SECONDS"} \
    ${SMALL:+--long-seconds 18 --pingpong-fallback-seconds 9 --moviepy-seconds 2}
