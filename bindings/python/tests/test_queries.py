"""Every query of SPEC section 2 through pbp.Model, on tests/data/capi/small.json (values worked
out by hand), the conformance cases, and the same answers as the command line."""
import datetime
import json
import os
import subprocess
from decimal import Decimal

import pytest

import pbp
from conftest import CONFORMANCE


def test_accountability(small):
    # p1.director sits in p1.committee, which belongs to the ICB and answers to icb.board (its
    # delegator). Shortest way up: director, committee, icb, nhse, parliament.
    assert small.accountability("p1.director") == {
        "node": "p1.director",
        "chain": ["p1.director", "p1.committee", "icb", "nhse", "parliament"],
        "reachable": ["icb", "icb.board", "nhse", "p1.committee", "parliament"],
        "apexes": ["parliament"],
    }
    # The post starts on 2023-04-01.
    with pytest.raises(pbp.PbpError) as e:
        small.accountability("p1.director", as_of="2023-01-01")
    assert e.value.code == pbp.ERR_NOT_FOUND
    assert "p1.director" in e.value.message
    assert small.accountability("icb", as_of=datetime.date(2023, 1, 1))["chain"] == ["icb", "nhse", "parliament"]
    with pytest.raises(pbp.PbpError) as e:
        small.accountability("icb", as_of="2023-13-01")
    assert e.value.code == pbp.ERR_INVALID_ARGUMENT
    with pytest.raises(TypeError):
        small.accountability(42)


def test_decides(small):
    # icb.board delegates fn to p1.committee (limit 500000.00, may sub-delegate), which delegates
    # it to p1.director (limit 100000.00) from 2023-04-01.
    assert small.decides("fn", "p1") == {
        "function": "fn", "place": "p1", "holder": "icb", "decision_maker": "p1.director",
        "delegation_chain": ["icb.board", "p1.committee", "p1.director"],
        "accountability_chain": ["p1.director", "p1.committee", "icb.board", "icb", "nhse", "parliament"],
        "limit": "100000.00",
    }
    # Nothing in scope for p2: the holder decides; no limit (None, never a missing key).
    d = small.decides("fn", "p2")
    assert d["decision_maker"] == "icb" and d["delegation_chain"] == ["icb"] and d["limit"] is None
    assert small.decides("fn", "p1", "2023-01-01")["decision_maker"] == "p1.committee"
    with pytest.raises(pbp.PbpError) as e:
        small.decides("nofn", "p1")
    assert e.value.code == pbp.ERR_NOT_FOUND
    with pytest.raises(pbp.PbpError) as e:
        small.decides("icb", "p1")  # not a function
    assert e.value.code == pbp.ERR_INVALID_ARGUMENT


def test_authority(small):
    # Effective limits back from the decision maker: 100000.00, 500000.00, unlimited.
    a = small.authority("fn", "p1", "100000")
    assert a == {"function": "fn", "place": "p1", "amount": "100000.00", "approver": "p1.director",
                 "effective_limit": "100000.00", "chain": ["p1.director"]}
    assert small.authority("fn", "p1", pbp.Money("200000"))["approver"] == "p1.committee"
    top = small.authority("fn", "p1", 600000)  # an int is whole pounds
    assert top["approver"] == "icb.board" and top["effective_limit"] is None
    assert top["amount"] == "600000.00"
    with pytest.raises(pbp.PbpError):
        small.authority("fn", "p1", "1.005")
    with pytest.raises(TypeError):
        small.authority("fn", "p1", 1.5)


