#!/usr/bin/env bash
# Renders part INDEX (0-based) of COUNT of a project's video into PARTS/part-INDEX.mp4: what one
# Slurm array task or one pod of a Kubernetes Indexed Job runs. Join the parts afterwards with
#   parallax concat -o OUT.mp4 --project PROJECT PARTS/part-*.mp4
# Usage: render-part.sh PROJECT PARTS INDEX COUNT [more parallax render flags]
# PARALLAX names the binary (default: parallax on PATH).
set -euo pipefail
project=$1 parts=$2 index=$3 count=$4
shift 4
parallax=${PARALLAX:-parallax}
# `parallax plan` ends with "duration 20.000 s, 600 frames".
total=$("$parallax" plan "$project" | sed -n 's/.*, \([0-9][0-9]*\) frames$/\1/p')
if [ -z "$total" ]; then echo "render-part.sh: no frame count from parallax plan $project" >&2; exit 1; fi
start=$(( index * total / count ))
end=$(( (index + 1) * total / count ))
if [ "$start" -ge "$end" ]; then echo "render-part.sh: part $index of $count is empty ($total frames)" >&2; exit 0; fi
mkdir -p "$parts"
exec "$parallax" render "$project" -o "$(printf '%s/part-%04d.mp4' "$parts" "$index")" \
    --frames "$start:$end" -q "$@"
