"""rectify: Python access to librectify, which tracks Party inspection rectification work.

A ctypes binding over the library's C ABI, with no compiled glue. ``_ffi`` finds and checks the
library (RECTIFY_LIBRARY, then ``rectify/lib/``, then the system) when this package is imported.

    import rectify
    with rectify.open("cases.db", actor="admin") as db:
        inspection_id, summary = db.import_file("seed-case.json")
        print(db.stats(inspection_id=inspection_id, as_of="2019-03-01")["completion_rate"])
"""

from . import constants
from ._ffi import lib as _lib
from ._ffi import library_path
from ._records import ImportResult
from .calendar import Calendar
from .db import Database, open
from .enums import (Audience, CalendarBase, DayType, EscalationLevel, Format, Kind, Light, OpenFlag, PeriodUnit,
                    ReportFlag, ReviewScope, Role, Rollup, Scope, Status, UnknownPolicy)
from .errors import (AccessError, ArgumentError, BusyError, ClosedError, ConflictError, DatabaseError, DeniedError,
                     DuplicateError, FileError, GuardError, InternalError, InvalidInputError, JSONError,
                     LibraryError, LibraryNotFoundError, LibraryVersionError, MisuseError, NoActorError,
                     NotADatabaseError, NotFoundError, OutOfMemoryError, RectifyError, SchemaNewerError,
                     StoppedError, TamperedError, TransitionError, UnknownDateError, UTF8Error, ValidationError, error_for)
from .notice import parse_notice

__version__ = "%d.%d.%d" % (constants.RECTIFY_VERSION_MAJOR, constants.RECTIFY_VERSION_MINOR,
                            constants.RECTIFY_VERSION_PATCH)


def version():
    """The loaded library's version, "MAJOR.MINOR.PATCH"."""
    return _lib.rectify_version().decode("ascii")


def version_number():
    """The loaded library's version as MAJOR * 10000 + MINOR * 100 + PATCH."""
    return _lib.rectify_version_number()


def schema_version():
    """The database schema version the loaded library writes."""
    return _lib.rectify_schema_version()


def strerror(code):
    """The library's static English text for an error code."""
    return _lib.rectify_strerror(code).decode("utf-8")


__all__ = [
    "AccessError", "ArgumentError", "Audience", "BusyError", "Calendar", "CalendarBase", "ClosedError",
    "ConflictError", "Database", "DatabaseError", "DayType", "DeniedError", "DuplicateError", "EscalationLevel",
    "FileError", "Format", "GuardError", "ImportResult", "InternalError", "InvalidInputError", "JSONError", "Kind",
    "LibraryError", "LibraryNotFoundError", "LibraryVersionError", "Light", "MisuseError", "NoActorError",
    "NotADatabaseError", "NotFoundError", "OpenFlag", "OutOfMemoryError", "PeriodUnit", "RectifyError",
    "ReportFlag", "ReviewScope", "Role", "Rollup", "SchemaNewerError", "Scope", "Status", "StoppedError", "TamperedError",
    "TransitionError", "UTF8Error", "UnknownDateError", "UnknownPolicy", "ValidationError", "constants",
    "error_for", "library_path", "parse_notice", "schema_version", "strerror", "version",
    "version_number",
]
