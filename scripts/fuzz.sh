#!/usr/bin/env bash
# Builds pbp's libFuzzer targets (fuzz/, docs/fuzzing.md) with clang, AddressSanitizer and
# UndefinedBehaviorSanitizer, then runs each in turn for the given time:
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      (default: 60 s; load queries money capi)
# Environment: PBP_FUZZ_BUILD (build directory, default build-fuzz beside this script's tree),
# PBP_FUZZ_CC / PBP_FUZZ_CXX (default clang-16 / clang++-16), PBP_FUZZ_JOBS (build jobs, 2).
# The corpus each target grows is kept in BUILD/fuzz/corpus/TARGET for the next run; a crash,
# leak, hang (10 s for one input) or sanitizer report is saved in BUILD/fuzz/artifacts/TARGET/
# and makes the script exit non-zero (artifacts of earlier runs are kept but not counted). Prints the executions of each target at the end.
set -euo pipefail
SRC=$(cd "$(dirname "$0")/.." && pwd)
DURATION=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(load queries money capi)
BUILD=${PBP_FUZZ_BUILD:-$SRC/build-fuzz}
CC=${PBP_FUZZ_CC:-clang-16}
CXX=${PBP_FUZZ_CXX:-clang++-16}
if ! command -v "$CXX" >/dev/null; then
  echo "fuzz.sh: $CXX not found; on Debian 12: apt-get install clang-16 libclang-rt-16-dev" >&2
  exit 2
fi

GEN=()
command -v ninja >/dev/null && GEN=(-G Ninja)
cmake -S "$SRC" -B "$BUILD" "${GEN[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_COMPILER="$CC" -DCMAKE_CXX_COMPILER="$CXX" -DPBP_BUILD_FUZZERS=ON \
      -DPBP_BUILD_TESTS=OFF -DPBP_BUILD_EXAMPLES=OFF -DPBP_BUILD_DOCS=OFF -DPBP_BUILD_TOOLS=OFF \
      -DPBP_BUNDLE_ENGLAND=OFF >/dev/null
BINARIES=()
for t in "${TARGETS[@]}"; do BINARIES+=("pbp_fuzz_$t"); done
cmake --build "$BUILD" -j "${PBP_FUZZ_JOBS:-2}" --target "${BINARIES[@]}"

# Seeds: the bundled models, every model the tests use (good and bad), the hostile inputs.
MODEL_SEEDS=("$SRC/examples/models" "$SRC/tests/conformance")
for d in "$SRC"/tests/data "$SRC"/tests/data/*/; do MODEL_SEEDS+=("${d%/}"); done

# Readable stack traces in the reports.
for s in "$(dirname "$(readlink -f "$(command -v "$CXX")")")/llvm-symbolizer" "$(command -v llvm-symbolizer || true)"; do
  if [ -x "$s" ]; then export ASAN_SYMBOLIZER_PATH="$s"; break; fi
done

status=0
summary=""
for t in "${TARGETS[@]}"; do
  work="$BUILD/fuzz/run/$t"
  corpus="$BUILD/fuzz/corpus/$t"
  artifacts="$BUILD/fuzz/artifacts/$t"
  mkdir -p "$work" "$corpus" "$artifacts"
  opts=(-max_total_time="$DURATION" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 -print_funcs=0
        -jobs=1 -workers=1 -artifact_prefix="$artifacts/")
  seeds=()
  case "$t" in
    load|queries|capi) opts+=(-dict="$SRC/fuzz/pbp.dict" -max_len=16384); seeds=("${MODEL_SEEDS[@]}") ;;
    money) opts+=(-max_len=512); seeds=("$SRC/tests/data/hostile/fuzz") ;;
  esac
  echo "== pbp_fuzz_$t for ${DURATION} s (log: $work/fuzz-0.log)"
  # -jobs=1 runs the fuzzer in a child process whose output goes to fuzz-0.log in the
  # working directory.
  rm -f "$work/fuzz-0.log"
  touch "$work/started"
  set +e
  (cd "$work" && nice -n 15 "$BUILD/fuzz/pbp_fuzz_$t" "${opts[@]}" "$corpus" "${seeds[@]}")
  rc=$?
  set -e
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$work/fuzz-0.log" | tail -1 | grep -o '[0-9]*$' || true)
  found=$(find "$artifacts" -type f -newer "$work/started" | wc -l)
  summary+="pbp_fuzz_$t: ${runs:-?} executions in ${DURATION} s, ${found} artifact(s) in $artifacts"$'\n'
  if [ "$rc" -ne 0 ] || [ "$found" -ne 0 ]; then
    status=1
    tail -40 "$work/fuzz-0.log" >&2 || true
  fi
done
echo
printf '%s' "$summary"
exit $status
