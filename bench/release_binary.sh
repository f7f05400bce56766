# Sourced by the bench scripts (from the repository root): sets `binary` to $BINARY when given,
# else builds parallax in release into .build-rel and points at it.
#   release_binary NAME [quiet]   # NAME prefixes the message; quiet hides swift build's output
release_binary() {
    if [ -n "${BINARY:-}" ]; then
        binary="$BINARY"
        return
    fi
    echo "$1: building release"
    if [ "${2:-}" = quiet ]; then
        swift build -c release --scratch-path .build-rel --product parallax >/dev/null
    else
        swift build -c release --scratch-path .build-rel --product parallax
    fi
    binary="$(swift build -c release --scratch-path .build-rel --show-bin-path)/parallax"
}
