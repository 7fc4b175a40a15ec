#!/usr/bin/env python3
"""Prints the national facts tests/england_test.cpp states about the bundled `england` model,
computed from this folder's CSVs with Python's standard library alone: a second method,
independent of pbp's C++ (pbp import-ods).

    python3 data/england/make_lookup.py && python3 data/england/ods_facts.py

The ODS extracts have no header row: columns by position (README.md section 3), 0-based here.
"""
import collections
import csv
from pathlib import Path

HERE = Path(__file__).resolve().parent


def ods(name):
    return list(csv.reader(open(HERE / name, encoding="utf-8", newline="")))


def table(name):
    return list(csv.DictReader(open(HERE / name, encoding="utf-8-sig", newline="")))


icbs = {r["ICB24CDH"]: r for r in table("ons_icb24_names_codes_dec2024_en.csv")}
sicbls = {r["SICBL24CDH"]: r for r in table("sicbl24_icb24_nhser_en.csv")}
print("ICBs", len(icbs), "sub-ICB locations", len(sicbls),
      "regions", len({r["NHSER_CDH"] for r in sicbls.values()}))

# Open trusts (no close date, column 12) with an English ICB (column 4), by region (column 3).
trusts = [r for r in ods("ods_etr.csv") if not r[11] and r[3] in icbs]
print("open English trusts", len(trusts), "by region", sorted(collections.Counter(r[2] for r in trusts).items()),
      "foundation trusts", sum("FOUNDATION TRUST" in r[1] for r in trusts))

# Councils: every English code of the lower-tier to upper-tier lookup, either tier.
tiers = table("ons_ltla23_utla23_ew.csv")
councils = {r["LTLA23CD"] for r in tiers} | {r["UTLA23CD"] for r in tiers}
councils = {c for c in councils if c.startswith("E")}
print("councils", len(councils), "by code prefix", sorted(collections.Counter(c[:3] for c in councils).items()))

# Active GP practices (status A, column 13; prescribing setting 4, column 26) commissioned by
# one of the sub-ICB locations (column 15).
practices = {r[0]: r for r in ods("ods_epraccur.csv")}
active = {c: r for c, r in practices.items() if r[12] == "A" and r[25] == "4" and r[14] in sicbls}
print("active English GP practices", len(active))
pcns = {r["PCN Code"]: r for r in table("ods_epcn_pcn_details.csv")}
open_pcns = {c for c, r in pcns.items() if not r["Close Date"]}
print("open PCNs", len(open_pcns))
current = [r for r in table("ods_epcn_core_partner_details.csv") if not r["Practice to PCN Relationship End Date"]]
members = {r["Partner Organisation Code"]: r["PCN Code"] for r in current
           if r["Partner Organisation Code"] in active and r["PCN Code"] in open_pcns}
print("practices in a PCN", len(members), "in none", len(set(active) - set(members)))
other = sorted(c for c, p in members.items() if active[c][14] != pcns[p]["Current Sub ICB Loc Code"])
print("practices whose PCN sits in another sub-ICB location", len(other), other)
gone = [r for r in current if r["Partner Organisation Code"] in practices
        and practices[r["Partner Organisation Code"]][12] != "A"]
print("current memberships of practices closed, dormant or proposed in epraccur", len(gone))
print("current members that epraccur lists but not as GP practices",
      sorted(r["Partner Organisation Code"] for r in current if r["Partner Organisation Code"] in practices
             and practices[r["Partner Organisation Code"]][12] == "A"
             and practices[r["Partner Organisation Code"]][25] != "4"))
print("open PCNs with no active member", sorted(open_pcns - set(members.values())))
print("A81001", active["A81001"][1], "commissioner", active["A81001"][14], "ICB", active["A81001"][3],
      "PCN", members["A81001"], pcns[members["A81001"]]["PCN Name"])

# Who must Lancashire and South Cumbria ICB (E54000048) work with: upper-tier councils sharing
# LSOAs with it, and the people in both (the upper tier of each LSOA comes through its LAD).
pop = {r["lsoacd"]: int(r["population"]) for r in table("ons_lsoa21_population_mid2022_ew.csv")}
rows = list(csv.DictReader(open(HERE / "england_lookup.csv", encoding="utf-8", newline="")))
icb = {r["LSOA21CD"] for r in rows if r["ICB24CD"] == "E54000048"}
utla = collections.defaultdict(set)
names = {}
for r in rows:
    utla[r["UTLA23CD"]].add(r["LSOA21CD"])
    names[r["UTLA23CD"]] = r["UTLA23NM"]
print("E54000048 people", sum(pop[x] for x in icb))
for code, leaves in sorted(utla.items()):
    if leaves & icb:
        print(" ", code, names[code], "in both", sum(pop[x] for x in leaves & icb), "of", sum(pop[x] for x in leaves),
              "whole" if leaves <= icb else "in part")
