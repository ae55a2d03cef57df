"""Exceptions: one class per C error code, grouped where callers would catch them together.

A failed call returns a negative ``RECTIFY_E_*`` code and leaves a message naming what and where
(``rectify_errmsg()``). The binding raises the class ``error_for(code)`` gives, carrying both, so
a caller can catch a family (``InvalidInputError``), one case (``JSONError``) or everything
(``RectifyError``). Codes the binding does not know yet (the library may add some) raise
``RectifyError`` itself, never pass silently.
"""

from . import constants as C


class RectifyError(Exception):
    """A call into the library failed. ``code`` is the C code, ``message`` what went wrong."""

    code = None  # the RECTIFY_E_* a subclass stands for; None for the families and the base

    def __init__(self, code, message):
        super().__init__(code, message)
        self.code = code
        self.message = message

    def __str__(self):
        return self.message or "rectify error %d" % self.code


# --- input the library refuses ------------------------------------------------------------------


class InvalidInputError(RectifyError, ValueError):
    """The input was refused before anything changed: a bad argument, JSON, data or UTF-8."""


class ArgumentError(InvalidInputError):
    """An argument is NULL, out of range or malformed (a bad date, an unknown kind or status)."""

    code = C.RECTIFY_E_ARGUMENT


class JSONError(InvalidInputError):
    """The JSON text is not well-formed; the message gives line and column."""

    code = C.RECTIFY_E_JSON


class ValidationError(InvalidInputError):
    """Well-formed input that breaks the schema or a data rule; the message names the field path."""

    code = C.RECTIFY_E_INVALID


class UTF8Error(InvalidInputError):
    """Text is not valid UTF-8; the message names where."""

    code = C.RECTIFY_E_UTF8


# --- records and their state --------------------------------------------------------------------


class NotFoundError(RectifyError, LookupError):
    """The record named does not exist."""

    code = C.RECTIFY_E_NOT_FOUND


class ConflictError(RectifyError):
    """The write named a version the record no longer has: someone changed it first."""

    code = C.RECTIFY_E_CONFLICT


class DuplicateError(RectifyError):
    """A host key (ref) or name is already used by another record of the same kind."""

    code = C.RECTIFY_E_DUPLICATE


class TransitionError(RectifyError):
    """The status machine does not allow this transition."""

    code = C.RECTIFY_E_TRANSITION


class GuardError(RectifyError):
    """A close-out (销号) was refused by one of its guards; the message names it."""

    code = C.RECTIFY_E_GUARD


class StoppedError(RectifyError):
    """The progress function asked a long operation to stop; it stopped and changed nothing."""

    code = C.RECTIFY_E_INTERRUPTED


class UnknownDateError(RectifyError):
    """The answer depends on a date in a year the calendar has no data for."""

    code = C.RECTIFY_E_UNKNOWN_DATE


class TamperedError(RectifyError):
    """The audit log, the records or an evidence file fail verification.

    ``report`` holds the verification report (a dict) when the call produced one.
    """

    code = C.RECTIFY_E_TAMPERED

    def __init__(self, code, message, report=None):
        super().__init__(code, message)
        self.report = report


# --- who acts -----------------------------------------------------------------------------------


class AccessError(RectifyError):
    """The actor may not do this: none is set, or its roles do not allow it."""


class NoActorError(AccessError):
    """A change was attempted on a handle with no actor."""

    code = C.RECTIFY_E_NO_ACTOR


class DeniedError(AccessError):
    """The actor lacks a permission here; the message names it and the roles held."""

    code = C.RECTIFY_E_DENIED


# --- the database file and the handle -----------------------------------------------------------


class DatabaseError(RectifyError):
    """The database reported an error."""

    code = C.RECTIFY_E_DB


class BusyError(DatabaseError):
    """Another connection held the database locked for longer than the busy timeout."""

    code = C.RECTIFY_E_BUSY


class SchemaNewerError(DatabaseError):
    """The file was written by a newer rectify; it was left untouched."""

    code = C.RECTIFY_E_SCHEMA_NEWER


class NotADatabaseError(DatabaseError):
    """The file is not a rectify database; it was left untouched."""

    code = C.RECTIFY_E_NOT_A_DB


class FileError(RectifyError):
    """A file could not be opened, read or written."""

    code = C.RECTIFY_E_IO


class MisuseError(RectifyError):
    """The handle is in a state that does not allow the call."""

    code = C.RECTIFY_E_MISUSE


class ClosedError(MisuseError):
    """The Python object's handle was closed already; raised before calling the library."""


class InternalError(RectifyError):
    """An internal failure with no better code; the message says what."""

    code = C.RECTIFY_E_INTERNAL


class OutOfMemoryError(RectifyError, MemoryError):
    """The library could not allocate memory."""

    code = C.RECTIFY_E_NOMEM


_BY_CODE = {
    cls.code: cls
    for cls in (
        InternalError, OutOfMemoryError, ArgumentError, NotFoundError, ConflictError,
        TransitionError, JSONError, ValidationError, UTF8Error, FileError, DatabaseError,
        BusyError, SchemaNewerError, NotADatabaseError, NoActorError, DuplicateError,
        MisuseError, DeniedError, UnknownDateError, TamperedError, GuardError,
        StoppedError,
    )
}


def error_for(code):
    """The exception class for a C code; ``RectifyError`` for a code this binding does not know."""
    return _BY_CODE.get(code, RectifyError)


# --- loading the library ------------------------------------------------------------------------


class LibraryError(ImportError):
    """librectify could not be used: not found, or a version this binding does not fit."""


class LibraryNotFoundError(LibraryError):
    """No librectify was found where the binding looks for it; the message lists the places."""


class LibraryVersionError(LibraryError):
    """The librectify found is a version this binding cannot use; the message says which and why."""
