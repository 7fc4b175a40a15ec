"""The batch queries: each answer is the single query's answer, on every organisation, body and
post (and every place of every function) of bundled models, and one call instead of thousands."""
import json
import os
import subprocess
import time

import pytest

import pbp


def accountable(model_json):
    ids = [e["id"] for section in ("organisations", "bodies", "posts") for e in model_json.get(section, [])]
    return sorted(ids, key=lambda s: s.encode("utf-8"))


@pytest.mark.parametrize("name", ["nottinghamshire", "black-country", "west-yorkshire"])
def test_accountability_batch_is_the_single_query_on_every_node(name):
    with pbp.Model.bundled(name) as m:
        expected_nodes = accountable(json.loads(m.export("json")))
        answers = m.accountability_batch()
        assert [a["node"] for a in answers] == expected_nodes
        for a in answers:
            assert a == m.accountability(a["node"])


def test_accountability_batch_keeps_the_order_asked_and_refuses_bad_lists(small):
    answers = small.accountability_batch(["parliament", "p1.director", "icb", "p1.director"])
    assert [a["node"] for a in answers] == ["parliament", "p1.director", "icb", "p1.director"]
    assert answers[1]["chain"] == ["p1.director", "p1.committee", "icb", "nhse", "parliament"]
    assert small.accountability_batch([]) == []
    assert small.accountability_batch(iter(["icb"]))[0]["node"] == "icb"
    with pytest.raises(pbp.PbpError) as e:
        small.accountability_batch(["icb", "nobody"])
    assert "nobody" in str(e.value)
    with pytest.raises(TypeError):
        small.accountability_batch("icb")  # a bare string is not a list of ids
    with pytest.raises(TypeError):
        small.accountability_batch(["icb", 3])
    # p1.director starts on 2023-04-01.
    assert "p1.director" not in [a["node"] for a in small.accountability_batch(as_of="2023-01-01")]


@pytest.mark.parametrize("name", ["nottinghamshire", "bob"])
def test_decides_batch_is_the_single_query_at_every_place(name):
    with pbp.Model.bundled(name) as m:
        model = json.loads(m.export("json"))
        places = sorted(a["id"] for a in model["areas"] if a.get("kind") == "place")
        assert places
        for f in model["functions"]:
            answers = m.decides_batch(f["id"])
            assert [d["place"] for d in answers] == places
            for d in answers:
                assert d == m.decides(f["id"], d["place"])
        assert m.decides_batch(model["functions"][0]["id"], list(reversed(places)))[0]["place"] == places[-1]


@pytest.mark.skipif(not os.environ.get("PBP_CLI"), reason="PBP_CLI (the pbp command) is not set")
def test_the_command_line_batch_agrees_with_the_binding(tmp_path):
    cli = os.environ["PBP_CLI"]
    with pbp.Model.bundled("nottinghamshire") as m:
        out = subprocess.run([cli, "accountability", "nottinghamshire", "--all"], check=True, capture_output=True,
                             text=True).stdout
        assert [json.loads(line) for line in out.splitlines()] == m.accountability_batch()
        ids = tmp_path / "ids.txt"
        ids.write_text("# two nodes\nnotts-icb\n\nnhse\n")
        out = subprocess.run([cli, "accountability", "nottinghamshire", "--nodes", str(ids)], check=True,
                             capture_output=True, text=True).stdout
        assert [json.loads(line) for line in out.splitlines()] == m.accountability_batch(["notts-icb", "nhse"])


@pytest.mark.skipif("england" not in pbp.bundled_models(), reason="built without the national models")
def test_every_organisation_of_england_in_one_call():
    # The measure: all organisations of the bundled england model, one call against one
    # call per node. Timed and printed (pytest -s shows it), never asserted: the answers are.
    with pbp.Model.bundled("england") as m:
        orgs = [e["id"] for e in json.loads(m.export("json"))["organisations"]]
        assert len(orgs) > 8000
        start = time.perf_counter()
        batch = m.accountability_batch(orgs)
        one_call = time.perf_counter() - start
        start = time.perf_counter()
        singles = [m.accountability(node) for node in orgs]
        per_node = time.perf_counter() - start
        assert batch == singles
        print("\n%d organisations of england: one batch call %.3f s, one call per node %.3f s"
              % (len(orgs), one_call, per_node))
