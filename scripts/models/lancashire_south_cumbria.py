#!/usr/bin/env python3
"""Writes the bundled Lancashire and South Cumbria model on real geography, and the populations
of the fair-shares example, from the ONS data in data/england/ (seed paper 001, issue 9).

    python3 scripts/models/lancashire_south_cumbria.py [--check]

Writes
- examples/models/lancashire-south-cumbria.json: every LSOA (2021) of NHS Lancashire and South
  Cumbria ICB (E54000048) with its mid-2022 population, and every LSOA of the three councils
  whose footprints cross the ICB's boundary (Cumberland, Westmorland and Furness, North
  Yorkshire), so that their footprints are whole; the areas above them; the five places of July
  2022 and the four after the realignment; the three Lancashire delivery units; and a small
  governance part written by hand below;
- examples/lsc_fair_shares/lsc_places.json: the four realigned places with the same real
  populations and invented need indices (docs/lancashire-south-cumbria.md).

--check writes nothing and fails when either file differs from what would be written.

Inputs: data/england/england_lookup.csv (written by data/england/make_lookup.py; when it is
absent, this script runs make_lookup.py into a temporary file) and
data/england/ons_lsoa21_population_mid2022_ew.csv, read and written through the helpers the
bundled-model generators share (scripts/models/ons.py). Standard library only; the output is
deterministic. The script refuses to write when the data is not shaped as the model's notes say
(eight sub-ICB locations, six upper tiers, three councils crossing the boundary...), so that a
change in the data cannot silently change what the notes claim.
"""
import json
import sys
from collections import Counter
from fractions import Fraction

from ons import DATA, MODELS, OGL, ROOT, lookup_rows, people, populations, render, write_or_check

OUT_MODEL = MODELS / "lancashire-south-cumbria.json"
OUT_FAIR = ROOT / "examples" / "lsc_fair_shares" / "lsc_places.json"

ICB = "E54000048"
# The paper gives no date for the realignment it recommends (001 8.1); this one is chosen.
REALIGNED = "2023-04-01"
# Cumbria County Council was abolished, and Cumberland and Westmorland and Furness councils
# took over, on 1 April 2023 (the Cumbria (Structural Changes) Order 2022).
CUMBRIA_SPLIT = "2023-04-01"
ICB_FROM = "2022-07-01"
PAPER_TITLE = "'Place Based Partnerships: Reviewing Their Future Configuration'"
PAPER = "Paper 001 (Lancashire and South Cumbria ICB Board, 27 July 2022)"
DATE_NOTE = (f"The date {REALIGNED} is ILLUSTRATIVE: the paper recommends the realignment (8.1) and "
             "calls 2022/23 a transition year (4.7) but gives no date; it was chosen because the "
             "new Cumbrian councils the paper anticipates (5.1.5) came into being that day.")

# The eight legacy CCGs (001 2.2, 2.6), whose footprints survive as the ICB's sub-ICB
# locations, and the 2022 place each belongs to. The paper names neither.
SICBL = {
    "00R": ("NHS Blackpool CCG", "place.fylde-coast"),
    "02M": ("NHS Fylde and Wyre CCG", "place.fylde-coast"),
    "00Q": ("NHS Blackburn with Darwen CCG", "place.pennine-lancashire"),
    "01A": ("NHS East Lancashire CCG", "place.pennine-lancashire"),
    "00X": ("NHS Chorley and South Ribble CCG", "place.central-lancashire"),
    "01E": ("NHS Greater Preston CCG", "place.central-lancashire"),
    "02G": ("NHS West Lancashire CCG", "place.west-lancashire"),
    "01K": ("NHS Morecambe Bay CCG", "place.morecambe-bay"),
}
PLACES_2022 = {
    "place.fylde-coast": ("Fylde Coast", ["00R", "02M"]),
    "place.pennine-lancashire": ("Pennine Lancashire", ["00Q", "01A"]),
    "place.central-lancashire": ("Central Lancashire", ["00X", "01E"]),
    "place.west-lancashire": ("West Lancashire", ["02G"]),
    "place.morecambe-bay": ("Morecambe Bay", ["01K"]),
}
# Council footprints (upper tier, ONS UTLA23 code) -> id.
COUNCIL = {
    "E06000009": "la.blackpool",
    "E06000008": "la.blackburn-darwen",
    "E10000017": "la.lancashire",
    "E06000063": "la.cumberland",
    "E06000064": "la.westmorland-furness",
    "E06000065": "la.north-yorkshire",
}
CROSSING = {"E06000063", "E06000064", "E06000065"}  # what the data must show (checked)
CUMBRIA_SUCCESSORS = {"E06000063", "E06000064"}
# The 2023 places: three council footprints, and South Cumbria (everything else in the ICB).
PLACE_OF_COUNCIL = {"la.blackpool": "place.blackpool", "la.blackburn-darwen": "place.blackburn-darwen",
                    "la.lancashire": "place.lancashire"}
