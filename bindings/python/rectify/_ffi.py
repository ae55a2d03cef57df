"""Finding librectify, checking its version, and the one table of the C functions.

Modelled on python-libarchive-c's ``libarchive/ffi.py``: the library comes from an environment
variable first, each function is declared once in ``FUNCTIONS``, and every call that returns a
result code raises the matching exception (``errors.error_for``) instead of returning it.

Where the library is looked for, in order:

1. ``RECTIFY_LIBRARY``, a path. When it is set nothing else is tried: a host that names a library
   means that one, and silently loading another would hide the mistake.
2. ``rectify/lib/`` inside this package, where a packager may copy ``librectify.so.0``.
3. The system's search: ``ctypes.util.find_library("rectify")``, then the soname itself
   (``librectify.so.0``), which the dynamic loader finds through ``LD_LIBRARY_PATH`` and the
   ld.so cache.
"""

import ctypes
import ctypes.util
import os
import sys
from ctypes import POINTER, c_char, c_char_p, c_int, c_int64, c_size_t, c_void_p

from . import constants as C
from ._structs import (Evidence, ListOptions, NoticeOptions, OpenOptions, ParseOptions, ReportOptions,
                       ProgressCallback, RowCallback, StatsOptions, WarningOptions)
from .errors import LibraryNotFoundError, LibraryVersionError, error_for

ENV_VARIABLE = "RECTIFY_LIBRARY"
PACKAGE_DIR = os.path.dirname(os.path.abspath(__file__))

# The library file names, per platform, that a packager may place in rectify/lib/.
_BUNDLED_NAMES = {
    "darwin": ("librectify.%d.dylib" % C.RECTIFY_VERSION_MAJOR, "librectify.dylib"),
    "win32": ("rectify.dll", "librectify.dll"),
}.get(sys.platform, ("librectify.so.%d" % C.RECTIFY_VERSION_MAJOR, "librectify.so"))


def candidates(environ=None, package_dir=PACKAGE_DIR):
    """The places to try, in order, as (where, path) pairs; ``where`` explains a failure."""
    environ = os.environ if environ is None else environ
    named = environ.get(ENV_VARIABLE)
    if named:
        return [(ENV_VARIABLE, named)]
    found = []
    for name in _BUNDLED_NAMES:
        path = os.path.join(package_dir, "lib", name)
        if os.path.exists(path):
            found.append(("beside the package", path))
    system = ctypes.util.find_library("rectify")
    if system:
        found.append(("the system (find_library)", system))
    found.append(("the system (dynamic loader)", _BUNDLED_NAMES[0]))
    return found


def load(environ=None, package_dir=PACKAGE_DIR, loader=ctypes.CDLL):
    """Loads the first candidate that opens; returns (library, path)."""
    tried = []
    for where, path in candidates(environ, package_dir):
        try:
            return loader(path), path
        except OSError as exc:
            tried.append("  %s: %s (%s)" % (where, path, exc))
    raise LibraryNotFoundError(
        "librectify was not found. Tried, in order:\n%s\n"
        "Set %s to the path of librectify.so.%d, or copy it into %s."
        % ("\n".join(tried), ENV_VARIABLE, C.RECTIFY_VERSION_MAJOR, os.path.join(package_dir, "lib")))


