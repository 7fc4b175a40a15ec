"""Models and their queries (SPEC 4.3)."""
from __future__ import annotations

import datetime
import json
import os
from ctypes import byref, c_size_t
from dataclasses import dataclass
from typing import Any, Callable, Dict, Iterable, List, Optional, Tuple, Union, cast

from . import _ffi
from ._errors import Diagnostic, PbpError
from ._money import Money
from ._tables import TableQueries

_lib = _ffi.lib

DateLike = Union[str, datetime.date]
YearLike = Union[str, int]
PathLike = Union[str, "os.PathLike[str]"]


def _date(d: Optional[DateLike], what: str = "as_of") -> Optional[bytes]:
    text = _ffi.date_text(d, what)
    return None if text is None else text.encode()


def _year(y: YearLike) -> bytes:
    """A financial year: ``"2023/24"``, or the int 2023 meaning 2023/24."""
    if isinstance(y, bool):
        raise TypeError("year: pass '2023/24' or 2023")
    if isinstance(y, int):
        return ("%d/%02d" % (y, (y + 1) % 100)).encode()
    if isinstance(y, str):
        return _ffi.text_bytes(y, "year")
    raise TypeError("year: pass '2023/24' or 2023, not %s" % type(y).__name__)


def _money(m: Any, what: str) -> Optional[bytes]:
    """An amount argument (None for none), its errors naming the argument."""
    if m is None:
        return None
    try:
        return str(m if isinstance(m, Money) else Money(m)).encode()
    except PbpError as e:
        raise PbpError(e.code, "%s: %s" % (what, e.message), status_name=e.status_name) from None
    except (TypeError, ValueError) as e:
        raise type(e)("%s: %s" % (what, e)) from None


def _areas(a: Union[str, Iterable[str]], what: str) -> bytes:
    """An area kind (``"place"``), comma-separated ids, or a list of ids."""
    if isinstance(a, str):
        return _ffi.text_bytes(a, what)
    if isinstance(a, bytes) or not isinstance(a, Iterable):
        raise TypeError("%s: pass an area kind, ids separated by commas, or a list of ids, not %s"
                        % (what, type(a).__name__))
    ids = list(a)
    for i in ids:
        if not isinstance(i, str):
            raise TypeError("%s: every area id must be a str, not %s" % (what, type(i).__name__))
        _ffi.text_bytes(i, what)
        if "," in i or not i:
            raise PbpError(-1, "%s: %r is not an area id" % (what, i), status_name="PBP_ERR_INVALID_ARGUMENT")
    return ",".join(ids).encode()


def _id_list(ids: Iterable[str], what: str) -> List[str]:
    """Ids for a batch query: any iterable of str (a bare str would be taken letter by letter)."""
    if isinstance(ids, (str, bytes)):
        raise TypeError("%s: pass a list of ids, not a single string" % what)
    out = list(ids)
    for i in out:
        if not isinstance(i, str):
            raise TypeError("%s: every id must be a str, not %s" % (what, type(i).__name__))
        _ffi.text_bytes(i, what)
    return out


def _flags(force: bool) -> int:
    return _ffi.FORCE if force else 0


