#!/usr/bin/env bash
# Installs parallax: PREFIX/bin/parallax and the effect fragments in PREFIX/share/parallax/filters,
# where the installed binary looks for them (../share/parallax/filters beside bin/).
#
#   bash scripts/install.sh --prefix /usr/local          # builds in release first
#   bash scripts/install.sh --prefix ~/.local --binary .build/debug/parallax
set -euo pipefail

usage() { echo "usage: $0 --prefix DIR [--binary BUILT_PARALLAX]" >&2; exit 64; }
prefix="" binary=""
while (($#)); do
    case "$1" in
        --prefix) [ $# -ge 2 ] || usage; prefix="$2"; shift 2 ;;
        --prefix=*) prefix="${1#*=}"; shift ;;
        --binary) [ $# -ge 2 ] || usage; binary="$2"; shift 2 ;;
        --binary=*) binary="${1#*=}"; shift ;;
        -h|--help) sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown argument: $1" >&2; usage ;;
    esac
done
[ -n "$prefix" ] || usage

cd "$(dirname "$0")/.."
if [ -z "$binary" ]; then
    swift build -c release --product parallax
    binary="$(swift build -c release --show-bin-path)/parallax"
fi
[ -x "$binary" ] || { echo "install.sh: $binary is not an executable" >&2; exit 1; }

# Copy under temporary names and rename, so a failed install leaves no half-written files.
install_file() {  # SOURCE DESTINATION MODE
    local temporary
    temporary="$(dirname "$2")/.$(basename "$2").installing-$$"
    cp "$1" "$temporary" && chmod "$3" "$temporary" && mv -f "$temporary" "$2"
}
mkdir -p "$prefix/bin" "$prefix/share/parallax/filters"
install_file "$binary" "$prefix/bin/parallax" 755
for fragment in filters/*.lavfi; do
    install_file "$fragment" "$prefix/share/parallax/filters/$(basename "$fragment")" 644
done
echo "installed $prefix/bin/parallax and $(ls filters/*.lavfi | wc -l) effects in $prefix/share/parallax/filters"
