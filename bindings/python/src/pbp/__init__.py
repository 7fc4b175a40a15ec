"""pbp: the governance and funding of England's health and care place-based partnerships.

A pure-Python binding over the C library (libpbp_c) through ctypes::

    import pbp
    m = pbp.Model.load("nottinghamshire")            # a file, or a bundled model's name
    m.decides("fn.pcn-development", "place.bassetlaw")["decision_maker"]
    pbp.allocate("0.10", [1, 1, 1])                   # [Money('0.04'), Money('0.03'), Money('0.03')]

See docs/python.md.
"""
from ._errors import Diagnostic, PbpError
from . import _ffi
from ._money import MAX_PENCE, ROUNDING_MODES, Money, allocate
from ._model import ImportedAreas, ImportedOrganisations, Model, bundled_models, import_areas, import_ods
from ._tables import (AccountabilityRow, AllocationRow, BalanceRow, CoterminosityRow, DecisionChangeRow, DecisionRow,
                      DesignationRow, DiffTables, EntityChangeRow, PartnerRow, RelationChangeRow, ShareRow, SourceRow,
                      Table, allocate_table)

__version__ = "%d.%d.%d" % (_ffi.REQUIRED_MAJOR, _ffi.REQUIRED_MINOR, _ffi.REQUIRED_PATCH)

#: Status codes of the C API (PbpError.code).
OK = 0
ERR_INVALID_ARGUMENT = -1
ERR_PARSE = -2
ERR_MODEL_HAS_ERRORS = -3
ERR_NOT_FOUND = -4
ERR_IO = -5
ERR_OVERFLOW = -6
ERR_NO_MEMORY = -7
ERR_INTERNAL = -8


def version() -> str:
    """The version of the C library loaded, ``"MAJOR.MINOR.PATCH"``.

    Example::

        >>> pbp.version() == pbp.__version__
        True
    """
    return str(_ffi.lib.pbp_version().decode())


def library_path() -> str:
    """Where the C library was loaded from: inside the package (``pbp/_lib/``) for a wheel, or
    ``PBP_LIBRARY`` when set.

    Example::

        >>> "libpbp_c" in pbp.library_path()
        True
    """
    return _ffi.library_path


__all__ = [
    "Diagnostic", "ImportedAreas", "ImportedOrganisations", "MAX_PENCE", "Model", "Money", "PbpError", "ROUNDING_MODES",
    "allocate", "allocate_table", "bundled_models", "import_areas", "import_ods", "library_path", "version",
    "OK", "ERR_INVALID_ARGUMENT", "ERR_PARSE", "ERR_MODEL_HAS_ERRORS", "ERR_NOT_FOUND", "ERR_IO",
    "ERR_OVERFLOW", "ERR_NO_MEMORY", "ERR_INTERNAL",
    "Table", "AccountabilityRow", "AllocationRow", "BalanceRow", "CoterminosityRow", "DecisionChangeRow", "DecisionRow",
    "DesignationRow", "DiffTables", "EntityChangeRow", "PartnerRow", "RelationChangeRow", "ShareRow", "SourceRow",
]
