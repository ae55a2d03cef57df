"""The C API's options structs, field for field, and the row callback type.

Each mirrors its typedef in ``include/rectify/*.h`` in the same order (``tests/test_headers.py``
checks names, order and types). A new instance is what the header's ``_INIT`` macro gives: the
``version`` field set from the header's ``*_VERSION`` constant, the defaults the macro lists, so a
library that grows a struct later still reads ours correctly.
"""

import ctypes
from ctypes import c_char_p, c_int, c_int64, c_size_t, c_uint, c_void_p

from . import constants as C


class _Options(ctypes.Structure):
    """A versioned options struct: ``_version_`` and ``_defaults_`` are its ``_INIT`` macro."""

    _version_ = None
    _defaults_ = {}

    def __init__(self, **fields):
        super().__init__()
        self.version = self._version_
        for name, value in {**self._defaults_, **fields}.items():
            setattr(self, name, value)


class OpenOptions(_Options):
    _fields_ = [("version", c_uint), ("flags", c_uint), ("busy_timeout_ms", c_int), ("actor", c_char_p)]
    _version_ = C.RECTIFY_OPEN_OPTIONS_VERSION
    _defaults_ = {"flags": C.RECTIFY_OPEN_CREATE}


class ListOptions(_Options):
    _fields_ = [("version", c_uint), ("inspection_id", c_int64), ("parent_id", c_int64),
                ("offset", c_int64), ("limit", c_int64)]
    _version_ = C.RECTIFY_LIST_OPTIONS_VERSION


class NoticeOptions(_Options):
    _fields_ = [("version", c_uint), ("audience", c_int), ("format", c_int)]
    _version_ = C.RECTIFY_NOTICE_OPTIONS_VERSION
    _defaults_ = {"audience": C.RECTIFY_AUDIENCE_INTERNAL, "format": C.RECTIFY_FORMAT_TEXT}


class ParseOptions(_Options):
    _fields_ = [("version", c_uint), ("ref", c_char_p), ("unit", c_char_p), ("kind", c_char_p),
                ("group", c_char_p), ("onsite_start", c_char_p), ("onsite_end", c_char_p),
                ("feedback_date", c_char_p)]
    _version_ = C.RECTIFY_PARSE_OPTIONS_VERSION


class WarningOptions(_Options):
    _fields_ = [("version", c_uint), ("as_of", c_char_p), ("inspection_id", c_int64),
                ("unit_id", c_int64), ("round_id", c_int64), ("leader", c_char_p), ("rollup", c_int),
                ("lights", c_uint), ("offset", c_int64), ("limit", c_int64)]
    _version_ = C.RECTIFY_WARNING_OPTIONS_VERSION


class Evidence(_Options):
    _fields_ = [("version", c_uint), ("title", c_char_p), ("kind", c_char_p), ("path", c_char_p),
                ("uri", c_char_p), ("media_type", c_char_p)]
    _version_ = C.RECTIFY_EVIDENCE_VERSION


class ReportOptions(_Options):
    _fields_ = [("version", c_uint), ("audience", c_int), ("format", c_int), ("as_of", c_char_p),
                ("template_text", c_char_p), ("flags", c_uint)]
    _version_ = C.RECTIFY_REPORT_OPTIONS_VERSION
    _defaults_ = {"audience": C.RECTIFY_AUDIENCE_INTERNAL, "format": C.RECTIFY_FORMAT_TEXT}


class StatsOptions(_Options):
    _fields_ = [("version", c_uint), ("inspection_id", c_int64), ("unit_id", c_int64),
                ("round_id", c_int64), ("as_of", c_char_p), ("audience", c_int), ("flags", c_uint)]
    _version_ = C.RECTIFY_STATS_OPTIONS_VERSION
    _defaults_ = {"audience": C.RECTIFY_AUDIENCE_INTERNAL}


# int (*rectify_row_callback)(void *ctx, const char *row, size_t len). The row is declared as a
# char pointer rather than c_char_p so that exactly len bytes are read, not up to a NUL.
RowCallback = ctypes.CFUNCTYPE(c_int, c_void_p, ctypes.POINTER(ctypes.c_char), c_size_t)

# int (*rectify_progress_callback)(void *ctx, const char *operation, int64_t done, int64_t total).
ProgressCallback = ctypes.CFUNCTYPE(c_int, c_void_p, ctypes.c_char_p, ctypes.c_int64, ctypes.c_int64)

# Which C typedef each mirror stands for, for the header test.
STRUCTS = {
    "rectify_open_options": OpenOptions,
    "rectify_list_options": ListOptions,
    "rectify_notice_options": NoticeOptions,
    "rectify_parse_options": ParseOptions,
    "rectify_warning_options": WarningOptions,
    "rectify_evidence": Evidence,
    "rectify_report_options": ReportOptions,
    "rectify_stats_options": StatsOptions,
}
