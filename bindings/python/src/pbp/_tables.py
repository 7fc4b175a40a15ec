"""Table-shaped answers: every query that answers for many things, as rows.

Each ``Model.<query>_table(...)`` method (and :func:`pbp.allocate_table`) returns a
:class:`Table`: a ``list`` of frozen dataclass rows, one per thing the query answers for, whose
fields are the keys of the query's JSON answer (SPEC section 2 and 4.1). Ids are ``str``, money
is :class:`pbp.Money`, ratios (coverage, share) are exact :class:`decimal.Decimal`, lists of ids
are tuples of ``str`` and "none" is ``None``. ``Table.to_frame()`` gives a pandas DataFrame (when
pandas is installed: it is optional) with money as exact ``Decimal``, never float.

The dict-returning query methods (SPEC 4.3) are unchanged; a table is the same answer, row by
row, built from that dict.
"""
from __future__ import annotations

import dataclasses
import importlib
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import (TYPE_CHECKING, Any, Dict, Generic, Iterable, List, Mapping, Optional, Sequence, Tuple, Type,
                    TypeVar, Union)

from . import _ffi
from ._errors import Diagnostic
from ._money import Money, MoneyLike, allocate

if TYPE_CHECKING:
    from ._model import DateLike, YearLike

RowT = TypeVar("RowT")
Ids = Tuple[str, ...]


class Table(List[RowT], Generic[RowT]):
    """The rows of a many-row answer: a ``list`` of frozen dataclass rows, all of one type.

    It is a list (index it, iterate it, ``len()`` it, compare it with a list of rows) that also
    knows its row type, so that an empty answer still has its columns.

    Example::

        >>> t = pbp.Model.load("nottinghamshire").balances_table("2022/23")
        >>> t.columns
        ('id', 'inflow', 'outflow', 'net')
        >>> t[0]
        BalanceRow(id='bassetlaw.programme-2022-23', inflow=Money('5000000.00'), outflow=Money('0.00'), net=Money('5000000.00'))
        >>> t.to_frame()["net"][0]             # exact Decimal, never float
        Decimal('5000000.00')
    """

    def __init__(self, row_type: Type[RowT], rows: Iterable[RowT] = ()) -> None:
        super().__init__(rows)
        self.row_type = row_type

    @property
    def columns(self) -> Tuple[str, ...]:
        """The column names, in order: the row type's fields, named as the JSON keys (``from_``
        of a relation change is the column ``"from"``).

        Example::

            >>> pbp.Model.load("nottinghamshire").designation_table().columns
            ('function', 'service_area', 'place', 'level', 'decision_maker')
        """
        return tuple(_column(f.name) for f in dataclasses.fields(self.row_type))

    def records(self) -> List[Dict[str, Any]]:
        """The rows as plain dicts keyed by column name, values as in the rows (Money stays
        Money).

        Example::

            >>> pbp.allocate_table("0.10", [1, 1, 1]).records()[0]
            {'position': 0, 'weight': Decimal('1'), 'share': Money('0.04')}
        """
        names = [f.name for f in dataclasses.fields(self.row_type)]
        return [{_column(n): getattr(r, n) for n in names} for r in self]

    def to_frame(self) -> Any:
        """A ``pandas.DataFrame``, one row per row and one column per field. Money columns hold
        exact :class:`decimal.Decimal` (``Decimal('1234.50')``), never float; ids stay ``str``;
        lists of ids are tuples; "none" is ``None``. Needs pandas (imported only here); raises
        ``ImportError`` with the reason when it is not installed.

        Example::

            >>> df = pbp.Model.load("nottinghamshire").balances_table("2022/23").to_frame()
            >>> df["net"].sum()                 # exact: a Decimal (money in = money out here)
            Decimal('0.00')
        """
        try:
            pandas = importlib.import_module("pandas")
        except ImportError as e:
            raise ImportError("Table.to_frame() needs pandas (pip install pandas, or Debian's "
                              "python3-pandas); the rows themselves do not") from e
        columns = list(self.columns)
        data = {c: [_cell(v) for v in values] for c, values in
                zip(columns, zip(*[dataclasses.astuple(r) for r in self]) if len(self) else [[] for _ in columns])}
        # Whole-number and yes/no columns get pandas' int64 and bool; every other column is
        # dtype object, which keeps Decimal, str, tuples and None as they are (no float, no NaN).
        def series(values: List[object]) -> Any:
            plain = len(values) > 0 and all(isinstance(v, int) for v in values)
            return pandas.Series(values) if plain else pandas.Series(values, dtype=object)
        return pandas.DataFrame({c: series(data[c]) for c in columns}, columns=columns)

    def __repr__(self) -> str:
        return "Table[%s](%s)" % (self.row_type.__name__, list.__repr__(self))


