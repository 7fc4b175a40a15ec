#!/usr/bin/env bash
# Tests the Python and R bindings against one pbp build (run by ctest as `bindings`, and usable
# on its own): usage: tests/bindings/run.sh BUILD_DIR
#
#   Python: a venv from Debian's /usr/bin/python3 (--system-site-packages, for python3-pytest and
#           python3-setuptools; no network), `pip install --no-build-isolation --no-index` of
#           bindings/python with the build's libpbp_c copied into the package, then pytest (with
#           PBP_CLI set, so the results are compared with the command line's) and
#           examples/python.
#   R:      R CMD build, then R CMD check --no-manual (no ERROR and no WARNING allowed) with
#           PBP_INCLUDE_DIR/PBP_LIB_DIR pointing at this source tree and build (and PBP_CLI set,
#           as for Python), then examples/r against the package installed in a temporary library.
# Use the plain (non-sanitizer) build: the interpreters are not built with sanitizers.
set -euo pipefail
BUILD=$(cd "${1:?usage: run.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "$0")/../.." && pwd)
LIB="$BUILD/capi/libpbp_c.so"
CLI="$BUILD/pbp"
[ -e "$LIB" ] || { echo "no $LIB: build the pbp_c target first"; exit 1; }
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pbp-bindings.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=$(command -v python3)

step() { echo; echo "== $*"; }

step "test data of the R package is the C API tests' data; their ODS registers are tests/data/ods"
(cd "$SRC/bindings/r/inst/extdata" && find . -type f) | while read -r f; do
  f=${f#./}
  cmp "$SRC/bindings/r/inst/extdata/$f" "$SRC/tests/data/capi/$f" || { echo "bindings/r/inst/extdata/$f differs from tests/data/capi: copy it again"; exit 1; }
done
# The Python examples read tests/data/capi/ods and the R ones the package's copy of it: the
# register excerpts of tests/data/ods that the C++ and C API tests and docs/queries/import-ods.md use.
diff -r "$SRC/tests/data/ods" "$SRC/tests/data/capi/ods" || { echo "tests/data/capi/ods differs from tests/data/ods: copy it again"; exit 1; }
echo "ok"

step "Python: venv, pip install (offline), pytest"
"$PYTHON" -m venv --system-site-packages "$WORK/venv"
# Build from a copy so that the source tree gets no build/ or *.egg-info.
cp -r "$SRC/bindings/python" "$WORK/python"
rm -rf "$WORK/python/build" "$WORK/python/src/pbp.egg-info" "$WORK/python/src/pbp/_lib"
PBP_LIBRARY="$LIB" "$WORK/venv/bin/python" -m pip install --quiet --no-build-isolation --no-index "$WORK/python"
# From here the package must find the library it carries: no PBP_LIBRARY.
(cd "$WORK" && env -u PBP_LIBRARY "$WORK/venv/bin/python" -c "import pbp; print('pbp', pbp.version(), 'from', pbp.library_path())")
(cd "$WORK/python" && env -u PBP_LIBRARY PBP_SOURCE_DIR="$SRC" PBP_CLI="$CLI" \
   "$WORK/venv/bin/python" -m pytest -q -p no:cacheprovider tests)

step "Python example"
(cd "$WORK" && env -u PBP_LIBRARY "$WORK/venv/bin/python" "$SRC/examples/python/who_decides.py")

step "R: R CMD build, R CMD check --no-manual"
mkdir -p "$WORK/r"
cp -r "$SRC/bindings/r" "$WORK/r/pbp"
export PBP_INCLUDE_DIR="$SRC/capi/include" PBP_LIB_DIR="$BUILD/capi"
(cd "$WORK/r" && R CMD build --no-manual pbp >build.log 2>&1) || { cat "$WORK/r/build.log"; exit 1; }
TARBALL=$(ls "$WORK"/r/pbp_*.tar.gz)
# _R_CHECK_SYSTEM_CLOCK_=0: the check would otherwise try to reach a time server (no network here).
# The HTML report's example is \donttest (a pbp built with -DPBP_HTML_REPORT=OFF refuses it):
# run unless ctest says this build has no HTML report.
DONTTEST=(--run-donttest)
[ "${PBP_HTML_REPORT:-ON}" = OFF ] && DONTTEST=()
# PBP_CLI: the tests compare pbp_import_ods with the command line's `pbp import-ods`.
(cd "$WORK/r" && PBP_CLI="$CLI" _R_CHECK_SYSTEM_CLOCK_=0 _R_CHECK_FORCE_SUGGESTS_=true R CMD check --no-manual "${DONTTEST[@]}" "$TARBALL" >check.log 2>&1) || true
cat "$WORK/r/check.log"
STATUS=$(grep '^Status:' "$WORK/r/pbp.Rcheck/00check.log" || echo "Status: (none)")
if echo "$STATUS" | grep -Eq 'ERROR|WARNING|none'; then
  echo "R CMD check: $STATUS"
  [ -f "$WORK/r/pbp.Rcheck/tests/testthat.Rout.fail" ] && tail -60 "$WORK/r/pbp.Rcheck/tests/testthat.Rout.fail"
  exit 1
fi
echo "R CMD check: $STATUS"
grep -h '\[ FAIL' "$WORK/r/pbp.Rcheck/tests/testthat.Rout" || true

step "R example"
mkdir -p "$WORK/rlib"
R CMD INSTALL --no-test-load -l "$WORK/rlib" "$TARBALL" >"$WORK/r/install.log" 2>&1 || { cat "$WORK/r/install.log"; exit 1; }
R_LIBS="$WORK/rlib" Rscript "$SRC/examples/r/who_decides.R"

echo
echo "bindings: all checks passed"
