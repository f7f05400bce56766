#!/usr/bin/env bash
# The benchmark, in one command: builds release, makes the ground-truth scenes (reproducibly,
# under /tmp), measures parallax against the alternatives side by side and writes
# bench/RESULTS.md. About 15 minutes on 2 cores.
#
#   bench/run.sh                          # 3 rounds, x264 preset medium (parallax's default)
#   RUNS=1 PRESET=veryfast bench/run.sh   # a quick look
#   NO_MOVIEPY=1 bench/run.sh             # skip installing and timing MoviePy
#   SKIP=script,prototype NO_4K=1 bench/run.sh   # leave contenders (and the 4K render) out
#   RUNS=1 MEMORY_RUNS=3 bench/run.sh     # one timing round, the memory pair 3 times
#
# Large media goes to $BENCH_DIR (default /tmp/parallax-bench), never into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-3}"
preset="${PRESET:-medium}"
work="${BENCH_DIR:-/tmp/parallax-bench}"
mkdir -p "$work"

echo "bench: building release"
swift build -c release --scratch-path .build-rel --product parallax
binary="$(swift build -c release --scratch-path .build-rel --show-bin-path)/parallax"

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

# Ground truth: the 20 s scene (1600x1050, 4 layers, 4 steps/s x 20 s = 80 steps, 30 fps) and a
# short 4K 60 fps one. Made once per generator version; the seed fixes every pixel.
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
make_scene "$work/scene-20s" --width 1600 --height 1050 --seconds 20 --fps 30 --steps-per-second 4
[ -n "${NO_4K:-}" ] || make_scene "$work/scene-4k" --width 3840 --height 2160 --seconds 5 --fps 60 --steps-per-second 4

python3 bench/bench.py --binary "$binary" --project "$work/scene-20s" ${NO_4K:+--no-4k} --four-k "$work/scene-4k" \
    --work "$work/out" --runs "$runs" --preset "$preset" ${moviepy_python:+--moviepy-python "$moviepy_python"} \
    ${NOTE:+--note "$NOTE"} ${SKIP:+--skip "$SKIP"} ${MEMORY_RUNS:+--memory-runs "$MEMORY_RUNS"} \
    ${LONG_SECONDS:+--long-seconds "$LONG_SECONDS"}
