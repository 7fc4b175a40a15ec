"""The C library, loaded with ctypes: where it is found, the one table of its functions, and
the conversion of its status codes into :class:`pbp.PbpError`.

Shape taken from llvmlite's ``binding/ffi.py``: the shared library ships inside the package (or
is found elsewhere, see :func:`library_candidates`), its version is checked right after loading,
every function is declared once with its argument and result types, and every buffer the library
returns is freed by the library (``pbp_free``), never by Python or libc.
"""
from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import datetime
import importlib
import json
import os
import re
import sys
from ctypes import POINTER, byref, c_char_p, c_int, c_size_t, c_uint, c_void_p
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Dict, Iterator, List, Optional, Tuple, cast

from ._errors import Diagnostic, PbpError

#: The C API version this package was written for (pbp.h's PBP_VERSION_*).
REQUIRED_MAJOR, REQUIRED_MINOR, REQUIRED_PATCH = 0, 1, 0
REQUIRED_NUMBER = REQUIRED_MAJOR * 10000 + REQUIRED_MINOR * 100 + REQUIRED_PATCH

# Flags (pbp.h).
FORCE = 1
PRETTY = 2
MONEY_PLAIN = 0
MONEY_DISPLAY = 1


class _Model(ctypes.Structure):
    """The opaque ``pbp_model``: only ever handled through a pointer."""


ModelPointer = POINTER(_Model)
if TYPE_CHECKING:
    #: The type of a model handle (a ``ModelPointer`` instance), for annotations.
    ModelHandle = ctypes._Pointer[_Model]
else:
    ModelHandle = ModelPointer

_out_text = POINTER(c_void_p)  # char** : kept as void* so that ctypes never copies and loses it
_out_model = POINTER(ModelPointer)

#: Every function of pbp.h used here: name -> (argument types, result type).
FUNCTIONS = {
    "pbp_version": ([], c_char_p),
    "pbp_version_number": ([], c_int),
    "pbp_status_string": ([c_int], c_char_p),
    "pbp_last_error": ([], c_char_p),
    "pbp_last_error_code": ([], c_int),
    "pbp_last_error_diagnostic": ([], c_char_p),
    "pbp_last_error_diagnostics": ([], c_char_p),
    "pbp_free": ([c_void_p], None),
    "pbp_model_load": ([_out_model, c_char_p], c_int),
    "pbp_model_load_text": ([_out_model, c_char_p, c_size_t], c_int),
    "pbp_model_load_bundled": ([_out_model, c_char_p], c_int),
    "pbp_model_open": ([_out_model, c_char_p], c_int),
    "pbp_bundled_models": ([_out_text], c_int),
    "pbp_model_free": ([ModelPointer], None),
    "pbp_model_name": ([_out_text, ModelPointer], c_int),
    "pbp_model_diagnostic_counts": ([POINTER(c_size_t), POINTER(c_size_t), ModelPointer], c_int),
    "pbp_model_validate": ([_out_text, ModelPointer, c_uint], c_int),
    "pbp_model_save": ([ModelPointer, c_char_p], c_int),
    "pbp_model_export": ([_out_text, ModelPointer, c_char_p, c_char_p], c_int),
    "pbp_model_report": ([_out_text, ModelPointer, c_char_p], c_int),
    "pbp_model_report_html": ([_out_text, ModelPointer, c_char_p], c_int),
    "pbp_model_accountability": ([_out_text, ModelPointer, c_char_p, c_char_p, c_uint], c_int),
    "pbp_model_decides": ([_out_text, ModelPointer, c_char_p, c_char_p, c_char_p, c_uint], c_int),
    "pbp_model_accountability_batch": ([_out_text, ModelPointer, c_char_p, c_char_p, c_uint], c_int),
    "pbp_model_decides_batch": ([_out_text, ModelPointer, c_char_p, c_char_p, c_char_p, c_uint], c_int),
    "pbp_model_authority": ([_out_text, ModelPointer, c_char_p, c_char_p, c_char_p, c_char_p, c_uint], c_int),
    "pbp_model_balances": ([_out_text, ModelPointer, c_char_p, c_uint], c_int),
    "pbp_model_trace": ([_out_text, ModelPointer, c_char_p, c_char_p, c_uint], c_int),
    "pbp_model_coterminosity": ([_out_text, ModelPointer, c_char_p, c_char_p, c_char_p, c_char_p, c_uint], c_int),
    "pbp_model_partners": ([_out_text, ModelPointer, c_char_p, c_char_p, c_uint], c_int),
    "pbp_model_partitions": ([_out_text, ModelPointer, c_char_p, c_char_p, c_char_p, c_char_p, c_uint], c_int),
    "pbp_model_boundaries": ([_out_text, ModelPointer, c_char_p, c_char_p, c_char_p, c_char_p, c_uint], c_int),
    "pbp_model_fair_shares": (
        [_out_text, ModelPointer, c_char_p, c_char_p, c_char_p, c_char_p, c_char_p, c_uint], c_int),
    "pbp_model_designation": ([_out_text, ModelPointer, c_char_p, c_uint], c_int),
    "pbp_model_diff": ([_out_text, ModelPointer, c_char_p, c_char_p, c_uint], c_int),
    "pbp_model_maturity": ([_out_text, ModelPointer, c_char_p, c_char_p, c_char_p, c_char_p, c_uint], c_int),
    "pbp_money_parse": ([_out_text, c_char_p], c_int),
    "pbp_money_format": ([_out_text, c_char_p, c_int], c_int),
    "pbp_money_round": ([_out_text, c_char_p, c_int, c_char_p], c_int),
    "pbp_money_max_pence": ([_out_text], c_int),
    "pbp_allocate": ([_out_text, c_char_p, POINTER(c_char_p), c_size_t, c_uint], c_int),
    "pbp_import_areas": ([_out_text, _out_text, c_char_p, c_char_p, c_char_p, c_uint], c_int),
    "pbp_import_ods": ([_out_text, _out_text, c_char_p, c_char_p, c_char_p, c_uint], c_int),
}


