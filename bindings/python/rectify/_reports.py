"""Reports and statistics (report.h): notice, ledger, dashboard, OSCAL, and the numbers behind."""

from ctypes import byref, c_size_t, c_void_p

from . import _convert as conv
from ._ffi import lib
from ._structs import ReportOptions, StatsOptions
from .enums import Audience, Format, ReportFlag


def _flags(count_shown_only):
    return int(ReportFlag.COUNT_SHOWN_ONLY) if count_shown_only else 0


class ReportsMixin:
    def render_report(self, inspection_id, format=Format.TEXT, audience=Audience.INTERNAL, as_of=None,
                      template=None, count_shown_only=False):
        """One inspection rendered: ``bytes`` for Format.XLSX, ``str`` for the text formats.

        ``template`` is a mustache template for TEXT or MARKDOWN; ``count_shown_only`` makes a
        public report's totals count only what it shows.
        """
        format = conv.named(Format, format)
        options = ReportOptions(audience=conv.named(Audience, audience), format=format, as_of=conv.date(as_of),
                                template_text=conv.text(template), flags=_flags(count_shown_only))
        out, size = c_void_p(), c_size_t()
        lib.rectify_report_render(byref(out), byref(size), self._handle, inspection_id, byref(options))
        data = conv.take_bytes(out, size.value)
        return data if format == Format.XLSX else data.decode("utf-8")

    def stats(self, inspection_id=0, unit_id=0, round_id=0, as_of=None, audience=Audience.INTERNAL,
              count_shown_only=False):
        """Statistics as of a date (docs/statistics.md): one inspection, unit, round, or all."""
        options = StatsOptions(inspection_id=inspection_id, unit_id=unit_id, round_id=round_id,
                               as_of=conv.date(as_of), audience=conv.named(Audience, audience),
                               flags=_flags(count_shown_only))
        return self._json(lib.rectify_stats_json, byref(options))
