#!/usr/bin/env python3
"""Prints the national facts tests/england_areas_test.cpp states, computed from this folder's
CSVs with Python's standard library alone: a second method, independent of pbp's C++.

    python3 data/england/make_lookup.py && python3 data/england/facts.py
"""
import collections
import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent
rows = list(csv.DictReader(open(HERE / "england_lookup.csv", encoding="utf-8", newline="")))
pop = {r["lsoacd"]: int(r["population"])
       for r in csv.DictReader(open(HERE / "ons_lsoa21_population_mid2022_ew.csv", encoding="utf-8-sig"))}
names = {}


def footprints(level):
    out = collections.defaultdict(set)
    for r in rows:
        out[r[level + "CD"]].add(r["LSOA21CD"])
        names[r[level + "CD"]] = r[level + "NM"]
    return out


def people(leaves):
    return sum(pop[x] for x in leaves)


icb, utla, sicbl, lad = (footprints(x) for x in ("ICB24", "UTLA23", "SICBL24", "LAD24"))
councils = set(lad) | set(utla)
print("LSOAs", len(rows), "SICBLs", len(sicbl), "ICBs", len(icb), "LADs", len(lad), "UTLAs", len(utla))
print("councils", len(councils), "by code prefix",
      sorted(collections.Counter(c[:3] for c in councils).items()))
print("England people", people(r["LSOA21CD"] for r in rows))
sizes = sorted((people(v), names[k]) for k, v in icb.items())
print("smallest ICB", sizes[0], "largest ICB", sizes[-1])


def split(units, areas):
    return sorted(names[u] for u, leaves in units.items() if sum(1 for a in areas.values() if a & leaves) > 1)


print("LADs in more than one ICB", len(split(lad, icb)), split(lad, icb))
print("SICBLs in more than one ICB", split(sicbl, icb))
print("UTLAs in more than one ICB", len(split(utla, icb)), split(utla, icb))
print("LADs in more than one UTLA", split(lad, utla))


def coterminosity(a_side, b_side):
    best = sum(max(people(a & b) for b in b_side.values()) for a in a_side.values())
    total = sum(people(a) for a in a_side.values())
    same = sorted((names[k], names[j]) for k, a in a_side.items() for j, b in b_side.items() if a == b)
    return best, total, same


best, total, same = coterminosity(icb, utla)
print(f"ICB vs UTLA: score {best}/{total}; coterminous {same}")
best, total, same = coterminosity(sicbl, utla)
print(f"SICBL vs UTLA: score {best}/{total}; {len(same)} coterminous")
print("E01027305", pop["E01027305"], sorted(names[i] for i, v in icb.items() if "E01027305" in v))
