#!/usr/bin/env bash
# Checks the C shim (Sources/CParallaxAV) under AddressSanitizer, in two parts, and fails on any
# sanitizer report:
#
# 1. The render and reliability tests, built with `--sanitize=address` in their own scratch
#    path: the shim called from Swift, in the test process and in every `parallax` it starts.
#    Leak detection is off here: the Swift runtime, Foundation and the test harness keep
#    allocations to exit that LeakSanitizer would report, drowning the shim's.
# 2. A small C driver built from the shim's sources with ASan and LeakSanitizer, with no Swift
#    runtime in the process, running every shim path (render, composite, bad graph, bad option,
#    bad path, cancel, PNG I/O, damaged PNG) three times: any leak there is the shim's or FFmpeg's.
#
#   scripts/asan.sh                 # both parts
#   scripts/asan.sh driver          # only the C driver (seconds)
#   FILTER='ParallaxAVTests' scripts/asan.sh
set -euo pipefail
cd "$(dirname "$0")/.."

part="${1:-all}"
filter="${FILTER:-ReliabilityTests|ParallaxAVTests}"
scratch=".build-asan"
work="$(mktemp -d /tmp/parallax-asan.XXXXXX)"
failed=0

report_logs() {
    local reports=("$1"/asan.*)
    [ -e "${reports[0]}" ] || return 0
    echo "asan: ${#reports[@]} report(s) in $1:" >&2
    for report in "${reports[@]}"; do
        echo "---- $report" >&2
        head -n 60 "$report" >&2
    done
    return 1
}

if [ "$part" = all ] || [ "$part" = tests ]; then
    mkdir -p "$work/tests"
    export ASAN_OPTIONS="log_path=$work/tests/asan:detect_leaks=0:strict_string_checks=1:detect_stack_use_after_return=1"
    swift build --sanitize=address --scratch-path "$scratch" --build-tests
    status=0
    # Peak-memory tests are skipped: ASan's quarantine holds freed memory (256 MB by default), so
    # RSS under ASan says nothing about the program's own use.
    swift test --sanitize=address --scratch-path "$scratch" --skip-build --filter "$filter" \
        --skip "ConstantMemoryTests|RepeatedRenderTests" || status=$?
    report_logs "$work/tests" || failed=1
    if [ "$status" -ne 0 ]; then
        echo "asan: the tests failed (exit $status)" >&2
        failed=1
    fi
    unset ASAN_OPTIONS
fi

if [ "$part" = all ] || [ "$part" = driver ]; then
    # A tiny project made with stock ffmpeg, and its graph as parallax emits it.
    project="$work/project"
    mkdir -p "$project/steps" "$work/driver"
    ffmpeg -v error -f lavfi -i testsrc2=s=96x64:r=1 -frames:v 7 -start_number 0 "$project/steps/%06d.png"
    cat > "$project/scene.json" <<'JSON'
{ "direction": 180, "stepShift": 8, "stepsPerSecond": 4, "fps": 30, "steps": 6,
  "layers": [ { "height": 24, "speed": 0.5 }, { "speed": 1 } ] }
JSON
    head -c 200 "$project/steps/000003.png" > "$work/damaged.png"
    parallax="$(ls "$scratch"/debug/parallax 2>/dev/null || true)"
    [ -x "$parallax" ] || { swift build --scratch-path "$scratch" --product parallax >/dev/null; parallax="$scratch/debug/parallax"; }
    "$parallax" graph "$project" -o "$work/unused.mp4" --script "$work/graph.lavfi" >/dev/null

    libraries="libavfilter libavformat libavcodec libavutil libswscale libswresample libpng"
    # shellcheck disable=SC2046
    clang -g -O1 -fsanitize=address -fno-omit-frame-pointer -fuse-ld=lld \
        -I Sources/CParallaxAV/include -I Sources/CParallaxAV $(pkg-config --cflags $libraries) \
        scripts/asan/shim_driver.c Sources/CParallaxAV/*.c \
        $(pkg-config --libs $libraries) -lpthread -o "$work/shim_driver"
    status=0
    ASAN_OPTIONS="log_path=$work/driver/asan:detect_leaks=1" \
        "$work/shim_driver" "$work/graph.lavfi" "$work/driver-out.mp4" "$project/steps/000000.png" "$work/damaged.png" \
        || status=$?
    report_logs "$work/driver" || failed=1
    if [ "$status" -ne 0 ]; then
        echo "asan: the shim driver failed (exit $status)" >&2
        failed=1
    fi
fi

if [ "$failed" -ne 0 ]; then
    echo "asan: FAILED (logs kept in $work)" >&2
    exit 1
fi
rm -rf "$work"
echo "asan: no reports ($part)"
