"""The C API's enumerated constants as Python enums.

Values come from ``constants.py`` (the headers' numbers). Where the library names its values
(kinds, statuses, roles, day types) the names are asked of the library itself, so the binding
never keeps a second copy of them.
"""

import enum

from . import constants as C
from ._ffi import lib


def _library_name(text):
    return None if text is None else text.decode("utf-8")


def _from_library_name(cls, parse, name):
    from ctypes import byref, c_int

    value = c_int()
    parse(byref(value), name.encode("utf-8"))
    return cls(value.value)


class Kind(enum.IntEnum):
    """Record kinds (RECTIFY_KIND_*)."""

    ROUND = C.RECTIFY_KIND_ROUND
    UNIT = C.RECTIFY_KIND_UNIT
    INSPECTION = C.RECTIFY_KIND_INSPECTION
    ASPECT = C.RECTIFY_KIND_ASPECT
    ISSUE = C.RECTIFY_KIND_ISSUE
    MEASURE = C.RECTIFY_KIND_MEASURE
    PROGRESS = C.RECTIFY_KIND_PROGRESS
    OUTCOME = C.RECTIFY_KIND_OUTCOME

    @property
    def json_name(self):
        """The name records carry in JSON ("issue")."""
        return _library_name(lib.rectify_kind_name(self))

    @classmethod
    def from_name(cls, name):
        """The kind named "issue", "measure" …; ArgumentError if the library knows none such."""
        return _from_library_name(cls, lib.rectify_kind_from_name, name)


class Status(enum.IntEnum):
    """Statuses of issues and measures (RECTIFY_STATUS_*)."""

    NOT_STARTED = C.RECTIFY_STATUS_NOT_STARTED
    IN_PROGRESS = C.RECTIFY_STATUS_IN_PROGRESS
    SUBSTANTIALLY_DONE = C.RECTIFY_STATUS_SUBSTANTIALLY_DONE
    DONE = C.RECTIFY_STATUS_DONE
    CLOSED = C.RECTIFY_STATUS_CLOSED
    REOPENED = C.RECTIFY_STATUS_REOPENED

    @property
    def json_name(self):
        """The name records carry in JSON ("in_progress")."""
        return _library_name(lib.rectify_status_name(self))

    @property
    def label(self):
        """The Chinese label ("整改中")."""
        return _library_name(lib.rectify_status_label(self))

    @classmethod
    def from_name(cls, name):
        return _from_library_name(cls, lib.rectify_status_from_name, name)


class Role(enum.IntEnum):
    """Roles granted to users (RECTIFY_ROLE_*); docs/access.md says what each may do."""

    ADMIN = C.RECTIFY_ROLE_ADMIN
    INSPECTOR = C.RECTIFY_ROLE_INSPECTOR
    LIAISON = C.RECTIFY_ROLE_LIAISON
    OWNER = C.RECTIFY_ROLE_OWNER
    SUPERVISOR = C.RECTIFY_ROLE_SUPERVISOR
    AUDITOR = C.RECTIFY_ROLE_AUDITOR
    PUBLIC = C.RECTIFY_ROLE_PUBLIC

    @property
    def json_name(self):
        return _library_name(lib.rectify_role_name(self))

    @classmethod
    def from_name(cls, name):
        return _from_library_name(cls, lib.rectify_role_from_name, name)


class Scope(enum.IntEnum):
    """What a role is granted on (RECTIFY_SCOPE_*)."""

    ALL = C.RECTIFY_SCOPE_ALL
    ROUND = C.RECTIFY_SCOPE_ROUND
    UNIT = C.RECTIFY_SCOPE_UNIT


class Audience(enum.IntEnum):
    """Who a notice or report is for (RECTIFY_AUDIENCE_*)."""

    INTERNAL = C.RECTIFY_AUDIENCE_INTERNAL
    PUBLIC = C.RECTIFY_AUDIENCE_PUBLIC


