"""The table forms (``Model.*_table``, ``Model.diff_tables``, ``pbp.allocate_table``) on the
bundled models: every row compared, field by field, with the query's JSON answer (the dict
method, which is the C library's JSON), and the lists of things a table answers for (places,
functions) worked out independently from the model's own JSON. Then ``to_frame()``: money as
exact Decimal, ids as str."""
import datetime
import json
import re
import sys
from decimal import Decimal

import pytest

import pbp
from conftest import DATA

MONEY_MODELS = ["nottinghamshire", "west-yorkshire", "greater-manchester"]  # the ones with flows
ALL_MODELS = MONEY_MODELS + ["lancashire-south-cumbria", "bob", "black-country"]


def pandas_or_skip():
    try:
        import pandas
    except ImportError:
        pytest.skip("pandas is not installed (Debian: python3-pandas); to_frame() is optional")
    return pandas


def document(m):
    return json.loads(m.export("json"))


def money(value):
    """A JSON money string, or None, as the row holds it."""
    return None if value is None else pbp.Money(value)


def alive(e, day):
    return day is None or ((e.get("valid_from") or "") <= day and (e.get("valid_to") is None or day < e["valid_to"]))


def dates(doc):
    """Every day on which something starts or ends, and the day before each."""
    days = {e[k] for s in ("areas", "organisations", "bodies", "posts", "functions", "relations")
            for e in doc.get(s, []) for k in ("valid_from", "valid_to") if e.get(k)}
    before = {(datetime.date.fromisoformat(d) - datetime.timedelta(days=1)).isoformat() for d in days}
    return sorted(days | before)


def check_money_row(row, answer, fields):
    for f in fields:
        value = getattr(row, f)
        assert isinstance(value, pbp.Money), (f, value)
        assert str(value) == answer[f], (f, value, answer[f])  # exact: the same digits


@pytest.fixture(scope="module", params=ALL_MODELS)
def model(request):
    m = pbp.Model.load(request.param)
    yield m
    m.close()


@pytest.fixture(scope="module", params=MONEY_MODELS)
def money_model(request):
    m = pbp.Model.load(request.param)
    yield m
    m.close()


def test_places_and_functions_are_the_models_own(model):
    doc = document(model)
    for day in [None] + dates(doc):
        places = sorted(a["id"] for a in doc["areas"] if a["kind"] == "place" and alive(a, day))
        assert model.places(day) == places
        holders = {e["id"] for s in ("organisations", "bodies", "posts") for e in doc.get(s, []) if alive(e, day)}
        functions = sorted(f["id"] for f in doc.get("functions", []) if alive(f, day) and f.get("holder") in holders)
        assert model.functions(day) == functions


def test_decides_table(model):
    doc = document(model)
    for day in [None] + dates(doc)[-2:]:
        t = model.decides_table(as_of=day)
        pairs = [(f, p) for f in model.functions(day) for p in model.places(day)]
        assert [(r.function, r.place) for r in t] == pairs
        assert t.columns == ("function", "place", "holder", "decision_maker", "delegation_chain",
                             "accountability_chain", "limit")
        for row in t:
            d = model.decides(row.function, row.place, day)
            assert (row.function, row.place, row.holder, row.decision_maker) == (
                d["function"], d["place"], d["holder"], d["decision_maker"])
            assert row.delegation_chain == tuple(d["delegation_chain"])
            assert row.accountability_chain == tuple(d["accountability_chain"])
            assert row.limit == money(d["limit"]) and (row.limit is None) == (d["limit"] is None)
        # Another query answers the same: designation's decision maker for each (function, place).
        by_pair = {(r.function, r.place): r.decision_maker for r in t}
        for r in model.designation(day)["designations"]:
            assert by_pair[(r["function"], r["place"])] == r["decision_maker"]
    # One function, some places, in the order given.
    if model.functions() and model.places():
        f, ps = model.functions()[0], list(reversed(model.places()))
        assert [r.place for r in model.decides_table(f, ps)] == ps


def test_accountability_table(model):
    doc = document(model)
    nodes = [e["id"] for s in ("organisations", "bodies", "posts") for e in doc.get(s, [])]
    t = model.accountability_table(nodes)
    assert [r.node for r in t] == nodes
    for row in t:
        d = model.accountability(row.node)
        assert row == pbp.AccountabilityRow(d["node"], tuple(d["chain"]), tuple(d["reachable"]), tuple(d["apexes"]))