def _column(field: str) -> str:
    return field[:-1] if field.endswith("_") else field


def _cell(v: object) -> object:
    if isinstance(v, Money):
        return v.to_decimal()
    return v


# -- rows -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AccountabilityRow:
    """Who ``node`` answers to (SPEC 2.1): the shortest ``chain`` up, everything ``reachable``,
    and the ``apexes`` it ends at."""

    node: str
    chain: Ids
    reachable: Ids
    apexes: Ids


@dataclass(frozen=True)
class DecisionRow:
    """Who decides ``function`` at ``place`` (SPEC 2.2): its ``holder``, the ``decision_maker``,
    the ``delegation_chain`` down to it, the ``accountability_chain`` up from it, and the smallest
    ``limit`` on the way (``None``: unlimited)."""

    function: str
    place: str
    holder: str
    decision_maker: str
    delegation_chain: Ids
    accountability_chain: Ids
    limit: Optional[Money]


@dataclass(frozen=True)
class BalanceRow:
    """What node ``id`` received and paid out in the year (SPEC 2.3); ``net = inflow - outflow``."""

    id: str
    inflow: Money
    outflow: Money
    net: Money


@dataclass(frozen=True)
class SourceRow:
    """One source of a traced node's money (SPEC 2.3) and the ``amount`` that came from it."""

    source: str
    amount: Money


@dataclass(frozen=True)
class ShareRow:
    """One area's fair share (``pbp fair-shares``): ``amount`` of the total."""

    area: str
    amount: Money


@dataclass(frozen=True)
class AllocationRow:
    """One share of :func:`pbp.allocate_table`: the ``weight`` at ``position`` (0-based, in the
    order given) and its ``share`` of the total."""

    position: int
    weight: Decimal
    share: Money


@dataclass(frozen=True)
class CoterminosityRow:
    """How one area of side A lines up with side B (SPEC 2.4): the ``best`` match, the share of
    the area's people it holds (``coverage``, four places) and the ``relation``."""

    area: str
    best: str
    coverage: Decimal
    relation: str


@dataclass(frozen=True)
class PartnerRow:
    """An upper-tier council an ICB must work with (``pbp partners``): the ``areas`` it serves,
    its ``population``, the people in both footprints (``overlap``), ``share`` = overlap /
    population (four places) and whether the council lies ``whole`` within the ICB."""

    council: str
    areas: Ids
    population: int
    overlap: int
    share: Decimal
    whole: bool


@dataclass(frozen=True)
class DesignationRow:
    """Where ``function`` is decided at ``place`` (SPEC 2.4): ``level`` ``"place"``,
    ``"system"`` or ``"not_delegated"``, and by whom."""

    function: str
    service_area: str
    place: str
    level: str
    decision_maker: Optional[str]


@dataclass(frozen=True)
class EntityChangeRow:
    """An entity that exists on one day of a diff and not the other: ``change`` is
    ``"appeared"`` or ``"disappeared"``."""

    change: str
    id: str


@dataclass(frozen=True)
class RelationChangeRow:
    """A relation that exists on one day of a diff and not the other (``change``
    ``"appeared"`` or ``"disappeared"``): its JSON ``pointer``, its own ``id`` (or ``None``),
    ``kind``, and its ends ``from_`` (column ``"from"``) and ``to``."""

    change: str
    pointer: str
    id: Optional[str]
    kind: str
    from_: str
    to: str


@dataclass(frozen=True)
class DecisionChangeRow:
    """A function and place whose decision changed between the two days of a diff; each
    ``before_*``/``after_*`` is ``None`` when the question cannot be asked on that day (and a
    limit is also ``None`` when unlimited: ``before_asked``/``after_asked`` tell the two apart)."""

    function: str
    place: str
    before_asked: bool
    before_decision_maker: Optional[str]
    before_delegation_chain: Optional[Ids]
    before_accountability_chain: Optional[Ids]
    before_limit: Optional[Money]
    after_asked: bool
    after_decision_maker: Optional[str]
    after_delegation_chain: Optional[Ids]
    after_accountability_chain: Optional[Ids]
    after_limit: Optional[Money]