class Format(enum.IntEnum):
    """Output formats (RECTIFY_FORMAT_*). XLSX is binary; the others are UTF-8 text."""

    TEXT = C.RECTIFY_FORMAT_TEXT
    MARKDOWN = C.RECTIFY_FORMAT_MARKDOWN
    HTML = C.RECTIFY_FORMAT_HTML
    CSV = C.RECTIFY_FORMAT_CSV
    XLSX = C.RECTIFY_FORMAT_XLSX
    OSCAL = C.RECTIFY_FORMAT_OSCAL


class OpenFlag(enum.IntFlag):
    """Flags of rectify_open_options (RECTIFY_OPEN_*)."""

    CREATE = C.RECTIFY_OPEN_CREATE
    READONLY = C.RECTIFY_OPEN_READONLY


class ReportFlag(enum.IntFlag):
    """Flags of the report and statistics options (RECTIFY_REPORT_*)."""

    COUNT_SHOWN_ONLY = C.RECTIFY_REPORT_COUNT_SHOWN_ONLY


class CalendarBase(enum.IntEnum):
    """What a new calendar starts from (RECTIFY_CALENDAR_*)."""

    EMPTY = C.RECTIFY_CALENDAR_EMPTY
    CHINA = C.RECTIFY_CALENDAR_CHINA


class DayType(enum.IntEnum):
    """Day types (RECTIFY_DAY_*)."""

    WORKDAY = C.RECTIFY_DAY_WORKDAY
    WEEKEND = C.RECTIFY_DAY_WEEKEND
    HOLIDAY = C.RECTIFY_DAY_HOLIDAY
    ADJUSTED_WORKDAY = C.RECTIFY_DAY_ADJUSTED_WORKDAY
    UNKNOWN = C.RECTIFY_DAY_UNKNOWN

    @property
    def json_name(self):
        return _library_name(lib.rectify_day_type_name(self))


class UnknownPolicy(enum.IntEnum):
    """What a calendar does with a date in a year it has no data for (RECTIFY_UNKNOWN_*)."""

    DEFAULT = C.RECTIFY_UNKNOWN_DEFAULT
    FAIL = C.RECTIFY_UNKNOWN_FAIL
    WEEKDAYS = C.RECTIFY_UNKNOWN_WEEKDAYS


class PeriodUnit(enum.IntEnum):
    """Units of a legal period (RECTIFY_PERIOD_*)."""

    DAYS = C.RECTIFY_PERIOD_DAYS
    MONTHS = C.RECTIFY_PERIOD_MONTHS
    WORKDAYS = C.RECTIFY_PERIOD_WORKDAYS


class Light(enum.IntEnum):
    """Warning lights, in order of severity (RECTIFY_LIGHT_*)."""

    GREEN = C.RECTIFY_LIGHT_GREEN
    BLUE = C.RECTIFY_LIGHT_BLUE
    YELLOW = C.RECTIFY_LIGHT_YELLOW
    RED = C.RECTIFY_LIGHT_RED


class Rollup(enum.IntEnum):
    """What one warnings row stands for (RECTIFY_ROLLUP_*)."""

    MEASURE = C.RECTIFY_ROLLUP_MEASURE
    ISSUE = C.RECTIFY_ROLLUP_ISSUE
    INSPECTION = C.RECTIFY_ROLLUP_INSPECTION
    UNIT = C.RECTIFY_ROLLUP_UNIT
    ROUND = C.RECTIFY_ROLLUP_ROUND


class EscalationLevel(enum.IntEnum):
    """The escalation (督办) chain, in order of severity (RECTIFY_ESCALATION_*)."""

    NOTICE = C.RECTIFY_ESCALATION_NOTICE
    GUIDANCE = C.RECTIFY_ESCALATION_GUIDANCE
    REMINDER = C.RECTIFY_ESCALATION_REMINDER
    WARNING = C.RECTIFY_ESCALATION_WARNING
    ACCOUNTABILITY = C.RECTIFY_ESCALATION_ACCOUNTABILITY


class ReviewScope(enum.IntEnum):
    """What a look-back review (回头看) covers (RECTIFY_REVIEW_*)."""

    INSPECTION = C.RECTIFY_REVIEW_INSPECTION
    ROUND = C.RECTIFY_REVIEW_ROUND
