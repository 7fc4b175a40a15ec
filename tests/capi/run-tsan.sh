#!/usr/bin/env bash
# Runs the concurrency tests under ThreadSanitizer: the C API tests, above all "capi threads:
# ..." (many threads querying one model, SPEC 4.2), and the C++ API's "concurrency: ..." tests
# (tests/concurrency_test.cpp: eight threads querying one pbp::Model; footprint_cache_test.cpp:
# eight threads sharing one FootprintCache; page_advice_test.cpp: the loader's page mapper and its
# thread). Those files are built alone as pbp_concurrency_tests, so that the rest of pbp_tests is not compiled under TSan. A separate
# build, because TSan cannot be combined with ASan:
#   tests/capi/run-tsan.sh [BUILD_DIR]     (default: build-tsan beside this source tree)
# Exits non-zero when a test fails or TSan reports a data race. The command line is not built
# (PBP_BUILD_TOOLS=OFF: its twenty files would be compiled one by one under TSan for nothing), so
# the C API test that compares pbp_import_ods with `pbp import-ods` leaves that comparison out.
set -euo pipefail
SRC=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${1:-$SRC/build-tsan}
FLAGS="-fsanitize=thread -fno-omit-frame-pointer -g -O1"
GEN=()
command -v ninja >/dev/null && GEN=(-G Ninja)
cmake -S "$SRC" -B "$BUILD" "${GEN[@]}" -DCMAKE_BUILD_TYPE=Debug -DPBP_BUILD_TESTS=ON -DPBP_BUILD_TOOLS=OFF -DPBP_SANITIZE=OFF -DPBP_BUILD_EXAMPLES=OFF -DPBP_BUILD_DOCS=OFF -DPBP_BUNDLE_ENGLAND=OFF \
      -DCMAKE_UNITY_BUILD=ON \
      -DCMAKE_C_FLAGS="$FLAGS" -DCMAKE_CXX_FLAGS="$FLAGS" \
      -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread -DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=thread >/dev/null
cmake --build "$BUILD" --target pbp_capi_tests pbp_concurrency_tests
export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 suppressions=$SRC/tests/tsan.supp ${TSAN_OPTIONS:-}"
"$BUILD/tests/capi/pbp_capi_tests"
"$BUILD/tests/pbp_concurrency_tests"
echo "C API tests and C++ concurrency tests under ThreadSanitizer: no data race reported"
