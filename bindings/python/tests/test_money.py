"""pbp.Money and pbp.allocate: exact, through the library's own parsing and printing."""
from decimal import Decimal
from fractions import Fraction

import pytest

import pbp
from pbp import Money


def test_allocating_ten_pence_three_ways():
    # 10p / 3 = 3.33p each; one leftover penny, remainders tie, the earlier position gets it.
    shares = pbp.allocate("0.10", [1, 1, 1])
    assert shares == ["0.04", "0.03", "0.03"]
    assert [str(s) for s in shares] == ["0.04", "0.03", "0.03"]
    assert all(isinstance(s, Money) for s in shares)
    assert sum(shares) == Money("0.10")


@pytest.mark.parametrize("total,weights,expected", [
    ("100.00", [1, 1, 1], ["33.34", "33.33", "33.33"]),
    ("-0.10", [1, 1, 1], ["-0.04", "-0.03", "-0.03"]),          # the negation of splitting 0.10
    ("1.00", ["0.5", "0.25", Decimal("0.25")], ["0.50", "0.25", "0.25"]),
    ("0.02", [1, 1, 1], ["0.01", "0.01", "0.00"]),              # ties go to the earlier positions
    ("0.10", [1, 2], ["0.03", "0.07"]),                         # 3.33p and 6.67p: largest remainder
    ("5", [0, 3], ["0.00", "5.00"]),
])
def test_allocate_by_hand(total, weights, expected):
    assert [str(s) for s in pbp.allocate(total, weights)] == expected


def test_allocate_sums_exactly_for_many_totals():
    for pence in (0, 1, 2, 99, 100, 1001, 123457, 999999999, 10**30 + 7):
        total = Money.from_pence(pence)
        for weights in ([1, 1, 1], [3, "0.5", 7, 11], ["0.001", 1000], list(range(1, 8))):
            shares = pbp.allocate(total, weights)
            assert len(shares) == len(weights)
            assert sum(s.pence for s in shares) == pence
            # No share is a penny or more from its exact value (exact rationals, not Decimal's
            # 28 digits).
            w = [Fraction(str(x)) for x in weights]
            for s, wi in zip(shares, w):
                exact = pence * wi / sum(w)
                assert abs(s.pence - exact) < 1


@pytest.mark.parametrize("weights", [[0, 0], [1, -1], [1, "abc"], [1, "1e2"], []])
def test_allocate_refuses_bad_weights(weights):
    with pytest.raises(pbp.PbpError) as e:
        pbp.allocate("1.00", weights)
    assert e.value.code == pbp.ERR_INVALID_ARGUMENT


def test_allocate_never_takes_floats():
    with pytest.raises(TypeError):
        pbp.allocate("1.00", [1.0, 2.0])
    with pytest.raises(TypeError):
        pbp.allocate(1.5, [1])


def test_money_parses_strictly():
    assert Money("12.3").pence == 1230
    assert str(Money("12.3")) == "12.30"
    assert Money("-0.05").pence == -5
    assert str(Money("-0")) == "0.00"          # never -0.00
    assert Money(12) == Money("12.00")          # an int is whole pounds
    assert Money(Decimal("0.10")).pence == 10
    assert Money.from_pence(123450) == "1234.50"
    assert Money() == Money("0")
    for bad in ["12.345", "1e3", "", " 1", "+1", "1.", ".5", "£1", "1,000"]:
        with pytest.raises(pbp.PbpError) as e:
            Money(bad)
        assert e.value.code == pbp.ERR_INVALID_ARGUMENT
        assert bad in e.value.message
    with pytest.raises(pbp.PbpError):
        Money(Decimal("0.001"))
    with pytest.raises(pbp.PbpError):
        Money(Decimal("NaN"))


