"""Users, roles and grants; the audit log and backups (access.h, audit.h)."""

from ctypes import byref, c_void_p

from . import _convert as conv
from ._base import verified
from ._ffi import lib
from .enums import Kind, Role, Scope


class AccessMixin:
    def add_user(self, name, display_name=None):
        """Adds a user the host authenticates as name. Needs admin on the whole database."""
        lib.rectify_user_add(self._handle, conv.text(name), conv.text(display_name))

    def grant(self, name, role, scope=Scope.ALL, scope_id=0):
        """Grants a role on the whole database, a round or a unit (scope_id its id)."""
        lib.rectify_user_grant(self._handle, conv.text(name), conv.named(Role, role), conv.named(Scope, scope),
                               scope_id)

    def revoke(self, name, role, scope=Scope.ALL, scope_id=0):
        lib.rectify_user_revoke(self._handle, conv.text(name), conv.named(Role, role), conv.named(Scope, scope),
                                scope_id)

    def users(self):
        """The users with their grants, as a list of dicts."""
        return self._json(lib.rectify_user_list)

    def audit_log(self, kind=None, record_id=0, offset=0, limit=0):
        """Audit events, oldest first: every event (kind None), or one record's."""
        return self._json(lib.rectify_audit_log, 0 if kind is None else conv.named(Kind, kind), record_id,
                          offset, limit)

    def verify_audit(self):
        """Walks the audit chain and the records; returns the report when all is whole.

        Raises TamperedError, its ``report`` naming the first broken link, when not.
        """
        out = c_void_p()
        code = lib.rectify_audit_verify(byref(out), self._handle)
        return verified(code, conv.take_json(out))

    def backup(self, dest_path):
        """Writes a consistent copy of the database to dest_path, which must not exist."""
        lib.rectify_backup(self._handle, conv.path(dest_path))
