"""Arguments the library could misread are refused in Python, before any call, with an error
naming the argument: a NUL character (C would read the text only up to it), None where a value
is needed, the wrong type, a number of places C would wrap, a single string where a list is
meant. Each case here once reached the library and gave a wrong answer or an unclear error."""
import copy
import datetime
import pickle
from decimal import Decimal

import pytest

import pbp


# -- a NUL character ends a C string: everything after it would be dropped without a word ---------
@pytest.mark.parametrize("text", ["12\x0034", "1\x00.999", "\x00"])
def test_money_with_a_nul_is_refused_not_cut_short(text):
    with pytest.raises(ValueError, match="NUL"):
        pbp.Money(text)


def test_ids_dates_years_and_kinds_with_a_nul_are_refused(small):
    assert small.accountability("icb")["node"] == "icb"  # the id before the NUL exists
    cases = [
        (lambda: small.accountability("icb\x00garbage"), "node"),
        (lambda: small.trace("provider", "2023/24\x00x"), "year"),
        (lambda: small.decides("fn\x00x", "p1"), "function"),
        (lambda: small.coterminosity("place\x00x", "local_authority"), "a"),
        (lambda: small.coterminosity(["p1\x00x"], "local_authority"), "a"),
        (lambda: small.accountability_batch(["icb\x00zzz"]), "nodes"),
        (lambda: small.authority("fn", "p1", "100\x00000"), "amount"),
        (lambda: small.export("dot\x00x"), "format"),
    ]
    for call, what in cases:
        with pytest.raises(ValueError, match="^%s: .*NUL" % what):
            call()
    for call in (lambda: small.accountability("icb", "2023-01-01\x00junk"), lambda: small.places("2023-01-01\x00x")):
        with pytest.raises(pbp.PbpError, match="as_of must be a date written YYYY-MM-DD"):
            call()


def test_paths_and_weights_with_a_nul_are_refused(tmp_path, small):
    with pytest.raises(ValueError, match="NUL"):
        pbp.Model.load("nottinghamshire\x00-anything")
    target = tmp_path / "out.json"
    with pytest.raises(ValueError, match="NUL"):
        small.save(str(target) + "\x00.bak")
    assert not target.exists()
    with pytest.raises(ValueError, match="weight 1: .*NUL"):
        pbp.allocate(10, ["1\x00junk", 1])



def test_import_ods_refuses_a_nul_and_wrong_types(data):
    ods = data / "ods"
    with pytest.raises(ValueError, match="NUL"):
        pbp.import_ods(str(ods) + "\x00junk", areas=ods / "areas.json")
    with pytest.raises(ValueError, match="NUL"):
        pbp.import_ods(ods, areas="england-areas\x00junk")
    with pytest.raises(ValueError, match="^name: .*NUL"):
        pbp.import_ods(ods, areas=ods / "areas.json", name="A\x00B")
    with pytest.raises(TypeError):
        pbp.import_ods(None)
    with pytest.raises(TypeError):
        pbp.import_ods(ods, areas=5)
    with pytest.raises(TypeError, match="^name: pass a str, not int"):
        pbp.import_ods(ods, areas=ods / "areas.json", name=5)


# -- None, and the wrong types: TypeErrors naming the argument (docs/python.md, Errors) ------------
def test_none_for_a_needed_id_is_a_type_error_naming_it(small):
    for call, what in [(lambda: small.accountability(None), "node"),
                       (lambda: small.decides(None, "p1"), "function"),
                       (lambda: small.decides("fn", None), "place"),
                       (lambda: small.trace(None, 2023), "node"),
                       (lambda: small.export(None), "format")]:
        with pytest.raises(TypeError, match="^%s: pass a str, not None" % what):
            call()
    with pytest.raises(TypeError, match="diff needs two dates"):
        small.diff(None, "2023-01-01")


def test_loads_takes_text_or_bytes_only():
    with pytest.raises(TypeError, match="str or bytes, not int"):
        pbp.Model.loads(5)  # bytes(5) would be five NULs, read as E001
    with pytest.raises(TypeError, match="str or bytes, not list"):
        pbp.Model.loads([123, 34])
    assert pbp.Model.loads(bytearray(b'{"format": "pbp/1", "name": "B"}')).name == "B"


def test_area_lists_hold_ids_only(small):
    with pytest.raises(TypeError, match="every area id must be a str, not int"):
        small.coterminosity([1], "local_authority")
    with pytest.raises(TypeError, match="not bytes"):
        small.coterminosity(b"place", "local_authority")