def test_balances_and_trace_tables(money_model):
    doc = document(money_model)
    years = sorted({f["year"] for f in doc["flows"]})
    assert years
    for year in years:
        answer = money_model.balances(year)
        t = money_model.balances_table(year)
        assert len(t) == len(answer["nodes"]) > 0
        for row, n in zip(t, answer["nodes"]):
            assert row.id == n["id"]
            check_money_row(row, n, ("inflow", "outflow", "net"))
        # Every id named by a flow of the year (SPEC 2.6.7), from the file itself.
        assert {r.id for r in t} == {x for f in doc["flows"] if f["year"] == year for x in (f["from"], f["to"])}
        for row in t:
            if not row.inflow:
                continue
            answer = money_model.trace(row.id, year)
            sources = money_model.trace_table(row.id, year)
            assert len(sources) == len(answer["sources"])
            for s, a in zip(sources, answer["sources"]):
                assert s.source == a["source"]
                check_money_row(s, a, ("amount",))
            assert sum(s.amount for s in sources) == pbp.Money(answer["total"]) == row.inflow


def test_coterminosity_partners_and_fair_shares_tables(model):
    doc = document(model)
    kinds = sorted({a["kind"] for a in doc["areas"]} & {"local_authority", "district", "unit", "region"})
    for kind in kinds:
        answer = model.coterminosity("place", kind)
        t = model.coterminosity_table("place", kind)
        assert [r.area for r in t] == [a["area"] for a in answer["areas"]] == model.places()
        for row, a in zip(t, answer["areas"]):
            assert (row.best, row.relation) == (a["best"], a["relation"])
            assert isinstance(row.coverage, Decimal) and row.coverage == Decimal(a["coverage"])
            assert str(row.coverage) == a["coverage"]
    for icb in [o["id"] for o in doc["organisations"] if o.get("kind") == "icb"]:
        answer = model.partners(icb)
        t = model.partners_table(icb)
        assert len(t) == len(answer["councils"])
        for row, c in zip(t, answer["councils"]):
            assert (row.council, row.areas, row.population, row.overlap, row.whole) == (
                c["council"], tuple(c["areas"]), c["population"], c["overlap"], c["whole"])
            assert str(row.share) == c["share"]
    for floor in (None, "50000.00"):
        try:
            answer = model.fair_shares("1000000.00", "place", floor=floor)
        except pbp.PbpError as e:  # places with no people (bob): the table refuses the same way
            with pytest.raises(pbp.PbpError, match=re.escape(e.message)):
                model.fair_shares_table("1000000.00", "place", floor=floor)
            continue
        t = model.fair_shares_table("1000000.00", "place", floor=floor)
        assert [r.area for r in t] == [s["area"] for s in answer["shares"]] == model.places()
        for row, s in zip(t, answer["shares"]):
            check_money_row(row, s, ("amount",))
        assert sum(r.amount for r in t) == pbp.Money("1000000.00")


def test_designation_and_diff_tables(model):
    doc = document(model)
    answer = model.designation()
    t = model.designation_table()
    assert len(t) == len(answer["designations"])
    for row, d in zip(t, answer["designations"]):
        assert row == pbp.DesignationRow(d["function"], d["service_area"], d["place"], d["level"], d["decision_maker"])
    days = dates(doc)
    for d1, d2 in zip(days, days[1:]):
        answer = model.diff(d1, d2)
        tables = model.diff_tables(d1, d2)
        assert (tables.from_, tables.to) == (answer["from"], answer["to"])
        assert [(r.change, r.id) for r in tables.entities] == (
            [("appeared", i) for i in answer["entities"]["appeared"]]
            + [("disappeared", i) for i in answer["entities"]["disappeared"]])
        expected = [(c, r["pointer"], r["id"], r["kind"], r["from"], r["to"])
                    for c in ("appeared", "disappeared") for r in answer["relations"][c]]
        assert [(r.change, r.pointer, r.id, r.kind, r.from_, r.to) for r in tables.relations] == expected
        assert len(tables.decisions) == len(answer["decisions"])
        for row, c in zip(tables.decisions, answer["decisions"]):
            assert (row.function, row.place) == (c["function"], c["place"])
            for side in ("before", "after"):
                s = c[side]
                assert getattr(row, side + "_asked") == (s is not None)
                if s is None:
                    continue
                assert getattr(row, side + "_decision_maker") == s["decision_maker"]
                assert getattr(row, side + "_delegation_chain") == tuple(s["delegation_chain"])
                assert getattr(row, side + "_accountability_chain") == tuple(s["accountability_chain"])
                assert getattr(row, side + "_limit") == money(s["limit"])


