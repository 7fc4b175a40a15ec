#!/usr/bin/env bash
# The Python wheel, alone (run by ctest as python/wheel; usable on its own):
#   usage: tests/bindings/wheel.sh BUILD_DIR [CMAKE]
#
# Builds build/dist/pbp-*.whl (`cmake --build BUILD --target python-wheel`), makes a fresh venv
# from Debian's /usr/bin/python3 (--system-site-packages, for python3-pytest, -pandas and
# -networkx), checks that no pbp is importable there before the wheel is installed, installs
# the wheel with pip (offline, nothing else), and then, with PBP_LIBRARY, PBP_LIB_DIR and
# LD_LIBRARY_PATH unset, checks that `import pbp` is the venv's copy and loads the libpbp_c inside
# the wheel, and runs the Python test suite (a copy of bindings/python/tests) against it.
set -euo pipefail
BUILD=$(cd "${1:?usage: wheel.sh BUILD_DIR}" && pwd)
SRC=$(cd "$(dirname "$0")/../.." && pwd)
CMAKE=${2:-cmake}
PYTHON=/usr/bin/python3
[ -x "$PYTHON" ] || PYTHON=$(command -v python3)
WORK=$(mktemp -d "${TMPDIR:-/tmp}/pbp-wheel.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
unset PBP_LIBRARY PBP_LIB_DIR LD_LIBRARY_PATH PYTHONPATH

step() { echo; echo "== $*"; }

step "the wheel: cmake --build $BUILD --target python-wheel"
"$CMAKE" --build "$BUILD" --target python-wheel
WHEELS=("$BUILD"/dist/pbp-*.whl)
[ "${#WHEELS[@]}" -eq 1 ] && [ -f "${WHEELS[0]}" ] || { echo "expected one wheel in $BUILD/dist, found: ${WHEELS[*]}"; exit 1; }
WHEEL=${WHEELS[0]}
echo "$WHEEL"
"$PYTHON" -m zipfile -l "$WHEEL" | grep -E 'pbp/_lib/libpbp_c\.so' || { echo "the wheel carries no libpbp_c"; exit 1; }

step "a fresh venv, with no pbp in it"
"$PYTHON" -m venv --system-site-packages "$WORK/venv"
VPY="$WORK/venv/bin/python"
if (cd "$WORK" && "$VPY" -c "import pbp" 2>/dev/null); then
  echo "a pbp is importable before the wheel is installed: $(cd "$WORK" && "$VPY" -c 'import pbp; print(pbp.__file__)')"
  exit 1
fi
echo "ok: no pbp"

step "pip install the wheel (offline, alone)"
"$VPY" -m pip install --quiet --no-index --no-deps "$WHEEL"
"$VPY" -m pip list 2>/dev/null | grep -E '^pbp ' 

step "import pbp: the venv's package, and the library inside it"
(cd "$WORK" && "$VPY" - "$WORK/venv" <<'PY'
import os, sys
import pbp
venv = os.path.realpath(sys.argv[1])
here = os.path.realpath(os.path.dirname(pbp.__file__))
lib = os.path.realpath(pbp.library_path())
print("pbp", pbp.version(), "at", here, "with", lib)
assert here.startswith(venv + os.sep), "pbp is not the venv's copy: %s" % here
assert lib.startswith(os.path.join(here, "_lib") + os.sep), "the library is not the wheel's: %s" % lib
assert "england" in pbp.bundled_models() or "nottinghamshire" in pbp.bundled_models()
PY
)

step "the Python tests, against the installed wheel"
cp -r "$SRC/bindings/python/tests" "$WORK/tests"
(cd "$WORK" && PBP_SOURCE_DIR="$SRC" PBP_CLI="$BUILD/pbp" "$VPY" -m pytest -q -p no:cacheprovider tests)

echo
echo "python/wheel: the wheel installs alone and passes the Python tests"
