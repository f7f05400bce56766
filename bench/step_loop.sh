#!/usr/bin/env bash
# Times the step loop (without the inpainter) and the built-in inpainter per step at 1600x1050.
# Targets: step loop < 40 ms/step, built-in inpainter < 150 ms/step. Release build.
# Usage: bash bench/step_loop.sh [WIDTH HEIGHT STEPS]
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${SCRATCH_PATH:-.build}"
swift build -c release --scratch-path "$scratch" --product bench-steploop >&2
"$scratch/release/bench-steploop" "$@"
