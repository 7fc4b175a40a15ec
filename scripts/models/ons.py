"""What the bundled-model generators of this folder share: reading the ONS files of data/england
and writing a model in the layout of examples/models/*.json. Standard library only.

- lookup_rows(): the rows of data/england/england_lookup.csv (one per English LSOA 2021, with
  its sub-ICB location, ICB, district, upper tier, NHS England region and country), running
  data/england/make_lookup.py into a temporary file when no lookup is given;
- populations(): LSOA code -> mid-2022 population, from
  data/england/ons_lsoa21_population_mid2022_ew.csv;
- render(), render_entities(): the JSON layout the bundled models are written in (one key a
  line for an entity, an LSOA on one line), so that a regenerated file diffs cleanly.
"""
import csv
import importlib.util
import io
import json
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data" / "england"
MODELS = ROOT / "examples" / "models"

# The attribution the Open Government Licence requires (data/england/README.md).
OGL = ("Source: Office for National Statistics licensed under the Open Government Licence v3.0; "
       "contains OS data (c) Crown copyright and database right 2024. ODS codes contain information from NHS "
       "England, licensed under the current version of the Open Government Licence.")


def read_csv(path):
    """Rows of a CSV file as dicts; a UTF-8 byte order mark is dropped."""
    return list(csv.DictReader(io.StringIO(Path(path).read_bytes().decode("utf-8-sig"), newline="")))


def lookup_rows(path=None):
    """The merged lookup's rows: from `path`, or written afresh by data/england/make_lookup.py."""
    if path:
        return read_csv(path)
    spec = importlib.util.spec_from_file_location("make_lookup", DATA / "make_lookup.py")
    make_lookup = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_lookup)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "england_lookup.csv"
        make_lookup.main(out)
        return read_csv(out)


def populations():
    """LSOA (2021) code -> ONS mid-2022 population."""
    return {r["lsoacd"]: int(r["population"]) for r in read_csv(DATA / "ons_lsoa21_population_mid2022_ew.csv")}


def people(n):
    """12345 -> '12,345', as the notes print populations."""
    return f"{n:,}"


def dumps(v):
    return json.dumps(v, ensure_ascii=False, separators=(", ", ": "))


def entity(e):
    """An LSOA on one line; anything else one key a line, as the bundled models are written."""
    if e.get("kind") == "lsoa":
        return "    " + dumps(e)
    body = ",\n".join(f"      {dumps(k)}: {dumps(v)}" for k, v in e.items())
    return "    {\n" + body + "\n    }"


def render_entities(key, entities):
    """One top-level section, `  "key": [ ... ]`, without a trailing comma or newline."""
    if not entities:
        return f"  {dumps(key)}: []"
    return f"  {dumps(key)}: [\n" + ",\n".join(entity(e) for e in entities) + "\n  ]"


def render(model):
    """The whole model, in the layout of examples/models/*.json."""
    parts = [render_entities(k, v) if isinstance(v, list) else f"  {dumps(k)}: {dumps(v)}" for k, v in model.items()]
    return "{\n" + ",\n".join(parts) + "\n}\n"


def write_or_check(path, text, check):
    """Writes `text` to `path`, or with `check` says whether the file already holds it (exit status 1
    when it does not)."""
    path = Path(path)
    if check:
        same = path.exists() and path.read_text(encoding="utf-8") == text
        print(f"{path}: {'up to date' if same else 'differs from a fresh run'}")
        return 0 if same else 1
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    return 0