def test_balances_and_trace(small):
    # nhse -> icb 1000; council -> pool 300; icb -> pool 600; pool -> provider 900.
    assert small.balances("2023/24") == {"year": "2023/24", "nodes": [
        {"id": "council", "inflow": "0.00", "outflow": "300.00", "net": "-300.00"},
        {"id": "icb", "inflow": "1000.00", "outflow": "600.00", "net": "400.00"},
        {"id": "nhse", "inflow": "0.00", "outflow": "1000.00", "net": "-1000.00"},
        {"id": "pool", "inflow": "900.00", "outflow": "900.00", "net": "0.00"},
        {"id": "provider", "inflow": "900.00", "outflow": "0.00", "net": "900.00"}]}
    assert small.balances(2023) == small.balances("2023/24")
    assert small.balances("2022/23")["nodes"] == []
    with pytest.raises(pbp.PbpError) as e:
        small.balances("2023/25")
    assert e.value.code == pbp.ERR_INVALID_ARGUMENT
    # The pool's 900 is one third the council's, two thirds NHS England's (through the ICB).
    assert small.trace("provider", "2023/24") == {"node": "provider", "year": "2023/24", "total": "900.00",
                                                  "sources": [{"source": "nhse", "amount": "600.00"},
                                                              {"source": "council", "amount": "300.00"}]}
    assert small.trace("nhse", "2023/24")["total"] == "0.00"
    with pytest.raises(pbp.PbpError) as e:
        small.trace("nobody", "2023/24")
    assert e.value.code == pbp.ERR_NOT_FOUND


def test_coterminosity(small):
    # p1 = {l1: 100} lies within la1; p2 = {l2: 200, l3: 100} shares 200 with la1: 0.6667.
    assert small.coterminosity("place", "local_authority") == {"score": "0.7500", "areas": [
        {"area": "p1", "best": "la1", "coverage": "1.0000", "relation": "within"},
        {"area": "p2", "best": "la1", "coverage": "0.6667", "relation": "overlaps"}]}
    # Ids as a list or comma-separated: p2 contains la2 (100 of its 300 people).
    assert small.coterminosity(["p2"], "la2") == small.coterminosity("p2", ["la2"])
    assert small.coterminosity(["p2"], ["la2"])["areas"][0] == {
        "area": "p2", "best": "la2", "coverage": "0.3333", "relation": "contains"}
    with pytest.raises(pbp.PbpError) as e:
        small.coterminosity(["p2", "nowhere"], "la2")
    assert e.value.code == pbp.ERR_NOT_FOUND
    with pytest.raises(pbp.PbpError) as e:
        small.coterminosity("", "la2")
    assert e.value.code == pbp.ERR_INVALID_ARGUMENT
    with pytest.raises(pbp.PbpError):
        small.coterminosity(["a,b"], "la2")


def test_boundaries(small):
    # l1 (100, p1, la1), l2 (200, p2, la1), l3 (100, p2, la2): the places cover ics exactly;
    # p1 lies within la1, p2 is cut 200 / 100.
    assert small.partitions("place", "ics")["partitions"] is True
    assert small.partitions(["la1"], "ics")["gap"] == {"leaves": ["l3"], "population": 100}
    b = small.boundaries("place", "local_authority")
    assert b["respects"] is False
    assert b["units"][1] == {"unit": "p2", "within": None, "pieces": [
        {"area": "la1", "population": 200}, {"area": "la2", "population": 100}], "outside": 0}
    with pytest.raises(pbp.PbpError) as e:
        small.partitions("place", "nowhere")
    assert e.value.code == pbp.ERR_NOT_FOUND


def test_fair_shares(small):
    # Weights p1 = 100 x 1, p2 = 300 x 0.5: 1000.00 splits 400.00 / 600.00; a floor of 450.00
    # lifts p1 to 450.00 and leaves 550.00 to p2.
    assert small.fair_shares("1000.00", "place") == {"total": "1000.00", "shares": [
        {"area": "p1", "amount": "400.00"}, {"area": "p2", "amount": "600.00"}]}
    f = small.fair_shares(pbp.Money("1000"), "place", within="ics", floor="450")
    assert f["shares"] == [{"area": "p1", "amount": "450.00"}, {"area": "p2", "amount": "550.00"}]
    with pytest.raises(pbp.PbpError):
        small.fair_shares("100.00", "place", floor="60.00")  # floors exceed the total


def test_designation(small):
    assert small.designation() == {"as_of": None, "designations": [
        {"function": "fn", "service_area": "Primary care", "place": "p1", "level": "place",
         "decision_maker": "p1.director"},
        {"function": "fn", "service_area": "Primary care", "place": "p2", "level": "system",
         "decision_maker": "icb"}]}
    assert small.designation("2023-01-01")["designations"][0]["decision_maker"] == "p1.committee"


