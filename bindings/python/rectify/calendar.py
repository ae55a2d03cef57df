"""Working-day calendars and legal periods (rectify/calendar.h).

A Calendar owns one ``rectify_calendar`` handle and frees it on ``close()``, at the end of a
``with`` block, or when it is garbage-collected. Using it after that raises ``ClosedError``
rather than handing a freed pointer to the library.
"""

import ctypes
from ctypes import byref, c_int, c_void_p

from . import _convert as conv
from . import constants as C
from ._ffi import lib
from .enums import CalendarBase, DayType, PeriodUnit, UnknownPolicy
from .errors import ClosedError


class Calendar:
    """A working-day calendar, independent of any database.

    ``Calendar()`` starts as a copy of the bundled China calendar (notices of 2007-2026);
    ``Calendar(CalendarBase.EMPTY)`` knows no year until notices are loaded.
    """

    def __init__(self, base=CalendarBase.CHINA):
        handle = c_void_p()
        lib.rectify_calendar_new(byref(handle), conv.named(CalendarBase, base))
        self._handle_value = handle

    @classmethod
    def _adopt(cls, handle):
        """Wraps a handle another call made (Database.calendar(), copy())."""
        calendar = cls.__new__(cls)
        calendar._handle_value = handle
        return calendar

    # --- lifetime -------------------------------------------------------------------------------

    @property
    def _handle(self):
        if self._handle_value is None:
            raise ClosedError(C.RECTIFY_E_MISUSE, "the calendar is closed")
        return self._handle_value

    @property
    def closed(self):
        return self._handle_value is None

    def close(self):
        """Frees the calendar; closing twice does nothing."""
        handle, self._handle_value = getattr(self, "_handle_value", None), None
        if handle is not None:
            lib.rectify_calendar_free(handle)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __del__(self):
        self.close()

    def copy(self):
        """An independent copy: its notices, local days and policy."""
        handle = c_void_p()
        lib.rectify_calendar_copy(byref(handle), self._handle)
        return Calendar._adopt(handle)

    # --- changing it ----------------------------------------------------------------------------

    def load_json(self, notices):
        """Loads holiday notices: holiday-cn JSON text, or the parsed object (one notice or a list)."""
        data = conv.json_text(notices)
        lib.rectify_calendar_load_json(self._handle, data, len(data))

    def load_file(self, path):
        lib.rectify_calendar_load_file(self._handle, conv.path(path))

    def set_day(self, date, day_type):
        """The host's own statement about a date: DayType.HOLIDAY off, WORKDAY working."""
        lib.rectify_calendar_set_day(self._handle, conv.date(date), conv.named(DayType, day_type))

    def clear_day(self, date):
        """Drops the host's statement about date; True if there was one."""
        removed = c_int()
        lib.rectify_calendar_clear_day(byref(removed), self._handle, conv.date(date))
        return bool(removed.value)

    def set_unknown_policy(self, policy):
        """What to do with dates in years without data: UnknownPolicy.FAIL or WEEKDAYS."""
        lib.rectify_calendar_set_unknown_policy(self._handle, conv.named(UnknownPolicy, policy))

    # --- questions ------------------------------------------------------------------------------

    def year_known(self, year):
        known = c_int()
        lib.rectify_calendar_year_known(byref(known), self._handle, year)
        return bool(known.value)

    def day_type(self, date):
        """The DayType of date; DayType.UNKNOWN is an answer here, not an error."""
        kind = c_int()
        lib.rectify_calendar_day_type(byref(kind), self._handle, conv.date(date))
        return DayType(kind.value)

    def is_workday(self, date, policy=UnknownPolicy.DEFAULT):
        answer = c_int()
        lib.rectify_calendar_is_workday(byref(answer), self._handle, conv.date(date),
                                        conv.named(UnknownPolicy, policy))
        return bool(answer.value)

    def add_workdays(self, date, n, policy=UnknownPolicy.DEFAULT):
        """The n-th working day after date (before it for n < 0), as a datetime.date."""
        out = ctypes.create_string_buffer(C.RECTIFY_DATE_SIZE)
        lib.rectify_calendar_add_workdays(out, self._handle, conv.date(date), n,
                                          conv.named(UnknownPolicy, policy))
        return conv.date_from_buffer(out)

    def count_workdays(self, start, end, policy=UnknownPolicy.DEFAULT):
        """Working days in (start, end]; negative when end is before start."""
        count = c_int()
        lib.rectify_calendar_count_workdays(byref(count), self._handle, conv.date(start), conv.date(end),
                                            conv.named(UnknownPolicy, policy))
        return count.value

    def next_workday(self, date, policy=UnknownPolicy.DEFAULT):
        """The first working day on or after date."""
        out = ctypes.create_string_buffer(C.RECTIFY_DATE_SIZE)
        lib.rectify_calendar_next_workday(out, self._handle, conv.date(date), conv.named(UnknownPolicy, policy))
        return conv.date_from_buffer(out)

    def period_end(self, start, unit, n, policy=UnknownPolicy.DEFAULT):
        """The last day of a legal period of n units from start (Civil Code arts. 200-203)."""
        out = ctypes.create_string_buffer(C.RECTIFY_DATE_SIZE)
        lib.rectify_period_end(out, self._handle, conv.date(start), conv.named(PeriodUnit, unit), n,
                               conv.named(UnknownPolicy, policy))
        return conv.date_from_buffer(out)