@dataclass(frozen=True)
class DiffTables:
    """:meth:`Model.diff_tables`: what changed between ``from_`` and ``to``, as three tables."""

    from_: str
    to: str
    entities: Table[EntityChangeRow]
    relations: Table[RelationChangeRow]
    decisions: Table[DecisionChangeRow]


# -- from JSON answers to rows -------------------------------------------------------------------


def _ids(v: Sequence[str]) -> Ids:
    return tuple(str(x) for x in v)


def _money_or_none(v: Optional[str]) -> Optional[Money]:
    return None if v is None else Money(v)


def decision_row(d: Mapping[str, Any]) -> DecisionRow:
    return DecisionRow(d["function"], d["place"], d["holder"], d["decision_maker"], _ids(d["delegation_chain"]),
                       _ids(d["accountability_chain"]), _money_or_none(d["limit"]))


def accountability_row(d: Mapping[str, Any]) -> AccountabilityRow:
    return AccountabilityRow(d["node"], _ids(d["chain"]), _ids(d["reachable"]), _ids(d["apexes"]))


def balance_rows(answer: Mapping[str, Any]) -> Table[BalanceRow]:
    return Table(BalanceRow, (BalanceRow(n["id"], Money(n["inflow"]), Money(n["outflow"]), Money(n["net"]))
                              for n in answer["nodes"]))


def source_rows(answer: Mapping[str, Any]) -> Table[SourceRow]:
    return Table(SourceRow, (SourceRow(s["source"], Money(s["amount"])) for s in answer["sources"]))


def share_rows(answer: Mapping[str, Any]) -> Table[ShareRow]:
    return Table(ShareRow, (ShareRow(s["area"], Money(s["amount"])) for s in answer["shares"]))


def coterminosity_rows(answer: Mapping[str, Any]) -> Table[CoterminosityRow]:
    return Table(CoterminosityRow, (CoterminosityRow(a["area"], a["best"], Decimal(a["coverage"]), a["relation"])
                                    for a in answer["areas"]))


def partner_rows(answer: Mapping[str, Any]) -> Table[PartnerRow]:
    return Table(PartnerRow, (PartnerRow(c["council"], _ids(c["areas"]), int(c["population"]), int(c["overlap"]),
                                         Decimal(c["share"]), bool(c["whole"])) for c in answer["councils"]))


def designation_rows(answer: Mapping[str, Any]) -> Table[DesignationRow]:
    return Table(DesignationRow, (DesignationRow(d["function"], d["service_area"], d["place"], d["level"],
                                                 d["decision_maker"]) for d in answer["designations"]))


def _side(d: Optional[Mapping[str, Any]]) -> Tuple[bool, Optional[str], Optional[Ids], Optional[Ids], Optional[Money]]:
    if d is None:
        return False, None, None, None, None
    return (True, d["decision_maker"], _ids(d["delegation_chain"]), _ids(d["accountability_chain"]),
            _money_or_none(d["limit"]))


def diff_tables(answer: Mapping[str, Any]) -> DiffTables:
    entities = Table(EntityChangeRow, [EntityChangeRow(change, i) for change in ("appeared", "disappeared")
                                       for i in answer["entities"][change]])
    relations = Table(RelationChangeRow, [RelationChangeRow(change, r["pointer"], r["id"], r["kind"], r["from"], r["to"])
                                          for change in ("appeared", "disappeared")
                                          for r in answer["relations"][change]])
    decisions = Table(DecisionChangeRow, [DecisionChangeRow(c["function"], c["place"], *_side(c["before"]),
                                                            *_side(c["after"])) for c in answer["decisions"]])
    return DiffTables(answer["from"], answer["to"], entities, relations, decisions)


# -- the model's table queries ---------------------------------------------------------------------


def _day(as_of: Optional["DateLike"]) -> Optional[str]:
    return _ffi.date_text(as_of, "as_of")  # checked here: these tables filter by day in Python


def _alive(entity: Mapping[str, Any], day: Optional[str]) -> bool:
    """SPEC 2.5/2.6.1: with no day everything exists; on day d, valid_from <= d < valid_to."""
    if day is None:
        return True
    start, end = entity.get("valid_from"), entity.get("valid_to")
    return (start is None or str(start) <= day) and (end is None or day < str(end))


