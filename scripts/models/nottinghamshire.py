#!/usr/bin/env python3
"""Rewrites the areas of examples/models/nottinghamshire.json, the bundled (default) model of seed
paper 000 (Nottingham and Nottinghamshire PBP arrangements with the ICB from 1 April 2022), on
the real geography of data/england; everything after the areas is left exactly as it is.

    /usr/bin/python3 scripts/models/nottinghamshire.py [--lookup england_lookup.csv] [--check] [-o OUT]

The areas: England, the ICS (NHS Nottingham and Nottinghamshire ICB, E54000060), the four places
of paper 000, the two council footprints (Nottingham City, a unitary authority, and
Nottinghamshire County), the seven county districts, the two sub-ICB locations (the former
Nottingham and Nottinghamshire CCG, 52R, and Bassetlaw CCG, 02Q), and every LSOA (2021) of the
ICB with its ONS mid-2022 population, within its district (or the city) and its sub-ICB
location. The places are built from whole districts, as The King's Fund (004) describes them
("one is co-terminous with a district council and the other two each cover several of the six
remaining district councils"); the sub-ICB locations come from the lookup's own column, so the
places can be tested against them. Every id the model had before is kept.

The script refuses to write when the data is not shaped as the notes say (the ICB's LSOAs are
exactly those of the city and the seven districts, two sub-ICB locations, Bassetlaw's being
exactly Bassetlaw district). Deterministic; --check compares a fresh run with the file and
exits 1 when they differ. Standard library only.
"""
import argparse
import json
import sys
from pathlib import Path

from ons import MODELS, OGL, lookup_rows, people, populations, render_entities, write_or_check

MODEL = MODELS / "nottinghamshire.json"
ICB = "E54000060"
PAPER = "Paper 000 (Nottingham and Nottinghamshire PBP arrangements with the ICB from 1 April 2022)"
FOUR = "introduction: 'There will be four PBPs: Bassetlaw, Mid-Nottinghamshire, City and South Nottinghamshire.'"

# The city and the county's seven districts: area id, ONS code, name in the lookup, place, council.
CITY = ("la.nottingham", "E06000018", "Nottingham", "place.city")
DISTRICTS = [
    ("lad.ashfield", "E07000170", "Ashfield", "place.mid-notts", "Ashfield District Council"),
    ("lad.bassetlaw", "E07000171", "Bassetlaw", "place.bassetlaw", "Bassetlaw District Council"),
    ("lad.broxtowe", "E07000172", "Broxtowe", "place.south-notts", "Broxtowe Borough Council"),
    ("lad.gedling", "E07000173", "Gedling", "place.south-notts", "Gedling Borough Council"),
    ("lad.mansfield", "E07000174", "Mansfield", "place.mid-notts", "Mansfield District Council"),
    ("lad.newark-sherwood", "E07000175", "Newark and Sherwood", "place.mid-notts", "Newark and Sherwood District Council"),
    ("lad.rushcliffe", "E07000176", "Rushcliffe", "place.south-notts", "Rushcliffe Borough Council"),
]
COUNTY = "E10000024"
# The sub-ICB locations by ODS code: area id, and the CCG of the model whose footprint it was.
SUB_ICB = {"52R": ("sicbl.52r", "notts-ccg", "NHS Nottingham and Nottinghamshire CCG"),
           "02Q": ("sicbl.02q", "bassetlaw-ccg", "NHS Bassetlaw CCG")}
LSOA_SOURCE = ("ONS mid-2022 LSOA (2021) estimates (data/england/ons_lsoa21_population_mid2022_ew.csv), LSOAs "
               "by district from the ONS LSOA (2021) to LAD (2024) lookup (data/england/england_lookup.csv). ")


def fail(msg):
    sys.exit(f"nottinghamshire.py: {msg}")


