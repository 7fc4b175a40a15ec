#!/bin/sh
# The Lancashire and South Cumbria fair-shares example (README.md beside this file).
# usage: sh run.sh [PATH/TO/pbp]   (default: pbp on the PATH)
# Populations are real (ONS mid-2022); every need index is invented (lsc_places.json).
set -e
PBP=${1:-pbp}
HERE=$(dirname "$0")
MODEL="$HERE/lsc_places.json"
BUNDLED=lancashire-south-cumbria   # the bundled model: real LSOAs and populations, no need indices
AFTER=2023-04-01                   # the model's (illustrative) date of the realignment

echo "== 1. A development fund of £3,000,000 shared among the four places by head count alone"
"$PBP" fair-shares "$BUNDLED" --as-of "$AFTER" --total 3000000.00 --kind place

echo
echo "== 2. The same, with a floor of £300,000 per place (001 5.1.8: small unitary places need critical mass)"
"$PBP" fair-shares "$BUNDLED" --as-of "$AFTER" --total 3000000.00 --kind place --floor 300000.00

echo
echo "== 3. The fund shared by people x need (need invented), with the same floor"
"$PBP" fair-shares "$MODEL" --total 3000000.00 --kind place --floor 300000.00

echo
echo "== 4. £2,000,000 for the Lancashire place, split among its delivery units by their own need (001 5.1.7)"
"$PBP" fair-shares "$MODEL" --total 2000000.00 --kind unit --within place.lancashire

echo
echo "== 5. ... and by head count alone (the bundled model's delivery units)"
"$PBP" fair-shares "$BUNDLED" --as-of "$AFTER" --total 2000000.00 --kind du.central-west,du.east,du.north-coastal
