"""Shared fixtures. The tests use the installed package (``import pbp``) and the test models of
the repository's tests/data/capi (worked out by hand: see the comments in each test)."""
import os
import pathlib

import pytest

import pbp

REPO = pathlib.Path(os.environ.get("PBP_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[3]))
DATA = REPO / "tests" / "data" / "capi"
CONFORMANCE = REPO / "tests" / "conformance"


@pytest.fixture
def data():
    return DATA


@pytest.fixture
def small():
    with pbp.Model.load(DATA / "small.json") as m:
        yield m


@pytest.fixture
def with_errors():
    with pbp.Model.load(DATA / "with_errors.json") as m:
        yield m
