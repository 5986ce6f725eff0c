#!/usr/bin/env bash
# Build a free-threaded CPython 3.13 ("3.13t", `./configure --disable-gil`) for the
# threads-backend benchmarks (docs/benchmarks.md, "Free-threaded CPython").
#
#   bash benchmarks/build_freethreaded.sh [PREFIX]      # default: ~/.local/python3.13t
#
# No package ships a free-threaded interpreter for this Debian, so the source comes
# from Debian's own python3.13 source package (testing/unstable), read through a
# private apt configuration in a scratch directory: the system's apt sources, lists
# and caches are not touched.  The newest versions listed may be missing from the
# mirror, so each listed version is tried, newest first, until one downloads.
# Only the upstream tarball is used (Debian's patches are for its own packaging).
# About 2.5 minutes on 2 idle cores.  Afterwards:
#
#   PREFIX/bin/python3.13t -m venv /tmp/ft && . /tmp/ft/bin/activate
#   pip install --prefer-binary 'numpy<2.5' 'libcst<1.9' click && pip install -e .
#
# (the newest numpy and libcst releases have no cp313t wheels; their source builds
# need tools or crates that cannot be fetched here).
set -euo pipefail

PREFIX=${1:-${OMPPY_FT_PREFIX:-$HOME/.local/python3.13t}}
WORK=${OMPPY_FT_WORK:-$(mktemp -d /tmp/omppy-ft-build.XXXXXX)}
JOBS=${JOBS:-$(nproc)}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

if [ -x "$PREFIX/bin/python3.13t" ]; then
    echo "already built: $PREFIX/bin/python3.13t" >&2
    "$PREFIX/bin/python3.13t" -VV
    exit 0
fi

mkdir -p "$WORK/apt/lists/partial" "$WORK/apt/cache/archives/partial" "$WORK/apt/etc"
cat >"$WORK/apt/etc/sources.list" <<EOF
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR testing main
deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR unstable main
EOF
: >"$WORK/apt/etc/preferences"
APT=(
    -o "Dir::Etc::SourceList=$WORK/apt/etc/sources.list"
    -o "Dir::Etc::SourceParts=/nonexistent"
    -o "Dir::Etc::Preferences=$WORK/apt/etc/preferences"
    -o "Dir::Etc::PreferencesParts=/nonexistent"
    -o "Dir::State::Lists=$WORK/apt/lists"
    -o "Dir::Cache=$WORK/apt/cache"
    -o "Dir::State::status=/var/lib/dpkg/status"
    -o "APT::Get::Only-Source=true"
)

echo "== reading Debian's source lists (private apt configuration in $WORK/apt)" >&2
apt-get "${APT[@]}" update -qq

mkdir -p "$WORK/src"
cd "$WORK/src"
versions=$(apt-cache "${APT[@]}" showsrc python3.13 | awk '/^Version:/ {print $2}' | sort -Vru)
[ -n "$versions" ] || { echo "no python3.13 source package listed" >&2; exit 1; }
got=""
for version in $versions; do
    echo "== trying python3.13 $version" >&2
    if apt-get "${APT[@]}" source --download-only -qq "python3.13=$version" 2>/dev/null; then
        got=$version
        break
    fi
done
[ -n "$got" ] || { echo "no listed python3.13 version could be downloaded" >&2; exit 1; }
upstream=${got%%-*}
tar xf python3.13_"$upstream".orig.tar.*
cd Python-"$upstream"* 2>/dev/null || cd python3.13-"$upstream"* 2>/dev/null || cd "$(find . -maxdepth 1 -type d -name 'Python-*' | head -1)"

echo "== configure --disable-gil (prefix $PREFIX)" >&2
./configure --disable-gil --prefix="$PREFIX" --with-ensurepip=install >"$WORK/configure.log" 2>&1 \
    || { tail -30 "$WORK/configure.log"; exit 1; }
echo "== make -j$JOBS" >&2
make -j"$JOBS" >"$WORK/make.log" 2>&1 || { tail -40 "$WORK/make.log"; exit 1; }
make install >"$WORK/install.log" 2>&1 || { tail -40 "$WORK/install.log"; exit 1; }

"$PREFIX/bin/python3.13t" -c 'import sys; assert not sys._is_gil_enabled(), "GIL enabled"'
"$PREFIX/bin/python3.13t" -VV
echo "built $PREFIX/bin/python3.13t (work files in $WORK)" >&2