def test_diff(small):
    d = small.diff("2023-01-01", datetime.date(2023, 6, 1))
    assert d["entities"] == {"appeared": ["p1.director"], "disappeared": []}
    assert d["relations"]["appeared"] == [{"pointer": "/relations/4", "id": None, "kind": "delegates",
                                           "from": "p1.committee", "to": "p1.director"}]
    [change] = d["decisions"]
    assert (change["function"], change["place"]) == ("fn", "p1")
    assert change["before"]["decision_maker"] == "p1.committee"
    assert change["after"]["decision_maker"] == "p1.director"
    assert small.diff("2023-06-01", "2023-06-01")["decisions"] == []
    with pytest.raises(TypeError):
        small.diff("2023-01-01", None)


def test_maturity(small):
    # p1.committee: shared_vision "developing" on 2023-06-01, "maturing" on 2024-01-15.
    r = small.maturity("p1.committee", as_of="2023-12-31")
    [subject] = r["subjects"]
    assert len(subject["themes"]) == 10
    assert subject["themes"][0] == {"theme": "shared_vision", "stage": "developing", "date": "2023-06-01",
                                    "evidence": "Place plan agreed"}
    change = small.maturity(between=("2023-07-01", "2024-02-01"))["subjects"][0]["themes"][0]
    assert (change["from_stage"], change["stage"], change["change"]) == ("developing", "maturing", 1)
    with pytest.raises(pbp.PbpError) as e:
        small.maturity("nobody")
    assert e.value.code == pbp.ERR_NOT_FOUND


def test_queries_refuse_a_model_with_errors_unless_forced(with_errors):
    with pytest.raises(pbp.PbpError) as e:
        with_errors.accountability("icb")
    err = e.value
    assert err.code == pbp.ERR_MODEL_HAS_ERRORS
    assert err.diagnostic == "E004"
    assert [d.code for d in err.diagnostics] == ["E004"]  # the errors, not the warnings
    assert with_errors.accountability("icb", force=True)["chain"] == ["icb"]
    for query in (lambda m: m.balances("2023/24"), lambda m: m.designation(), lambda m: m.diff("2023-01-01", "2024-01-01")):
        with pytest.raises(pbp.PbpError) as e:
            query(with_errors)
        assert e.value.code == pbp.ERR_MODEL_HAS_ERRORS


def test_results_never_hold_floats(small):
    def walk(v):
        assert not isinstance(v, float), v
        if isinstance(v, dict):
            for x in v.values():
                walk(x)
        elif isinstance(v, list):
            for x in v:
                walk(x)
    for r in (small.balances("2023/24"), small.coterminosity("place", "local_authority"),
              small.fair_shares("1000", "place"), small.trace("provider", "2023/24"), small.decides("fn", "p1")):
        walk(r)


# -- parity: the conformance cases, and the command line's own answers ---------------------------

def _cases():
    with open(CONFORMANCE / "cases.jsonl") as f:
        return [json.loads(line) for line in f if line.strip()]


def _option(args, name):
    return args[args.index("--" + name) + 1] if "--" + name in args else None


def run_case(model, args):
    cmd, as_of = args[0], _option(args, "as-of")
    if cmd == "accountability":
        return model.accountability(args[2], as_of)
    if cmd == "decides":
        return model.decides(_option(args, "function"), _option(args, "place"), as_of)
    if cmd == "authority":
        return model.authority(_option(args, "function"), _option(args, "place"), _option(args, "amount"), as_of)
    if cmd == "balances":
        return model.balances(_option(args, "year"))
    if cmd == "trace":
        return model.trace(args[2], _option(args, "year"))
    if cmd == "coterminosity":
        return model.coterminosity(_option(args, "a"), _option(args, "b"), _option(args, "within"), as_of)
    if cmd == "fair-shares":
        return model.fair_shares(_option(args, "total"), _option(args, "kind"), _option(args, "within"),
                                 _option(args, "floor"), as_of)
    if cmd == "designation":
        return model.designation(as_of)
    if cmd == "diff":
        return model.diff(_option(args, "from"), _option(args, "to"))
    if cmd == "allocate":
        shares = pbp.allocate(args[1], args[2:])
        return {"total": str(pbp.Money(args[1])), "shares": [str(s) for s in shares]}
    raise AssertionError("a conformance case for a command this test does not know: %s" % cmd)