# The three Lancashire delivery units (001 5.1.4). The paper names the units, not their
# districts: this split is an assumption.
DELIVERY_UNITS = {
    "du.east": ("East Lancashire delivery unit", ["Burnley", "Hyndburn", "Pendle", "Ribble Valley", "Rossendale"]),
    "du.central-west": ("Central Lancashire delivery unit (with West Lancashire)",
                        ["Chorley", "Preston", "South Ribble", "West Lancashire"]),
    "du.north-coastal": ("North Lancashire / coastal delivery unit", ["Lancaster", "Fylde", "Wyre"]),
}


def slug(name):
    return "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-").replace("--", "-")


def read_lookup():
    """The merged lookup: data/england/england_lookup.csv, or a fresh run of make_lookup.py."""
    path = DATA / "england_lookup.csv"
    return lookup_rows(path if path.exists() else None)


def require(condition, message):
    if not condition:
        sys.exit(f"lancashire_south_cumbria.py: the data is not as the model's notes describe: {message}")


class Geography:
    """The LSOAs the model holds and the sums the notes quote, checked against expectations."""

    def __init__(self, lookup, population):
        self.pop = population
        self.icb = [r for r in lookup if r["ICB24CD"] == ICB]
        require(len(self.icb) > 0, f"no LSOA in ICB {ICB}")
        require({r["ICB24CDH"] for r in self.icb} == {"QE1"}, "the ICB's ODS code is not QE1")
        require({r["SICBL24CDH"] for r in self.icb} == set(SICBL), "the sub-ICB locations are not the eight")
        require({r["UTLA23CD"] for r in self.icb} == set(COUNCIL), "the upper tiers in the ICB are not the six")
        inside = {r["LSOA21CD"] for r in self.icb}
        self.crossing = {r["UTLA23CD"] for r in lookup if r["UTLA23CD"] in COUNCIL and r["LSOA21CD"] not in inside}
        require(self.crossing == CROSSING, f"councils crossing the ICB boundary: {sorted(self.crossing)}")
        self.rows = self.icb + [r for r in lookup if r["UTLA23CD"] in CROSSING and r["LSOA21CD"] not in inside]
        self.rows.sort(key=lambda r: r["LSOA21CD"])
        self.inside = inside
        require(all(r["LSOA21CD"] in population for r in self.rows), "an LSOA has no population")
        # Lancashire's districts: twelve, each wholly in the ICB.
        self.districts = sorted({(r["LAD24CD"], r["LAD24NM"]) for r in self.rows if r["UTLA23CD"] == "E10000017"})
        require(len(self.districts) == 12, "Lancashire does not have twelve districts")
        du_names = sorted(n for _, names in DELIVERY_UNITS.values() for n in names)
        require(du_names == sorted(n for _, n in self.districts), "the delivery units do not share out the twelve districts")

    def elsewhere(self, keep):
        """Where the people outside the ICB live: 'N in ICB name; ...' from the data."""
        by_icb = Counter()
        for r in self.rows:
            if r["ICB24CD"] != ICB and keep(r):
                by_icb[r["ICB24NM"]] += self.pop[r["LSOA21CD"]]
        return "; ".join(f"{people(n)} in {name}" for name, n in sorted(by_icb.items()))

    def names(self, keep):
        """The ONS names of the ICB's LSOAs that `keep` selects, in code order."""
        return ", ".join(f"{r['LSOA21NM']} ({r['LSOA21CD']})" for r in self.icb if keep(r))

    def total(self, keep):
        return sum(self.pop[r["LSOA21CD"]] for r in self.rows if keep(r))

    def in_icb(self, keep=lambda r: True):
        return self.total(lambda r: r["ICB24CD"] == ICB and keep(r))

    def out_icb(self, keep=lambda r: True):
        return self.total(lambda r: r["ICB24CD"] != ICB and keep(r))


def area(id_, name, kind, within=None, population=None, codes=None, notes=None, **dates):
    e = {"id": id_, "name": name, "kind": kind}
    if within:
        e["within"] = within
    if codes:
        e["codes"] = codes
    if population is not None:
        e["population"] = population
    e.update(dates)
    if notes:
        e["notes"] = notes
    return e