def test_between_is_two_dates(with_errors):
    with pytest.raises(TypeError, match="two dates"):
        with_errors.maturity(between=("2023-07-01",), force=True)
    with pytest.raises(TypeError, match="two dates"):
        with_errors.maturity(between="2023-07-01", force=True)


def test_table_days_are_checked_as_the_library_checks_them(small):
    # places() and functions() filter by day in Python: a bad day once returned everything.
    for bad in ["garbage", "2022-13-45", "2023-02-29", "20230101"]:
        with pytest.raises(pbp.PbpError, match="as_of must be a date written YYYY-MM-DD") as e:
            small.places(bad)
        assert e.value.code == pbp.ERR_INVALID_ARGUMENT
        # the same words as the library's own refusal of the same day
        with pytest.raises(pbp.PbpError) as lib:
            small.accountability("icb", bad)
        assert lib.value.message == e.value.message
    with pytest.raises(TypeError):
        small.functions(20220401)
    assert small.places(datetime.date(2023, 6, 1)) == small.places("2023-06-01")


# -- money arguments ------------------------------------------------------------------------------
def test_a_bad_amount_names_its_argument(small):
    with pytest.raises(pbp.PbpError, match="^amount: ") as e:
        small.authority("fn", "p1", "12,000")
    assert e.value.code == pbp.ERR_INVALID_ARGUMENT
    with pytest.raises(pbp.PbpError, match="^total: "):
        small.fair_shares("1e6", "place")
    with pytest.raises(TypeError, match="^floor: Money never comes from a float"):
        small.fair_shares("100", "place", floor=0.5)


@pytest.mark.parametrize("places", [2**40, 3, -1, -2**32 + 2])
def test_round_refuses_places_outside_0_to_2(places):
    # 2**40 once reached C as an int and wrapped to 0 places; -2**32 + 2 to 2.
    with pytest.raises(pbp.PbpError, match="places must be 0, 1 or 2") as e:
        pbp.Money("1.26").round(places)
    assert e.value.code == pbp.ERR_INVALID_ARGUMENT
    assert pbp.Money("1.26").round(1) == pbp.Money("1.30")


def test_allocate_refuses_a_single_string_of_weights():
    for weights in ["13", b"12"]:  # once the weights 1 and 3, or 49 and 50
        with pytest.raises(TypeError, match="list of weights"):
            pbp.allocate("1.00", weights)
        with pytest.raises(TypeError, match="list of weights"):
            pbp.allocate_table("1.00", weights)
    assert pbp.allocate("1.00", ["1", "3"]) == [pbp.Money("0.25"), pbp.Money("0.75")]
    assert pbp.allocate("1.00", [Decimal("1"), Decimal("3")]) == [pbp.Money("0.25"), pbp.Money("0.75")]


# -- copying a model, pickling an error -----------------------------------------------------------
def test_a_copy_of_a_model_is_the_model_itself(data):
    m = pbp.Model.load(data / "small.json")
    name = m.name
    for c in (copy.copy(m), copy.deepcopy(m), copy.deepcopy({"m": m})["m"]):
        assert c is m
    c = copy.copy(m)
    del c  # once freed m's handle, and m answered for whatever model was loaded next
    other = pbp.Model.load("nottinghamshire")
    assert m.name == name and other.name != name
    m.close()
    assert other.name.startswith("Nottingham")


def test_a_model_cannot_be_pickled_and_says_what_to_do_instead(small):
    with pytest.raises(TypeError, match="cannot be pickled.*export"):
        pickle.dumps(small)


def test_an_error_survives_pickling(small, with_errors):
    with pytest.raises(pbp.PbpError) as e:
        small.accountability("nobody")
    back = pickle.loads(pickle.dumps(e.value))
    assert (back.code, back.message, back.status_name, back.diagnostic) == \
        (e.value.code, e.value.message, e.value.status_name, e.value.diagnostic)
    assert str(back) == str(e.value)
    with pytest.raises(pbp.PbpError) as refused:
        with_errors.decides("fn", "p1")
    again = copy.copy(refused.value)
    assert again.diagnostics == refused.value.diagnostics and again.diagnostics



def test_a_nul_in_a_name_comes_back_as_a_replacement_character_not_the_end_of_the_text():
    # "\u0000" is valid JSON; read up to the NUL, the name was "A" and the report one character.
    m = pbp.Model.loads('{"format": "pbp/1", "name": "A\\u0000B"}')
    assert m.name == "A\ufffdB"
    assert m.report().startswith("A\ufffdB\n###\n") and "Problems" in m.report()
    assert '"name": "A\\u0000B"' in m.export()  # the JSON keeps it exactly
