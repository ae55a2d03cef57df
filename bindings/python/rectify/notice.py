"""Reading a written notice (整改情况通报) into an inspection document (rectify_notice_parse)."""

from ctypes import byref, c_void_p

from . import _convert as conv
from ._ffi import lib
from ._structs import ParseOptions


def parse_notice(text, ref=None, unit=None, kind=None, group=None, onsite_start=None, onsite_end=None,
                 feedback_date=None):
    """Parses a notice as people write them into a document Database.import_json() takes.

    Needs no database. The keywords give what the notice does not say, and win over its
    preamble. Text the parser cannot place raises ValidationError naming the line
    ("line 3: cannot place this text: …"); invalid UTF-8 (pass bytes) raises UTF8Error.
    """
    data = conv.text(text)
    options = ParseOptions(ref=conv.text(ref), unit=conv.text(unit), kind=conv.text(kind), group=conv.text(group),
                           onsite_start=conv.date(onsite_start), onsite_end=conv.date(onsite_end),
                           feedback_date=conv.date(feedback_date))
    out = c_void_p()
    lib.rectify_notice_parse(byref(out), data, len(data), byref(options))
    return conv.take_json(out)