def build_areas(g):
    utla = lambda code: (lambda r: r["UTLA23CD"] == code)
    sicbl = lambda code: (lambda r: r["SICBL24CDH"] == code)
    south_cumbria = lambda r: r["UTLA23CD"] not in PLACE_OF_COUNCIL_CODES
    icb_total = g.in_icb()
    icb_name = g.icb[0]["ICB24NM"]
    areas = []

    # The ICS.
    areas.append(area(
        "ics.lsc", "Lancashire and South Cumbria ICS", "ics", population=icb_total,
        codes={"ons": ICB, "ods": "QE1"},
        notes=(f"{PAPER}, {PAPER_TITLE}: the ICS whose ICB the paper was presented to. The area of {icb_name} ({ICB}): "
               f"{len(g.icb):,} LSOAs (2021), {people(icb_total)} people (ONS mid-2022). Every area of this "
               "model is built from real ONS geography: the LSOAs are the leaves (id = ONS LSOA 2021 code, "
               "population = ONS mid-2022 estimate); sub-ICB locations and the ICB are from the ONS LSOA (2021) "
               "to sub-ICB location to ICB to LAD (April 2024) lookup, districts from the ONS LSOA (2021) to "
               "ward to LAD (2024) best-fit lookup, upper tiers from the ONS LTLA to UTLA (April 2023) lookup: "
               "data/england/README.md gives every file's source, and "
               "scripts/models/lancashire_south_cumbria.py builds this file from them. These are best-fit "
               "lookups: an LSOA is placed wholly in one area at each level. The governance part is small "
               "and written by hand from the paper. " + OGL)))

    # 2022: the five places (001 2.2, 2.6).
    for id_, (name, codes) in PLACES_2022.items():
        pop = g.in_icb(lambda r: r["SICBL24CDH"] in codes)
        ccgs = " and ".join(f"{SICBL[c][0]} ({c})" for c in codes)
        kind_of = ("a single legacy CCG: {}, whose footprint survives as the ICB's sub-ICB location of that code"
                   if len(codes) == 1 else
                   "a pair of legacy CCGs: {}, whose footprints survive as the ICB's sub-ICB locations of those codes")
        areas.append(area(
            id_, name, "place", within=["ics.lsc"], population=pop, valid_to=REALIGNED,
            notes=(f"{PAPER} 2.2 and 2.6: one of the five current places, 'formed around 5 footprints across "
                   "the 8 legacy CCGs' and 'reflective of our previous CCG footprints, being two single CCGs "
                   f"and 6 CCGs working closely as three partnerships'. This one is {kind_of.format(ccgs)}. "
                   f"The paper does not name the five places; '{name}' is the name the partnership was known by. "
                   f"Population {people(pop)} (sum of its LSOAs, ONS mid-2022). It is not coterminous with any "
                   f"council footprint (2.4). Ends at the realignment. {DATE_NOTE}")))

    # After the realignment: the four places (001 2.5, 8.1).
    for la_id, place in PLACE_OF_COUNCIL.items():
        code = next(c for c, i in COUNCIL.items() if i == la_id)
        name = next(r["UTLA23NM"] for r in g.icb if r["UTLA23CD"] == code)
        pop = g.in_icb(utla(code))
        areas.append(area(
            place, name, "place", within=["ics.lsc"], population=pop, valid_from=REALIGNED,
            notes=(f"{PAPER} 2.5 and 8.1: a place aligned with a council footprint, here {name}'s ({code}): "
                   f"its footprint is the council's ({la_id} lies within it), {people(pop)} people. "
                   + ("5.1.1: one of 'the smaller, contained footprints of the unitary councils'. "
                      if la_id != "la.lancashire" else
                      "5.1.2-5.1.4: a single Lancashire place with three delivery units inside it; 5.1.7: the "
                      "worry that need is masked in a place this size. ") + DATE_NOTE)))
    sc_pop = g.in_icb(south_cumbria)
    sc_cumberland = g.in_icb(utla("E06000063"))
    sc_wf = g.in_icb(utla("E06000064"))
    sc_ny = g.in_icb(utla("E06000065"))
    cumbria_in = g.in_icb(lambda r: r["UTLA23CD"] in CUMBRIA_SUCCESSORS)
    cumbria_out = g.out_icb(lambda r: r["UTLA23CD"] in CUMBRIA_SUCCESSORS)
    wf_out = g.out_icb(utla("E06000064"))
    areas.append(area(
        "place.south-cumbria", "South Cumbria", "place", within=["ics.lsc"], population=sc_pop, valid_from=REALIGNED,
        notes=(f"{PAPER} 2.3-2.5: the fourth place, for the ICS's part of Cumbria. It takes the ICB's people "
               "outside Blackpool, Blackburn with Darwen and Lancashire, so that the four places cover the whole "
               f"ICS: {people(sc_pop)} people, of whom {people(sc_wf)} in Westmorland and Furness, "
               f"{people(sc_cumberland)} in Cumberland and {people(sc_ny)} in North Yorkshire (the parts of the "
               "Morecambe Bay footprint outside Lancashire; the LSOAs lie within this place directly). It is not, "
               "and cannot be, coterminous with a council footprint: places cannot span ICS boundaries (004), and "
               f"Cumbria's footprint had {people(cumbria_in)} people in this ICS and {people(cumbria_out)} outside "
               f"it; Westmorland and Furness's has {people(sc_wf)} in and {people(wf_out)} outside (5.1.5: 'the "
               "new Westmorland and Furness Local Authority which is not aligned to our current South Cumbria'). "
               + DATE_NOTE)))

    # Council footprints (001 2.3). Cumbria is the union of its two 2023 successors.
    for code, id_ in COUNCIL.items():
        name = next(r["UTLA23NM"] for r in g.rows if r["UTLA23CD"] == code)
        pop = g.total(utla(code))
        inside, outside = g.in_icb(utla(code)), g.out_icb(utla(code))
        within = [PLACE_OF_COUNCIL[id_]] if id_ in PLACE_OF_COUNCIL else None
        dates = {"valid_from": CUMBRIA_SPLIT} if code in CUMBRIA_SUCCESSORS else {}
        if code in CROSSING:
            where = (f" Its footprint crosses the ICS boundary: {people(inside)} of its people live in Lancashire "
                     f"and South Cumbria ICB and {people(outside)} outside it ({g.elsewhere(utla(code))}); the "
                     "model holds all its LSOAs so that its footprint is whole, but not the other ICSs.")
        else:
            where = " Its whole footprint lies in Lancashire and South Cumbria ICB."
        if id_ == "la.north-yorkshire":
            notes = (f"The footprint of North Yorkshire: the unitary North Yorkshire Council ({code}) since 1 April "
                     "2023, and before it North Yorkshire County Council (E10000023), whose area was the same. The "
                     f"paper's list of councils in the ICS's footprint (2.3) omits it, but the Morecambe Bay "
                     f"footprint holds {people(inside)} of its people (the LSOAs {g.names(utla(code))})."
                     f"{where} {people(pop)} people in all.")
        elif code in CUMBRIA_SUCCESSORS:
            notes = (f"The footprint of {name} Council ({code}), a unitary council since 1 April 2023, one of the two "
                     "successors of Cumbria County Council"
                     + (" (001 5.1.5: 'the new Westmorland and Furness Local Authority')." if code == "E06000064" else
                        f". The Morecambe Bay footprint holds {people(inside)} of its people (the LSOAs "
                        f"{g.names(utla(code))}).") + where + f" {people(pop)} people in all.")
        elif id_ == "la.lancashire":
            notes = (f"{PAPER} 2.3: the footprint of Lancashire County Council ({code}), one of the two upper tier "
                     "councils; its twelve districts (5.1.3) lie within it." + where + f" {people(pop)} people.")
        else:
            notes = (f"{PAPER} 2.3: the footprint of {name} Council ({code}), one of the two unitary councils."
                     + where + f" {people(pop)} people.")
        areas.append(area(id_, name, "local_authority", within=within, population=pop, codes={"ons": code},
                          notes=notes, **dates))
    cumbria_pop = g.total(lambda r: r["UTLA23CD"] in CUMBRIA_SUCCESSORS)
    areas.append(area(
        "la.cumbria", "Cumbria", "local_authority", population=cumbria_pop, codes={"ons": "E10000006"},
        valid_to=CUMBRIA_SPLIT,
        notes=(f"{PAPER} 2.3: the footprint of Cumbria County Council (E10000006), one of the two upper tier "
               "councils, until 31 March 2023 (it was abolished on 1 April 2023). The data is 2024 geography, "
               "in which Cumbria no longer exists: its footprint is represented as the union of the LSOAs of its two successors, "
               "Cumberland (E06000063) and Westmorland and Furness (E06000064), which together cover exactly the "
               "former county. Its six districts are not modelled (the data has only the 2024 districts). "
               f"{people(cumbria_pop)} people: {people(cumbria_in)} in Lancashire and South Cumbria ICB and "
               f"{people(cumbria_out)} outside it ({g.elsewhere(lambda r: r['UTLA23CD'] in CUMBRIA_SUCCESSORS)}), "
               "so its footprint crosses the ICS boundary.")))

    # Lancashire's twelve districts (001 5.1.2-5.1.3), each in one delivery unit.
    du_of = {n: du for du, (_, names) in DELIVERY_UNITS.items() for n in names}
    for code, name in g.districts:
        pop = g.total(lambda r: r["LAD24CD"] == code)
        pieces = Counter()
        for r in g.icb:
            if r["LAD24CD"] == code:
                pieces[PLACES_2022_OF[r["SICBL24CDH"]]] += g.pop[r["LSOA21CD"]]
        cut = ""
        if len(pieces) > 1:
            cut = (" The 2022 places, built on CCG footprints, cut it: " +
                   ", ".join(f"{people(n)} people in {PLACES_2022[p][0]}" for p, n in sorted(pieces.items())) + ".")
        areas.append(area(
            f"lad.{slug(name)}", name, "district", within=["la.lancashire", du_of[name]], population=pop,
            codes={"ons": code},
            notes=(f"{PAPER} 5.1.2-5.1.3: one of Lancashire's 12 districts (ONS LAD 2024 {code}), in the "
                   f"{DELIVERY_UNITS[du_of[name]][0]} (an assumption: see that unit). {people(pop)} people.{cut}")))

    # The three delivery units (001 5.1.4), inside the single Lancashire place.
    for id_, (name, names) in DELIVERY_UNITS.items():
        pop = g.total(lambda r: r["LAD24NM"] in names and r["UTLA23CD"] == "E10000017")
        areas.append(area(
            id_, name, "unit", within=["place.lancashire"], population=pop, valid_from=REALIGNED,
            notes=(f"{PAPER} 5.1.4: 'an East Lancashire delivery unit, a Central Lancashire delivery unit that "
                   "would include West Lancashire and a North Lancashire / coastal delivery unit ... The 3 sectors "
                   "do not cut across District boundaries.' ASSUMPTION: the paper names the units, not their "
                   f"districts; this model gives this one {', '.join(names)} ({people(pop)} people). It exists "
                   f"with the single Lancashire place. {DATE_NOTE}")))

    # The eight sub-ICB locations: the legacy CCG footprints (001 2.2, 2.6, 4.3).
    for ods, (ccg, place) in SICBL.items():
        rows = [r for r in g.icb if r["SICBL24CDH"] == ods]
        code = rows[0]["SICBL24CD"]
        pop = g.in_icb(sicbl(ods))
        lads = Counter()
        for r in rows:
            lads[r["LAD24NM"]] += g.pop[r["LSOA21CD"]]
        made_of = "; ".join(f"{n} {people(p)}" for n, p in sorted(lads.items()))
        areas.append(area(
            f"sicbl.{ods}", f"{ccg.removeprefix('NHS ').removesuffix(' CCG')} sub-ICB location", "unit",
            within=["ics.lsc", place], population=pop, codes={"ons": code, "ods": ods},
            notes=(f"{PAPER} 2.2, 2.6, 4.3: the footprint of {ccg} ({ods}), one of the 8 legacy CCGs, which closed "
                   f"on 30 June 2022; since 1 July 2022 it is the ICB's sub-ICB location {ods} ({code}, ONS April "
                   f"2024), with the same footprint. Within the {PLACES_2022[place][0]} place until the "
                   f"realignment. {people(pop)} people by 2024 district: {made_of}.")))

    # The leaves.
    for r in g.rows:
        within = []
        if r["ICB24CD"] == ICB:
            within.append(f"sicbl.{r['SICBL24CDH']}")
        code = r["UTLA23CD"]
        within.append(f"lad.{slug(r['LAD24NM'])}" if code == "E10000017" else COUNCIL[code])
        if code in CUMBRIA_SUCCESSORS:
            within.append("la.cumbria")
        if r["ICB24CD"] == ICB and south_cumbria(r):
            within.append("place.south-cumbria")
        areas.append({"id": r["LSOA21CD"], "name": r["LSOA21NM"], "kind": "lsoa", "within": within,
                      "population": g.pop[r["LSOA21CD"]]})
    return areas


