#!/usr/bin/env bash
# Issue 17, part 4, in one run: `pbp validate FILE` against issue 17's Python line (json.load
# and a dict of every entry by id) and against bench/load_floor.cpp (the same as the Python
# line, in C++: the bound below which pbp cannot go). Whole processes, output to /dev/null,
# run in turn in each round so that a busy moment of the machine falls on all three alike.
# Prints best, first quartile and median wall time of each, and the ratios of Python's to
# the other two.
#
#   usage: bench/load_vs_python.sh ROUNDS FILE
#   e.g.   build-bench/bench/pbp_generate 1 > national.json
#          bench/load_vs_python.sh 15 national.json
# Environment: PBP (default build-bench/pbp), PBP_FLOOR (default build-bench/bench/pbp_load_floor),
# PYTHON (default /usr/bin/python3: Debian's, as the issue measured).
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 ROUNDS FILE" >&2; exit 2; }
ROUNDS=$1 FILE=$2
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PBP=${PBP:-$ROOT/build-bench/pbp}
FLOOR=${PBP_FLOOR:-$ROOT/build-bench/bench/pbp_load_floor}
PYTHON=${PYTHON:-/usr/bin/python3}
INDEX='import json,sys; d=json.load(open(sys.argv[1])); idx={e["id"]:e for k,v in d.items() if isinstance(v,list) for e in v if isinstance(e,dict) and "id" in e}'
for exe in "$PBP" "$FLOOR" "$PYTHON"; do
  [ -x "$exe" ] || { echo "$0: $exe not found (build-bench: cmake -DPBP_BUILD_BENCH=ON)" >&2; exit 2; }
done
[ -r "$FILE" ] || { echo "$0: cannot read $FILE" >&2; exit 2; }

# Once first, to see that each program reads the file: pbp says what it found (and exits 0, or
# 1 for a model with errors), the floor how many entries it read, Python nothing on success.
status=0
out=$("$PBP" validate "$FILE" 2>&1) || status=$?
if [ $status -gt 1 ] || [ -z "$out" ]; then echo "$0: $PBP validate $FILE failed ($status): $out" >&2; exit 1; fi
"$FLOOR" "$FILE" >/dev/null || { echo "$0: $FLOOR $FILE failed" >&2; exit 1; }
"$PYTHON" -c "$INDEX" "$FILE" || { echo "$0: the Python line failed on $FILE" >&2; exit 1; }

# One run of a program, in microseconds of wall time. pbp validate exits 1 on a model with
# errors: that is an answer, not a failure of the run.
run() {
  local start end status=0
  start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || status=$?
  end=$(date +%s%N)
  [ $status -le 1 ] || { echo "$0: '$*' failed ($status)" >&2; exit 1; }
  echo $(( (end - start) / 1000 ))
}

{
  for _ in $(seq "$ROUNDS"); do
    t=$(run "$PBP" validate "$FILE"); echo "pbp $t"
    t=$(run "$PYTHON" -c "$INDEX" "$FILE"); echo "python $t"
    t=$(run "$FLOOR" "$FILE"); echo "floor $t"
  done
} | sort -k1,1 -k2,2n | awk -v rounds="$ROUNDS" -v file="$FILE" '
  { t[$1, ++n[$1]] = $2 / 1000 }
  function at(k, q) { return t[k, int((n[k] - 1) * q) + 1] }
  END {
    printf "%s, %d rounds (ms)     best   q1     median\n", file, rounds
    split("pbp python floor", ks, " ")
    for (i = 1; i <= 3; ++i) printf "  %-8s %8.1f %8.1f %8.1f\n", ks[i], at(ks[i], 0), at(ks[i], 0.25), at(ks[i], 0.5)
    printf "Python / pbp:   best %.2f, median %.2f\n", at("python", 0) / at("pbp", 0), at("python", 0.5) / at("pbp", 0.5)
    printf "Python / floor: best %.2f, median %.2f\n", at("python", 0) / at("floor", 0), at("python", 0.5) / at("floor", 0.5)
  }'
