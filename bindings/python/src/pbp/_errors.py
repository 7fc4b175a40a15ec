"""Errors and diagnostics."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, List, Optional, Tuple


@dataclass(frozen=True)
class Diagnostic:
    """One problem found in a model (SPEC section 3): a stable code (``"E004"``), ``"error"`` or
    ``"warning"``, a sentence naming the entities, the ids involved, where it is in the file (a
    JSON Pointer) and, when the source text is known, its line and column (1-based).

    Example::

        >>> d = pbp.Model.load("with_errors.json").validate()[0]
        >>> d.code, d.is_error, d.line is not None
        ('E004', True, True)
    """

    code: str
    severity: str
    message: str
    ids: Tuple[str, ...] = ()
    path: str = ""
    line: Optional[int] = None
    column: Optional[int] = None

    @property
    def is_error(self) -> bool:
        """True for an error (queries refuse the model), False for a warning.

        Example::

            >>> [d.is_error for d in pbp.Model.load("with_errors.json").validate()][:1]
            [True]
        """
        return self.severity == "error"

    def __str__(self) -> str:
        where = self.path or "/"
        if self.line is not None:
            where += " (line %d, column %d)" % (self.line, self.column or 1)
        return "%s %s at %s: %s" % (self.code, self.severity, where, self.message)


class PbpError(Exception):
    """A call into the library failed.

    ``code`` is the C API's status (one of the ``pbp.ERR_*`` constants, all negative),
    ``status_name`` its name (``"PBP_ERR_NOT_FOUND"``), ``diagnostic`` the diagnostic code behind
    it when a model's problem is the cause (``"E001"``), and ``diagnostics`` the list of
    :class:`Diagnostic` behind it: why a model did not load, or the errors that made a query
    refuse the model.

    Example::

        >>> try:
        ...     pbp.Model.load("nottinghamshire").decides("fn.nothing", "place.bassetlaw")
        ... except pbp.PbpError as e:
        ...     print(e.status_name, e.code == pbp.ERR_NOT_FOUND)
        PBP_ERR_NOT_FOUND True
    """

    def __init__(self, code: int, message: str, *, diagnostic: Optional[str] = None,
                 diagnostics: Optional[List[Diagnostic]] = None, status_name: str = "") -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status_name = status_name
        self.diagnostic = diagnostic
        self.diagnostics: List[Diagnostic] = list(diagnostics or [])

    def __reduce__(self) -> Tuple[Any, ...]:
        # Exception's own reduce passes only the message to __init__, which needs the code too:
        # without this an error raised in a worker process could not reach its caller.
        return (_rebuild, (self.code, self.message, self.diagnostic, self.diagnostics, self.status_name))

    def __repr__(self) -> str:
        return "PbpError(%s, %r)" % (self.status_name or self.code, self.message)


def _rebuild(code: int, message: str, diagnostic: Optional[str], diagnostics: List[Diagnostic],
             status_name: str) -> PbpError:
    return PbpError(code, message, diagnostic=diagnostic, diagnostics=diagnostics, status_name=status_name)
