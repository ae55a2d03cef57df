"""Database: one open rectify database, with every operation of the C API as a method.

The operations live in the mixins by concept (records, access, deadlines, follow-through,
reports), each a thin layer over its header; this file owns the handle's life: open, actor,
close. A Database closes itself at the end of a ``with`` block or when garbage-collected; after
``close()`` every method raises ClosedError instead of passing a freed handle to the library.
"""

import os
from ctypes import byref, c_int, c_void_p

from . import _convert as conv
from ._access import AccessMixin
from ._base import HandleOwner
from ._deadlines import DeadlinesMixin
from ._ffi import lib
from ._followthrough import FollowthroughMixin
from ._records import RecordsMixin
from ._reports import ReportsMixin
from ._structs import OpenOptions, ProgressCallback
from .enums import OpenFlag


class Database(HandleOwner, RecordsMixin, AccessMixin, DeadlinesMixin, FollowthroughMixin, ReportsMixin):
    """An open rectify database. Use ``Database.open(...)`` or ``rectify.open(...)``."""

    def __init__(self, handle, path):
        self._handle_value = handle
        self.path = path

    @classmethod
    def open(cls, path, actor=None, create=None, read_only=False, busy_timeout_ms=0):
        """Opens (by default creating) the database at path.

        actor is who acts through this handle; every change is audited under that name and
        authorised by its roles. create defaults to True unless read_only. Opening a file a newer
        rectify wrote raises SchemaNewerError; one that is not a rectify database NotADatabaseError.
        """
        if create is None:
            create = not read_only
        flags = (OpenFlag.CREATE if create else 0) | (OpenFlag.READONLY if read_only else 0)
        options = OpenOptions(flags=int(flags), busy_timeout_ms=busy_timeout_ms, actor=conv.text(actor))
        handle = c_void_p()
        lib.rectify_db_open(byref(handle), conv.path(path), byref(options))
        return cls(handle, os.fspath(path))

    @property
    def closed(self):
        return self._handle_value is None

    def close(self):
        """Closes the handle; closing twice does nothing."""
        handle, self._handle_value = self._handle_value, None
        if handle is not None:
            lib.rectify_db_close(handle)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def __del__(self):
        self.close()

    def __repr__(self):
        return "<rectify.Database %r%s>" % (self.path, " closed" if self.closed else "")

    def set_actor(self, actor):
        """Changes who acts through this handle; None leaves it read-only (NoActorError on change)."""
        lib.rectify_db_set_actor(self._handle, conv.text(actor))

    def set_progress(self, fn):
        """Calls fn(operation, done, total) during long operations (rectify_db_set_progress).

        operation is "import", "export", "audit_verify" or "backup"; total is 0 when not known.
        fn returning False, or raising, stops the operation: it raises StoppedError and changes
        nothing. None removes the function.
        """
        if fn is None:
            lib.rectify_db_set_progress(self._handle, ProgressCallback(), None)
            self._progress = None
            return

        def on_progress(_ctx, operation, done, total):
            try:
                return 1 if fn(operation.decode("ascii"), done, total) is False else 0
            except Exception:  # an exception must not unwind through C: stop instead
                return 1

        native = ProgressCallback(on_progress)
        lib.rectify_db_set_progress(self._handle, native, None)
        self._progress = native  # the library keeps the pointer: keep the trampoline alive

    @property
    def schema_version(self):
        """The schema version of this database, after any upgrade at open."""
        version = c_int()
        lib.rectify_db_schema_version(byref(version), self._handle)
        return version.value


def open(path, actor=None, create=None, read_only=False, busy_timeout_ms=0):  # noqa: A001 (like io.open)
    """Opens a rectify database; see Database.open."""
    return Database.open(path, actor=actor, create=create, read_only=read_only, busy_timeout_ms=busy_timeout_ms)
