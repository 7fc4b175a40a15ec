#!/usr/bin/env bash
# Installs everything pbp needs to build and test, from Debian 12's packages. Idempotent.
set -euo pipefail
PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libboost1.81-dev libboost-json1.81-dev libboost-graph1.81-dev
  libmsgsl-dev doctest-dev doxygen libbenchmark-dev
  python3 python3-venv python3-setuptools python3-pip python3-pytest
  r-base-core r-cran-testthat
  graphviz python3-networkx
  mypy python3-pandas  # the python/mypy test (mypy --strict); Table.to_frame() and its tests
  libgraphviz-dev chromium  # pbp report --html: Graphviz's C library; a real browser for its test
)
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${PACKAGES[@]}"
