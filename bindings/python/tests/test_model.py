"""Loading, validating, saving, exporting and reporting (pbp.Model)."""
import datetime
import gc
import json
import os

import pytest

import pbp


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
