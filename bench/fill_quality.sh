#!/usr/bin/env bash
# Fill quality against the truth on wide test pictures: the built-in fill, OpenCV Telea,
# "stretch the last column" and the truth rearranged along x, side by side (see bench/fill_quality.py for the measures and
# targets). Release build; needs python3 with numpy and cv2 (scripts/setup.sh).
# Usage: bash bench/fill_quality.sh [--baseline OTHER_PARALLAX] [--seeds 0,1,2] [--sheet docs/inpainters/fill_quality.png] [--only rocket]
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${SCRATCH_PATH:-.build}"
swift build -c release --scratch-path "$scratch" --product parallax >&2
python=python3
if [ -x .venv/bin/python3 ] && .venv/bin/python3 -c "import cv2, numpy" 2>/dev/null; then
    python=.venv/bin/python3
fi
"$python" bench/fill_quality.py --parallax "$scratch/release/parallax" "$@"
