#!/bin/bash
# Side-by-side timing of two parallax binaries on existing projects (quicker than run.sh):
#   bash bench/side_by_side.sh ROUNDS BEFORE_BINARY AFTER_BINARY PROJECT...
# Per round, per project, each binary in turn: x264 alone on that binary's own frames (stock
# ffmpeg encoding the raw yuv420p frames with parallax's flags, as bench/bench.py does),
# `render --no-encode`, whole render. Prints "wall user sys maxRSS(KB)" per run and the ratios
# (CPU = user+sys; wall) of that round. Work files under $WORK (default /tmp/parallax-side-by-side).
set -euo pipefail
rounds=$1 before=$2 after=$3; shift 3
work=${WORK:-/tmp/parallax-side-by-side}
mkdir -p "$work"
t() { /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }; cat "$work/time"; }
for project in "$@"; do
  for side in before after; do
    bin=${!side}; name=$(basename "$project")-$side
    line=$("$bin" graph "$project" -o "$work/$name-script.mp4" --script "$work/$name.lavfi")
    # the frames once, by stock ffmpeg running the emitted script (parity holds them identical)
    read -r w h < <(python3 -c "import struct;d=open('$project/steps/000000.png','rb').read(24);print(*struct.unpack('>II',d[16:24]))")
    fps=$(python3 -c "import json;print(json.load(open('$project/scene.json'))['fps'])")
    if [ ! -s "$work/$name.yuv" ] || ! cmp -s "$work/$name.lavfi" "$work/$name.lavfi.made"; then
      ffmpeg -v error -y -filter_complex_script "$work/$name.lavfi" -map '[vout]' -f rawvideo -pix_fmt yuv420p "$work/$name.yuv"
      cp "$work/$name.lavfi" "$work/$name.lavfi.made"
    fi
    x264=$(python3 -c "import shlex,sys;w=shlex.split(sys.argv[1]);print(shlex.join(w[w.index('-c:v'):w.index('-movflags')]))" "$line")
    echo "ffmpeg -y -v error -nostats -f rawvideo -pix_fmt yuv420p -s ${w}x${h} -framerate $fps -i $work/$name.yuv $x264 -movflags +faststart $work/$name-x264.mp4" > "$work/$name.x264"
  done
done
echo "load: $(cat /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  for project in "$@"; do
    for side in before after; do
      bin=${!side}; name=$(basename "$project")-$side
      x=$(t bash "$work/$name.x264")
      n=$(t "$bin" render "$project" --no-encode -q)
      r=$(t "$bin" render "$project" -o "$work/$name-render.mp4" -q)
      python3 - "$round" "$name" "$x" "$n" "$r" "$(cut -d' ' -f1 /proc/loadavg)" <<'PY'
import sys
rnd, name, x, n, r, load = sys.argv[1:]
x, n, r = ([float(v) for v in s.split()] for s in (x, n, r))
cpu = lambda v: v[1] + v[2]
print(f"round {rnd} {name:24s} x264 {x[0]:5.1f}s wall {cpu(x):5.1f}s cpu {x[3]/1024:4.0f}MB | "
      f"no-encode {n[0]:4.1f}s {cpu(n):4.1f}cpu {n[3]/1024:4.0f}MB | render {r[0]:5.1f}s {cpu(r):5.1f}cpu {r[3]/1024:4.0f}MB | "
      f"no-enc/x264 wall {n[0]/x[0]:.3f} cpu {cpu(n)/cpu(x):.3f} | render/x264 wall {r[0]/x[0]:.3f} cpu {cpu(r)/cpu(x):.3f} | load {load}")
PY
    done
  done
done