@pytest.fixture(scope="module")
def conformance_model():
    with pbp.Model.load(CONFORMANCE / "model.json") as m:
        yield m


@pytest.mark.parametrize("case", _cases(), ids=lambda c: " ".join(c["args"][:3]))
def test_conformance_case(conformance_model, case):
    got = run_case(conformance_model, case["args"])
    for key, want in case["expect"].items():
        assert got[key] == want, key


CLI = os.environ.get("PBP_CLI")


@pytest.mark.skipif(not CLI, reason="PBP_CLI (the pbp tool to compare with) is not set")
@pytest.mark.parametrize("case", _cases(), ids=lambda c: " ".join(c["args"][:3]))
def test_same_answer_as_the_command_line(conformance_model, case):
    args = [a if a != "model.json" else str(CONFORMANCE / "model.json") for a in case["args"]]
    r = subprocess.run([CLI] + args + ["--json"], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert run_case(conformance_model, case["args"]) == json.loads(r.stdout, parse_float=Decimal)


@pytest.mark.skipif(not CLI, reason="PBP_CLI (the pbp tool to compare with) is not set")
@pytest.mark.parametrize("query,cli", [
    (lambda m: m.designation(), ["designation"]),
    (lambda m: m.diff("2023-01-01", "2023-06-01"), ["diff", "--from", "2023-01-01", "--to", "2023-06-01"]),
    (lambda m: m.maturity(between=("2023-07-01", "2024-02-01")), ["maturity", "--from", "2023-07-01", "--to", "2024-02-01"]),
    (lambda m: m.coterminosity("place", "local_authority", "ics"), ["coterminosity", "--a", "place", "--b", "local_authority", "--within", "ics"]),
    (lambda m: m.fair_shares("1000", "place", floor="450"), ["fair-shares", "--total", "1000", "--kind", "place", "--floor", "450"]),
    (lambda m: json.loads(m.export()), ["export"]),
])
def test_same_answer_as_the_command_line_on_the_small_model(small, data, query, cli):
    r = subprocess.run([CLI, cli[0], str(data / "small.json")] + cli[1:] + (["--json"] if cli[0] != "export" else []),
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert query(small) == json.loads(r.stdout, parse_float=Decimal)


@pytest.mark.skipif("england" not in pbp.bundled_models(),
                    reason="this pbp was built without the national models (-DPBP_BUNDLE_ENGLAND=OFF)")
def test_partners_of_lancashire_and_south_cumbria_icb():
    # Figures from data/england/ods_facts.py (the CSVs, not pbp): the ICB's 1,737,241 people;
    # Blackburn with Darwen and Blackpool whole; Cumberland, Westmorland and Furness and North
    # Yorkshire in part.
    with pbp.Model.bundled("england") as m:
        p = m.partners("QE1")
        assert p["node"] == "QE1" and p["areas"] == ["E54000048"]
        assert p["population"] == 1737241 and p["uncovered"] == 0
        councils = {c["council"]: (c["overlap"], c["population"], c["whole"]) for c in p["councils"]}
        assert councils["council.E06000008"] == (155762, 155762, True)
        assert councils["council.E06000009"] == (141574, 141574, True)
        assert councils["council.E06000063"] == (8400, 275390, False)
        assert councils["council.E06000064"] == (172154, 227643, False)
        assert councils["council.E06000065"] == (6197, 623501, False)
        # The same answer as the command line's (every binding is the one library).
        assert m.partners("QE1", as_of="2024-01-01") == p
        with pytest.raises(pbp.PbpError) as e:
            m.partners("no-such-icb")
        assert e.value.code == pbp.ERR_NOT_FOUND
        # ICBs exist from 1 July 2022 (the Health and Care Act 2022).
        with pytest.raises(pbp.PbpError) as e:
            m.partners("QE1", as_of="2022-01-01")
        assert e.value.code == pbp.ERR_NOT_FOUND
