"""Finding and checking the C library (SPEC 4.3; docs/python.md)."""
import ctypes
import ctypes.util
import os
import subprocess
import sys

import pytest

import pbp
from pbp import _ffi


def test_version_is_the_library_s_and_matches_the_package():
    assert pbp.version() == "0.1.0"
    assert pbp.__version__ == pbp.version()
    assert os.path.exists(pbp.library_path())


def test_every_function_of_the_table_is_declared_with_types():
    lib = _ffi.lib
    for name, (argtypes, restype) in _ffi.FUNCTIONS.items():
        fn = getattr(lib, name)
        assert fn.argtypes == argtypes, name
        assert fn.restype == restype, name


def test_every_function_of_the_header_is_in_the_table():
    # Every pbp_* function declared in pbp.h is reachable from Python (parity with the C API).
    header = _ffi_header()
    if header is None:
        pytest.skip("pbp.h not found beside the tests")
    import re

    declared = set(re.findall(r"PBP_C_API\s+[^;(]*?\b(pbp_[a-z_]+)\s*\(", header))
    assert declared, "no functions found in pbp.h"
    assert declared <= set(_ffi.FUNCTIONS), sorted(declared - set(_ffi.FUNCTIONS))


def _ffi_header():
    from conftest import REPO

    path = REPO / "capi" / "include" / "pbp" / "pbp.h"
    return path.read_text() if path.exists() else None


@pytest.mark.parametrize("number,ok", [
    (100, True),      # 0.1.0, the version written for
    (105, True),      # a later patch
    (200, False),     # 0.2.0: before 1.0 a minor version may break compatibility
    (99, False),      # 0.0.99: older
    (10100, False),   # 1.1.0: another major version
])
def test_version_check(number, ok):
    if ok:
        _ffi.check_version(number, "x")
    else:
        with pytest.raises(ImportError, match="needs 0.1.x"):
            _ffi.check_version(number, "x")


def _import_with(env_extra):
    env = dict(os.environ, **env_extra)
    return subprocess.run([sys.executable, "-c", "import pbp; print(pbp.library_path())"], env=env,
                          capture_output=True, text=True)


def test_pbp_library_overrides_where_the_library_is_found():
    real = os.path.realpath(pbp.library_path())
    r = _import_with({"PBP_LIBRARY": real})
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == real


def test_a_wrong_pbp_library_is_reported_not_silently_replaced(tmp_path):
    r = _import_with({"PBP_LIBRARY": str(tmp_path / "libnothing.so")})
    assert r.returncode != 0
    assert "cannot find the C library" in r.stderr
    assert "libnothing.so" in r.stderr
    # A library that is not libpbp_c at all (the C library itself) is refused by name.
    libc = ctypes.util.find_library("c")
    if libc:
        r = _import_with({"PBP_LIBRARY": libc})
        assert r.returncode != 0
        assert "not a matching libpbp_c" in r.stderr


def test_status_codes_match_the_header():
    assert (pbp.OK, pbp.ERR_INVALID_ARGUMENT, pbp.ERR_PARSE, pbp.ERR_MODEL_HAS_ERRORS, pbp.ERR_NOT_FOUND,
            pbp.ERR_IO, pbp.ERR_OVERFLOW, pbp.ERR_NO_MEMORY, pbp.ERR_INTERNAL) == (0, -1, -2, -3, -4, -5, -6, -7, -8)
    for code, name in _ffi.STATUS_NAMES.items():
        assert _ffi.lib.pbp_status_string(code).decode() != "unknown status", name