def areas(rows, population):
    mine = [r for r in rows if r["ICB24CD"] == ICB]
    codes = {CITY[1]: CITY[0], **{d[1]: d[0] for d in DISTRICTS}}
    if {r["LAD24CD"] for r in mine} != set(codes):
        fail(f"ICB {ICB} covers districts {sorted({r['LAD24CD'] for r in mine})}, expected {sorted(codes)}")
    strays = [r["LSOA21CD"] for r in rows if r["LAD24CD"] in codes and r["ICB24CD"] != ICB]
    if strays:
        fail(f"LSOAs of the city and districts outside {ICB}: {strays[:5]}")
    if {r["SICBL24CDH"] for r in mine} != set(SUB_ICB):
        fail(f"sub-ICB locations {sorted({r['SICBL24CDH'] for r in mine})}, expected {sorted(SUB_ICB)}")
    if {r["LAD24CD"] for r in mine if r["SICBL24CDH"] == "02Q"} != {"E07000171"} or \
            {r["SICBL24CDH"] for r in mine if r["LAD24CD"] == "E07000171"} != {"02Q"}:
        fail("sub-ICB location 02Q is no longer exactly Bassetlaw district, as the notes say")
    for r in mine:
        if r["LSOA21CD"] not in population:
            fail(f"no population for {r['LSOA21CD']}")
        expected_upper = r["LAD24CD"] if r["LAD24CD"] == CITY[1] else COUNTY
        if r["UTLA23CD"] != expected_upper:
            fail(f"{r['LSOA21CD']} has upper tier {r['UTLA23CD']}, expected {expected_upper}")
    names = {r["LAD24CD"]: r["LAD24NM"] for r in mine}
    for _, code, name, *_ in [CITY] + DISTRICTS:
        if names[code] != name:
            fail(f"{code} is named {names[code]}, expected {name}")

    def lsoas_of(pred):
        rs = [r for r in mine if pred(r)]
        return len(rs), sum(population[r["LSOA21CD"]] for r in rs)

    r0 = mine[0]
    n_icb, p_icb = lsoas_of(lambda r: True)
    n_city, p_city = lsoas_of(lambda r: r["LAD24CD"] == CITY[1])
    place_of = {d[1]: d[3] for d in DISTRICTS}
    place_pop = {p: lsoas_of(lambda r, p=p: place_of.get(r["LAD24CD"]) == p)
                 for p in ("place.bassetlaw", "place.mid-notts", "place.south-notts")}
    leaves_note = lambda n, p: f"Its {n} LSOAs (2021) hold {people(p)} people (ONS mid-2022); "

    out = [
        {"id": "england", "name": "England", "kind": "country", "codes": {"ons": "E92000001"},
         "notes": "The country; the apex area. DOMAIN.md (the tiers)."},
        {"id": "ics.notts", "name": "Nottingham and Nottinghamshire ICS", "kind": "ics", "within": ["england"],
         "codes": {"ons": r0["ICB24CD"], "ods": r0["ICB24CDH"]},
         "notes": (PAPER + ", introduction: the ICS whose ICB the paper describes. The King's Fund (004, "
                   "'Nottingham and Nottinghamshire ICS') gives about 1.2 million people, four places and two "
                   f"upper-tier councils; the ICB's {n_icb} LSOAs in the ONS lookup (April 2024) hold "
                   f"{people(p_icb)} people (ONS mid-2022). Population is not stated here: it is the sum over the "
                   "leaves. Codes: ONS ICB code and ODS code of the ICB (ONS 'ICB (Dec 2024) names and codes'). "
                   + OGL)},
        {"id": "place.bassetlaw", "name": "Bassetlaw", "kind": "place", "within": ["ics.notts"],
         "notes": (PAPER + ", " + FOUR + " Co-terminous with Bassetlaw district (004: 'one is co-terminous with "
                   "a district council'), and so with the sub-ICB location 02Q, the former Bassetlaw CCG. Until "
                   "the boundary change Bassetlaw CCG (02Q) sat in the South Yorkshire and Bassetlaw ICS; section "
                   "2.3 of the paper asks for cross-boundary working arrangements for Bassetlaw into the South "
                   "Yorkshire ICS. " + leaves_note(*place_pop["place.bassetlaw"])
                   + "the population is the sum over the leaves, not stated.")},
        {"id": "place.mid-notts", "name": "Mid-Nottinghamshire", "kind": "place", "within": ["ics.notts"],
         "notes": (PAPER + ", " + FOUR + " Ashfield, Mansfield and Newark and Sherwood districts (004: the other "
                   "two places 'each cover several of the six remaining district councils (roughly aligning to "
                   "patient flows into the two acute providers)'). The places are built from whole districts, as "
                   "004 describes them, so all of Ashfield is here, although Hucknall (in Ashfield district) has "
                   "historically been served from the south of the county; no data file of the project marks "
                   "Hucknall's LSOAs, so the model approximates. " + leaves_note(*place_pop["place.mid-notts"])
                   + "the population is the sum over the leaves, not stated.")},
        {"id": "place.city", "name": "Nottingham City", "kind": "place", "within": ["ics.notts"],
         "notes": (PAPER + ", " + FOUR + " Co-terminous with Nottingham City Council's area (004: 'One place is "
                   "co-terminous with the city council'). " + leaves_note(n_city, p_city)
                   + "the population is the sum over the leaves, not stated.")},
        {"id": "place.south-notts", "name": "South Nottinghamshire", "kind": "place", "within": ["ics.notts"],
         "notes": (PAPER + ", " + FOUR + " Broxtowe, Gedling and Rushcliffe districts (004: several of the "
                   "remaining district councils, roughly aligned to patient flows). See the note on "
                   "Mid-Nottinghamshire about Hucknall. " + leaves_note(*place_pop["place.south-notts"])
                   + "the population is the sum over the leaves, not stated.")},
        {"id": "la.nottinghamshire", "name": "Nottinghamshire (county council area)", "kind": "local_authority",
         "within": ["ics.notts"], "codes": {"ons": COUNTY},
         "notes": ("The footprint of Nottinghamshire County Council: its seven districts (ONS LTLA23 to UTLA23 "
                   "lookup). 004: the ICS spans the unitary city council and the two-tier county council.")},
        {"id": CITY[0], "name": "Nottingham (city council area)", "kind": "local_authority", "within": [CITY[3]],
         "codes": {"ons": CITY[1]},
         "notes": ("The footprint of Nottingham City Council, a unitary authority: its ONS code is both its "
                   f"lower- and upper-tier code, so it is one area. {n_city} LSOAs, {people(p_city)} people. "
                   + LSOA_SOURCE + OGL)},
    ]
    for id_, code, name, place, council in DISTRICTS:
        n, p = lsoas_of(lambda r, code=code: r["LAD24CD"] == code)
        out.append({"id": id_, "name": name, "kind": "district", "within": [place, "la.nottinghamshire"],
                    "codes": {"ons": code},
                    "notes": (f"The district of {council}, in Nottinghamshire county (ONS LTLA23 to UTLA23 lookup). "
                              f"{n} LSOAs, {people(p)} people. " + LSOA_SOURCE + OGL)})
    for ods in sorted(SUB_ICB, key=lambda c: SUB_ICB[c][0]):
        id_, ccg, ccg_name = SUB_ICB[ods]
        rs = [r for r in mine if r["SICBL24CDH"] == ods]
        n, p = lsoas_of(lambda r, ods=ods: r["SICBL24CDH"] == ods)
        out.append({"id": id_, "name": rs[0]["SICBL24NM"], "kind": "unit", "within": ["ics.notts"],
                    "codes": {"ons": rs[0]["SICBL24CD"], "ods": ods}, "attrs": {"level": "SICBL"},
                    "notes": (f"A sub-ICB location of the ICB in the ONS lookup (April 2024): the footprint of "
                              f"{ccg_name} ({ccg}), which the ICB replaced (paper 000, section 2.3). {n} LSOAs, "
                              f"{people(p)} people. Its LSOAs come from the lookup's SICBL24CD column, "
                              "independently of the places, so that the places can be tested against it. " + OGL)})
    district_of = {CITY[1]: CITY[0], **{d[1]: d[0] for d in DISTRICTS}}
    for r in sorted(mine, key=lambda r: r["LSOA21CD"]):
        out.append({"id": r["LSOA21CD"], "name": r["LSOA21NM"], "kind": "lsoa",
                    "within": [district_of[r["LAD24CD"]], SUB_ICB[r["SICBL24CDH"]][0]],
                    "population": population[r["LSOA21CD"]]})
    return out


