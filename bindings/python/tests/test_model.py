"""Loading, validating, saving, exporting and reporting (pbp.Model)."""
import datetime
import gc
import json
import os
import subprocess

import pytest

import pbp
from conftest import REPO


def test_load_a_file(small):
    assert small.name == "Small test partnership"
    assert small.counts() == (0, 0)
    assert small.errors == 0 and small.warnings == 0
    assert small.validate() == []
    assert "Small test partnership" in repr(small)


def test_load_accepts_path_objects_and_bundled_names(data):
    with pbp.Model.load(str(data / "small.json")) as m:
        assert m.name == "Small test partnership"
    assert "nottinghamshire" in pbp.bundled_models()
    with pbp.Model.load("nottinghamshire") as by_name, pbp.Model.bundled() as bundled:
        assert by_name.name == bundled.name
        assert by_name.errors == 0


def test_loads_text_str_and_bytes():
    text = '{"format": "pbp/1", "name": "From text", /* a comment */ "organisations": [{"id": "x", "kind": "icb"},],}'
    assert pbp.Model.loads(text).name == "From text"
    assert pbp.Model.loads(text.encode()).name == "From text"
    # Non-ASCII survives the trip through UTF-8.
    assert pbp.Model.loads('{"format": "pbp/1", "name": "Gwasanaeth Iechyd — £"}').name == "Gwasanaeth Iechyd — £"


def test_not_json_is_e001_with_where(data):
    with pytest.raises(pbp.PbpError) as e:
        pbp.Model.load(data / "not_json.json")
    err = e.value
    assert err.code == pbp.ERR_PARSE
    assert err.status_name == "PBP_ERR_PARSE"
    assert err.diagnostic == "E001"
    assert err.message.startswith("E001 at line ")
    assert len(err.diagnostics) == 1
    d = err.diagnostics[0]
    assert isinstance(d, pbp.Diagnostic)
    assert (d.code, d.severity) == ("E001", "error")
    assert isinstance(d.line, int) and isinstance(d.column, int)
    with pytest.raises(pbp.PbpError) as e:
        pbp.Model.loads('{"format": "pbp/1", "name": ')
    assert e.value.diagnostic == "E001"


def test_wrong_format_is_e002(data):
    with pytest.raises(pbp.PbpError) as e:
        pbp.Model.load(data / "wrong_format.json")
    assert e.value.code == pbp.ERR_PARSE
    assert e.value.diagnostic == "E002"


def test_missing_files_and_names(data, tmp_path):
    with pytest.raises(pbp.PbpError) as e:
        pbp.Model.load(data / "no-such-file.json")
    assert e.value.code == pbp.ERR_NOT_FOUND  # neither a file nor a bundled model
    with pytest.raises(pbp.PbpError) as e:
        pbp.Model.load(tmp_path)
    assert e.value.code == pbp.ERR_IO  # a directory
    with pytest.raises(pbp.PbpError) as e:
        pbp.Model.bundled("atlantis")
    assert e.value.code == pbp.ERR_NOT_FOUND
    assert "nottinghamshire" in str(e.value)


def test_a_model_with_errors_loads_and_validate_lists_them(with_errors):
    # with_errors.json: a board whose "of" names a missing organisation (E004), which also
    # leaves it answering to no organisation (W102).
    assert with_errors.counts() == (1, 1)
    ds = with_errors.validate()
    assert [d.code for d in ds] == ["E004", "W102"]
    e004 = ds[0]
    assert e004.is_error and not ds[1].is_error
    assert e004.ids == ("board", "missing-org")
    assert e004.path == "/bodies/0/of"
    assert e004.line == 6
    assert str(e004).startswith("E004 error at /bodies/0/of (line 6, column ")


def test_save_and_load_again_answers_the_same(small, tmp_path):
    path = tmp_path / "saved.json"
    small.save(path)
    with pbp.Model.load(path) as again:
        assert again.decides("fn", "p1") == small.decides("fn", "p1")
        assert again.balances("2023/24") == small.balances("2023/24")
    assert path.read_text() == small.export("json")
    with pytest.raises(pbp.PbpError) as e:
        small.save(tmp_path / "no-such-dir" / "x.json")
    assert e.value.code == pbp.ERR_IO


