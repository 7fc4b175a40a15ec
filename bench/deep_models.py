#!/usr/bin/env python3
"""Models of unusual shape, to find what grows faster than the model (docs/performance.md,
"Deep and circular governance"). Every entity and figure is invented, as each model's name says.

  usage: bench/deep_models.py SHAPE N > model.json

SHAPE is one of:
  committee_chain     N committees, each a sub-committee of the one before, under an ICB
  delegation_chain    a function delegated from NHS England to an ICB, then down a chain of N
                      committees, each allowed to sub-delegate it, with falling limits
  delegation_circle   the same function delegated by the ICB to N committees, each of which
                      delegates it on to the next, the last to the first
  big_board           one board of N voting members (posts), quorum N / 2
  deep_areas          N areas, each within the one before; the deepest states a population
  many_functions      N functions delegated to an ICB in one relation, and on to 100 committees
  flow_chain          money of 2024/25 passed down a chain of N trusts, from NHS England to t0,
                      t0 to t1 and so on, each trust also paid a little by a council of its own:
                      `pbp trace` of the last trust has N + 1 sources
"""
import json
import sys

SHAPES = ("committee_chain", "delegation_chain", "delegation_circle", "big_board", "deep_areas",
          "many_functions", "flow_chain")


def model(shape, n):
    m = {"format": "pbp/1", "name": f"{shape}, {n} (all invented)", "areas": [], "organisations": [],
         "bodies": [], "posts": [], "functions": [], "relations": []}
    orgs, bodies, posts, functions, relations, areas = (
        m[k] for k in ("organisations", "bodies", "posts", "functions", "relations", "areas"))
    orgs += [{"id": "parliament", "kind": "parliament"}, {"id": "dhsc", "kind": "department"},
             {"id": "nhse", "kind": "nhs_england"}, {"id": "icb", "kind": "icb"}]
    relations += [{"kind": "accountable_to", "from": "dhsc", "to": "parliament"},
                  {"kind": "accountable_to", "from": "nhse", "to": "dhsc"},
                  {"kind": "accountable_to", "from": "icb", "to": "nhse"}]
    functions.append({"id": "fn", "holder": "nhse"})
    committee = lambda i, of: {"id": f"c{i}", "kind": "committee", "of": [of]}

    def delegate(frm, to, fns=("fn",), **more):
        relations.append({"kind": "delegates", "from": frm, "to": to, "functions": list(fns), **more})

    if shape == "committee_chain":
        for i in range(n):
            bodies.append({"id": f"c{i}", "kind": "sub_committee" if i else "committee",
                           "of": [f"c{i - 1}" if i else "icb"]})
    elif shape == "delegation_chain":
        delegate("nhse", "icb", mechanism="s65z5", may_subdelegate=True, limit="1000000.00")
        for i in range(n):
            bodies.append(committee(i, "icb"))
            delegate(f"c{i - 1}" if i else "icb", f"c{i}", may_subdelegate=True, limit=f"{1000000 - i}.00")
    elif shape == "delegation_circle":
        delegate("nhse", "icb", mechanism="s65z5", may_subdelegate=True)
        for i in range(n):
            bodies.append(committee(i, "icb"))
            delegate("icb", f"c{i}", may_subdelegate=True)
            delegate(f"c{i}", f"c{(i + 1) % n}", may_subdelegate=True)
    elif shape == "big_board":
        board = {"id": "board", "kind": "board", "of": ["icb"], "members": [],
                 "quorum": {"count": n // 2, "must_include": []}}
        bodies.append(board)
        for i in range(n):
            posts.append({"id": f"p{i}", "title": "Member", "in": "board", "employer": "icb"})
            board["members"].append({"member": f"p{i}", "voting": True})
    elif shape == "deep_areas":
        areas.append({"id": "a0", "kind": "country"})
        for i in range(1, n):
            areas.append({"id": f"a{i}", "kind": "unit", "within": [f"a{i - 1}"]})
        areas[-1]["population"] = 1
    elif shape == "many_functions":
        functions += [{"id": f"f{i}", "holder": "nhse"} for i in range(n)]
        fns = [f"f{i}" for i in range(n)]
        delegate("nhse", "icb", fns, mechanism="s65z5", may_subdelegate=True)
        for i in range(100):
            bodies.append(committee(i, "icb"))
            delegate("icb", f"c{i}", fns)
    elif shape == "flow_chain":
        m["flows"] = []
        for i in range(n):
            orgs += [{"id": f"t{i}", "kind": "nhs_trust"}, {"id": f"la{i}", "kind": "unitary_authority"}]
            m["flows"] += [{"from": f"t{i - 1}" if i else "nhse", "to": f"t{i}", "amount": f"{1000000 + i}.00",
                            "year": "2024/25"},
                           {"from": f"la{i}", "to": f"t{i}", "amount": f"{i + 1}.07", "year": "2024/25"}]
    return m


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in SHAPES:
        sys.exit(__doc__.split("\n\n")[1])
    json.dump(model(sys.argv[1], int(sys.argv[2])), sys.stdout)


if __name__ == "__main__":
    main()
