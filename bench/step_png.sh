#!/usr/bin/env bash
# Which PNG setting parallax writes its step images with: size against write and decode time on
# real step folders, every setting side by side in one run. Writes its own section of
# bench/RESULTS.md (between the step-png markers). About 5 minutes on 2 idle cores.
#
#   bench/step_png.sh                              # the procedural scene and a photo project
#   PHOTO=/path/to/photo.png bench/step_png.sh     # another photo (default /work/photos/rocket.png)
#   BINARY=.build/debug/parallax bench/step_png.sh # skip the release build
#
# The folders: bench/make_scene.py at 1600x900 (80 steps, seed 7), and a project made by
# `parallax init` + `parallax generate` (built-in fill, 80 steps, default contour layers) from
# the photo scaled to 1600 wide and cropped to 900 rows (ffmpeg lanczos): its steps/ (RGB) and
# its nearest layer's strips (RGBA). Everything goes under $BENCH_DIR (default /tmp/parallax-bench).
set -euo pipefail
cd "$(dirname "$0")/.."

work="${BENCH_DIR:-/tmp/parallax-bench}/step-png"
photo="${PHOTO:-/work/photos/rocket.png}"
mkdir -p "$work"

. bench/release_binary.sh
release_binary "step_png" quiet
cc -O2 -o "$work/step_png" bench/step_png.c $(pkg-config --cflags --libs libpng) -lz

stamp="$(sha1sum bench/make_scene.py | cut -c1-12)"
if [ "$(cat "$work/scene/.made-by" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$work/scene"
    python3 bench/make_scene.py "$work/scene" --width 1600 --height 900 --seconds 20 --fps 30 \
        --steps-per-second 4 --seed 7
    echo "$stamp" > "$work/scene/.made-by"
fi
folders=(--folder "procedural=$work/scene/steps")

if [ -f "$photo" ]; then
    name="$(basename "$photo" .png)"
    project="$work/photo-$name"
    if [ ! -f "$project/.made" ]; then
        rm -rf "$project"
        mkdir -p "$project"
        ffmpeg -v error -y -i "$photo" -vf "scale=1600:-2:flags=lanczos,crop=1600:900" "$work/$name-1600x900.png"
        "$binary" init "$work/$name-1600x900.png" "$project" --steps 80 >/dev/null
        "$binary" generate "$project" -q
        touch "$project/.made"
    fi
    folders+=(--folder "$name=$project/steps")
    last_layer="$(ls -d "$project"/layers/[0-9]* 2>/dev/null | tail -1)"
    [ -z "$last_layer" ] || folders+=(--folder "$name-strips=$last_layer")
else
    echo "step_png: no photo at $photo; measuring the procedural scene only"
fi

python3 bench/step_png.py --tool "$work/step_png" --work "$work/out" "${folders[@]}" "$@"
