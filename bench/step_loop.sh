#!/usr/bin/env bash
# Times the real StepLoop.run at 1600x1050 and, inside it, the built-in inpainter, per step.
# Targets: built-in inpainter < 150 ms/step (the loop's < 40 ms excluded PNG writes). Release build.
# Usage: bash bench/step_loop.sh [WIDTH HEIGHT STEPS]
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${SCRATCH_PATH:-.build}"
swift build -c release --scratch-path "$scratch" --product bench-steploop >&2
"$scratch/release/bench-steploop" "$@"