def _decides_many(model: "TableQueries", pairs: Sequence[Tuple[str, str]], as_of: Optional["DateLike"],
                  force: bool) -> List[Dict[str, Any]]:
    """The decides answer (SPEC 2.2 dict) for each (function, place) pair, in order: one
    ``pbp_model_decides_batch`` call per run of pairs with the same function."""
    out: List[Dict[str, Any]] = []
    k = 0
    while k < len(pairs):
        function = pairs[k][0]
        end = k
        while end < len(pairs) and pairs[end][0] == function:
            end += 1
        out.extend(model.decides_batch(function, [p for _, p in pairs[k:end]], as_of, force=force))
        k = end
    return out


def _accountability_many(model: "TableQueries", nodes: Optional[Sequence[str]], as_of: Optional["DateLike"],
                         force: bool) -> List[Dict[str, Any]]:
    """The accountability answer (SPEC 2.1 dict) for each node, in order: one
    ``pbp_model_accountability_batch`` call."""
    return model.accountability_batch(nodes, as_of, force=force)


def _byte_order(ids: Iterable[str]) -> List[str]:
    return sorted(ids, key=lambda s: s.encode())  # byte-wise, as the library sorts ids


def _places_in(doc: Mapping[str, Any], day: Optional[str]) -> List[str]:
    return _byte_order(a["id"] for a in doc.get("areas", []) if a.get("kind") == "place" and _alive(a, day))


def _functions_in(doc: Mapping[str, Any], day: Optional[str]) -> List[str]:
    alive = {e["id"] for s in ("organisations", "bodies", "posts") for e in doc.get(s, []) if _alive(e, day)}
    return _byte_order(f["id"] for f in doc.get("functions", []) if _alive(f, day) and f.get("holder") in alive)


def _names(v: Union[str, Iterable[str]]) -> List[str]:
    return [v] if isinstance(v, str) else [str(x) for x in v]