class Model(TableQueries):
    """A loaded model: immutable, and safe to query from many threads at once.

    Open one with :meth:`load` (a file, or the name of a bundled model as the command line
    allows), :meth:`loads` (text) or :meth:`bundled`. Loading fails with :class:`PbpError` only
    when the text is not JSON or UTF-8 (E001), not ``pbp/1`` (E002) or past one of the limits of
    a whole file (E010-E014, docs/limits.md); every other problem is a
    diagnostic (:meth:`validate`). Queries refuse a model with errors (``PbpError`` with code
    ``pbp.ERR_MODEL_HAS_ERRORS`` and the errors in ``.diagnostics``) unless called with
    ``force=True``, as ``pbp COMMAND --force`` does.

    Free the model's memory early with :meth:`close` or a ``with`` block; otherwise it is freed
    when the object is collected.

    Example::

        >>> with pbp.Model.load("nottinghamshire") as m:
        ...     m.decides("fn.pcn-development", "place.bassetlaw")["decision_maker"]
        'bassetlaw.nhs-officer'
    """

    __slots__ = ("_handle", "_free", "__weakref__")

    def __init__(self, _handle: "_ffi.ModelHandle") -> None:  # use load(), loads() or bundled()
        if not _handle:
            raise ValueError("use Model.load(), Model.loads() or Model.bundled()")
        self._handle: Optional["_ffi.ModelHandle"] = _handle
        self._free = _lib.pbp_model_free  # kept so that __del__ works during interpreter shutdown

    @classmethod
    def _from(cls, function: Callable[..., int], *args: Any) -> "Model":
        out = _ffi.ModelPointer()
        _ffi.check(function(byref(out), *args))
        return cls(out)

    @classmethod
    def load(cls, path: PathLike) -> "Model":
        """Loads a model file; a name that is no file but names a bundled model (such as
        ``"nottinghamshire"``) loads that model, as the command line does.

        Example::

            >>> pbp.Model.load("west-yorkshire").name
            'West Yorkshire ICS (004, maximum delegation)'
        """
        return cls._from(_lib.pbp_model_open, _ffi.path_arg(path))

    @classmethod
    def loads(cls, text: Union[str, bytes]) -> "Model":
        """Loads a model from JSON text (comments and trailing commas are accepted).

        Example::

            >>> pbp.Model.loads('{"format": "pbp/1", "name": "Empty", /* a comment */}').name
            'Empty'
        """
        if isinstance(text, str):
            data = text.encode("utf-8")
        elif isinstance(text, (bytes, bytearray, memoryview)):
            data = bytes(text)
        else:  # bytes(5) would be five NULs, bytes([123, 34]) the text '{"'
            raise TypeError("loads: pass the model's text as a str or bytes, not %s" % type(text).__name__)
        return cls._from(_lib.pbp_model_load_text, data, len(data))

    @classmethod
    def bundled(cls, name: str = "nottinghamshire") -> "Model":
        """A model compiled into the library (see :func:`pbp.bundled_models`).

        Example::

            >>> pbp.Model.bundled("bob").counts()
            (0, 0)
        """
        return cls._from(_lib.pbp_model_load_bundled, _ffi.arg(name, "name"))

    # -- lifetime ---------------------------------------------------------------------------
    def close(self) -> None:
        """Frees the model now. Do not close a model other threads are still querying.

        Example::

            >>> m = pbp.Model.load("nottinghamshire")
            >>> m.close(); m.closed
            True
        """
        handle, self._handle = self._handle, None
        if handle:
            self._free(handle)

    @property
    def closed(self) -> bool:
        """True once :meth:`close` has been called (queries then raise :class:`PbpError`).

        Example::

            >>> pbp.Model.load("nottinghamshire").closed
            False
        """
        return not self._handle

    def __enter__(self) -> "Model":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        try:
            self.close()
        except Exception:  # interpreter shutdown: nothing sensible left to do
            pass

    # A model is immutable and owns its handle: a copy is the model itself, as for a tuple.
    # Copying the handle would let either object free the model the other still answers from.
    def __copy__(self) -> "Model":
        return self

    def __deepcopy__(self, memo: Dict[int, Any]) -> "Model":
        return self

    def __reduce__(self) -> Any:
        raise TypeError("a pbp.Model cannot be pickled: send the path of its file, or its text "
                        "(m.export()), and load it again on the other side")

    def _h(self) -> "_ffi.ModelHandle":
        if not self._handle:
            raise PbpError(-1, "the model is closed", status_name="PBP_ERR_INVALID_ARGUMENT")
        return self._handle

    def __repr__(self) -> str:
        if self.closed:
            return "<pbp.Model (closed)>"
        return "<pbp.Model %r: %d errors, %d warnings>" % ((self.name,) + self.counts())

    # -- about the model --------------------------------------------------------------------
    @property
    def name(self) -> str:
        """The model's ``name``.

        Example::

            >>> pbp.Model.load("nottinghamshire").name
            'Nottingham and Nottinghamshire ICS: place-based partnerships from 1 April 2022'
        """
        return _ffi.text_result(_lib.pbp_model_name, self._h())

    def counts(self) -> Tuple[int, int]:
        """``(errors, warnings)`` found by validation.

        Example::

            >>> pbp.Model.load("nottinghamshire").counts()
            (0, 0)
        """
        errors, warnings = c_size_t(), c_size_t()
        _ffi.check(_lib.pbp_model_diagnostic_counts(byref(errors), byref(warnings), self._h()))
        return errors.value, warnings.value

    @property
    def errors(self) -> int:
        """How many errors validation found (queries refuse the model when there are any).

        Example::

            >>> pbp.Model.load("nottinghamshire").errors
            0
        """
        return self.counts()[0]

    @property
    def warnings(self) -> int:
        """How many warnings validation found.

        Example::

            >>> pbp.Model.load("nottinghamshire").warnings
            0
        """
        return self.counts()[1]

    def validate(self) -> List[Diagnostic]:
        """Every diagnostic of SPEC section 3, errors and warnings (as a table:
        :meth:`validate_table`).

        Example::

            >>> m = pbp.Model.loads('{"format": "pbp/1", "organisations": [{"id": "a", "name": "A", '
            ...                     '"kind": "icb", "accountable_to": "nowhere"}]}')
            >>> [d.code for d in m.validate()]
            ['E006', 'W009']
        """
        result = _ffi.json_result(_lib.pbp_model_validate, self._h(), 0)
        return _ffi.diagnostics_from(result["diagnostics"])

    def save(self, path: PathLike) -> None:
        """Writes the model as loaded: every entity, relation, field and unknown key is kept,
        numbers digit for digit (comments and formatting are not).

        Example::

            >>> import os, tempfile
            >>> path = os.path.join(tempfile.mkdtemp(), "bob.json")
            >>> pbp.Model.load("bob").save(path)
            >>> pbp.Model.load(path).name == pbp.Model.load("bob").name
            True
        """
        _ffi.check(_lib.pbp_model_save(self._h(), _ffi.path_arg(path)))

    def export(self, format: str = "json", as_of: Optional[DateLike] = None) -> str:
        """The model as text: ``"json"`` (as :meth:`save` writes it), ``"dot"`` (Graphviz) or
        ``"graphml"``; ``as_of`` limits the diagrams to one day. GraphML nodes are named by the
        model's ids.

        Example::

            >>> '<node id="notts-icb">' in pbp.Model.load("nottinghamshire").export("graphml")
            True
        """
        return _ffi.text_result(_lib.pbp_model_export, self._h(), _ffi.arg(format, "format"), _date(as_of))

    def report(self, as_of: Optional[DateLike] = None) -> str:
        """The readable summary ``pbp report`` prints (never refused).

        Example::

            >>> print(pbp.Model.load("nottinghamshire").report().splitlines()[0])
            Nottingham and Nottinghamshire ICS: place-based partnerships from 1 April 2022
        """
        return _ffi.text_result(_lib.pbp_model_report, self._h(), _date(as_of))

    def report_html(self, as_of: Optional[DateLike] = None) -> str:
        """The report as one self-contained HTML page, as ``pbp report --html`` writes it
        (diagrams inline as SVG; nothing loaded from the network). Never refused for the
        model's errors. Raises :class:`pbp.PbpError` when the library was built without it.

        Example::

            >>> page = pbp.Model.load("nottinghamshire").report_html()
            >>> page.lower().startswith("<!doctype html>") and "<svg" in page
            True
        """
        return _ffi.text_result(_lib.pbp_model_report_html, self._h(), _date(as_of))

    # -- queries (SPEC section 2); dicts with the keys of SPEC 4.1, money as strings ------------
    def accountability(self, node: str, as_of: Optional[DateLike] = None, *, force: bool = False) -> Dict[str, Any]:
        """Who ``node`` answers to: ``{"node", "chain", "reachable", "apexes"}`` (SPEC 2.1). For
        many nodes, as rows: :meth:`accountability_table`.

        Example::

            >>> pbp.Model.load("nottinghamshire").accountability("notts-icb")["chain"]
            ['notts-icb', 'nhse', 'dhsc', 'parliament']
        """
        return _ffi.json_result(_lib.pbp_model_accountability, self._h(), _ffi.arg(node, "node"), _date(as_of),
                                _flags(force))

    def decides(self, function: str, place: str, as_of: Optional[DateLike] = None, *,
                force: bool = False) -> Dict[str, Any]:
        """Who decides ``function`` at ``place`` and who answers for it: ``{"function", "place",
        "holder", "decision_maker", "delegation_chain", "accountability_chain", "limit"}``. For
        many functions and places, as rows: :meth:`decides_table`.

        Example::

            >>> d = pbp.Model.load("nottinghamshire").decides("fn.pcn-development", "place.bassetlaw")
            >>> d["decision_maker"], d["limit"]
            ('bassetlaw.nhs-officer', '250000.00')
        """
        return _ffi.json_result(_lib.pbp_model_decides, self._h(), _ffi.arg(function, "function"), _ffi.arg(place, "place"),
                                _date(as_of), _flags(force))

    def accountability_batch(self, nodes: Optional[Iterable[str]] = None, as_of: Optional[DateLike] = None, *,
                             force: bool = False) -> List[Dict[str, Any]]:
        """Who each of many nodes answers to, in one call: a list of :meth:`accountability`
        answers, in the order of ``nodes``; with ``nodes=None``, every organisation, body and
        post existing on ``as_of``, in id order. One call into the library instead of one per
        node (``accountability_table`` gives the same answers as rows).

        Example::

            >>> m = pbp.Model.load("nottinghamshire")
            >>> [a["chain"] for a in m.accountability_batch(["nhse", "notts-icb"])]
            [['nhse', 'dhsc', 'parliament'], ['notts-icb', 'nhse', 'dhsc', 'parliament']]
            >>> len(m.accountability_batch()) == len(m.accountability_table())
            True
        """
        ids = None if nodes is None else _ffi.arg(json.dumps(_id_list(nodes, "nodes")), "nodes")
        return cast(List[Dict[str, Any]],
                    _ffi.json_value(_lib.pbp_model_accountability_batch, self._h(), ids, _date(as_of), _flags(force)))

    def decides_batch(self, function: str, places: Optional[Iterable[str]] = None, as_of: Optional[DateLike] = None,
                      *, force: bool = False) -> List[Dict[str, Any]]:
        """Who decides ``function`` at each of many places, in one call: a list of
        :meth:`decides` answers, in the order of ``places``; with ``places=None``, every area of
        kind ``place`` existing on ``as_of``, in id order (a row of the decides matrix;
        ``decides_table`` gives it as rows).

        Example::

            >>> m = pbp.Model.load("nottinghamshire")
            >>> [d["decision_maker"] for d in m.decides_batch("fn.pcn-development")]
            ['bassetlaw.nhs-officer', 'city.nhs-officer', 'mid-notts.nhs-officer', 'south-notts.nhs-officer']
        """
        ids = None if places is None else _ffi.arg(json.dumps(_id_list(places, "places")), "places")
        return cast(List[Dict[str, Any]],
                    _ffi.json_value(_lib.pbp_model_decides_batch, self._h(), _ffi.arg(function, "function"), ids, _date(as_of),
                                    _flags(force)))

    def authority(self, function: str, place: str, amount: Any, as_of: Optional[DateLike] = None, *,
                  force: bool = False) -> Dict[str, Any]:
        """Who may approve a single commitment of ``amount`` (Money, or a money string):
        ``{"function", "place", "amount", "approver", "effective_limit", "chain"}``.

        Example::

            >>> m = pbp.Model.load("nottinghamshire")
            >>> m.authority("fn.pcn-development", "place.bassetlaw", "400000")["approver"]
            'notts-icb.sc.bassetlaw'
        """
        return _ffi.json_result(_lib.pbp_model_authority, self._h(), _ffi.arg(function, "function"), _ffi.arg(place, "place"),
                                _money(amount, "amount"), _date(as_of), _flags(force))

    def balances(self, year: YearLike, *, force: bool = False) -> Dict[str, Any]:
        """What every node received and paid out in financial year ``year`` (``"2023/24"``):
        ``{"year", "nodes": [{"id", "inflow", "outflow", "net"}]}``. As rows: :meth:`balances_table`.

        Example::

            >>> pbp.Model.load("nottinghamshire").balances("2022/23")["nodes"][0]
            {'id': 'bassetlaw.programme-2022-23', 'inflow': '5000000.00', 'outflow': '0.00', 'net': '5000000.00'}
        """
        return _ffi.json_result(_lib.pbp_model_balances, self._h(), _year(year), _flags(force))

    def trace(self, node: str, year: YearLike, *, force: bool = False) -> Dict[str, Any]:
        """Where ``node``'s money in ``year`` came from: ``{"node", "year", "total", "sources":
        [{"source", "amount"}]}``. As rows: :meth:`trace_table`.

        Example::

            >>> pbp.Model.load("nottinghamshire").trace("notts-icb", 2022)["sources"]
            [{'source': 'nhse', 'amount': '2828000000.00'}]
        """
        return _ffi.json_result(_lib.pbp_model_trace, self._h(), _ffi.arg(node, "node"), _year(year), _flags(force))

    def coterminosity(self, a: Union[str, Iterable[str]], b: Union[str, Iterable[str]],
                      within: Optional[str] = None, as_of: Optional[DateLike] = None, *,
                      force: bool = False) -> Dict[str, Any]:
        """How well two sets of areas line up: ``{"score", "areas": [{"area", "best", "coverage",
        "relation"}]}``. Each side is an area kind (``"place"``), comma-separated ids, or a list of
        ids; ``within`` restricts a side given as a kind to the areas inside that area. As rows:
        :meth:`coterminosity_table`.

        Example::

            >>> pbp.Model.load("nottinghamshire").coterminosity("place", "local_authority")["score"]
            '1.0000'
        """
        return _ffi.json_result(_lib.pbp_model_coterminosity, self._h(), _areas(a, "a"), _areas(b, "b"),
                                _ffi.arg(within, "within", optional=True), _date(as_of), _flags(force))

    def partners(self, node: str, as_of: Optional[DateLike] = None, *, force: bool = False) -> Dict[str, Any]:
        """Who the organisation or area ``node`` (an ICB) must work with: every upper-tier council
        whose footprint overlaps its own, as ``pbp partners``: ``{"node", "areas", "population",
        "uncovered", "councils": [{"council", "areas", "population", "overlap", "share",
        "whole"}]}`` (populations ints, ``share`` a decimal string). As rows: :meth:`partners_table`.

        Example::

            >>> [c["council"] for c in pbp.Model.load("nottinghamshire").partners("notts-icb")["councils"]]
            ['nottingham-city-council', 'notts-county-council']
        """
        return _ffi.json_result(_lib.pbp_model_partners, self._h(), _ffi.arg(node, "node"), _date(as_of), _flags(force))

    def partitions(self, parts: Union[str, Iterable[str]], whole: str, within: Optional[str] = None,
                   as_of: Optional[DateLike] = None, *, force: bool = False) -> Dict[str, Any]:
        """Whether ``parts`` cover the area ``whole`` with no gap, overlap or spill, as ``pbp
        boundaries --parts P --whole W``: ``{"whole", "parts", "partitions", "gap", "overlaps",
        "outside"}``.

        Example::

            >>> pbp.Model.load("nottinghamshire").partitions("place", "ics.notts")["partitions"]
            True
        """
        return _ffi.json_result(_lib.pbp_model_partitions, self._h(), _areas(parts, "parts"), _ffi.arg(whole, "whole"),
                                _ffi.arg(within, "within", optional=True), _date(as_of), _flags(force))

    def boundaries(self, units: Union[str, Iterable[str]], areas: Union[str, Iterable[str]],
                   within: Optional[str] = None, as_of: Optional[DateLike] = None, *,
                   force: bool = False) -> Dict[str, Any]:
        """Whether each of ``units`` lies within one of ``areas``, as ``pbp boundaries --units U
        --areas A``: ``{"respects", "units": [{"unit", "within", "pieces", "outside"}]}``.

        Example::

            >>> pbp.Model.load("nottinghamshire").boundaries("place", "local_authority")["respects"]
            True
        """
        return _ffi.json_result(_lib.pbp_model_boundaries, self._h(), _areas(units, "units"), _areas(areas, "areas"),
                                _ffi.arg(within, "within", optional=True), _date(as_of), _flags(force))

    def fair_shares(self, total: Any, kind: Union[str, Iterable[str]], within: Optional[str] = None,
                    floor: Any = None, as_of: Optional[DateLike] = None, *, force: bool = False) -> Dict[str, Any]:
        """Splits ``total`` among areas by population x need: ``{"total", "shares": [{"area",
        "amount"}]}``. ``kind`` is an area kind, comma-separated ids or a list of ids. As rows:
        :meth:`fair_shares_table`.

        Example::

            >>> pbp.Model.load("nottinghamshire").fair_shares("1000000", "place")["shares"][0]
            {'area': 'place.bassetlaw', 'amount': '103162.03'}
        """
        return _ffi.json_result(_lib.pbp_model_fair_shares, self._h(), _money(total, "total"), _areas(kind, "kind"),
                                _ffi.arg(within, "within", optional=True), _money(floor, "floor"), _date(as_of), _flags(force))

    def designation(self, as_of: Optional[DateLike] = None, *, force: bool = False) -> Dict[str, Any]:
        """Where each function with a service area is decided, place by place: ``{"as_of",
        "designations": [{"function", "service_area", "place", "level", "decision_maker"}]}``. As
        rows: :meth:`designation_table`.

        Example::

            >>> pbp.Model.load("nottinghamshire").designation()["designations"][0]["level"]
            'place'
        """
        return _ffi.json_result(_lib.pbp_model_designation, self._h(), _date(as_of), _flags(force))

    def diff(self, d1: DateLike, d2: DateLike, *, force: bool = False) -> Dict[str, Any]:
        """What changed between two days: ``{"from", "to", "entities", "relations",
        "decisions"}`` (SPEC 2.5). As rows: :meth:`diff_tables`.

        Example::

            >>> pbp.Model.load("nottinghamshire").diff("2022-03-31", "2022-04-01")["entities"]["appeared"][:2]
            ['bassetlaw.clinical-lead', 'bassetlaw.executive-lead']
        """
        if d1 is None or d2 is None:
            raise TypeError("diff needs two dates, not None")
        return _ffi.json_result(_lib.pbp_model_diff, self._h(), _date(d1, "d1"), _date(d2, "d2"), _flags(force))

    def maturity(self, subject: Optional[str] = None, as_of: Optional[DateLike] = None, *,
                 between: Optional[Tuple[DateLike, DateLike]] = None, force: bool = False) -> Dict[str, Any]:
        """Maturity self-assessments: ``{"subjects": [{"subject", "themes": [...]}]}``, as of a day
        (the latest by default), or the change ``between=(d1, d2)``.

        Example::

            >>> [s["subject"] for s in pbp.Model.load("bob").maturity()["subjects"]][:1]
            ['pbp.berks-west']
        """
        d1: Optional[bytes] = None
        d2: Optional[bytes] = None
        if between is not None:
            if isinstance(between, (str, bytes)) or len(between) != 2:
                raise TypeError("between: pass two dates, (d1, d2)")
            d1, d2 = _date(between[0], "between"), _date(between[1], "between")
            if d1 is None or d2 is None:
                raise TypeError("between needs two dates, not None")
        return _ffi.json_result(_lib.pbp_model_maturity, self._h(), _ffi.arg(subject, "subject", optional=True), _date(as_of), d1, d2,
                                _flags(force))


