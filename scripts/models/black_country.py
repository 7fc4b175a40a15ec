#!/usr/bin/env python3
"""Writes examples/models/black-country.json, the bundled model of seed paper 003 (Sandwell and
West Birmingham Hospitals NHS Trust, public Trust Board, 7 October 2021, "Place Based
Partnerships"): the five places of the Black Country and West Birmingham, the providers and
services the paper's table puts in each, the host provider for Sandwell, and the governance
bodies the paper describes.

    /usr/bin/python3 scripts/models/black_country.py [--lookup england_lookup.csv] [--check] [-o OUT]

Two parts:

- the geography, from the project's ONS data: every LSOA (2021) of the four metropolitan
  boroughs (Dudley E08000027, Sandwell E08000028, Walsall E08000030, Wolverhampton E08000031)
  with its mid-2022 population, its council area and its sub-ICB location, and the ICB, NHS
  England region and country above them. The lookup is data/england/england_lookup.csv as
  data/england/make_lookup.py writes it; with no --lookup the script runs make_lookup.py into a
  temporary file, so the data files are the only input. West Birmingham is no ONS area (it
  joined NHS Birmingham and Solihull ICB on 1 July 2022 and no lookup separates it from the rest
  of Birmingham): it stays an illustrative leaf with no population, and its notes say so;
- the governance, written by hand below from the paper, each entity citing its paragraph.

The output is deterministic (LSOAs sorted by code, LF line ends), so --check can compare a fresh
run with the committed file: it exits 1 when they differ. Standard library only.
"""
import argparse
import sys

from ons import MODELS, OGL, lookup_rows, people, populations, render, write_or_check

OUT = MODELS / "black-country.json"

ICB = "E54000062"
BOROUGHS = ["E08000027", "E08000028", "E08000030", "E08000031"]

PAPER = ("Paper 003 (Sandwell and West Birmingham Hospitals NHS Trust, public Trust Board, 7 October 2021, "
         "'Place Based Partnerships')")
NATIONAL = ("Standard national accountability (NHS Act 2006; NHS England and NHS Improvement oversaw trusts in "
            "2021); not from 003, added so every chain ends at Parliament or an electorate.")

# The four boroughs, in the order of the paper's table (Dudley, Walsall, Wolverhampton, Sandwell).
# key, ONS code, LAD24NM expected in the lookup, council id and name, partnership id and name as
# the table heads its column, acute trust of the table's acute row.
PLACES = [
    ("dudley", "E08000027", "Dudley", "dudley-mbc", "Dudley Metropolitan Borough Council", "Dudley ICP", "dgft"),
    ("walsall", "E08000030", "Walsall", "walsall-mbc", "Walsall Metropolitan Borough Council", "Walsall Together", "whc"),
    ("wolverhampton", "E08000031", "Wolverhampton", "wolverhampton-cc", "City of Wolverhampton Council",
     "Wolverhampton ICP", "rwt"),
    ("sandwell", "E08000028", "Sandwell", "sandwell-mbc", "Sandwell Metropolitan Borough Council", "Sandwell ICP", "swbh"),
]

# The services the table puts under each place's partnership, in the table's order: the same seven
# rows in all five columns. The table marks Acute Outpatients with an asterisk it never explains.
PLACE_SERVICES = [
    "Primary Care",
    "Community Health Services",
    "Primary Care Mental Health Services & IAPT",
    "Better Care Fund Services",
    "Community Diagnostics",
    "*Acute Outpatients",
    "GP Out of Hours/Urgent Treatment Centre/A&E",
]
ACUTE_SERVICES = ["Specialist local acute services", "Inpatient Elective and Non-Elective", "Critical Care", "Maternity"]


