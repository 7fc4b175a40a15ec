#!/usr/bin/env bash
# From a fresh clone: install dependencies, build pbp, and print the report on the bundled
# Nottingham and Nottinghamshire model.
# Its own build folder (build-report/, Release, no tests), so that it never shares a CMake cache
# with scripts/run-tests.sh: the two commands can run in either order on one clone. The library
# is compiled as a unity build (several source files per compiler run), which is quicker from
# nothing; scripts/run-tests.sh's plain build compiles it file by file.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build-report -G Ninja -DCMAKE_BUILD_TYPE=Release -DPBP_BUILD_TESTS=OFF \
      -DPBP_BUILD_EXAMPLES=OFF -DPBP_BUILD_TOOLS=ON -DPBP_BUILD_BENCH=OFF -DPBP_SANITIZE=OFF \
      -DCMAKE_UNITY_BUILD=ON
cmake --build build-report --target pbp_cli
./build-report/pbp report
