#!/usr/bin/env bash
# From a fresh clone: install dependencies, then build and run every test: first the C++ and
# C API tests under AddressSanitizer + UndefinedBehaviorSanitizer, then the C API tests and the
# C++ concurrency tests under ThreadSanitizer, then everything (C++, C API, CLI, conformance, Python, R, install/consumer)
# on the plain build. Ends with ctest's own summary.
# Every option a build relies on is set here, never taken from an existing CMake cache (a build
# folder left by another command once turned the tests off), and ctest refuses an empty run.
# The sanitizer builds compile the library and the tests as unity builds (several source files
# to one compiler run: the Boost headers are read once per batch instead of once per file;
# from nothing on 2 cores, the ASan build 4.5 minutes, the plain build, file by file, 10). The
# plain build stays file by file, as users and packagers build pbp, so that a missing #include
# fails there.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
JOBS=$(nproc)

echo "== sanitizer build (ASan + UBSan): C++ and C API tests"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=Debug -DPBP_SANITIZE=ON -DPBP_BUILD_TESTS=ON \
      -DPBP_BUILD_TOOLS=ON -DPBP_BUILD_EXAMPLES=OFF -DPBP_BUILD_BENCH=OFF -DPBP_BUNDLE_ENGLAND=ON \
      -DCMAKE_UNITY_BUILD=ON
cmake --build build-asan -j "$JOBS"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
  ctest --test-dir build-asan -L sanitize --no-tests=error --output-on-failure -j "$JOBS"

echo "== ThreadSanitizer build: the C API tests and the C++ concurrency tests, many threads querying one model"
bash tests/capi/run-tsan.sh build-tsan

echo "== plain build: every test"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPBP_SANITIZE=OFF -DPBP_BUILD_TESTS=ON \
      -DPBP_BUILD_TOOLS=ON -DPBP_BUILD_EXAMPLES=ON -DPBP_BUNDLE_ENGLAND=ON -DPBP_BUILD_BENCH=OFF
cmake --build build -j "$JOBS"
bash scripts/check-test-list.sh build
ctest --test-dir build --no-tests=error --output-on-failure -j "$JOBS"