PLACES_2022_OF = {c: p for p, (_, codes) in PLACES_2022.items() for c in codes}
PLACE_OF_COUNCIL_CODES = {c for c, i in COUNCIL.items() if i in PLACE_OF_COUNCIL}


def governance():
    """The small governance part: who the places answer to, and the primary care delegation the
    paper describes (4.2, 5.2.1). The paper describes no delegation to places (4.7)."""
    orgs = [
        {"id": "parliament", "name": "Parliament", "kind": "parliament", "notes": "Apex of NHS accountability (DOMAIN.md)."},
        {"id": "dhsc", "name": "Department of Health and Social Care", "kind": "department",
         "notes": "NHS England answers to the Secretary of State and so to Parliament (DOMAIN.md)."},
        {"id": "nhse", "name": "NHS England", "kind": "nhs_england",
         "notes": f"{PAPER} 4.2: the ICB has taken on 'some of NHS England's commissioning functions, including "
                  "delegated responsibility for commissioning the four elements of primary care'."},
        {"id": "lsc-icb", "name": "NHS Lancashire and South Cumbria Integrated Care Board", "kind": "icb",
         "codes": {"ons": ICB, "ods": "QE1"}, "serves": ["ics.lsc"], "valid_from": ICB_FROM,
         "notes": f"{PAPER} 4.2-4.3: 'The ICB, now established, has taken on the NHS commissioning responsibilities "
                  "of Clinical Commissioning Groups'; 'the previous commissioning boundaries of the eight CCGs have "
                  "already changed to the single ICB footprint'. ICBs were established on 1 July 2022 (Health and "
                  "Care Act 2022)."},
        {"id": "blackpool-council", "name": "Blackpool Council", "kind": "unitary_authority",
         "serves": ["la.blackpool"], "notes": f"{PAPER} 2.3: one of the two unitary councils."},
        {"id": "blackburn-darwen-council", "name": "Blackburn with Darwen Borough Council", "kind": "unitary_authority",
         "serves": ["la.blackburn-darwen"], "notes": f"{PAPER} 2.3: one of the two unitary councils."},
        {"id": "lancashire-cc", "name": "Lancashire County Council", "kind": "county_council",
         "serves": ["la.lancashire"],
         "notes": f"{PAPER} 2.3: one of the two upper tier councils; 5.1.4: its adult social care is divided into "
                  "the three sectors the delivery units follow."},
        {"id": "cumbria-cc", "name": "Cumbria County Council", "kind": "county_council", "serves": ["la.cumbria"],
         "valid_to": CUMBRIA_SPLIT,
         "notes": f"{PAPER} 2.3: one of the two upper tier councils. Abolished on 1 April 2023, succeeded by "
                  "Cumberland Council and Westmorland and Furness Council."},
        {"id": "westmorland-furness-council", "name": "Westmorland and Furness Council", "kind": "unitary_authority",
         "serves": ["la.westmorland-furness"], "valid_from": CUMBRIA_SPLIT,
         "notes": f"{PAPER} 5.1.5: 'the new Westmorland and Furness Local Authority which is not aligned to our "
                  "current South Cumbria'. A unitary council from 1 April 2023."},
    ]
    bodies = [
        {"id": "lsc-icb.board", "name": "Board of NHS Lancashire and South Cumbria ICB", "kind": "board",
         "of": "lsc-icb", "valid_from": ICB_FROM,
         "notes": f"{PAPER}: the paper was presented to this board on 27 July 2022, which was asked to 'approve the "
                  "proposal to align our Place Based Partnerships with our local authority footprints' (8.1)."},
    ]
    assumption = ("The paper describes no formal accountability for the place-based partnerships; they are "
                  "modelled as answering to the ICB, which holds the commissioning functions and resources "
                  "(4.3, 4.7): an assumption. No function is delegated to a place: 'Delegation of resource to "
                  "commit at place is not supported in 2022/23 and unlikely in 2023/24' (4.7).")
    for place, (name, _) in PLACES_2022.items():
        bodies.append({"id": "pbp." + place.removeprefix("place."), "name": f"{name} place-based partnership",
                       "kind": "partnership", "place": place, "valid_to": REALIGNED,
                       "notes": f"{PAPER} 2.2, 2.6: one of the five current place-based partnerships. {assumption} "
                                + DATE_NOTE})
    for place, name in [("place.lancashire", "Lancashire"), ("place.blackpool", "Blackpool"),
                        ("place.blackburn-darwen", "Blackburn with Darwen"), ("place.south-cumbria", "South Cumbria")]:
        bodies.append({"id": "pbp." + place.removeprefix("place."), "name": f"{name} place-based partnership",
                       "kind": "partnership", "place": place, "valid_from": REALIGNED,
                       "notes": f"{PAPER} 2.5, 8.1: one of the four place-based partnerships aligned with council "
                                f"footprints. {assumption} " + DATE_NOTE})
    basis = "NHS Act 2006"
    functions = [
        {"id": "fn.primary-medical", "name": "Commissioning primary medical services (general practice)",
         "holder": "nhse", "basis": f"{basis}, Part 4", "service_area": "General practice",
         "notes": f"{PAPER} 4.2, 5.2.1: one of the four elements of primary care."},
        {"id": "fn.pharmacy", "name": "Commissioning pharmaceutical services (community pharmacy)",
         "holder": "nhse", "basis": f"{basis}, Part 7", "service_area": "Community pharmacy",
         "notes": f"{PAPER} 4.2, 5.2.1: one of the four elements of primary care."},
        {"id": "fn.dental", "name": "Commissioning primary dental services", "holder": "nhse",
         "basis": f"{basis}, Part 5", "service_area": "Dental",
         "notes": f"{PAPER} 4.2, 5.2.1: one of the four elements of primary care, delegated from April 2023."},
        {"id": "fn.eye-health", "name": "Commissioning general ophthalmic services (eye health)", "holder": "nhse",
         "basis": f"{basis}, Part 6", "service_area": "Eye health",
         "notes": f"{PAPER} 4.2, 5.2.1: one of the four elements of primary care, delegated from April 2023."},
    ]
    relations = [
        {"kind": "accountable_to", "from": "dhsc", "to": "parliament", "notes": "DOMAIN.md."},
        {"kind": "accountable_to", "from": "nhse", "to": "dhsc", "notes": "DOMAIN.md."},
        {"kind": "accountable_to", "from": "lsc-icb", "to": "nhse", "notes": "An ICB answers to NHS England (DOMAIN.md)."},
        {"id": "del.primary-care-2022", "kind": "delegates", "from": "nhse", "to": "lsc-icb",
         "functions": ["fn.primary-medical", "fn.pharmacy"], "mechanism": "s65z5", "valid_from": ICB_FROM,
         "instrument": "NHS England delegation agreement with the ICB",
         "notes": f"{PAPER} 4.2 and 5.2.1: 'NHSE had delegated to the ICB delegated responsibility for commissioning "
                  "the four elements of primary care - General Practice, Community Pharmacy, Dental and Eye Health "
                  "(the latter two from April 2023)'. The start date is the ICB's."},
        {"id": "del.primary-care-2023", "kind": "delegates", "from": "nhse", "to": "lsc-icb",
         "functions": ["fn.dental", "fn.eye-health"], "mechanism": "s65z5", "valid_from": "2023-04-01",
         "instrument": "NHS England delegation agreement with the ICB",
         "notes": f"{PAPER} 4.2 and 5.2.1: dental and eye health 'from April 2023'."},
    ]
    for b in bodies:
        if b["kind"] == "partnership":
            relations.append({"kind": "accountable_to", "from": b["id"], "to": "lsc-icb",
                              "notes": "An assumption: see the partnership's notes."})
    return orgs, bodies, functions, relations


