#!/usr/bin/env bash
# Packaging test (run by ctest as `packaging`): installs a pbp build to a temporary prefix, then
# builds and runs against that prefix only
#   1. a C++ consumer through find_package(pbp CONFIG REQUIRED) (pbp::pbp and pbp::pbp_c),
#   2. a C consumer through pkg-config (pbp.pc),
#   3. the Conan recipe's test_package/ CMake project (Conan itself is not installed here),
#   4. the examples under examples/c and examples/cpp,
# checks that libpbp_c exports only the C API, and builds the library from a fresh tree as the
# Conan recipe configures it, with the Makefile generator (Conan's default on Linux).
# usage: tests/packaging/run.sh BUILD_DIR
set -euo pipefail
BUILD=$(cd "${1:?usage: run.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pbp-packaging.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PREFIX="$WORK/prefix"
GEN=()
command -v ninja >/dev/null && GEN=(-G Ninja)

step() { echo; echo "== $*"; }

step "install to $PREFIX"
cmake --install "$BUILD" --prefix "$PREFIX" >"$WORK/install.log"
for f in include/pbp/pbp.h include/pbp/model.hpp lib/cmake/pbp/pbp-config.cmake lib/cmake/pbp/pbp-config-version.cmake \
         lib/cmake/pbp/pbp-targets.cmake lib/cmake/pbp/FindMicrosoftGSL.cmake lib/pkgconfig/pbp.pc \
         share/pbp/models/nottinghamshire.json bin/pbp; do
  [ -e "$PREFIX/$f" ] || { echo "missing from the install: $f"; exit 1; }
done
ls "$PREFIX"/lib/libpbp_c.so.* >/dev/null
"$PREFIX/bin/pbp" --version
# The national model works from the install alone (issue 10: "pbp report england on a fresh install").
if [ -e "$BUILD/generated/models/england.json" ]; then  # built with PBP_BUNDLE_ENGLAND
  "$PREFIX/bin/pbp" report england >"$WORK/england-report.txt"
  grep -q "6,220 GP practices and 1,285 primary care networks" "$WORK/england-report.txt" \
    || { echo "pbp report england from the install lacks the national summary"; exit 1; }
  [ -e "$PREFIX/share/pbp/models/england.json" ] || { echo "missing from the install: share/pbp/models/england.json"; exit 1; }
  echo "pbp report england: $(wc -l <"$WORK/england-report.txt") lines"
fi

step "libpbp_c exports the C API and nothing else"
if command -v nm >/dev/null; then
  others=$(nm -D --defined-only "$PREFIX"/lib/libpbp_c.so | awk '{print $3}' | grep -v '^pbp_' || true)
  [ -z "$others" ] || { echo "unexpected exported symbols:"; echo "$others" | head; exit 1; }
  echo "$(nm -D --defined-only "$PREFIX"/lib/libpbp_c.so | grep -c ' T pbp_') pbp_* functions exported"
fi

build_cmake() {  # SOURCE_DIR NAME
  cmake -S "$1" -B "$WORK/$2" "${GEN[@]}" -DCMAKE_PREFIX_PATH="$PREFIX" -DCMAKE_BUILD_TYPE=Release \
        -DCMAKE_INSTALL_RPATH="$PREFIX/lib" >"$WORK/$2.configure.log" || { cat "$WORK/$2.configure.log"; exit 1; }
  cmake --build "$WORK/$2" >"$WORK/$2.build.log" || { cat "$WORK/$2.build.log"; exit 1; }
}

step "C++ consumer: find_package(pbp CONFIG REQUIRED)"
build_cmake "$SRC/tests/packaging/consumer-cpp" consumer-cpp
grep -q "$PREFIX/lib/cmake/pbp" "$WORK/consumer-cpp/CMakeCache.txt" || { echo "pbp was not found in $PREFIX"; exit 1; }
"$WORK/consumer-cpp/consumer"

step "C consumer: pkg-config"
export PKG_CONFIG_PATH="$PREFIX/lib/pkgconfig"
[ "$(pkg-config --modversion pbp)" = "$(sed -n 's/^Version: //p' "$PREFIX/lib/pkgconfig/pbp.pc")" ]
echo "pkg-config: pbp $(pkg-config --modversion pbp): $(pkg-config --cflags --libs pbp)"
# shellcheck disable=SC2046
${CC:-cc} -std=c99 -pedantic -Wall -Wextra -Werror "$SRC/tests/packaging/consumer-c/main.c" \
  $(pkg-config --cflags --libs pbp) -o "$WORK/consumer-c"
LD_LIBRARY_PATH="$PREFIX/lib" "$WORK/consumer-c"

step "Conan test_package, built as a plain CMake project against the installed package"
build_cmake "$SRC/test_package" test_package
"$WORK/test_package/test_package"

step "examples (C and C++) against the installed package"
build_cmake "$SRC/examples/c" example-c
"$WORK/example-c/pbp_example_c" >/dev/null
build_cmake "$SRC/examples/cpp" example-cpp
"$WORK/example-cpp/pbp_example_cpp" >/dev/null
echo "examples built and run"

step "the library from a fresh tree, configured as conanfile.py does, with Unix Makefiles"
# Ninja makes the directories of custom commands' outputs and Make does not: the bundled models
# are generated under generated/ (CMakeLists.txt), so this build fails if one goes missing.
# The cache variables are those of conanfile.py's generate(); unity only makes it quicker.
cmake -S "$SRC" -B "$WORK/conan-like" -G "Unix Makefiles" -DCMAKE_BUILD_TYPE=Release -DCMAKE_UNITY_BUILD=ON \
      -DPBP_BUILD_TESTS=OFF -DPBP_BUILD_EXAMPLES=OFF -DPBP_BUILD_DOCS=OFF -DPBP_BUILD_BENCH=OFF -DPBP_BUILD_TOOLS=ON \
      >"$WORK/conan-like.configure.log" || { cat "$WORK/conan-like.configure.log"; exit 1; }
cmake --build "$WORK/conan-like" -j "$(nproc)" --target pbp >"$WORK/conan-like.build.log" 2>&1 \
  || { tail -30 "$WORK/conan-like.build.log"; exit 1; }
for f in generated/models/england-areas.json generated/models/england.json generated/bundled_models.cpp; do
  [ -s "$WORK/conan-like/$f" ] || { echo "the Makefile build did not make $f"; exit 1; }
done
echo "built with Unix Makefiles: $(ls "$WORK"/conan-like/libpbp.*)"

echo
echo "packaging: all checks passed"
