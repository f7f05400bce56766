#!/usr/bin/env bash
# Split renders: segment time against its share, the join's overhead, projected time on N machines.
# Writes its own section of bench/RESULTS.md (between the segments markers). About 3 minutes.
#
# usage: bench/segments.sh [WIDTHxHEIGHT] [SECONDS]     (default 1280x720, 20 s at 30 fps)
#   PARALLAX=path/to/parallax  use that binary (default: build a release one into .build-bench)
#   ROUNDS=2 PRESET=medium     rounds (medians reported) and the x264 preset
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-1280x720}
seconds=${2:-20}
if [ -z "${PARALLAX:-}" ]; then
    swift build -c release --scratch-path .build-bench --product parallax >/dev/null
    PARALLAX=.build-bench/release/parallax
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/make_scene.py "$work/scene" --width "${size%x*}" --height "${size#*x}" --seconds "$seconds" >/dev/null
python3 bench/segments.py "$PARALLAX" "$work/scene" --rounds "${ROUNDS:-2}" --preset "${PRESET:-medium}" \
    --results bench/RESULTS.md
