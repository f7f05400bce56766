#!/usr/bin/env bash
# How well the default contour boundaries follow real pictures, against straight rows: builds
# release and runs bench/contour_separation.py over /work/photos (or the PNGs given), writing its
# section of bench/RESULTS.md. A minute or two after the build.
#   bash bench/contour_separation.sh [PNG ...]
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${SCRATCH_PATH:-.build-rel}"
swift build -c release --scratch-path "$scratch" --product parallax >&2
python3 bench/contour_separation.py --parallax "$scratch/release/parallax" --results bench/RESULTS.md "$@"