def rewrite(text, new_areas):
    """`text` with the value of its top-level "areas" replaced, and nothing else touched."""
    old = json.loads(text)
    ids = {a["id"] for a in old.get("areas", [])}
    missing = ids - {a["id"] for a in new_areas}
    if missing:
        fail(f"the new areas lose ids other parts of the project use: {sorted(missing)}")
    start = text.find('\n  "areas": [')
    end = text.find("\n  ]", start + 1)
    if start < 0 or end < 0:
        fail("cannot find the areas section laid out as `  \"areas\": [ ... ]`")
    out = text[:start + 1] + render_entities("areas", new_areas) + text[end + len("\n  ]"):]
    again = json.loads(out)
    if {k: v for k, v in again.items() if k != "areas"} != {k: v for k, v in old.items() if k != "areas"}:
        fail("rewriting the areas changed something else")
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lookup", help="england_lookup.csv (default: run data/england/make_lookup.py)")
    ap.add_argument("-o", "--output", default=str(MODEL), help="where to write (default: the model itself)")
    ap.add_argument("--check", action="store_true", help="compare with the output file instead of writing it")
    args = ap.parse_args()
    text = rewrite(Path(MODEL).read_text(encoding="utf-8"), areas(lookup_rows(args.lookup), populations()))
    return write_or_check(args.output, text, args.check)


if __name__ == "__main__":
    sys.exit(main())
