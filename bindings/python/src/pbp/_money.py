"""Exact money (SPEC 1.3): a whole number of pence in a Python ``int``, parsed and printed by
the library itself, never a ``float``."""
from __future__ import annotations

import functools
from decimal import Decimal
from ctypes import c_char_p
from typing import Iterable, List, Optional, Union

from . import _ffi
from ._errors import PbpError

_lib = _ffi.lib
#: The largest number of pence the library holds (2^127 - 1); amounts lie within +- this.
MAX_PENCE = int(_ffi.text_result(_lib.pbp_money_max_pence))

ROUNDING_MODES = ("half_even", "half_up", "half_down", "down", "up", "floor", "ceiling")

MoneyLike = Union["Money", str, int, Decimal]


def _checked(pence: int) -> int:
    if -MAX_PENCE <= pence <= MAX_PENCE:
        return pence
    raise PbpError(-6, "money out of range: %d pence is beyond 2^127 - 1" % pence, status_name="PBP_ERR_OVERFLOW")


def _decimal_text(d: Decimal) -> str:
    if not d.is_finite():
        raise PbpError(-1, "not an amount of money: %s" % d, status_name="PBP_ERR_INVALID_ARGUMENT")
    return format(d, "f")


@functools.total_ordering
class Money:
    """An exact amount of GBP.

    ``Money("1234.5")`` parses the strict form of SPEC 1.3 (``-?[0-9]+(\\.[0-9]{1,2})?``) with
    the library's own parser; ``Money(12)`` is twelve pounds; ``Money(Decimal("0.10"))`` and
    ``Money.from_pence(10)`` are ten pence. A ``float`` is refused: binary floating point never
    touches money. Money adds and subtracts with Money, multiplies by an ``int``, compares with
    Money, and equals the string it prints as (``Money("0.1") == "0.10"``). ``str()`` gives the
    machine form ``"1234.50"``, :meth:`display` the human form ``"£1,234.50"``.

    Example::

        >>> pbp.Money("0.10") + pbp.Money("0.20") == pbp.Money("0.30")   # exact, unlike 0.1 + 0.2
        True
        >>> pbp.Money("1234.5") * 3, str(pbp.Money(12))
        (Money('3703.50'), '12.00')
    """

    __slots__ = ("_pence", "_text")
    _pence: int
    _text: Optional[str]

    def __init__(self, value: MoneyLike = 0) -> None:
        if isinstance(value, Money):
            pence = value._pence
        elif isinstance(value, bool):
            raise TypeError("Money from a bool is not meaningful")
        elif isinstance(value, int):
            pence = _checked(value * 100)
        elif isinstance(value, str):
            pence = int(_ffi.text_result(_lib.pbp_money_parse, _ffi.arg(value, "amount")))
        elif isinstance(value, Decimal):
            pence = int(_ffi.text_result(_lib.pbp_money_parse, _ffi.arg(_decimal_text(value), "amount")))
        elif isinstance(value, float):
            raise TypeError("Money never comes from a float (binary floating point cannot hold pence "
                            "exactly): pass a string such as '12.34'")
        else:
            raise TypeError("Money from %s is not supported: pass a string such as '12.34'" % type(value).__name__)
        self._pence = pence
        self._text = None

    @classmethod
    def from_pence(cls, pence: int) -> "Money":
        """The amount of ``pence`` pence (a Python ``int``).

        Example::

            >>> pbp.Money.from_pence(123456)
            Money('1234.56')
        """
        if isinstance(pence, bool) or not isinstance(pence, int):
            raise TypeError("pence must be an int")
        m = cls.__new__(cls)
        m._pence = _checked(pence)
        m._text = None
        return m

    @property
    def pence(self) -> int:
        """The amount in pence, exactly.

        Example::

            >>> pbp.Money("1234.5").pence
            123450
        """
        return self._pence

    def to_decimal(self) -> Decimal:
        """The amount as an exact :class:`decimal.Decimal` with two places (built from the
        digits, so no context precision or rounding applies).

        Example::

            >>> pbp.Money("1234.5").to_decimal()
            Decimal('1234.50')
        """
        digits = tuple(int(c) for c in str(abs(self._pence)).rjust(3, "0"))
        return Decimal((1 if self._pence < 0 else 0, digits, -2))

    def __str__(self) -> str:
        if self._text is None:
            self._text = _ffi.text_result(_lib.pbp_money_format, str(self._pence).encode(), _ffi.MONEY_PLAIN)
        return self._text

    def display(self) -> str:
        """For people: ``"£1,234.50"``, ``"-£0.05"``.

        Example::

            >>> pbp.Money("-1234.5").display()
            '-£1,234.50'
        """
        return _ffi.text_result(_lib.pbp_money_format, str(self._pence).encode(), _ffi.MONEY_DISPLAY)

    def __repr__(self) -> str:
        return "Money(%r)" % str(self)

    def round(self, places: int = 2, mode: str = "half_even") -> "Money":
        """This amount rounded to ``places`` decimal places of a pound (0, 1 or 2) with one of
        the rounding modes of SPEC 1.3 (:data:`ROUNDING_MODES`).

        Example::

            >>> pbp.Money("2.50").round(0), pbp.Money("3.50").round(0), pbp.Money("2.50").round(0, "half_up")
            (Money('2.00'), Money('4.00'), Money('3.00'))
        """
        if isinstance(places, bool) or not isinstance(places, int):
            raise TypeError("places must be an int (0, 1 or 2)")
        if not 0 <= places <= 2:  # checked here: the C call takes an int, and 2**40 would wrap
            raise PbpError(-1, "places must be 0, 1 or 2, not %d" % places, status_name="PBP_ERR_INVALID_ARGUMENT")
        return Money.from_pence(int(_ffi.text_result(_lib.pbp_money_round, str(self._pence).encode(), places,
                                                     _ffi.arg(mode, "mode"))))

    # Comparisons and hashing: equal amounts are equal, and a Money equals the exact string it
    # prints as, so its hash is that string's.
    def __eq__(self, other: object) -> bool:
        if isinstance(other, Money):
            return self._pence == other._pence
        if isinstance(other, str):
            return str(self) == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(str(self))

    def __lt__(self, other: "Money") -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        return self._pence < other._pence

    def __bool__(self) -> bool:
        return self._pence != 0

    # Arithmetic: exact, in Python ints, checked against the library's range.
    def __add__(self, other: "Money") -> "Money":
        if not isinstance(other, Money):
            return NotImplemented
        return Money.from_pence(self._pence + other._pence)

    def __radd__(self, other: object) -> "Money":
        # sum() starts from the int 0: allow exactly that, nothing else.
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: "Money") -> "Money":
        if not isinstance(other, Money):
            return NotImplemented
        return Money.from_pence(self._pence - other._pence)

    def __neg__(self) -> "Money":
        return Money.from_pence(-self._pence)

    def __pos__(self) -> "Money":
        return self

    def __abs__(self) -> "Money":
        return Money.from_pence(abs(self._pence))

    def __mul__(self, k: int) -> "Money":
        if isinstance(k, bool) or not isinstance(k, int):
            return NotImplemented
        return Money.from_pence(self._pence * k)

    __rmul__ = __mul__


