#!/usr/bin/env bash
# From a fresh clone: install dependencies, build pbp, and print the report on the bundled
# Nottingham and Nottinghamshire model.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPBP_BUILD_TESTS=OFF
cmake --build build --target pbp_cli
./build/pbp report