def test_export_formats(small):
    assert json.loads(small.export())["name"] == "Small test partnership"
    dot = small.export("dot")
    assert dot.lstrip().startswith(("digraph", "strict digraph", "//"))
    assert "p1.committee" in dot
    graphml = small.export("graphml", as_of=datetime.date(2023, 1, 1))
    assert "<graphml" in graphml
    assert "p1.director" not in graphml  # the post starts on 2023-04-01
    with pytest.raises(pbp.PbpError) as e:
        small.export("svg")
    assert e.value.code == pbp.ERR_INVALID_ARGUMENT
    with pytest.raises(pbp.PbpError):
        small.export("json", as_of="2023-01-01")


def test_report(with_errors):
    text = with_errors.report()
    assert "A model with an error" in text
    assert "E004" in text  # the report is never refused; it lists the problems


def test_report_html(with_errors):
    if os.environ.get("PBP_HTML_REPORT") == "OFF":  # a library built without it: a clear error
        with pytest.raises(pbp.PbpError, match="PBP_HTML_REPORT=OFF"):
            with_errors.report_html()
        return
    page = with_errors.report_html()
    assert page.startswith("<!DOCTYPE html>")
    for section in ("accountability", "money", "decisions", "geography", "problems"):
        assert f'<section id="{section}">' in page
    assert "E004" in page  # never refused; the problems are listed
    assert with_errors.report_html(as_of=datetime.date(2023, 1, 1)) != page
    with pytest.raises(pbp.PbpError):
        with_errors.report_html(as_of="yesterday")


def test_close_and_context_manager(data):
    m = pbp.Model.load(data / "small.json")
    with m:
        assert not m.closed
    assert m.closed
    m.close()  # twice is fine
    with pytest.raises(pbp.PbpError, match="closed"):
        m.decides("fn", "p1")
    assert repr(m) == "<pbp.Model (closed)>"


def test_models_are_freed_when_collected(data):
    # Many models created and dropped: each is freed by __del__ through the library.
    for _ in range(50):
        pbp.Model.load(data / "small.json")
    gc.collect()


def test_model_is_not_constructed_directly():
    with pytest.raises(ValueError):
        pbp.Model(None)


def test_import_areas(data):
    # lookup.csv: three LSOAs in two districts in one ICB; population.csv lacks the third LSOA.
    r = pbp.import_areas(data / "lookup.csv", data / "population.csv", name="Test areas")
    assert (r.areas, r.leaves, r.populated) == (6, 3, 2)
    assert [d.code for d in r.diagnostics] == ["W503"]
    with r.load() as m:
        assert m.name == "Test areas"
        assert m.errors == 0
        shares = m.fair_shares("100.00", ["E01000001", "E01000002"])["shares"]
        assert shares == [{"area": "E01000001", "amount": "40.00"}, {"area": "E01000002", "amount": "60.00"}]
    with pytest.raises(pbp.PbpError) as e:
        pbp.import_areas(data / "no-such.csv")
    assert e.value.code == pbp.ERR_IO


# -- England's organisations from the ODS registers (docs/queries/import-ods.md) ------------------
# tests/data/ods: hand-made register excerpts, one row (or a few) for each rule and each finding
# W601-W612, on a small areas model (tests/data/ods/README.md).
ODS = REPO / "tests" / "data" / "ods"


def test_import_ods_counts_what_the_registers_hold():
    r = pbp.import_ods(ODS, areas=ODS / "areas.json", name="Excerpt")
    # Read off the files by hand (tests/import_ods_test.cpp has the same counts from C++), kinds in order.
    assert r.organisations == {
        "county_council": 1, "department": 1, "district_council": 2, "electorate": 7, "foundation_trust": 1,
        "gp_practice": 11, "icb": 3, "nhs_england": 1, "nhs_trust": 2, "parliament": 1, "pcn": 4,
        "unitary_authority": 4}
    assert list(r.organisations) == sorted(r.organisations)
    assert r.bodies == 6  # regions Y56, Y62; sub-ICB locations 00Q, 01E, 01K, A3A8R
    assert len(r.diagnostics) == 31
    assert {d.code for d in r.diagnostics} == {"W6%02d" % i for i in range(1, 13)}
    assert all(d.severity == "warning" and not d.is_error for d in r.diagnostics)
    model = json.loads(r.text)
    assert model["name"] == "Excerpt"
    assert r.relations == len(model["relations"]) and r.bodies == len(model["bodies"])
    assert sum(r.organisations.values()) == len(model["organisations"])
    with r.load() as m:
        assert m.name == "Excerpt" and m.errors == 0 and m.warnings == 0
        assert m.accountability("QE1")["chain"] == ["QE1", "nhs-england", "dhsc", "parliament"]
    # The defaults: the command's name; str paths as well as Path objects.
    r2 = pbp.import_ods(str(ODS), str(ODS / "areas.json"))
    assert json.loads(r2.text)["name"] == "England's health and care organisations"
    assert r2.organisations == r.organisations and r2.diagnostics == r.diagnostics


