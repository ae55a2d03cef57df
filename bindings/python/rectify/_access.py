"""Users, roles and grants; the audit log and backups (access.h, audit.h)."""

import json
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

    def audit_head(self, private_key_pem):
        """A signed head of the audit log's Merkle tree, as a dict (size, root, algorithm,
        public_key, signature), signed with the Ed25519 private key in PEM (str or bytes).
        Keep it outside the database. Raises TamperedError when the hash chain is broken."""
        return self._json(lib.rectify_audit_head, conv.text(private_key_pem))

    def prove_consistency(self, from_head, to_head=None):
        """A consistency proof (dict) that to_head, or the log now when None, extends from_head.
        A head is the dict audit_head() returned, or its JSON text."""
        return self._json(lib.rectify_audit_prove_consistency, _head_text(from_head),
                          None if to_head is None else _head_text(to_head))

    def prove_inclusion(self, event_id, head):
        """An inclusion proof (dict) that audit event event_id is in head, with the event as hashed."""
        return self._json(lib.rectify_audit_prove_inclusion, event_id, _head_text(head))

    def verify_head(self, head, public_key_pem):
        """Checks a kept head against the trusted Ed25519 public key (PEM) and the log now;
        returns the report when it holds. Raises TamperedError, its ``report`` attached, when
        the head was signed by another key, was altered, or the log no longer extends it."""
        out = c_void_p()
        code = lib.rectify_audit_verify_head(byref(out), self._handle, _head_text(head), conv.text(public_key_pem))
        return verified(code, conv.take_json(out))

    def backup(self, dest_path):
        """Writes a consistent copy of the database to dest_path, which must not exist."""
        lib.rectify_backup(self._handle, conv.path(dest_path))


def _head_text(head):
    """A head as the C API takes it: the dict audit_head() returns, or its JSON (str or bytes)."""
    if isinstance(head, dict):
        return json.dumps(head).encode("utf-8")
    return conv.text(head)