class TableQueries:
    """The ``*_table`` methods of :class:`pbp.Model` (mixed in)."""

    __slots__ = ()

    if TYPE_CHECKING:  # provided by Model
        def export(self, format: str = "json", as_of: Optional[DateLike] = None) -> str: ...
        def validate(self) -> List[Diagnostic]: ...
        def accountability(self, node: str, as_of: Optional[DateLike] = None, *,
                           force: bool = False) -> Dict[str, Any]: ...
        def decides(self, function: str, place: str, as_of: Optional[DateLike] = None, *,
                    force: bool = False) -> Dict[str, Any]: ...
        def accountability_batch(self, nodes: Optional[Iterable[str]] = None, as_of: Optional[DateLike] = None, *,
                                 force: bool = False) -> List[Dict[str, Any]]: ...
        def decides_batch(self, function: str, places: Optional[Iterable[str]] = None,
                          as_of: Optional[DateLike] = None, *, force: bool = False) -> List[Dict[str, Any]]: ...
        def balances(self, year: YearLike, *, force: bool = False) -> Dict[str, Any]: ...
        def trace(self, node: str, year: YearLike, *, force: bool = False) -> Dict[str, Any]: ...
        def coterminosity(self, a: Union[str, Iterable[str]], b: Union[str, Iterable[str]],
                          within: Optional[str] = None, as_of: Optional[DateLike] = None, *,
                          force: bool = False) -> Dict[str, Any]: ...
        def partners(self, node: str, as_of: Optional[DateLike] = None, *, force: bool = False) -> Dict[str, Any]: ...
        def fair_shares(self, total: Any, kind: Union[str, Iterable[str]], within: Optional[str] = None,
                        floor: Any = None, as_of: Optional[DateLike] = None, *,
                        force: bool = False) -> Dict[str, Any]: ...
        def designation(self, as_of: Optional[DateLike] = None, *, force: bool = False) -> Dict[str, Any]: ...
        def diff(self, d1: DateLike, d2: DateLike, *, force: bool = False) -> Dict[str, Any]: ...

    def _document(self) -> Dict[str, Any]:
        doc: Dict[str, Any] = json.loads(self.export("json"))
        return doc

    def places(self, as_of: Optional["DateLike"] = None) -> List[str]:
        """The ids of the model's places (areas of kind ``place``) existing on ``as_of`` (all,
        with no day), sorted byte-wise as the queries sort ids.

        Example::

            >>> pbp.Model.load("nottinghamshire").places()
            ['place.bassetlaw', 'place.city', 'place.mid-notts', 'place.south-notts']
        """
        return _places_in(self._document(), _day(as_of))

    def functions(self, as_of: Optional["DateLike"] = None) -> List[str]:
        """The ids of the model's functions that have a holder, both existing on ``as_of`` (all,
        with no day), sorted byte-wise.

        Example::

            >>> "fn.pcn-development" in pbp.Model.load("nottinghamshire").functions()
            True
        """
        return _functions_in(self._document(), _day(as_of))

    def decides_table(self, functions: Union[str, Iterable[str], None] = None,
                      places: Union[str, Iterable[str], None] = None, as_of: Optional["DateLike"] = None, *,
                      force: bool = False) -> Table[DecisionRow]:
        """Who decides each function at each place: one :class:`DecisionRow` per (function,
        place), functions outer, in the order given. ``functions`` and ``places`` are an id or
        ids; ``None`` means every function with a holder (:meth:`functions`) and every place
        (:meth:`places`) existing on ``as_of``. Each row is :meth:`decides`'s answer.

        Example::

            >>> t = pbp.Model.load("nottinghamshire").decides_table("fn.pcn-development")
            >>> [(r.place, r.decision_maker) for r in t][:1]
            [('place.bassetlaw', 'bassetlaw.nhs-officer')]
        """
        doc = self._document() if functions is None or places is None else {}
        fs = _functions_in(doc, _day(as_of)) if functions is None else _names(functions)
        ps = _places_in(doc, _day(as_of)) if places is None else _names(places)
        answers = _decides_many(self, [(f, p) for f in fs for p in ps], as_of, force)
        return Table(DecisionRow, (decision_row(d) for d in answers))

    def accountability_table(self, nodes: Union[str, Iterable[str], None] = None, as_of: Optional["DateLike"] = None,
                             *, force: bool = False) -> Table[AccountabilityRow]:
        """Who each of ``nodes`` answers to: one :class:`AccountabilityRow` per node, in the
        order given, each :meth:`accountability`'s answer; with ``nodes=None``, every
        organisation, body and post existing on ``as_of``, in id order. Answered by one batch
        call into the library.

        Example::

            >>> t = pbp.Model.load("nottinghamshire").accountability_table(["notts-icb", "nhse"])
            >>> t[1].chain
            ('nhse', 'dhsc', 'parliament')
        """
        answers = _accountability_many(self, None if nodes is None else _names(nodes), as_of, force)
        return Table(AccountabilityRow, (accountability_row(d) for d in answers))

    def balances_table(self, year: "YearLike", *, force: bool = False) -> Table[BalanceRow]:
        """:meth:`balances` as rows: one :class:`BalanceRow` (``id``, ``inflow``, ``outflow``,
        ``net``, money as :class:`pbp.Money`) per node with a flow in ``year``, sorted by id.

        Example::

            >>> t = pbp.Model.load("nottinghamshire").balances_table("2022/23")
            >>> [r for r in t if r.id == "nhse"]
            [BalanceRow(id='nhse', inflow=Money('0.00'), outflow=Money('2828000000.00'), net=Money('-2828000000.00'))]
        """
        return balance_rows(self.balances(year, force=force))

    def trace_table(self, node: str, year: "YearLike", *, force: bool = False) -> Table[SourceRow]:
        """:meth:`trace` as rows: one :class:`SourceRow` (``source``, ``amount``) per source of
        ``node``'s money in ``year``, largest first; the amounts sum to the answer's ``total``.

        Example::

            >>> pbp.Model.load("nottinghamshire").trace_table("notts-icb", "2022/23")
            Table[SourceRow]([SourceRow(source='nhse', amount=Money('2828000000.00'))])
        """
        return source_rows(self.trace(node, year, force=force))

    def coterminosity_table(self, a: Union[str, Iterable[str]], b: Union[str, Iterable[str]],
                            within: Optional[str] = None, as_of: Optional["DateLike"] = None, *,
                            force: bool = False) -> Table[CoterminosityRow]:
        """:meth:`coterminosity` as rows: one :class:`CoterminosityRow` (``area``, ``best``,
        ``coverage`` as an exact Decimal, ``relation``) per area of side ``a``, sorted by id.

        Example::

            >>> t = pbp.Model.load("nottinghamshire").coterminosity_table("place", "local_authority")
            >>> t[1]
            CoterminosityRow(area='place.city', best='la.nottingham', coverage=Decimal('1.0000'), relation='coterminous')
        """
        return coterminosity_rows(self.coterminosity(a, b, within, as_of, force=force))

    def partners_table(self, node: str, as_of: Optional["DateLike"] = None, *,
                       force: bool = False) -> Table[PartnerRow]:
        """:meth:`partners` as rows: one :class:`PartnerRow` per upper-tier council whose
        footprint overlaps ``node``'s, sorted by id.

        Example::

            >>> t = pbp.Model.load("lancashire-south-cumbria").partners_table("lsc-icb")
            >>> [(r.council, r.share) for r in t if not r.whole]
            [('cumbria-cc', Decimal('0.3589')), ('westmorland-furness-council', Decimal('0.7562'))]
        """
        return partner_rows(self.partners(node, as_of, force=force))

    def fair_shares_table(self, total: MoneyLike, kind: Union[str, Iterable[str]],
                          within: Optional[str] = None, floor: Optional[MoneyLike] = None,
                          as_of: Optional["DateLike"] = None, *, force: bool = False) -> Table[ShareRow]:
        """:meth:`fair_shares` as rows: one :class:`ShareRow` (``area``, ``amount``) per area,
        sorted by id; the amounts sum to ``total`` exactly.

        Example::

            >>> t = pbp.Model.load("nottinghamshire").fair_shares_table("1000000", "place")
            >>> t[0], sum(r.amount for r in t)
            (ShareRow(area='place.bassetlaw', amount=Money('103162.03')), Money('1000000.00'))
        """
        return share_rows(self.fair_shares(total, kind, within, floor, as_of, force=force))

    def designation_table(self, as_of: Optional["DateLike"] = None, *,
                          force: bool = False) -> Table[DesignationRow]:
        """:meth:`designation` as rows: one :class:`DesignationRow` per function with a service
        area and place.

        Example::

            >>> t = pbp.Model.load("nottinghamshire").designation_table()
            >>> t[0].function, t[0].place, t[0].level, t[0].decision_maker
            ('fn.local-service-development', 'place.bassetlaw', 'place', 'bassetlaw.nhs-officer')
        """
        return designation_rows(self.designation(as_of, force=force))

    def diff_tables(self, d1: "DateLike", d2: "DateLike", *, force: bool = False) -> DiffTables:
        """:meth:`diff` as three tables: ``entities`` (:class:`EntityChangeRow`), ``relations``
        (:class:`RelationChangeRow`) and ``decisions`` (:class:`DecisionChangeRow`).

        Example::

            >>> d = pbp.Model.load("nottinghamshire").diff_tables("2022-03-31", "2022-04-01")
            >>> d.entities[0]
            EntityChangeRow(change='appeared', id='bassetlaw.clinical-lead')
        """
        return diff_tables(self.diff(d1, d2, force=force))

    def validate_table(self) -> Table[Diagnostic]:
        """:meth:`validate` as a table of :class:`pbp.Diagnostic` rows (``code``, ``severity``,
        ``message``, ``ids``, ``path``, ``line``, ``column``).

        Example::

            >>> pbp.Model.load("nottinghamshire").validate_table().to_frame()["code"].tolist()
            []
        """
        return Table(Diagnostic, self.validate())


def allocate_table(total: MoneyLike, weights: Iterable[object]) -> Table[AllocationRow]:
    """:func:`pbp.allocate` as rows: one :class:`AllocationRow` (``position``, ``weight`` as an
    exact Decimal, ``share``) per weight, in the order given; the shares sum to ``total``.

    Example::

        >>> [str(r.share) for r in pbp.allocate_table("0.10", [1, 1, 1])]
        ['0.04', '0.03', '0.03']
    """
    if isinstance(weights, (str, bytes)):
        raise TypeError("weights: pass a list of weights, not a single %s" % type(weights).__name__)
    ws = list(weights)
    shares = allocate(total, ws)
    return Table(AllocationRow, (AllocationRow(i, Decimal(str(w)), s) for i, (w, s) in enumerate(zip(ws, shares))))