def render_model(g):
    orgs, bodies, functions, relations = governance()
    return render({
        "format": "pbp/1",
        "name": "Lancashire and South Cumbria ICS: five places in July 2022, four after the realignment (real geography)",
        "currency": "GBP",
        "areas": build_areas(g),
        "organisations": orgs,
        "bodies": bodies,
        "functions": functions,
        "relations": relations,
    })


# The fair-shares example: invented need indices (ILLUSTRATIVE), real populations.
NEED = {"place.blackpool": "1.30", "place.blackburn-darwen": "1.25",
        "Burnley": "1.20", "Hyndburn": "1.15", "Pendle": "1.15", "Rossendale": "1.05", "Ribble Valley": "0.80",
        "Preston": "1.10", "Chorley": "0.90", "South Ribble": "0.85", "West Lancashire": "1.00",
        "Lancaster": "1.00", "Fylde": "0.85", "Wyre": "1.00",
        "sc.westmorland-furness": "1.00", "sc.cumberland": "1.10", "sc.north-yorkshire": "0.85"}


def weighted_need(parts):
    """The population-weighted mean of need indices, to 4 places (half up): what an ICB might set as
    a larger area's own need index. Exact until the final rounding."""
    total = sum(p for p, _ in parts)
    mean = sum(Fraction(p) * Fraction(n) for p, n in parts) / total
    units = int(mean * 10000 + Fraction(1, 2))  # mean > 0, so int() is the floor
    return f"{units // 10000}.{units % 10000:04d}"