@dataclass(frozen=True)
class ImportedAreas:
    """What :func:`import_areas` built: the model's JSON ``text`` (write it to a file, or
    :meth:`load` it), the problems found in the input, and counts.

    Example: see :func:`import_areas`."""

    text: str
    diagnostics: List[Diagnostic]
    areas: int
    leaves: int
    populated: int

    def load(self) -> Model:
        """The model built, loaded (:meth:`Model.loads` of :attr:`text`).

        Example::

            >>> pbp.import_areas("lookup.csv", "population.csv", name="My areas").load().name
            'My areas'

        """
        return Model.loads(self.text)


def import_areas(lookup: PathLike, population: Optional[PathLike] = None, name: Optional[str] = None) -> ImportedAreas:
    """Builds a model of areas from an ONS lookup table (and optionally a population CSV), as
    ``pbp import-areas`` does (SPEC 1.4).

    Example (an ONS lookup, and a population file with no figure for one LSOA)::

        >>> r = pbp.import_areas("lookup.csv", "population.csv", name="My areas")
        >>> r.areas, r.leaves, r.populated, [d.code for d in r.diagnostics]
        (6, 3, 2, ['W503'])
    """
    text, r = _imported(_lib.pbp_import_areas, _ffi.path_arg(lookup),
                        None if population is None else _ffi.path_arg(population), _ffi.arg(name, "name", optional=True),
                        _ffi.PRETTY)
    return ImportedAreas(text, _ffi.diagnostics_from(r["diagnostics"]), r["areas"], r["leaves"], r["populated"])