def test_money_never_from_float_or_bool():
    with pytest.raises(TypeError, match="float"):
        Money(0.1)
    with pytest.raises(TypeError):
        Money(True)
    with pytest.raises(TypeError):
        Money.from_pence(1.0)
    with pytest.raises(TypeError):
        Money([1])


def test_money_arithmetic_is_exact():
    # 0.1 + 0.2 == 0.3 exactly, as it never is in binary floating point.
    assert Money("0.10") + Money("0.20") == Money("0.30")
    assert Money("0.10") - Money("0.25") == "-0.15"
    assert -Money("1.00") == "-1.00"
    assert abs(Money("-2.50")) == "2.50"
    assert Money("0.07") * 3 == "0.21"
    assert 3 * Money("0.07") == "0.21"
    assert sum([Money("0.01")] * 100) == "1.00"
    big = Money.from_pence(10**35)
    assert (big + big).pence == 2 * 10**35
    for bad in (lambda: Money("1") + 1, lambda: Money("1") * 1.5, lambda: Money("1") * Money("2"),
                lambda: Money("1") + "1.00", lambda: Money("1") < 2, lambda: 1 + Money("1")):
        with pytest.raises(TypeError):
            bad()


def test_money_comparisons_and_hash():
    assert Money("1.00") < Money("1.01") <= Money("1.01") < Money("2")
    assert Money("-1") < Money("0")
    assert max(Money("3"), Money("10"), Money("9.99")) == "10.00"
    assert Money("0.1") == "0.10"
    assert Money("0.1") != "0.1"               # equal only to the exact string it prints as
    assert Money("0.1") != 0.1
    assert hash(Money("0.10")) == hash("0.10") == hash(Money.from_pence(10))
    assert len({Money("1"), Money("1.00"), Money("1.0")}) == 1
    assert not Money("0") and Money("0.01")


def test_money_range_is_the_library_s():
    assert pbp.MAX_PENCE == 2**127 - 1
    top = Money.from_pence(pbp.MAX_PENCE)
    assert str(top) == "1701411834604692317316873037158841057.27"
    assert Money(str(top)) == top
    with pytest.raises(pbp.PbpError) as e:
        top + Money("0.01")
    assert e.value.code == pbp.ERR_OVERFLOW
    with pytest.raises(pbp.PbpError) as e:
        Money("1701411834604692317316873037158841057.28")
    assert e.value.code == pbp.ERR_OVERFLOW
    with pytest.raises(pbp.PbpError):
        Money.from_pence(-(2**127))


def test_money_display_and_repr():
    assert Money("1234567.89").display() == "£1,234,567.89"
    assert Money("-1234.5").display() == "-£1,234.50"
    assert repr(Money("12.3")) == "Money('12.30')"
    assert f"{Money('5')}" == "5.00"


@pytest.mark.parametrize("pence,places,mode,expected", [
    (1235, 1, "half_even", 1240),   # 12.35 -> 12.4 (tie, to the even neighbour)
    (1225, 1, "half_even", 1220),   # 12.25 -> 12.2
    (1225, 1, "half_up", 1230),
    (1225, 1, "half_down", 1220),
    (-1239, 1, "down", -1230),      # toward zero
    (-1231, 1, "up", -1240),        # away from zero
    (-1231, 1, "floor", -1240),
    (-1239, 1, "ceiling", -1230),
    (150, 0, "half_even", 200),     # 1.50 -> 2
    (250, 0, "half_even", 200),     # 2.50 -> 2
])
def test_money_round(pence, places, mode, expected):
    assert Money.from_pence(pence).round(places, mode).pence == expected


def test_money_round_refuses_bad_arguments():
    with pytest.raises(pbp.PbpError):
        Money("1").round(3)
    with pytest.raises(pbp.PbpError):
        Money("1").round(1, "bankers")
    with pytest.raises(TypeError):
        Money("1").round(1.0)
    assert set(pbp.ROUNDING_MODES) == {"half_even", "half_up", "half_down", "down", "up", "floor", "ceiling"}
