#!/usr/bin/env bash
# Compares the interpolation modes on one ground-truth scene: render time and PSNR against the
# exact frames a perfect render shows. Lossless FFV1 output, so only interpolation is measured.
#
# usage: bench/interpolation.sh [WIDTHxHEIGHT] [STEPS]      (default 320x192, 12 steps at 4/s, 30 fps)
#   PARALLAX=path/to/parallax  use that binary (default: build a release one into .build-bench)
#   MODES="exact minterpolate" the modes to compare (default: exact minterpolate blend crossfade)
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-320x192}
steps=${2:-12}
width=${size%x*}
height=${size#*x}
modes=${MODES:-exact minterpolate blend crossfade}

if [ -z "${PARALLAX:-}" ]; then
    swift build -c release --scratch-path .build-bench --product parallax >/dev/null
    PARALLAX=.build-bench/release/parallax
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 bench/ground_truth.py "$work/scene" --width "$width" --height "$height" --steps "$steps" >/dev/null

# Frame n of a render against frame n of the truth, numbered alike on both sides.
psnr() {
    ffmpeg -hide_banner -nostats -i "$1" -f rawvideo -pix_fmt rgb24 -s "${width}x${height}" -framerate 30 \
        -i "$work/scene/truth.rgb" -lavfi '[0]format=rgb24,settb=1/30,setpts=N[a];[1]settb=1/30,setpts=N[b];[a][b]psnr' -f null - 2>&1 \
        | sed -n 's/.*average:\([0-9.a-z]*\) min:\([0-9.a-z]*\).*/\1 \2/p'
}

# Best wall-clock time of three renders, in seconds (bash's EPOCHREALTIME, awk for the sums).
seconds() {
    local best=""
    for _ in 1 2 3; do
        local start=$EPOCHREALTIME
        "$PARALLAX" render "$work/scene" -o "$work/$1.mkv" --codec ffv1 --interpolation "$1" -q
        local elapsed
        elapsed=$(awk -v a="$start" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.4f", b - a }')
        best=$(awk -v a="$elapsed" -v b="${best:-$elapsed}" 'BEGIN { print (a < b ? a : b) }')
    done
    echo "$best"
}

frames=$(( (steps * 30 + 3) / 4 ))
echo "interpolation bench: ${width}x${height}, $steps steps, $frames frames, best of 3 runs, lossless output"
printf '%-14s %10s %10s %14s %12s\n' mode seconds "x exact" "PSNR avg dB" "PSNR min dB"
base=""
for mode in $modes; do
    time=$(seconds "$mode")
    [ -n "$base" ] || base=$time
    read -r average minimum <<< "$(psnr "$work/$mode.mkv")"
    printf '%-14s %10.3f %10.2f %14s %12s\n' "$mode" "$time" "$(awk -v a="$time" -v b="$base" 'BEGIN { print a / b }')" "$average" "$minimum"
done
