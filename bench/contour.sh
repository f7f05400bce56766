#!/usr/bin/env bash
# Contour layers against straight bands, side by side in one run: the same four layers at
# 1600x900 (10 s, 30 fps, 40 steps), once with wavy contour boundaries (strips with alpha,
# overlaid back to front) and once cut at straight rows (vstack). Prints the median times and
# their ratio (target: contour within 1.25x of straight), for the full render (libx264) and
# for compositing alone (--no-encode).
#
#   bench/contour.sh                       # 3 rounds, preset medium
#   RUNS=1 PRESET=veryfast bench/contour.sh
#   BINARY=.build/debug/parallax bench/contour.sh
#
# Scenes go to $BENCH_DIR (default /tmp/parallax-bench), never into the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${RUNS:-3}"
preset="${PRESET:-medium}"
work="${BENCH_DIR:-/tmp/parallax-bench}/contour"

# BINARY=path skips the release build (the render runs in libavfilter and libx264, so a debug
# binary times the same graph).
. bench/release_binary.sh
release_binary "contour bench" quiet

stamp="$(sha1sum bench/make_contour_scene.py | cut -c1-12)"
if [ "$(cat "$work/.made-by" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$work"
    echo "contour bench: making the scenes in $work"
    python3 bench/make_contour_scene.py "$work"
    echo "$stamp" > "$work/.made-by"
fi

time_of() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

declare -A times
for round in $(seq "$runs"); do
    for kind in straight contour; do
        times[$kind-render]+="$(time_of "$binary" render "$work/$kind" -o "$work/$kind.mp4" --preset "$preset" --quiet) "
        times[$kind-composite]+="$(time_of "$binary" render "$work/$kind" --no-encode --quiet) "
    done
    echo "contour bench: round $round of $runs done"
done

for measure in render composite; do
    straight=$(echo "${times[straight-$measure]}" | tr ' ' '\n' | grep . | median)
    contour=$(echo "${times[contour-$measure]}" | tr ' ' '\n' | grep . | median)
    ratio=$(echo "scale=3; $contour / $straight" | bc)
    printf '%-10s straight %7.2f s   contour %7.2f s   ratio %sx\n' "$measure" "$straight" "$contour" "$ratio"
done
echo "(median of $runs rounds, x264 preset $preset, $(nproc) cores)"
