"""What every part of Database shares: the handle, and the shapes C calls come in.

Most calls either hand back a string to free (JSON, mostly) or a new id; the helpers here do the
out-parameter dance once so the methods stay one line of meaning each.
"""

from ctypes import byref, c_int64, c_void_p

from . import _convert as conv
from . import constants as C
from ._ffi import last_error
from ._structs import WarningOptions
from .enums import Light, Rollup
from .errors import ClosedError, TamperedError


class HandleOwner:
    """Holds a rectify_db handle; raises ClosedError once it has been closed."""

    _handle_value = None

    @property
    def _handle(self):
        if self._handle_value is None:
            raise ClosedError(C.RECTIFY_E_MISUSE, "the database is closed")
        return self._handle_value

    def _json(self, function, *args):
        """Calls function(&out, db, *args) and returns the JSON it hands out, parsed."""
        out = c_void_p()
        function(byref(out), self._handle, *args)
        return conv.take_json(out)

    def _int64(self, function, *args):
        """Calls function(&out, db, *args) and returns the int64 it sets (a new id or version)."""
        out = c_int64()
        function(byref(out), self._handle, *args)
        return out.value


def warning_options(as_of=None, inspection_id=0, unit_id=0, round_id=0, leader=None,
                    rollup=Rollup.MEASURE, lights=(), offset=0, limit=0):
    """The scope of a warnings-style query as rectify_warning_options.

    ``lights`` is a collection of Light values (empty: all); ``as_of`` None means today (UTC).
    """
    mask = 0
    for light in lights:
        mask |= 1 << conv.named(Light, light)
    return WarningOptions(as_of=conv.date(as_of), inspection_id=inspection_id, unit_id=unit_id,
                          round_id=round_id, leader=conv.text(leader), rollup=conv.named(Rollup, rollup),
                          lights=mask, offset=offset, limit=limit)


def verified(code, report):
    """A verification's report, or its failure raised with the report attached.

    rectify_audit_verify() and rectify_evidence_verify() write their report whether or not the
    check passes, so the report is taken (and freed) before the code is looked at.
    """
    if code < 0:
        error = last_error(code)
        if isinstance(error, TamperedError):
            error.report = report
        raise error
    return report