def _version_text(number):
    return "%d.%d.%d" % (number // 10000, number // 100 % 100, number % 100)


def check_version(library, path):
    """Refuses a library this binding cannot use: another major version, or an older release.

    Within a major version nothing is removed or changed (docs/design.md, C API conventions), so
    any library of the same major that is at least as new as the headers this binding mirrors
    has every function and behaviour the binding relies on.
    """
    try:
        number_of = library.rectify_version_number
    except AttributeError:
        raise LibraryVersionError(
            "%s does not export rectify_version_number(): it is not librectify." % path) from None
    number_of.argtypes = ()
    number_of.restype = c_int
    number = number_of()
    wanted = C.RECTIFY_VERSION_NUMBER
    if number // 10000 != C.RECTIFY_VERSION_MAJOR or number < wanted:
        raise LibraryVersionError(
            "librectify at %s is version %s (rectify_version_number() = %d), but this Python "
            "binding needs %s or a later %d.x release. Install a matching librectify or point %s "
            "at one." % (path, _version_text(number), number, _version_text(wanted),
                         C.RECTIFY_VERSION_MAJOR, ENV_VARIABLE))
    return number


# --- the function table ------------------------------------------------------------------------

CODE = "code"  # restype marker: returns RECTIFY_OK or a negative code, which is raised

HANDLE = c_void_p            # rectify_db *, rectify_calendar * (const or not)
OUT_HANDLE = POINTER(c_void_p)  # rectify_db **, rectify_calendar **
OUT_TEXT = POINTER(c_void_p)    # char ** / unsigned char **: memory to rectify_free()
DATE_BUFFER = POINTER(c_char)   # char *out_date, RECTIFY_DATE_SIZE bytes
TEXT = c_char_p              # const char *, UTF-8, borrowed for the call
OUT_INT = POINTER(c_int)
OUT_INT64 = POINTER(c_int64)
OUT_SIZE = POINTER(c_size_t)

# (name, restype, argtypes), header by header. Out-parameters first, as in C.
FUNCTIONS = (
    # common.h
    ("rectify_version", c_char_p, ()),
    ("rectify_version_number", c_int, ()),
    ("rectify_free", None, (c_void_p,)),
    # errors.h
    ("rectify_errmsg", c_char_p, ()),
    ("rectify_errcode", c_int, ()),
    ("rectify_strerror", c_char_p, (c_int,)),
    # db.h
    ("rectify_db_open", CODE, (OUT_HANDLE, TEXT, POINTER(OpenOptions))),
    ("rectify_db_close", None, (HANDLE,)),
    ("rectify_db_set_actor", CODE, (HANDLE, TEXT)),
    ("rectify_db_set_progress", CODE, (HANDLE, ProgressCallback, c_void_p)),
    ("rectify_db_schema_version", CODE, (OUT_INT, HANDLE)),
    ("rectify_schema_version", c_int, ()),
    # records.h
    ("rectify_kind_from_name", CODE, (OUT_INT, TEXT)),
    ("rectify_kind_name", c_char_p, (c_int,)),
    ("rectify_status_from_name", CODE, (OUT_INT, TEXT)),
    ("rectify_status_name", c_char_p, (c_int,)),
    ("rectify_status_label", c_char_p, (c_int,)),
    ("rectify_record_get", CODE, (OUT_TEXT, HANDLE, c_int, c_int64)),
    ("rectify_record_find", CODE, (OUT_INT64, HANDLE, c_int, TEXT)),
    ("rectify_record_list", CODE, (OUT_TEXT, HANDLE, c_int, POINTER(ListOptions))),
    ("rectify_status_set", CODE, (OUT_INT64, HANDLE, c_int, c_int64, c_int, c_int64)),
    ("rectify_progress_add", CODE, (OUT_INT64, HANDLE, c_int64, TEXT, TEXT, TEXT)),
    # interchange.h
    ("rectify_import_json", CODE, (OUT_INT64, OUT_TEXT, HANDLE, TEXT, c_size_t)),
    ("rectify_import_file", CODE, (OUT_INT64, OUT_TEXT, HANDLE, TEXT)),
    ("rectify_import_batch_file", CODE, (OUT_TEXT, HANDLE, TEXT)),
    ("rectify_import_batch_json", CODE, (OUT_TEXT, HANDLE, TEXT, c_size_t)),
    ("rectify_export_json", CODE, (OUT_TEXT, OUT_SIZE, HANDLE, c_int64)),
    ("rectify_export_all", CODE, (HANDLE, RowCallback, c_void_p)),
    ("rectify_export_all_file", CODE, (HANDLE, TEXT)),
    # notice.h
    ("rectify_notice_render", CODE, (OUT_TEXT, HANDLE, c_int64, POINTER(NoticeOptions))),
    ("rectify_notice_parse", CODE, (OUT_TEXT, TEXT, c_size_t, POINTER(ParseOptions))),
    # calendar.h
    ("rectify_calendar_new", CODE, (OUT_HANDLE, c_int)),
    ("rectify_calendar_copy", CODE, (OUT_HANDLE, HANDLE)),
    ("rectify_calendar_free", None, (HANDLE,)),
    ("rectify_calendar_load_json", CODE, (HANDLE, TEXT, c_size_t)),
    ("rectify_calendar_load_file", CODE, (HANDLE, TEXT)),
    ("rectify_calendar_set_day", CODE, (HANDLE, TEXT, c_int)),
    ("rectify_calendar_clear_day", CODE, (OUT_INT, HANDLE, TEXT)),
    ("rectify_calendar_set_unknown_policy", CODE, (HANDLE, c_int)),
    ("rectify_calendar_year_known", CODE, (OUT_INT, HANDLE, c_int)),
    ("rectify_calendar_day_type", CODE, (OUT_INT, HANDLE, TEXT)),
    ("rectify_day_type_name", c_char_p, (c_int,)),
    ("rectify_calendar_is_workday", CODE, (OUT_INT, HANDLE, TEXT, c_int)),
    ("rectify_calendar_add_workdays", CODE, (DATE_BUFFER, HANDLE, TEXT, c_int, c_int)),
    ("rectify_calendar_count_workdays", CODE, (OUT_INT, HANDLE, TEXT, TEXT, c_int)),
    ("rectify_calendar_next_workday", CODE, (DATE_BUFFER, HANDLE, TEXT, c_int)),
    ("rectify_period_end", CODE, (DATE_BUFFER, HANDLE, TEXT, c_int, c_int, c_int)),
    # access.h
    ("rectify_role_from_name", CODE, (OUT_INT, TEXT)),
    ("rectify_role_name", c_char_p, (c_int,)),
    ("rectify_user_add", CODE, (HANDLE, TEXT, TEXT)),
    ("rectify_user_grant", CODE, (HANDLE, TEXT, c_int, c_int, c_int64)),
    ("rectify_user_revoke", CODE, (HANDLE, TEXT, c_int, c_int, c_int64)),
    ("rectify_user_list", CODE, (OUT_TEXT, HANDLE)),
    # audit.h. rectify_audit_verify() sets its report on failure too, so it returns its code
    # as an int and the caller raises after taking the report (db.py).
    ("rectify_audit_log", CODE, (OUT_TEXT, HANDLE, c_int, c_int64, c_int64, c_int64)),
    ("rectify_audit_verify", c_int, (OUT_TEXT, HANDLE)),
    ("rectify_backup", CODE, (HANDLE, TEXT)),
    ("rectify_audit_head", CODE, (OUT_TEXT, HANDLE, TEXT)),
    ("rectify_audit_prove_consistency", CODE, (OUT_TEXT, HANDLE, TEXT, TEXT)),
    ("rectify_audit_prove_inclusion", CODE, (OUT_TEXT, HANDLE, c_int64, TEXT)),
    # Like rectify_audit_verify(): the report is set on failure too.
    ("rectify_audit_verify_head", c_int, (OUT_TEXT, HANDLE, TEXT, TEXT)),
    # deadlines.h
    ("rectify_db_calendar_load_json", CODE, (HANDLE, TEXT, c_size_t)),
    ("rectify_db_calendar_load_json_changes", CODE, (OUT_TEXT, HANDLE, TEXT, c_size_t)),
    ("rectify_db_calendar_load_file", CODE, (HANDLE, TEXT)),
    ("rectify_db_calendar_set_day", CODE, (HANDLE, TEXT, c_int)),
    ("rectify_db_calendar", CODE, (OUT_HANDLE, HANDLE)),
    ("rectify_profile_add", CODE, (OUT_INT64, HANDLE, TEXT, c_size_t)),
    ("rectify_profile_list", CODE, (OUT_TEXT, HANDLE)),
    ("rectify_inspection_apply_profile", CODE, (HANDLE, c_int64, TEXT)),
    ("rectify_warnings", CODE, (OUT_TEXT, HANDLE, POINTER(WarningOptions))),
    ("rectify_warnings_each", CODE, (HANDLE, POINTER(WarningOptions), RowCallback, c_void_p)),
    ("rectify_overdue", CODE, (OUT_TEXT, HANDLE, POINTER(WarningOptions))),
    ("rectify_overdue_count", CODE, (OUT_INT64, HANDLE, POINTER(WarningOptions))),
    ("rectify_due_within", CODE, (OUT_TEXT, HANDLE, c_int, POINTER(WarningOptions))),
    ("rectify_extension_request", CODE, (OUT_INT64, HANDLE, c_int64, TEXT, TEXT)),
    ("rectify_extension_decide", CODE, (HANDLE, c_int64, c_int, TEXT)),
    ("rectify_extension_list", CODE, (OUT_TEXT, HANDLE, c_int64, c_int)),
    ("rectify_escalate", CODE, (OUT_INT64, HANDLE, c_int, c_int64, c_int, TEXT, TEXT, TEXT, TEXT)),
    ("rectify_escalation_list_open", CODE, (OUT_TEXT, HANDLE, POINTER(WarningOptions))),
    # followthrough.h. rectify_evidence_verify() sets its report on failure too, as above.
    ("rectify_evidence_add", CODE, (OUT_INT64, HANDLE, c_int, c_int64, POINTER(Evidence))),
    ("rectify_evidence_list", CODE, (OUT_TEXT, HANDLE, c_int, c_int64)),
    ("rectify_evidence_verify", c_int, (OUT_TEXT, HANDLE, c_int64)),
    ("rectify_close_out", CODE, (OUT_INT64, HANDLE, c_int64, TEXT, TEXT)),
    ("rectify_close_out_guards_set", CODE, (HANDLE, TEXT, c_size_t)),
    ("rectify_close_out_guards", CODE, (OUT_TEXT, HANDLE)),
    ("rectify_close_out_list", CODE, (OUT_TEXT, HANDLE, c_int64)),
    ("rectify_review_schedule", CODE, (OUT_INT64, HANDLE, c_int, c_int64, TEXT, TEXT, TEXT)),
    ("rectify_review_verdict", CODE, (OUT_INT64, HANDLE, c_int64, c_int64, TEXT, TEXT, TEXT, TEXT)),
    ("rectify_review_report", CODE, (OUT_TEXT, HANDLE, c_int64)),
    ("rectify_followup_plan", CODE, (HANDLE, c_int64, TEXT, TEXT)),
    ("rectify_followup_record", CODE, (OUT_INT64, HANDLE, c_int64, TEXT, TEXT)),
    ("rectify_followups_due", CODE, (OUT_TEXT, HANDLE, c_int, POINTER(WarningOptions))),
    ("rectify_evaluate", CODE, (OUT_TEXT, HANDLE, c_int64, TEXT, TEXT, TEXT)),
    ("rectify_lead_add", CODE, (OUT_INT64, HANDLE, c_int64, TEXT, TEXT, TEXT)),
    ("rectify_lead_dispose", CODE, (HANDLE, c_int64, TEXT, TEXT, TEXT)),
    ("rectify_lead_list", CODE, (OUT_TEXT, HANDLE, c_int64)),
    # report.h
    ("rectify_report_render", CODE, (OUT_TEXT, OUT_SIZE, HANDLE, c_int64, POINTER(ReportOptions))),
    ("rectify_stats_json", CODE, (OUT_TEXT, HANDLE, POINTER(StatsOptions))),
)


def last_error(code):
    """The exception for a code just returned, with the calling thread's message."""
    message = lib.rectify_errmsg().decode("utf-8", "replace")
    if not message:
        message = lib.rectify_strerror(code).decode("utf-8", "replace")
    return error_for(code)(code, message)


def _raise_on_failure(result, func, args):
    if result < 0:
        raise last_error(result)
    return result


def bind(library, path):
    """Declares every function of the table on the loaded library."""
    for name, restype, argtypes in FUNCTIONS:
        try:
            function = getattr(library, name)
        except AttributeError:
            raise LibraryVersionError(
                "librectify at %s does not export %s(), which its version promises; the file is "
                "damaged or not a release build. Point %s at another." % (path, name, ENV_VARIABLE)) from None
        function.argtypes = argtypes
        if restype is CODE:
            function.restype = c_int
            function.errcheck = _raise_on_failure
        else:
            function.restype = restype
    return library


def _open():
    library, path = load()
    check_version(library, path)
    return bind(library, path), path


lib, library_path = _open()
