"""The database's calendar, rule profiles, warnings, extensions and escalations (deadlines.h).

Every query that depends on time takes ``as_of`` (a date or "YYYY-MM-DD"; None is today, UTC)
and the scope keywords of ``_base.warning_options``: inspection_id, unit_id, round_id, leader,
rollup, lights, offset, limit.
"""

import ctypes
import json
from ctypes import byref, c_void_p

from . import _convert as conv
from ._base import warning_options
from ._ffi import lib
from ._structs import RowCallback
from .calendar import Calendar
from .enums import DayType, EscalationLevel, Kind


class DeadlinesMixin:
    # --- the database's calendar ---------------------------------------------------------------

    def load_calendar_json(self, notices):
        """Stores holiday notices (holiday-cn JSON text or parsed) in the database."""
        data = conv.json_text(notices)
        lib.rectify_db_calendar_load_json(self._handle, data, len(data))

    def load_calendar_file(self, path):
        lib.rectify_db_calendar_load_file(self._handle, conv.path(path))

    def set_calendar_day(self, date, day_type):
        """Stores a local day off (DayType.HOLIDAY) or extra working day (DayType.WORKDAY)."""
        lib.rectify_db_calendar_set_day(self._handle, conv.date(date), conv.named(DayType, day_type))

    def calendar(self):
        """A Calendar holding the database's calendar as it is now; close it when done."""
        handle = c_void_p()
        lib.rectify_db_calendar(byref(handle), self._handle)
        return Calendar._adopt(handle)

    # --- rule profiles -------------------------------------------------------------------------

    def add_profile(self, profile):
        """Stores a rule profile (dict or JSON text); returns the version it became."""
        data = conv.json_text(profile)
        return self._int64(lib.rectify_profile_add, data, len(data))

    def profiles(self):
        return self._json(lib.rectify_profile_list)

    def apply_profile(self, inspection_id, profile_name):
        """Gives an inspection the named profile's latest version and derives its deadlines."""
        lib.rectify_inspection_apply_profile(self._handle, inspection_id, conv.text(profile_name))

    # --- warnings ------------------------------------------------------------------------------

    def warnings(self, **scope):
        """Warning lights (预警) as of a date: {"as_of", "rollup", "totals", "rows"}."""
        return self._json(lib.rectify_warnings, byref(warning_options(**scope)))

    def each_warning(self, callback, **scope):
        """Hands the warning rows to callback(row) one at a time; a truthy return stops.

        An exception raised by the callback stops the walk and propagates from here.
        """
        failures = []

        def on_row(_ctx, row, size):
            try:
                return 1 if callback(json.loads(ctypes.string_at(row, size))) else 0
            except BaseException as exc:  # must not unwind through C; re-raised below
                failures.append(exc)
                return 1

        native = RowCallback(on_row)
        lib.rectify_warnings_each(self._handle, byref(warning_options(**scope)), native, None)
        if failures:
            raise failures[0]

    def overdue(self, **scope):
        """Open measures past their deadline as of a date, earliest first."""
        return self._json(lib.rectify_overdue, byref(warning_options(**scope)))

    def overdue_count(self, **scope):
        return self._int64(lib.rectify_overdue_count, byref(warning_options(**scope)))

    def due_within(self, days, **scope):
        """Open measures falling due within days of as_of, earliest first."""
        return self._json(lib.rectify_due_within, days, byref(warning_options(**scope)))

    # --- extensions (延期) -----------------------------------------------------------------------

    def request_extension(self, measure_id, new_deadline, reason):
        """Requests a new deadline for a measure; returns the request's id."""
        return self._int64(lib.rectify_extension_request, measure_id, conv.date(new_deadline), conv.text(reason))

    def decide_extension(self, extension_id, approve, note=None):
        """Approves or refuses a request; someone other than the requester must decide."""
        lib.rectify_extension_decide(self._handle, extension_id, 1 if approve else 0, conv.text(note))

    def extensions(self, measure_id=0, pending_only=False):
        return self._json(lib.rectify_extension_list, measure_id, 1 if pending_only else 0)

    # --- escalations (督办) ----------------------------------------------------------------------

    def escalate(self, kind, target_id, level, date, issued_to, new_deadline=None, note=None):
        """Records an escalation against an issue or measure; returns its id."""
        return self._int64(lib.rectify_escalate, conv.named(Kind, kind), target_id,
                           conv.named(EscalationLevel, level), conv.date(date), conv.text(issued_to),
                           conv.date(new_deadline), conv.text(note))

    def open_escalations(self, **scope):
        """Escalations whose target is still open, oldest first."""
        return self._json(lib.rectify_escalation_list_open, byref(warning_options(**scope)))