def _library_names() -> List[str]:
    if sys.platform == "win32":
        return ["pbp_c.dll"]
    if sys.platform == "darwin":
        return ["libpbp_c.%d.dylib" % REQUIRED_MAJOR, "libpbp_c.dylib"]
    return ["libpbp_c.so.%d" % REQUIRED_MAJOR, "libpbp_c.so"]


def library_candidates() -> Iterator[str]:
    """Where the C library is looked for, in order.

    1. ``PBP_LIBRARY``: the path of the library file (when set, nothing else is tried);
    2. inside the package (``pbp/_lib/``, found through ``importlib.resources``), where the
       wheel and ``pip install`` put it (docs/python.md);
    3. the library directory recorded when the package was installed (``PBP_LIB_DIR`` then);
    4. the Python prefix's ``lib`` (a virtualenv or conda environment), then ``/usr/local/lib``;
    5. the system's search (``ctypes.util.find_library``).
    """
    override = os.environ.get("PBP_LIBRARY")
    if override:
        yield override
        return
    for name in _library_names():
        inside = _packaged(name)
        if inside:
            yield inside
    dirs = []
    try:
        build_config = importlib.import_module("._build_config", __package__)
        if getattr(build_config, "LIB_DIR", None):
            dirs.append(Path(build_config.LIB_DIR))
    except ImportError:  # written by setup.py at install time; absent when run from the source tree
        pass
    dirs += [Path(sys.prefix) / "lib", Path("/usr/local/lib")]
    for d in dirs:
        for name in _library_names():
            if (d / name).exists():
                yield str(d / name)
    found = ctypes.util.find_library("pbp_c")
    if found:
        yield found


#: Keeps a library extracted from a zipped package on disk for the life of the process.
_resources = contextlib.ExitStack()


def _packaged(name: str) -> Optional[str]:
    """The path of ``pbp/_lib/NAME`` inside the installed package, through importlib.resources
    (a real file: a zipped package's copy is extracted first), or None."""
    try:
        from importlib.resources import as_file, files
    except ImportError:  # Python 3.8
        here = Path(__file__).resolve().parent / "_lib" / name
        return str(here) if here.is_file() else None
    resource = files(__package__ or "pbp") / "_lib" / name
    if not resource.is_file():
        return None
    return str(_resources.enter_context(as_file(resource)))


def check_version(number: int, text: str) -> None:
    """Refuses a library whose C API this package does not speak: another major version, or
    (before 1.0, when minor versions may break compatibility) another minor version, or one older
    than the version this package was written for."""
    major, minor = number // 10000, number // 100 % 100
    compatible = (major == REQUIRED_MAJOR and (major > 0 or minor == REQUIRED_MINOR)
                  and number >= REQUIRED_NUMBER)
    if not compatible:
        raise ImportError(
            "pbp: the C library loaded is version %s, but this package needs %d.%d.x (at least %d.%d.%d); "
            "install a matching libpbp_c or point PBP_LIBRARY at one"
            % (text, REQUIRED_MAJOR, REQUIRED_MINOR, REQUIRED_MAJOR, REQUIRED_MINOR, REQUIRED_PATCH))


def _load() -> Tuple[ctypes.CDLL, str]:
    tried = []
    for path in library_candidates():
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            tried.append("%s (%s)" % (path, e))
            continue
        for name, (argtypes, restype) in FUNCTIONS.items():
            try:
                fn = getattr(lib, name)
            except AttributeError:
                raise ImportError("pbp: %s has no function %s: it is not a matching libpbp_c" % (path, name))
            fn.argtypes = argtypes
            fn.restype = restype
        check_version(lib.pbp_version_number(), lib.pbp_version().decode())
        return lib, path
    raise ImportError(
        "pbp: cannot find the C library libpbp_c. Install the Python package with PBP_LIBRARY (or "
        "PBP_LIB_DIR) pointing at a built libpbp_c so that it is copied in, or set PBP_LIBRARY to the "
        "library's path at run time." + ("\nTried: " + "; ".join(tried) if tried else ""))