@pytest.mark.skipif("england-areas" not in pbp.bundled_models(),
                    reason="this pbp was built without the national models (-DPBP_BUNDLE_ENGLAND=OFF)")
def test_import_ods_builds_on_england_areas_by_default():
    r = pbp.import_ods(ODS)
    with pbp.Model.bundled("england-areas") as areas:
        assert json.loads(r.text)["areas"] == json.loads(areas.export())["areas"]
    # Liverpool, left out of the excerpt's own areas on purpose (W611 there), is in England's.
    assert not [d for d in r.diagnostics if "E08000012" in d.message]


@pytest.mark.skipif("england" not in pbp.bundled_models(),
                    reason="this pbp was built without the national models (-DPBP_BUNDLE_ENGLAND=OFF)")
def test_import_ods_of_data_england_is_the_bundled_england_model():
    # The bundled model is built from data/england by the same import (tools/make_england.cpp);
    # the counts are those of docs/queries/import-ods.md.
    r = pbp.import_ods(REPO / "data" / "england")
    assert sum(r.organisations.values()) == 8386 and r.bodies == 113 and r.relations == 13601
    assert len(r.diagnostics) == 219
    with r.load() as built, pbp.Model.bundled("england") as bundled:
        assert built.name == bundled.name
        assert built.export() == bundled.export()


@pytest.mark.skipif(not os.environ.get("PBP_CLI"), reason="PBP_CLI (the pbp command) is not set")
@pytest.mark.parametrize("args,kwargs", [
    (["--areas", str(ODS / "areas.json")], {"areas": ODS / "areas.json"}),
    (["--areas", str(ODS / "areas.json"), "--name", "Excerpt"], {"areas": ODS / "areas.json", "name": "Excerpt"}),
])
def test_import_ods_writes_what_the_command_writes(tmp_path, args, kwargs):
    out = tmp_path / "model.json"
    run = subprocess.run([os.environ["PBP_CLI"], "import-ods", str(ODS)] + args + ["-o", str(out)],
                         capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    r = pbp.import_ods(ODS, **kwargs)
    assert r.text.encode("utf-8") == out.read_bytes()
    # Its findings are the ones the command lists, in order.
    listed = [line[2:] for line in run.stderr.splitlines() if line.startswith("  ")]
    assert listed == ["%s %s: %s" % (d.code, d.severity, d.message) for d in r.diagnostics]


def test_import_ods_failures(tmp_path, data):
    with pytest.raises(pbp.PbpError) as e:
        pbp.import_ods(tmp_path / "no-such-folder", areas=ODS / "areas.json")
    assert e.value.code == pbp.ERR_IO and "no-such-folder" in e.value.message
    # A register without a column the import needs.
    for f in ODS.iterdir():
        (tmp_path / f.name).write_bytes(f.read_bytes())
    (tmp_path / "ons_icb24_names_codes_dec2024_en.csv").write_text("ICB24CD,ICB24NM\nE54000048,NHS Lancashire\n")
    with pytest.raises(pbp.PbpError) as e:
        pbp.import_ods(tmp_path, areas=ODS / "areas.json")
    assert e.value.code == pbp.ERR_INVALID_ARGUMENT
    # Areas that cannot be opened fail as Model.load fails.
    for areas, code in [("no-such-model", pbp.ERR_NOT_FOUND), (data / "not_json.json", pbp.ERR_PARSE)]:
        with pytest.raises(pbp.PbpError) as e:
            pbp.import_ods(ODS, areas=areas)
        with pytest.raises(pbp.PbpError) as load:
            pbp.Model.load(areas)
        assert e.value.code == load.value.code == code and e.value.message == load.value.message
    # An areas model with errors is refused, unless forced (the command's --force).
    with pytest.raises(pbp.PbpError) as e:
        pbp.import_ods(ODS, areas=data / "with_errors.json")
    assert e.value.code == pbp.ERR_MODEL_HAS_ERRORS and [d.code for d in e.value.diagnostics] == ["E004"]
    assert pbp.import_ods(ODS, areas=data / "with_errors.json", force=True).organisations["icb"] == 3
