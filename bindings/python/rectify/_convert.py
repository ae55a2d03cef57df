"""Python values to C arguments and C results back to Python values.

Strings cross as UTF-8. ``bytes`` pass through untouched, so a caller can hand over text it has
already encoded (and the library, not Python, judges whether it is valid UTF-8). Dates may be
``datetime.date`` or "YYYY-MM-DD" strings; the library checks the string. Memory the library hands
out is copied and released with ``rectify_free()`` at once, so nothing leaks into Python objects.
"""

import ctypes
import datetime
import enum
import json
import os

from ._ffi import lib


def text(value):
    """A str, bytes or None as a C string argument."""
    if value is None or isinstance(value, bytes):
        return value
    if isinstance(value, str):
        return value.encode("utf-8")
    raise TypeError("expected str, bytes or None, got %s" % type(value).__name__)


def path(value):
    """A file path (str, bytes or os.PathLike) as a C string argument."""
    return text(os.fspath(value))


def date(value):
    """A date argument: datetime.date, "YYYY-MM-DD" or None."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if isinstance(value, datetime.date):
        return value.isoformat().encode("ascii")
    return text(value)


def json_text(value):
    """A JSON argument: text as it is, any other value serialised."""
    if isinstance(value, (str, bytes)):
        return text(value)
    return json.dumps(value, ensure_ascii=False).encode("utf-8")


def named(enum_class, value):
    """An enum argument: a member, a plain int, or a name the library or the enum knows.

    Unknown integers go through unchanged so that the library refuses them with its own message.
    """
    if isinstance(value, str):
        if hasattr(enum_class, "from_name"):
            return enum_class.from_name(value)
        try:
            return enum_class[value.upper()]
        except KeyError:
            raise ValueError("%r is not a %s" % (value, enum_class.__name__)) from None
    if isinstance(value, enum.Enum):
        return value.value
    return int(value)


def take_bytes(pointer, size=None):
    """The bytes at a library-owned pointer, which is then freed; None for NULL."""
    if not pointer.value:
        return None
    try:
        return ctypes.string_at(pointer.value) if size is None else ctypes.string_at(pointer.value, size)
    finally:
        lib.rectify_free(pointer)


def take_text(pointer, size=None):
    data = take_bytes(pointer, size)
    return None if data is None else data.decode("utf-8")


def take_json(pointer):
    data = take_bytes(pointer)
    return None if data is None else json.loads(data)


def date_from_buffer(buffer):
    return datetime.date.fromisoformat(buffer.value.decode("ascii"))
