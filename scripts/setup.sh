#!/usr/bin/env bash
# Installs what parallax needs on a Debian 12 machine: FFmpeg's libraries and headers, libpng,
# pkg-config, stock ffmpeg (for the parity tests) and the Python packages the example
# inpainters use. Safe to run again; needs root (or sudo) for apt.
set -euo pipefail

apt_packages=(
    pkg-config ffmpeg
    libavfilter-dev libavformat-dev libavcodec-dev libavutil-dev libswscale-dev libswresample-dev
    libpng-dev
    python3 python3-pip python3-venv
)

missing=()
for package in "${apt_packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
# python3 from elsewhere (pyenv) counts too.
if command -v python3 >/dev/null && python3 -m pip --version >/dev/null 2>&1; then
    missing=("${missing[@]/python3}")
    missing=("${missing[@]/python3-pip}")
    python3 -m venv --help >/dev/null 2>&1 && missing=("${missing[@]/python3-venv}")
fi
read -r -a missing <<< "${missing[*]}"

if ((${#missing[@]})); then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "setup: installing ${missing[*]}"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# OpenCV for the example worker inpainter that the tests run for real.
if ! python3 -c "import cv2, numpy" 2>/dev/null; then
    echo "setup: installing opencv-python-headless and numpy from PyPI"
    python3 -m pip install --quiet --disable-pip-version-check opencv-python-headless numpy \
        || python3 -m pip install --quiet --break-system-packages opencv-python-headless numpy
fi
# Python packages for the integrations and the tests that drive them live in .venv/ at the
# repository root (ignored by git). Each block below installs one part's packages.
cd "$(dirname "$0")/.."
[ -x .venv/bin/python ] || python3 -m venv .venv
venv_pip() { .venv/bin/python -m pip install --quiet --disable-pip-version-check "$@"; }
venv_pip --upgrade pip >/dev/null

# --- defects (issue 12): a current stock FFmpeg (9.x, a static build inside the PyPI package
# imageio-ffmpeg) for the tests that run `parallax graph`'s printed command on today's FFmpeg.
.venv/bin/python -c "import imageio_ffmpeg" 2>/dev/null || venv_pip imageio-ffmpeg
# --- end defects
# --- studio (issue 15): the browser tests (Tests/StudioTests): Debian's headless Chromium
# and its driver, Selenium from PyPI in .venv/.
studio_missing=()
for package in chromium chromium-driver; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || studio_missing+=("$package")
done
if ((${#studio_missing[@]})); then
    studio_sudo=""
    [ "$(id -u)" -eq 0 ] || studio_sudo="sudo"
    echo "setup: installing ${studio_missing[*]} for the studio's browser tests"
    $studio_sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $studio_sudo apt-get install -y -qq "${studio_missing[@]}" >/dev/null
fi
.venv/bin/python -c "import selenium" 2>/dev/null || venv_pip selenium
# --- end studio

# Ray and parallax-ray (integrations/ray): split renders and batches on a Ray cluster; the Ray
# tests in `swift test` run .venv/bin/parallax-ray.
if ! .venv/bin/python -c "import ray, parallax_ray" 2>/dev/null; then
    echo "setup: installing ray and integrations/ray into .venv"
    venv_pip "ray>=2.40,<3" -e integrations/ray
fi

echo "setup: ready ($(ffmpeg -version | head -n 1 | cut -d' ' -f1-3))"