def _weight_text(w: object, position: int) -> bytes:
    if isinstance(w, bool) or isinstance(w, float):
        raise TypeError("weight %d: pass an int, a str or a Decimal, not %s" % (position, type(w).__name__))
    if isinstance(w, int):
        return str(w).encode()
    if isinstance(w, str):
        return _ffi.text_bytes(w, "weight %d" % position)
    if isinstance(w, Decimal):
        return _decimal_text(w).encode()
    raise TypeError("weight %d: pass an int, a str or a Decimal, not %s" % (position, type(w).__name__))


def allocate(total: MoneyLike, weights: Iterable[object]) -> List[Money]:
    """Splits ``total`` into pence shares proportional to ``weights`` (SPEC 1.3): each share is
    the exact quotient rounded toward zero, then the leftover pence go one each to the largest
    remainders (ties to the earlier position). The shares always sum to ``total`` exactly.

    ``weights``: non-negative ints, decimal strings or Decimals, at least one positive. As rows:
    :func:`pbp.allocate_table`.

    Example::

        >>> pbp.allocate("0.10", [1, 1, 1])
        [Money('0.04'), Money('0.03'), Money('0.03')]
    """
    if isinstance(weights, (str, bytes)):  # '13' would be the weights 1 and 3
        raise TypeError("weights: pass a list of weights, not a single %s" % type(weights).__name__)
    t = Money(total)
    texts = [_weight_text(w, i + 1) for i, w in enumerate(weights)]
    array = (c_char_p * max(len(texts), 1))(*texts)
    result = _ffi.json_result(_lib.pbp_allocate, str(t).encode(), array, len(texts), 0)
    return [Money(s) for s in result["shares"]]