def render_fair_shares(g):
    utla = lambda code: (lambda r: r["UTLA23CD"] == code)
    lines = []
    def add(e):
        lines.append("    " + json.dumps(e, ensure_ascii=False))
    districts = [(name, g.total(lambda r, c=code: r["LAD24CD"] == c)) for code, name in g.districts]
    sc = [("sc.westmorland-furness", "Westmorland and Furness (its part in the ICS)", g.in_icb(utla("E06000064"))),
          ("sc.cumberland", "Cumberland (its part in the ICS)", g.in_icb(utla("E06000063"))),
          ("sc.north-yorkshire", "North Yorkshire (its part in the ICS)", g.in_icb(utla("E06000065")))]
    du_need = {du: weighted_need([(p, NEED[n]) for n, p in districts if n in names])
               for du, (_, names) in DELIVERY_UNITS.items()}
    lancs_need = weighted_need([(p, NEED[n]) for n, p in districts])
    sc_need = weighted_need([(p, NEED[i]) for i, _, p in sc])
    add({"id": "lsc", "kind": "ics", "name": "Lancashire and South Cumbria"})
    add({"id": "place.lancashire", "kind": "place", "name": "Lancashire", "within": ["lsc"], "need_index": lancs_need})
    add({"id": "place.blackpool", "kind": "place", "name": "Blackpool", "within": ["lsc"],
         "need_index": NEED["place.blackpool"]})
    add({"id": "place.blackburn-darwen", "kind": "place", "name": "Blackburn with Darwen", "within": ["lsc"],
         "need_index": NEED["place.blackburn-darwen"]})
    add({"id": "place.south-cumbria", "kind": "place", "name": "South Cumbria", "within": ["lsc"], "need_index": sc_need})
    for du, (name, _) in DELIVERY_UNITS.items():
        add({"id": du, "kind": "unit", "name": name, "within": ["place.lancashire"], "need_index": du_need[du]})
    du_of = {n: du for du, (_, names) in DELIVERY_UNITS.items() for n in names}
    for name, pop in districts:
        add({"id": f"lad.{slug(name)}", "kind": "district", "name": name, "within": [du_of[name]],
             "population": pop, "need_index": NEED[name]})
    add({"id": "la.blackpool", "kind": "local_authority", "name": "Blackpool", "within": ["place.blackpool"],
         "population": g.in_icb(utla("E06000009")), "need_index": NEED["place.blackpool"]})
    add({"id": "la.blackburn-darwen", "kind": "local_authority", "name": "Blackburn with Darwen",
         "within": ["place.blackburn-darwen"], "population": g.in_icb(utla("E06000008")),
         "need_index": NEED["place.blackburn-darwen"]})
    for id_, name, pop in sc:
        add({"id": id_, "kind": "unit", "name": name, "within": ["place.south-cumbria"], "population": pop,
             "need_index": NEED[id_]})
    header = f"""// Lancashire and South Cumbria: the four places proposed in 001 (aligned with the council
// footprints, 2.5), to look at the two worries about fair shares in 001 5.1.7-5.1.8.
// See README.md beside this file and docs/lancashire-south-cumbria.md.
//
// Written by scripts/models/lancashire_south_cumbria.py: do not edit by hand.
//
// REAL POPULATIONS: the leaves (Lancashire's twelve districts, Blackpool, Blackburn with Darwen and
// the three parts of South Cumbria) carry ONS mid-2022 populations summed over their LSOAs, the same
// as the bundled model lancashire-south-cumbria (places as after the realignment).
// INVENTED NEED: every need_index is ILLUSTRATIVE, made up for this example and not derived from any
// index of deprivation. A larger area's own need_index is the population-weighted mean of its
// parts' (rounded to 4 places): Lancashire {lancs_need}, South Cumbria {sc_need}, the delivery units
// {', '.join(f'{du} {n}' for du, n in du_need.items())}. The delivery units' districts are an assumption
// (the paper names the units, not their districts: 5.1.4).
"""
    return (header + '{\n  "format": "pbp/1",\n'
            '  "name": "Lancashire and South Cumbria places (real populations, illustrative need)",\n'
            '  "areas": [\n' + ",\n".join(lines) + "\n  ]\n}\n")


def main(argv):
    check = argv[1:] == ["--check"]
    if argv[1:] and not check:
        sys.exit(__doc__)
    g = Geography(read_lookup(), populations())
    status = 0
    for path, text in ((OUT_MODEL, render_model(g)), (OUT_FAIR, render_fair_shares(g))):
        # Both must parse as JSON once the fair-shares file's comment lines are dropped.
        json.loads("\n".join(line for line in text.splitlines() if not line.startswith("//")))
        status |= write_or_check(path, text, check)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
