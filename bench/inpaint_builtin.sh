#!/usr/bin/env bash
# Times the built-in exemplar fill: ms per step at 1600x1050 with a 4-band strip mask
# (24 px step shift), release build. Target: under 150 ms per step (wall; the fill runs its
# independent parts on every core, and the CPU time of the whole process is printed beside it).
# Extra arguments go to bench-inpaint (see bench/InpaintBuiltin/main.swift), e.g. --uniform
# (every band moves the full 24 px) or --direction 135.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch="${SCRATCH_PATH:-.build-bench}"
swift build -c release --scratch-path "$scratch" --product bench-inpaint >&2
"$scratch/release/bench-inpaint" "$@"
