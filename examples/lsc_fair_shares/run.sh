#!/bin/sh
# The Lancashire and South Cumbria fair-shares example (README.md beside this file).
# usage: sh run.sh [PATH/TO/pbp]   (default: pbp on the PATH)
set -e
PBP=${1:-pbp}
HERE=$(dirname "$0")
MODEL="$HERE/lsc_places.json"

echo "== 1. A development fund of £3,000,000 shared among the four places by population x need"
"$PBP" fair-shares "$MODEL" --total 3000000.00 --kind place

echo
echo "== 2. The same, with a floor of £300,000 per place (001 5.1.8: small places need critical mass)"
"$PBP" fair-shares "$MODEL" --total 3000000.00 --kind place --floor 300000.00

echo
echo "== 3. Lancashire's fair share split among its neighbourhoods by their own need (001 5.1.7)"
"$PBP" fair-shares "$MODEL" --total 2086225.96 --kind neighbourhood --within place.lancashire

echo
echo "== 4. ... and split by head count alone (the neighbourhoods' populations, in the same id order)"
"$PBP" allocate 2086225.96 27000 110000 35000 868000 40000 75000 85000
