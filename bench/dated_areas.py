#!/usr/bin/env python3
"""Dated areas for W010 and E206 day by day (docs/performance.md): a generated model with N small
areas (LSOAs) replaced, each on a day of its own, so that the model's areas begin or end on N
different days. Every figure is invented, as the generated model's name says.

  usage: bench/dated_areas.py split|move N < national.json > dated.json

split: each LSOA is split in two halves from its day, and each place it lies in states the
       population of its LSOAs (the same on every day). With every area counted at once the
       halves are added to the LSOA they replace, so W010 looks at every such place day by
       day, and finds nothing.
move:  each LSOA is replaced by one that lies, as well, within another ICS than its place's.
       E206 looks at every such place day by day, and finds it in two ICSs from that day.

The input is `pbp_generate`'s national model (build-bench/bench/pbp_generate 1).
"""
import datetime
import json
import sys


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("split", "move"):
        sys.exit(__doc__.split("\n\n")[1])
    how, n = sys.argv[1], int(sys.argv[2])
    model = json.load(sys.stdin)
    areas = model["areas"]
    by_id = {a["id"]: a for a in areas}
    lsoas = [a for a in areas if a["kind"] == "lsoa"][:n]
    systems = [a["id"] for a in areas if a["kind"] == "ics"]
    first = datetime.date(2019, 4, 1)
    new = []
    for k, lsoa in enumerate(lsoas):
        day = (first + datetime.timedelta(days=k)).isoformat()
        lsoa["valid_to"] = day
        if how == "split":
            people = lsoa["population"]
            for half, share in (("a", people // 2), ("b", people - people // 2)):
                new.append({"id": lsoa["id"] + half, "kind": "lsoa", "within": lsoa["within"],
                            "population": share, "valid_from": day})
        else:
            place = lsoa["within"][0]
            own = by_id[place]["within"][0]
            other = [s for s in systems if s != own][k % (len(systems) - 1)]
            new.append({"id": lsoa["id"] + "m", "kind": "lsoa", "within": lsoa["within"] + [other],
                        "population": lsoa["population"], "valid_from": day})
    areas.extend(new)
    if how == "split":
        people = {}
        for a in areas:
            if a["kind"] == "lsoa" and "valid_from" not in a:
                for parent in a["within"]:
                    people[parent] = people.get(parent, 0) + a["population"]
        for lsoa in lsoas:
            for parent in lsoa["within"]:
                if by_id[parent]["kind"] == "place":
                    by_id[parent]["population"] = people[parent]
    model["name"] += f", {n} LSOAs {'split' if how == 'split' else 'moved'} on days of their own"
    json.dump(model, sys.stdout)


if __name__ == "__main__":
    main()