def _imported(function: Callable[..., int], *args: Any) -> Tuple[str, Dict[str, Any]]:
    """Calls an import (``char** out_model, char** out_report, ...``): the model's text and the
    report, both buffers freed through the library whatever happens."""
    from ctypes import c_void_p, string_at

    model, report = c_void_p(), c_void_p()
    status = function(byref(model), byref(report), *args)
    try:
        _ffi.check(status)
        text = string_at(model).decode("utf-8")
        r = json.loads(string_at(report).decode("utf-8"))
    finally:
        for buf in (model, report):
            if buf.value:
                _lib.pbp_free(buf)
    return text, cast(Dict[str, Any], r)


@dataclass(frozen=True)
class ImportedOrganisations:
    """What :func:`import_ods` built: the model's JSON ``text`` (write it to a file, or
    :meth:`load` it), where the registers disagree or cannot be read (``diagnostics``, W601-W612),
    how many ``organisations`` of each kind (a dict, kinds in order), ``bodies`` (NHS England's
    regions and the sub-ICB locations) and ``relations`` were written.

    Example: see :func:`import_ods`."""

    text: str
    diagnostics: List[Diagnostic]
    organisations: Dict[str, int]
    bodies: int
    relations: int

    def load(self) -> Model:
        """The model built, loaded (:meth:`Model.loads` of :attr:`text`).

        Example::

            >>> pbp.import_ods("ods", areas="ods/areas.json").load().accountability("QE1")["chain"]
            ['QE1', 'nhs-england', 'dhsc', 'parliament']

        """
        return Model.loads(self.text)