def geography(rows, population):
    """The areas: country, region, ICS, sub-ICB location, places, council areas, LSOAs."""
    mine = [r for r in rows if r["ICB24CD"] == ICB]
    lads = sorted({r["LAD24CD"] for r in mine})
    if lads != BOROUGHS:
        sys.exit(f"black_country.py: ICB {ICB} covers {lads}, expected {BOROUGHS}")
    one = lambda col: {r[col] for r in mine}
    for col in ("SICBL24CD", "ICB24CDH", "NHSER24CD", "CTRY24CD"):
        if len(one(col)) != 1:
            sys.exit(f"black_country.py: ICB {ICB} has {len(one(col))} values of {col}, expected 1")
    for r in mine:
        if r["UTLA23CD"] != r["LAD24CD"]:
            sys.exit(f"black_country.py: {r['LSOA21CD']} has upper tier {r['UTLA23CD']} != {r['LAD24CD']}")
        if r["LSOA21CD"] not in population:
            sys.exit(f"black_country.py: no population for {r['LSOA21CD']}")
    # No LSOA of the four boroughs lies outside the ICB (LADs do not always nest in ICBs).
    outside = [r["LSOA21CD"] for r in rows if r["LAD24CD"] in BOROUGHS and r["ICB24CD"] != ICB]
    if outside:
        sys.exit(f"black_country.py: LSOAs of the boroughs outside {ICB}: {outside[:5]}")
    r0 = mine[0]
    by_lad = {code: [r for r in mine if r["LAD24CD"] == code] for code in BOROUGHS}
    total = sum(population[r["LSOA21CD"]] for r in mine)
    sicbl = "sicbl." + r0["SICBL24CDH"].lower()

    areas = [
        {"id": "england", "name": r0["CTRY24NM"], "kind": "country", "codes": {"ons": r0["CTRY24CD"]},
         "notes": "The country; the apex area. DOMAIN.md (the tiers)."},
        {"id": "region.midlands", "name": r0["NHSER24NM"], "kind": "region", "within": ["england"],
         "codes": {"ons": r0["NHSER24CD"], "ods": r0["NHSER24CDH"]},
         "notes": "The NHS England region of the Black Country ICB (data/england/sicbl24_icb24_nhser_en.csv). " + OGL},
        {"id": "ics.black-country", "name": "Black Country ICS (Black Country and West Birmingham until 30 June 2022)",
         "kind": "ics", "within": ["region.midlands"], "codes": {"ons": r0["ICB24CD"], "ods": r0["ICB24CDH"]},
         "notes": (PAPER + ", paragraph 6 and its table: the system of 'the Black Country and West Birmingham', "
                   "five places (Dudley, Walsall, Wolverhampton, Sandwell, West Birmingham). The paper numbers "
                   "paragraphs 1-6 and 11-18; the four bullets between them are cited here as paragraphs 7-10. "
                   "West Birmingham moved to NHS Birmingham and Solihull ICB (E54000055) when ICBs were "
                   "established on 1 July 2022, leaving the four boroughs, which are exactly the footprint of "
                   f"{r0['ICB24NM']} ({r0['ICB24CD']}, ODS {r0['ICB24CDH']}) in the ONS LSOA (2021) to sub-ICB "
                   f"location to ICB to LAD (April 2024) lookup: {len(mine)} LSOAs, {people(total)} people "
                   "(ONS mid-2022). Population is not stated here: it is the sum over the leaves. " + OGL)},
        {"id": sicbl, "name": r0["SICBL24NM"], "kind": "unit", "within": ["ics.black-country"],
         "codes": {"ons": r0["SICBL24CD"], "ods": r0["SICBL24CDH"]}, "valid_from": "2022-07-01",
         "attrs": {"level": "SICBL"},
         "notes": ("The ICB's one sub-ICB location in the ONS lookup (April 2024), the former NHS Black Country "
                   "and West Birmingham CCG (ODS D2P2L, opened 1 April 2021 in data/england/ods_eccg.csv), "
                   "without West Birmingham. Its LSOAs come from the lookup's SICBL24CD column, independently "
                   "of the places, so that the places can be tested against it. " + OGL)},
    ]
    for key, code, lad_name, council, council_name, pbp_name, _ in PLACES:
        rs = by_lad[code]
        names = {r["LAD24NM"] for r in rs}
        if names != {lad_name}:
            sys.exit(f"black_country.py: {code} is named {names}, expected {lad_name}")
        n = sum(population[r["LSOA21CD"]] for r in rs)
        areas.append({
            "id": f"place.{key}", "name": lad_name, "kind": "place", "within": ["ics.black-country"],
            "notes": (PAPER + f", paragraph 6 and its table: {lad_name} is one of the five places, served by "
                      f"the {pbp_name} partnership. Paragraph 1: 'place (which will usually be coterminous with a "
                      f"local government footprint)'. Its leaves are the {len(rs)} LSOAs of {lad_name} "
                      f"({people(n)} people, ONS mid-2022), so it is coterminous with {council_name}'s area; "
                      "the population is the sum over the leaves, not stated. " + OGL)})
    areas.append({
        "id": "place.west-birmingham", "name": "West Birmingham (Ladywood and Perry Barr)", "kind": "place",
        "within": ["ics.black-country"], "valid_to": "2022-07-01", "attrs": {"illustrative": True},
        "notes": (PAPER + ", paragraph 6 and its table (the fifth column, 'West Birmingham') and paragraph 17 "
                  "('Ladywood & Perry Barr'). ILLUSTRATIVE: West Birmingham is no ONS area. It is part of "
                  "Birmingham (E08000025), which the ONS lookup puts wholly in NHS Birmingham and Solihull ICB "
                  "(E54000055); West Birmingham moved there on 1 July 2022, so the place ends here on that day. "
                  "No lookup separates its LSOAs from the rest of Birmingham, so it is a leaf with no "
                  "population (0 people in every query) and no council area of its own in this model.")})
    for key, code, lad_name, council, council_name, _, _ in PLACES:
        rs = by_lad[code]
        n = sum(population[r["LSOA21CD"]] for r in rs)
        areas.append({
            "id": f"la.{key}", "name": f"{lad_name} (metropolitan borough)", "kind": "local_authority",
            "codes": {"ons": code},
            "notes": (f"The footprint of {council_name}, a metropolitan borough: its ONS code is both its "
                      f"district (LAD24CD) and its upper tier (UTLA23CD). {len(rs)} LSOAs, {people(n)} people "
                      "(ONS mid-2022 LSOA (2021) estimates, data/england/ons_lsoa21_population_mid2022_ew.csv; "
                      "LSOAs by LAD24CD in data/england/england_lookup.csv). " + OGL)})
    place_of = {code: key for key, code, *_ in PLACES}
    for r in sorted(mine, key=lambda r: r["LSOA21CD"]):
        key = place_of[r["LAD24CD"]]
        areas.append({"id": r["LSOA21CD"], "name": r["LSOA21NM"], "kind": "lsoa",
                      "within": [f"la.{key}", f"place.{key}", sicbl],
                      "population": population[r["LSOA21CD"]]})
    return areas