def test_validate_table():
    for path in (DATA / "with_errors.json", DATA / "small.json"):
        with pbp.Model.load(path) as m:
            answer = json.loads(json.dumps([d.__dict__ for d in m.validate()]))
            t = m.validate_table()
            assert len(t) == len(answer) == m.errors + m.warnings
            assert t.columns == ("code", "severity", "message", "ids", "path", "line", "column")
            for row, d in zip(t, answer):
                assert (row.code, row.severity, row.message, list(row.ids), row.path, row.line, row.column) == (
                    d["code"], d["severity"], d["message"], d["ids"], d["path"], d["line"], d["column"])


def test_allocate_table():
    for total, weights in (("0.10", [1, 1, 1]), ("100.00", ["1.5", Decimal("2.25"), 0, 7]), ("-10.00", [1, 2])):
        t = pbp.allocate_table(total, weights)
        shares = pbp.allocate(total, weights)
        assert [r.position for r in t] == list(range(len(weights)))
        assert [r.weight for r in t] == [Decimal(str(w)) for w in weights]
        assert [r.share for r in t] == shares
        assert sum(r.share for r in t) == pbp.Money(total)


def test_tables_are_lists_of_frozen_rows(money_model):
    t = money_model.balances_table(sorted({f["year"] for f in document(money_model)["flows"]})[0])
    assert isinstance(t, list) and isinstance(t, pbp.Table) and t.row_type is pbp.BalanceRow
    with pytest.raises(Exception):
        t[0].net = pbp.Money("1")  # frozen
    assert t.records()[0] == {"id": t[0].id, "inflow": t[0].inflow, "outflow": t[0].outflow, "net": t[0].net}
    empty = money_model.balances_table("1999/00")
    assert len(empty) == 0 and empty.columns == ("id", "inflow", "outflow", "net")


# -- pandas -------------------------------------------------------------------------------------


def test_frames_hold_decimal_money_and_str_ids(money_model):
    pandas_or_skip()
    year = sorted({f["year"] for f in document(money_model)["flows"]})[0]
    answer = money_model.balances(year)
    df = money_model.balances_table(year).to_frame()
    assert list(df.columns) == ["id", "inflow", "outflow", "net"]
    assert len(df) == len(answer["nodes"])
    for i, n in enumerate(answer["nodes"]):
        assert isinstance(df["id"][i], str) and df["id"][i] == n["id"]
        for f in ("inflow", "outflow", "net"):
            v = df[f][i]
            assert type(v) is Decimal and v == Decimal(n[f]) and str(v) == n[f]
    total = df["net"].sum()
    assert type(total) is Decimal and total == sum((Decimal(n["net"]) for n in answer["nodes"]), Decimal(0))
    assert not any(df[c].dtype.kind == "f" for c in df.columns)  # no float column anywhere


def test_every_table_has_a_frame_with_its_columns(model):
    pandas_or_skip()
    doc = document(model)
    tables = [model.decides_table(), model.designation_table(), model.validate_table(), pbp.allocate_table("1.00", [1, 2]),
              model.accountability_table([o["id"] for o in doc["organisations"]])]
    try:
        tables.append(model.fair_shares_table("1000000.00", "place"))
    except pbp.PbpError:
        pass  # places with no people (bob)
    icbs = [o["id"] for o in doc["organisations"] if o.get("kind") == "icb"]
    if icbs:
        tables.append(model.partners_table(icbs[0]))
    days = dates(doc)
    if len(days) >= 2:
        d = model.diff_tables(days[0], days[-1])
        tables += [d.entities, d.relations, d.decisions]
    for t in tables:
        df = t.to_frame()
        assert tuple(df.columns) == t.columns and len(df) == len(t)
        for i, row in enumerate(t):
            for column, field in zip(t.columns, [f for f in row.__dataclass_fields__]):
                v, cell = getattr(row, field), df[column][i]
                if isinstance(v, pbp.Money):
                    assert type(cell) is Decimal and str(cell) == str(v)
                elif isinstance(v, str):
                    assert type(cell) is str and cell == v
                elif v is None:
                    assert cell is None
                else:
                    assert cell == v
        assert not any(df[c].dtype.kind == "f" for c in df.columns)
    # Money that is "none" stays None in a frame (not NaN).
    limits = model.decides_table().to_frame()["limit"].tolist() if model.functions() and model.places() else []
    assert all(v is None or type(v) is Decimal for v in limits)


def test_to_frame_without_pandas_says_why(monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match="needs pandas"):
        pbp.allocate_table("1.00", [1]).to_frame()
    assert pbp.allocate_table("1.00", [1])[0].share == pbp.Money("1.00")  # the rows need nothing
