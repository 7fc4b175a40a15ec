#!/usr/bin/env python3
"""Writes england_lookup.csv: one ONS-shaped lookup of every English LSOA (2021) and the areas
above it, for `pbp import-areas` (SPEC 1.4).

    python3 data/england/make_lookup.py [OUT.csv]

It joins three files of this folder (see README.md for their provenance):

- lsoa21_sicbl24_icb24_lad24_en.csv.gz: LSOA -> sub-ICB location -> ICB, and LSOA -> LAD (2024);
- ons_ltla23_utla23_ew.csv: LAD -> upper-tier local authority (April 2023; the English LAD codes
  did not change between 2023 and 2024, so LAD24CD is the LTLA23CD);
- sicbl24_icb24_nhser_en.csv: sub-ICB location -> NHS England region.

and adds the country (E92000001 England). Every LSOA therefore lies in its LAD's upper tier:
the upper tier comes through the LAD, not through the separate LSOA -> UTLA best-fit lookup
(ons_lsoa21_utla23_bestfit_ew.csv), which places one LSOA, E01027305, differently.

Only the standard library is used; the output is deterministic (sorted by LSOA code, LF line
ends, no byte order mark), so the committed file can be checked against a fresh run.
"""
import csv
import gzip
import io
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
COLUMNS = ["LSOA21CD", "LSOA21NM", "SICBL24CD", "SICBL24CDH", "SICBL24NM",
           "ICB24CD", "ICB24CDH", "ICB24NM", "LAD24CD", "LAD24NM", "UTLA23CD", "UTLA23NM",
           "NHSER24CD", "NHSER24CDH", "NHSER24NM", "CTRY24CD", "CTRY24NM"]


def rows(name):
    path = HERE / name
    raw = gzip.open(path, "rb").read() if name.endswith(".gz") else path.read_bytes()
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def main(out):
    lsoas = rows("lsoa21_sicbl24_icb24_lad24_en.csv.gz")
    upper = {r["LTLA23CD"]: (r["UTLA23CD"], r["UTLA23NM"]) for r in rows("ons_ltla23_utla23_ew.csv")}
    region = {r["SICBL24CD"]: (r["NHSER_CD"], r["NHSER_CDH"], r["NHSER_NM"])
              for r in rows("sicbl24_icb24_nhser_en.csv")}
    missing = sorted({r["LAD24CD"] for r in lsoas if r["LAD24CD"] not in upper}
                     | {r["SICBL24CD"] for r in lsoas if r["SICBL24CD"] not in region})
    if missing:
        sys.exit(f"make_lookup.py: no upper tier or region for {', '.join(missing)}")
    with open(out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(COLUMNS)
        for r in sorted(lsoas, key=lambda r: r["LSOA21CD"]):
            utla, rgn = upper[r["LAD24CD"]], region[r["SICBL24CD"]]
            w.writerow([r[c] for c in COLUMNS[:10]] + list(utla) + list(rgn)
                       + ["E92000001", "England"])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else HERE / "england_lookup.csv")
