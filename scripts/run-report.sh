#!/usr/bin/env bash
# From a fresh clone: install dependencies, build pbp, and print the report on the bundled
# Nottingham and Nottinghamshire model.
# Its own build folder (build-report/, Release, no tests), so that it never shares a CMake cache
# with scripts/run-tests.sh: the two commands can run in either order on one clone.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-report -G Ninja -DCMAKE_BUILD_TYPE=Release -DPBP_BUILD_TESTS=OFF \
      -DPBP_BUILD_EXAMPLES=OFF -DPBP_BUILD_TOOLS=ON -DPBP_BUILD_BENCH=OFF -DPBP_SANITIZE=OFF
cmake --build build-report --target pbp_cli
./build-report/pbp report