lib, library_path = _load()
#: library_path: the path the library was loaded from.

STATUS_NAMES = {
    0: "PBP_OK",
    -1: "PBP_ERR_INVALID_ARGUMENT",
    -2: "PBP_ERR_PARSE",
    -3: "PBP_ERR_MODEL_HAS_ERRORS",
    -4: "PBP_ERR_NOT_FOUND",
    -5: "PBP_ERR_IO",
    -6: "PBP_ERR_OVERFLOW",
    -7: "PBP_ERR_NO_MEMORY",
    -8: "PBP_ERR_INTERNAL",
}


def diagnostics_from(items: List[Dict[str, Any]]) -> List[Diagnostic]:
    return [Diagnostic(d["code"], d["severity"], d["message"], tuple(d.get("ids", [])), d.get("path", ""),
                       d.get("line"), d.get("column")) for d in items]


def check(status: int) -> None:
    """Raises PbpError for a failed call, from this thread's last error (read at once: it is
    thread-local in the library, and ctypes calls run on the calling thread)."""
    if status == 0:
        return
    message = lib.pbp_last_error().decode("utf-8", "replace")
    diagnostic = lib.pbp_last_error_diagnostic().decode() or None
    diagnostics = diagnostics_from(json.loads(lib.pbp_last_error_diagnostics().decode("utf-8", "replace")))
    raise PbpError(status, message, diagnostic=diagnostic, diagnostics=diagnostics,
                   status_name=STATUS_NAMES.get(status, "unknown status %d" % status))


def text_result(function: Callable[..., int], *args: Any) -> str:
    """Calls a function whose first parameter is ``char** out`` and returns the text, freeing the
    buffer through the library whatever happens."""
    out = c_void_p()
    status = function(byref(out), *args)
    try:
        check(status)
        return ctypes.string_at(out).decode("utf-8")
    finally:
        if out.value:
            lib.pbp_free(out)


def json_result(function: Callable[..., int], *args: Any) -> Dict[str, Any]:
    """As text_result, decoded as a JSON object. Numbers with a fraction would become Decimal,
    never float (the library writes money, coverage and scores as strings anyway)."""
    return cast(Dict[str, Any], json_value(function, *args))


def json_value(function: Callable[..., int], *args: Any) -> Any:
    """As json_result, for an answer that is not an object."""
    return json.loads(text_result(function, *args), parse_float=Decimal)


def text_bytes(value: str, what: str) -> bytes:
    """``value`` as UTF-8 for a ``const char*``. A NUL would end the string there and the
    library would silently read only what comes before it (``"12\\x0034"`` as 12.00), so a str
    holding one is refused, as ``open()`` refuses a path with one."""
    if "\0" in value:
        raise ValueError("%s: %r holds a NUL character (\\x00), which no id, date, amount or name can hold"
                         % (what, value))
    return value.encode("utf-8")


def arg(value: Optional[str], what: str, *, optional: bool = False) -> Optional[bytes]:
    """A string argument as UTF-8; None is NULL when the argument is ``optional``, else a
    TypeError (the library would only say "... is NULL")."""
    if value is None:
        if optional:
            return None
        raise TypeError("%s: pass a str, not None" % what)
    if not isinstance(value, str):
        raise TypeError("%s: pass a str, not %s" % (what, type(value).__name__))
    return text_bytes(value, what)


_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}\Z")


def date_text(d: "Optional[datetime.date | str]", what: str) -> Optional[str]:
    """A day as ``YYYY-MM-DD`` (a ``datetime.date``, or a str already in that form and a real
    day), or None. A datetime is refused: the library's days have no time of day."""
    if d is None:
        return None
    if isinstance(d, datetime.datetime):
        raise TypeError("%s: pass a date or 'YYYY-MM-DD', not a datetime" % what)
    if isinstance(d, datetime.date):
        return d.isoformat()
    if not isinstance(d, str):
        raise TypeError("%s: pass a date or 'YYYY-MM-DD', not %s" % (what, type(d).__name__))
    try:
        if _DATE.match(d):
            datetime.date.fromisoformat(d)
            return d
    except ValueError:
        pass
    # The library's own words for the same mistake (capi date_arg).
    raise PbpError(-1, "%s must be a date written YYYY-MM-DD, not %r" % (what, d),
                   status_name="PBP_ERR_INVALID_ARGUMENT")


def path_arg(path: "os.PathLike[str] | str") -> bytes:
    encoded = os.fsencode(os.fspath(path))
    if b"\0" in encoded:
        raise ValueError("path: %r holds a NUL character (\\x00), which no file name can hold" % (path,))
    return encoded
