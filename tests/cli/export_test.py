#!/usr/bin/env python3
"""`pbp export`: DOT accepted by Graphviz's `dot`, GraphML read back by NetworkX with the node
set (the model's own ids) and the edge count worked out independently from the model's JSON,
JSON round trip.
usage: export_test.py PATH/TO/pbp MODEL.json [MODEL.json ...]"""
import json
import shutil
import subprocess
import sys
import unittest

PBP, MODELS = None, []


def as_list(v):
    return [] if v is None else [v] if isinstance(v, str) else list(v)


def expected_graph(doc, as_of=None):
    """The ids of the areas, organisations, bodies and posts (GraphML's nodes: functions and
    funds are not) and the number of links between them, from the file itself (SPEC 1.2)
    rather than from pbp."""
    def alive(x):
        return as_of is None or ((x.get("valid_from") or "") <= as_of and (x.get("valid_to") is None or as_of < x["valid_to"]))
    sections = ["areas", "organisations", "bodies", "posts"]
    entities = {e["id"]: e for s in sections for e in doc.get(s, [])}
    live = {i for i, e in entities.items() if alive(e)}
    edges = 0
    def link(a, b, dated=None):
        nonlocal edges
        if a in live and b in live and (dated is None or alive(dated)):
            edges += 1
    for s in sections:
        for e in doc.get(s, []):
            me = e["id"]
            for k in ("within", "serves", "of", "appointed_by", "approved_by"):
                for t in as_list(e.get(k)):
                    link(me, t)
            for k in ("place", "in", "employer", "host"):
                if k in e:
                    link(me, e[k])
            for mem in e.get("members", []):
                link(me, mem["member"])
    for r in doc.get("relations", []):
        link(r["from"], r["to"], r)
    return live, edges


class Export(unittest.TestCase):
    def run_pbp(self, *args):
        p = subprocess.run([PBP, "export", *args], capture_output=True, text=True, timeout=120)
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout

    def test_json_round_trip(self):
        for model in MODELS:
            with open(model, encoding="utf-8") as fh:
                original = json.load(fh)
            self.assertEqual(json.loads(self.run_pbp(model, "--format", "json")), original, model)

    @unittest.skipUnless(shutil.which("dot"), "Graphviz is not installed")
    def test_dot_is_accepted_by_graphviz(self):
        for model in MODELS:
            dot = self.run_pbp(model, "--format", "dot")
            p = subprocess.run(["dot", "-Tsvg"], input=dot, capture_output=True, text=True, timeout=120)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn("<svg", p.stdout)
            self.assertIn("cluster_", dot)

    def test_graphml_reads_back_in_networkx(self):
        import networkx as nx
        import io
        for model in MODELS:
            with open(model, encoding="utf-8") as fh:
                doc = json.load(fh)
            for as_of in (None, "2022-01-01", "2023-06-01"):
                args = [model, "--format", "graphml"] + (["--as-of", as_of] if as_of else [])
                g = nx.read_graphml(io.BytesIO(self.run_pbp(*args).encode("utf-8")))
                nodes, edges = expected_graph(doc, as_of)
                # The node ids are the model's ids, exactly the live areas, organisations,
                # bodies and posts.
                self.assertEqual(set(g.nodes), nodes, (model, as_of))
                self.assertEqual(g.number_of_edges(), edges, (model, as_of))
                for n, d in g.nodes(data=True):
                    self.assertEqual(set(d), {"kind", "name", "section"}, n)
                kinds = {d["kind"] for _, _, d in g.edges(data=True)}
                self.assertTrue(kinds <= {"accountable_to", "reports_to", "member_of", "commissions", "delegates",
                                          "hosts", "chairs", "informs", "of", "in", "within", "serves", "place",
                                          "member", "employer", "host", "appointed_by", "approved_by"})


if __name__ == "__main__":
    PBP, MODELS = sys.argv[1], sys.argv[2:]
    result = unittest.main(argv=[sys.argv[0], "-v"], exit=False).result
    failed = len(result.failures) + len(result.errors)
    print(f"{result.testsRun - failed} passed, {failed} failed")
    sys.exit(1 if failed else 0)