def import_ods(data_dir: PathLike, areas: Optional[PathLike] = None, name: Optional[str] = None, *,
               force: bool = False) -> ImportedOrganisations:
    """Builds England's health and care organisations from the NHS ODS registers and ONS lists in
    the folder ``data_dir``, on the areas of ``areas`` (a model file, or a bundled model's name;
    by default the bundled ``"england-areas"``), as ``pbp import-ods DATA_DIR [--areas MODEL]
    [--name NAME]`` does: ``text`` is the model the command writes, byte for byte. An areas model
    with errors is refused unless ``force=True`` (the command's ``--force``). The folder's files
    are listed in docs/queries/import-ods.md; ``pbp.import_ods("data/england")`` in a checkout of
    pbp builds the bundled ``england`` model.

    Raises :class:`PbpError`: ``ERR_IO`` when a register is missing (the message names the folder
    and the file names tried), ``ERR_INVALID_ARGUMENT`` when a register lacks a column the import
    needs, and as :meth:`Model.load` when the areas model cannot be opened.

    Example (the hand-made register excerpts of pbp's tests, on their own small areas model)::

        >>> r = pbp.import_ods("ods", areas="ods/areas.json", name="Excerpt")
        >>> r.organisations["icb"], r.organisations["gp_practice"], r.bodies
        (3, 11, 6)
        >>> [d.code for d in r.diagnostics][:3]
        ['W611', 'W604', 'W604']
        >>> r.load().name
        'Excerpt'
    """
    text, r = _imported(_lib.pbp_import_ods, _ffi.path_arg(data_dir),
                        None if areas is None else _ffi.path_arg(areas), _ffi.arg(name, "name", optional=True),
                        _ffi.PRETTY | _flags(force))
    organisations = {str(kind): int(n) for kind, n in r["organisations"].items()}
    return ImportedOrganisations(text, _ffi.diagnostics_from(r["diagnostics"]), organisations, r["bodies"],
                                 r["relations"])


def bundled_models() -> List[str]:
    """The names of the models compiled into the library.

    Example::

        >>> "nottinghamshire" in pbp.bundled_models()
        True
    """
    return cast(List[str], _ffi.json_value(_lib.pbp_bundled_models))