def org(id_, name, kind, notes, **more):
    e = {"id": id_, "name": name, "kind": kind}
    e.update(more)
    e["notes"] = notes
    return e


def governance():
    """Organisations, bodies, posts and relations, by hand from the paper."""
    bc_places = [f"place.{p[0]}" for p in PLACES]
    all_places = bc_places + ["place.west-birmingham"]
    table = PAPER + ", paragraph 6 and its table"
    orgs = [
        org("parliament", "Parliament", "parliament", "Apex of NHS accountability (DOMAIN.md, the tiers)."),
        org("dhsc", "Department of Health and Social Care", "department",
            "NHS England is accountable to the Secretary of State / DHSC and so to Parliament (DOMAIN.md)."),
        org("nhse", "NHS England and NHS Improvement", "nhs_england",
            PAPER + ", paragraphs 3-6: 'NHSE/I' publishes the Thriving Places guidance and expects ICS leaders to "
            "confirm place-based partnership arrangements for 2022/23."),
        org("bcwb-ccg", "NHS Black Country and West Birmingham CCG", "icb",
            PAPER + ", paragraph 6 ('the work already done locally in the Black Country and West Birmingham'). "
            "The clinical commissioning group of 2021: ODS D2P2L opened on 1 April 2021, when Dudley (05C), "
            "Sandwell and West Birmingham (05L), Walsall (05Y) and Wolverhampton (06A) CCGs closed "
            "(data/england/ods_eccg.csv); it ended when the ICB took over on 1 July 2022 and D2P2L became the "
            "ICB's sub-ICB location. Kind icb, as the library has no CCG kind (attrs.statutory_form).",
            codes={"ods": "D2P2L"}, serves=["ics.black-country"], valid_from="2021-04-01", valid_to="2022-07-01",
            attrs={"statutory_form": "clinical commissioning group"}),
        org("bc-icb", "NHS Black Country Integrated Care Board", "icb",
            PAPER + ", paragraph 2: ICSs 'will be established as new statutory bodies' and 'expected to delegate "
            "functions and resources to local partnerships operating at place'. The paper predates the Health "
            "and Care Act 2022; ICBs were established on 1 July 2022 and this one covers the four boroughs only. "
            "Name and codes: ONS 'ICB (Dec 2024) names and codes' (data/england). The paper describes no "
            "delegation yet, so the model has none.",
            codes={"ods": "QUA", "ons": ICB}, serves=["ics.black-country"], valid_from="2022-07-01"),
        org("wmas", "West Midlands Ambulance Service University NHS Foundation Trust", "foundation_trust",
            table + ": 'West Midlands Ambulance Service', spanning all five columns with 'UEC System NHS 111 NHS "
            "999'. ODS code from data/england/ods_etr.csv.",
            codes={"ods": "RYA"}, serves=all_places, attrs={"services": ["UEC System", "NHS 111", "NHS 999"]}),
        org("dgft", "The Dudley Group NHS Foundation Trust", "foundation_trust",
            table + ": 'Dudley Group' heads the acute row in the Dudley column ('Specialist local acute services, "
            "Inpatient Elective and Non-Elective, Critical Care, Maternity'). ODS code from "
            "data/england/ods_etr.csv.",
            codes={"ods": "RNA"}, serves=["place.dudley"], attrs={"services": ACUTE_SERVICES}),
        org("whc", "Walsall Healthcare NHS Trust", "nhs_trust",
            table + ": 'Walsall Healthcare' heads the acute row in the Walsall column. ODS code from "
            "data/england/ods_etr.csv.",
            codes={"ods": "RBK"}, serves=["place.walsall"], attrs={"services": ACUTE_SERVICES}),
        org("rwt", "The Royal Wolverhampton NHS Trust", "nhs_trust",
            table + ": 'Royal Wolverhampton' heads the acute row in the Wolverhampton column. ODS code from "
            "data/england/ods_etr.csv.",
            codes={"ods": "RL4"}, serves=["place.wolverhampton"], attrs={"services": ACUTE_SERVICES}),
        org("swbh", "Sandwell and West Birmingham Hospitals NHS Trust", "nhs_trust",
            PAPER + ": the trust whose board receives the paper. Paragraph 6's table puts 'Sandwell & West "
            "Birmingham' in the acute row under Sandwell with the note 'NB Sandwell & West Birmingham ICP "
            "variation'; the model reads the cell as spanning the Sandwell and West Birmingham columns (the fifth "
            "acute cell is empty, and paragraph 17 says the Trust continues 'to significantly influence the "
            "direction of travel' in Ladywood & Perry Barr). Paragraphs 15-17: a lead role in place-based "
            "integration; host provider in Sandwell, not in Ladywood & Perry Barr. ODS code from "
            "data/england/ods_etr.csv.",
            codes={"ods": "RXK"}, serves=["place.sandwell", "place.west-birmingham"],
            attrs={"services": ACUTE_SERVICES}),
        org("bchft", "Black Country Healthcare NHS Foundation Trust", "foundation_trust",
            table + ": 'Black Country Healthcare Trust' heads the mental health and learning disability row across "
            "the four Black Country columns ('MH & LD Community & System Specialist/ inpatient acute services for "
            "BCWB patients Tier 4 Inpatients Provision. NB Community MH subcontracted by DIHC'). 'For BCWB patients' "
            "may reach West Birmingham for specialist and inpatient care, but the table puts BSMHT in that column "
            "('All MH & LD system functions'): the model follows the columns. Its ODS code is not in the "
            "project's extract (data/england/ods_etr.csv), so none is given.",
            serves=bc_places,
            attrs={"services": ["MH & LD Community & System Specialist/ inpatient acute services for BCWB patients",
                                "Tier 4 Inpatients Provision"]}),
        org("bsmht", "Birmingham and Solihull Mental Health NHS Foundation Trust", "foundation_trust",
            table + ": 'BSMHT' in the West Birmingham column of the mental health row: 'All MH & LD system "
            "functions'. ODS code from data/england/ods_etr.csv.",
            codes={"ods": "RXT"}, serves=["place.west-birmingham"], attrs={"services": ["All MH & LD system functions"]}),
        org("dihc", "Dudley Integrated Health and Care NHS Trust", "nhs_trust",
            table + ": the mental health row's note 'NB Community MH subcontracted by DIHC' (Dudley). ODS code "
            "RYK from data/england/ods_etr.csv, which gives it a close date of 30 September 2024, so it ends "
            "here on 1 October 2024.",
            codes={"ods": "RYK"}, serves=["place.dudley"], valid_to="2024-10-01",
            attrs={"services": ["Community MH (subcontract: the table's note)"]}),
    ]
    councils = [(key, council, council_name) for key, _, _, council, council_name, _, _ in PLACES]
    for key, council, council_name in councils:
        code = next(p[1] for p in PLACES if p[0] == key)
        orgs.append(org(council, council_name, "unitary_authority",
                        PAPER + ", paragraph 2 ('Local government will have a central role in driving this joint "
                        "working at place') and paragraph 6's table (the place is the borough). A metropolitan "
                        "borough council, a unitary authority in the library's terms.",
                        serves=[f"la.{key}"], codes={"ons": code}))
    orgs.append(org("birmingham-cc", "Birmingham City Council", "unitary_authority",
                    PAPER + ", paragraph 2 (local government's central role) and paragraph 17: West Birmingham "
                    "(Ladywood & Perry Barr) is part of the city. Its area (E08000025) is not in this model, "
                    "which holds only the Black Country's LSOAs, so it serves no area here.",
                    codes={"ons": "E08000025"}))
    for key, council, _ in councils + [("birmingham", "birmingham-cc", "")]:
        orgs.append(org(f"electorate.{key}", f"Electorate of {key.title()}", "electorate",
                        "Councils answer to their electorate (DOMAIN.md, who the organisations are)."))

    partners = {
        "dudley": ["dgft", "bchft", "dihc"],
        "walsall": ["whc", "bchft"],
        "wolverhampton": ["rwt", "bchft"],
        "sandwell": ["swbh", "bchft"],
    }
    bodies = [
        {"id": "swbh.board", "name": "Trust Board of Sandwell and West Birmingham Hospitals NHS Trust", "kind": "board",
         "of": "swbh", "notes": PAPER + ", cover sheet: the public Trust Board of 7 October 2021 to which the paper "
         "is reported, asked to NOTE it and DISCUSS the principles (paragraphs 4 and 18)."},
    ]
    pbp_notes = (" The borough partnerships of 2021 were called integrated care partnerships (ICPs); they are not the "
                 "statutory integrated care partnership of the Health and Care Act 2022 (bc.icp). The paper lists no "
                 "membership: `of` holds the council and the NHS commissioner of the day (paragraph 2, paragraph 5: "
                 "'the NHS, local government and providers') and the providers the table puts in this place's "
                 "column, so that the partnership answers to its partners (governance principles: 'hold each other "
                 "to account'). attrs.services are the seven rows the table puts under every partnership.")
    for key, _, lad_name, council, _, pbp_name, _ in PLACES:
        bodies.append({"id": f"pbp.{key}", "name": pbp_name, "kind": "partnership", "place": f"place.{key}",
                       "of": [council, "bcwb-ccg", "bc-icb", "wmas"] + partners[key],
                       "attrs": {"services": PLACE_SERVICES},
                       "notes": table + f": '{pbp_name}' heads the {lad_name} column of the place partnership "
                       "rows." + pbp_notes})
    bodies.append({"id": "pbp.west-birmingham", "name": "West Birmingham", "kind": "partnership",
                   "place": "place.west-birmingham", "valid_to": "2022-07-01",
                   "of": ["birmingham-cc", "bcwb-ccg", "wmas", "swbh", "bsmht"],
                   "attrs": {"services": PLACE_SERVICES},
                   "notes": table + ": 'West Birmingham' heads the fifth column of the place partnership rows. "
                   "Paragraph 17: SWBH is not and will not be its host provider; the paper names none. It leaves "
                   "this system with its place on 1 July 2022." + pbp_notes})
    for key, _, lad_name, council, _, _, _ in PLACES:
        bodies.append({"id": f"hwb.{key}", "name": f"{lad_name} Health and Wellbeing Board",
                       "kind": "health_and_wellbeing_board", "of": [council], "place": f"la.{key}",
                       "notes": PAPER + ", paragraph 8: partners defining a place should consider 'health and "
                       "wellbeing board (HWB) footprints'. Every upper-tier council has had one since 2012 "
                       "(DOMAIN.md); its footprint is the council's area."})
    bodies.append({"id": "bc.icp", "name": "Black Country Integrated Care Partnership", "kind": "joint_committee",
                   "of": ["bc-icb"] + [c for _, c, _ in councils], "place": "ics.black-country",
                   "valid_from": "2022-07-01",
                   "notes": PAPER + ", paragraph 10: places inform 'the integrated care strategy agreed by all "
                   "partners in the ICP, and the NHS plan developed by the ICB'. The statutory ICP, a joint "
                   "committee of the ICB and the upper-tier councils (DOMAIN.md), from 1 July 2022; its name is "
                   "the model's."})
    bodies.append({"id": "bc.provider-collaborative", "name": "Black Country provider collaborative (illustrative)",
                   "kind": "provider_collaborative", "of": ["dgft", "rwt", "swbh", "whc"],
                   "attrs": {"illustrative": True},
                   "notes": PAPER + ", paragraph 7: 'at scale provider collaboratives' bring providers together "
                   "across places, and 'some providers will be members of both provider collaboratives and "
                   "place-based partnerships'. ILLUSTRATIVE: the paper names no collaborative; its members here "
                   "are the four acute trusts of the table."})

    posts = [
        {"id": "swbh.ceo", "name": "Chief Executive, SWBH", "title": "Chief Executive", "in": "swbh.board",
         "employer": "swbh", "holder": "Richard Beeken",
         "notes": PAPER + ", cover sheet: sponsoring executive."},
        {"id": "sandwell.director-of-integration", "name": "Sandwell Director of Integration",
         "title": "Director of Integration", "in": "pbp.sandwell", "employer": "swbh",
         "holder": "Daren Fradgley (interim, designate)",
         "notes": PAPER + ", paragraph 17: in Sandwell the Trust takes a lead role 'initially as host provider and "
         "by hosting the key executive role of Director of Integration'; paragraph 11: executive leads 'work for "
         "all the partners through a Lead or Host Provider', so the post sits in the partnership and is hosted "
         "and employed by the Trust. Holder: the paper's author, 'Interim Director of Integration (designate)'."},
    ]

    rel = []
    rel.append({"kind": "accountable_to", "from": "dhsc", "to": "parliament", "notes": "DOMAIN.md: DHSC answers to Parliament."})
    rel.append({"kind": "accountable_to", "from": "nhse", "to": "dhsc",
                "notes": "DOMAIN.md: NHS England answers to the Secretary of State / DHSC."})
    rel.append({"kind": "accountable_to", "from": "bcwb-ccg", "to": "nhse", "notes": "CCGs answered to NHS England (DOMAIN.md)."})
    rel.append({"kind": "accountable_to", "from": "bc-icb", "to": "nhse",
                "notes": "An ICB answers to NHS England (DOMAIN.md; Health and Care Act 2022)."})
    for t in ("wmas", "dgft", "whc", "rwt", "swbh", "bchft", "bsmht", "dihc"):
        rel.append({"kind": "accountable_to", "from": t, "to": "nhse", "notes": NATIONAL})
    for key, council, _ in councils + [("birmingham", "birmingham-cc", "")]:
        rel.append({"kind": "accountable_to", "from": council, "to": f"electorate.{key}",
                    "notes": "A council answers to its electorate (DOMAIN.md)."})
    rel.append({"kind": "hosts", "from": "swbh", "to": "pbp.sandwell",
                "notes": PAPER + ", paragraph 17: 'In Sandwell, the Trust will be taking a lead role, initially as "
                "\"host provider\"'."})
    rel.append({"kind": "hosts", "from": "swbh", "to": "sandwell.director-of-integration",
                "notes": PAPER + ", paragraph 17: '... and by hosting the key executive role of Director of "
                "Integration'."})
    rel.append({"kind": "commissions", "from": "dihc", "to": "bchft",
                "attrs": {"service": "Community mental health", "place": "place.dudley"},
                "notes": table + ": 'NB Community MH subcontracted by DIHC' in the mental health row. The model "
                "reads it as DIHC subcontracting Dudley's community mental health services to the Black Country "
                "mental health trust; information only."})
    # West Birmingham left on the day the ICB and the ICP began, so it never informs them.
    for key in [p[0] for p in PLACES]:
        rel.append({"kind": "informs", "from": f"pbp.{key}", "to": "bc.icp",
                    "notes": PAPER + ", paragraph 10: places inform the integrated care strategy of the ICP."})
        rel.append({"kind": "informs", "from": f"pbp.{key}", "to": "bc-icb",
                    "notes": PAPER + ", paragraph 10: places inform the NHS plan developed by the ICB."})
    return orgs, bodies, posts, rel


def build(lookup):
    rows = lookup_rows(lookup)
    population = populations()
    orgs, bodies, posts, rel = governance()
    model = {
        "format": "pbp/1",
        "name": "Black Country and West Birmingham: place-based partnerships (SWBH Trust Board, October 2021)",
        "currency": "GBP",
        "areas": geography(rows, population),
        "organisations": orgs,
        "bodies": bodies,
        "posts": posts,
        "relations": rel,
    }
    return render(model)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lookup", help="england_lookup.csv (default: run data/england/make_lookup.py)")
    ap.add_argument("-o", "--output", default=str(OUT))
    ap.add_argument("--check", action="store_true", help="compare with the output file instead of writing it")
    args = ap.parse_args()
    return write_or_check(args.output, build(args.lookup), args.check)


if __name__ == "__main__":
    sys.exit(main())
