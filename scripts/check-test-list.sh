#!/usr/bin/env bash
# Refuses a test build that would run fewer tests than it should: every family of tests that
# scripts/run-tests.sh promises (C++ unit tests, the SPEC conformance cases, the command line,
# the C API, the Python and R bindings and wheel, the install/consumer test, the guide, the HTML
# report in a browser) must be registered
# with ctest in BUILD_DIR. A build configured with the tests off, or a family silently lost from
# tests/CMakeLists.txt, fails here with the family's name instead of passing with fewer tests;
# so does a test whose name would be cut short at a ';'.
#   scripts/check-test-list.sh BUILD_DIR
set -euo pipefail
BUILD=${1:?usage: check-test-list.sh BUILD_DIR}
list=$(ctest --test-dir "$BUILD" -N)
total=$(printf '%s\n' "$list" | sed -n 's/^Total Tests: \([0-9]*\)$/\1/p')
missing=()
# family name | a regular expression its test names match (ctest -N prints "Test #N: NAME")
while IFS='|' read -r family pattern; do
  if ! printf '%s\n' "$list" | grep -Eq "Test +#[0-9]+: ($pattern)\$"; then missing+=("$family"); fi
done <<'FAMILIES'
C++ unit tests (doctest)|accountability: .*
SPEC conformance cases|conformance
command line|cli
C API|capi: .*
Python and R bindings|bindings
install/consumer|packaging
user guide|docs/guide
HTML report in a browser|report_html
Python wheel alone in a venv|python/wheel
Python types (mypy --strict)|python/mypy
FAMILIES
# A doctest case whose name holds a ';' is registered cut short at it (CMake reads ';' as a
# list separator): ctest then runs no test case under that name and still reports it passed.
SRC=$(cd "$(dirname "$0")/.." && pwd)
if cut_short=$(grep -rn --include='*.cpp' --include='*.hpp' -E 'TEST_CASE\("[^"]*;' "$SRC/tests"); then
  echo "check-test-list: these test names hold a ';', so ctest would run nothing under them:" >&2
  echo "$cut_short" >&2
  exit 1
fi
if [ "${#missing[@]}" -gt 0 ] || [ "${total:-0}" -eq 0 ]; then
  echo "check-test-list: $BUILD registers ${total:-0} tests; missing: ${missing[*]:-none}." >&2
  echo "check-test-list: configure it with -DPBP_BUILD_TESTS=ON (scripts/run-tests.sh does)." >&2
  exit 1
fi
echo "check-test-list: $BUILD registers $total tests, every family present"
