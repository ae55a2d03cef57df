#!/usr/bin/env python3
"""Check rectify's signed audit heads and proofs without rectify and without the database.

An outsider (a 纪委 archive, an OA system's auditor) keeps the heads `rectify audit head` signed
and the public key of whoever signed them. With this script alone, Python's standard library
and nothing else, they check:

  head         that a head is signed by the trusted key
                 check_audit_proof.py head HEAD.json --public-key PUB.pem
  consistency  that a later head only extends an earlier one: no event was changed or removed
                 check_audit_proof.py consistency --from OLD.json --to NEW.json PROOF.json --public-key PUB.pem
               (PROOF.json from `rectify audit prove --from OLD.json --to NEW.json`)
  inclusion    that an event (the close-out of issue 5, say) is in a head, and what it says
                 check_audit_proof.py inclusion --head HEAD.json PROOF.json --public-key PUB.pem
               (PROOF.json from `rectify audit prove --event N --head HEAD.json`)

The Merkle tree is Certificate Transparency's (RFC 9162 section 2.1): leaf SHA-256(0x00 || the
32 bytes of the event's hash), node SHA-256(0x01 || left || right). The signature is Ed25519
(RFC 8032), verified here after the RFC's own reference code (section 6), over the bytes
"rectify-audit-tree-head-v1\\n" SIZE "\\n" ROOT "\\n".

Exit status: 0 proved, 1 not proved (the reason on stderr), 2 a file is missing or not what it
should be.
"""

import argparse
import base64
import hashlib
import json
import struct
import sys

# --- Ed25519 verification, after RFC 8032 section 6 -------------------------------------------

_P = 2**255 - 19
_Q = 2**252 + 27742317777372353535851937790883648493


def _inv(x):
    return pow(x, _P - 2, _P)


_D = -121665 * _inv(121666) % _P
_SQRT_M1 = pow(2, (_P - 1) // 4, _P)


def _add(a, b):
    # Extended coordinates (X, Y, Z, T), x = X/Z, y = Y/Z, x*y = T/Z.
    p1 = (a[1] - a[0]) * (b[1] - b[0]) % _P
    p2 = (a[1] + a[0]) * (b[1] + b[0]) % _P
    c = 2 * a[3] * b[3] * _D % _P
    d = 2 * a[2] * b[2] % _P
    e, f, g, h = p2 - p1, d - c, d + c, p2 + p1
    return (e * f, g * h, f * g, e * h)


def _mul(s, point):
    q = (0, 1, 1, 0)
    while s > 0:
        if s & 1:
            q = _add(q, point)
        point = _add(point, point)
        s >>= 1
    return q


def _equal(a, b):
    return (a[0] * b[2] - b[0] * a[2]) % _P == 0 and (a[1] * b[2] - b[1] * a[2]) % _P == 0


def _recover_x(y, sign):
    if y >= _P:
        return None
    x2 = (y * y - 1) * _inv(_D * y * y + 1)
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (_P + 3) // 8, _P)
    if (x * x - x2) % _P != 0:
        x = x * _SQRT_M1 % _P
    if (x * x - x2) % _P != 0:
        return None
    if (x & 1) != sign:
        x = _P - x
    return x


_GY = 4 * _inv(5) % _P
_GX = _recover_x(_GY, 0)
_G = (_GX, _GY, 1, _GX * _GY % _P)


def _decompress(s):
    if len(s) != 32:
        return None
    y = int.from_bytes(s, "little")
    sign = y >> 255
    y &= (1 << 255) - 1
    x = _recover_x(y, sign)
    if x is None:
        return None
    return (x, y, 1, x * y % _P)


def ed25519_verify(public, message, signature):
    """Whether signature (64 bytes) is public's (32 bytes) signature of message."""
    if len(public) != 32 or len(signature) != 64:
        return False
    a = _decompress(public)
    r = _decompress(signature[:32])
    if a is None or r is None:
        return False
    s = int.from_bytes(signature[32:], "little")
    if s >= _Q:
        return False
    h = int.from_bytes(hashlib.sha512(signature[:32] + public + message).digest(), "little") % _Q
    return _equal(_mul(s, _G), _add(r, _mul(h, a)))


# --- The Merkle tree, RFC 9162 section 2.1 ----------------------------------------------------


def _node(left, right):
    return hashlib.sha256(b"\x01" + left + right).digest()


def leaf_hash(event_hash):
    return hashlib.sha256(b"\x00" + event_hash).digest()


def verify_inclusion(index, size, leaf, proof, root):
    """RFC 9162 2.1.3.2."""
    if index >= size:
        return False
    fn, sn, r = index, size - 1, leaf
    for p in proof:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            r = _node(p, r)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            r = _node(r, p)
        fn >>= 1
        sn >>= 1
    return sn == 0 and r == root


def verify_consistency(first, second, first_root, second_root, proof):
    """RFC 9162 2.1.4.2; every tree extends the empty one."""
    if first > second:
        return False
    if first == 0:
        return not proof and first_root == hashlib.sha256(b"").digest()
    if first == second:
        return not proof and first_root == second_root
    path = list(proof)
    if first & (first - 1) == 0:
        path.insert(0, first_root)
    if not path:
        return False
    fn, sn = first - 1, second - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = _node(c, fr)
            sr = _node(c, sr)
            while not fn & 1 and fn != 0:
                fn >>= 1
                sn >>= 1
        else:
            sr = _node(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == first_root and sr == second_root and sn == 0


# --- The event's own hash, as rectify's chain computes it -------------------------------------

_SHORT_ESCAPES = {0x08: "b", 0x09: "t", 0x0A: "n", 0x0C: "f", 0x0D: "r"}


def _json_string(text):
    # Only '"', '\\' and the control characters are escaped; every other character is as it is.
    out = ['"']
    for ch in text:
        c = ord(ch)
        if ch in '"\\':
            out.append("\\" + ch)
        elif c < 0x20:
            out.append("\\" + _SHORT_ESCAPES[c] if c in _SHORT_ESCAPES else "\\u%04x" % c)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _json_event_hash(event):
    # Format 1: SHA-256 of the compact JSON array [id, at, actor, action, kind, record_id, before, after, prev_hash].
    parts = [str(int(event["id"]))]
    parts += [_json_string(event[k]) for k in ("at", "actor", "action", "kind")]
    parts.append(str(int(event["record_id"])))
    parts += ["null" if event[k] is None else _json_string(event[k]) for k in ("before", "after")]
    parts.append(_json_string(event["prev_hash"]))
    return hashlib.sha256(("[" + ",".join(parts) + "]").encode("utf-8")).hexdigest()


def _binary_integer(n):
    if not isinstance(n, int) or isinstance(n, bool):
        raise TypeError("not an integer")
    return b"i" + struct.pack(">q", n)


def _binary_text(text):
    if text is None:
        return b"n"
    data = text.encode("utf-8")
    return b"t" + struct.pack(">Q", len(data)) + data


def _binary_event_hash(event):
    # Format 2: the same fields, each as a type byte ('n' null, 'i' integer in 8 bytes
    # big-endian, 't' text as its length in 8 bytes big-endian and its UTF-8 bytes), after a tag.
    data = [b"rectify audit event 2\n", _binary_integer(event["id"])]
    for k in ("at", "actor", "action", "kind"):
        if not isinstance(event[k], str):
            raise TypeError(k)
        data.append(_binary_text(event[k]))
    data.append(_binary_integer(event["record_id"]))
    data += [_binary_text(event[k]) for k in ("before", "after")]
    data.append(_binary_text(event["prev_hash"]))
    return hashlib.sha256(b"".join(data)).hexdigest()


EVENT_FORMATS = {1: _json_event_hash, 2: _binary_event_hash}


class UnknownFormat(Exception):
    """An event whose hash recipe this script does not know."""


def event_hash(event):
    """The event's hash by the recipe of its format (1 when the event names none, or null)."""
    fmt = event.get("format")
    if fmt is None:
        fmt = 1
    recipe = EVENT_FORMATS.get(fmt) if isinstance(fmt, int) and not isinstance(fmt, bool) else None
    if recipe is None:
        raise UnknownFormat(fmt)
    return recipe(event)


# --- Reading the files ------------------------------------------------------------------------


class Unusable(Exception):
    """A file that is missing or not what it should be (exit 2)."""


class NotProved(Exception):
    """A check that failed (exit 1)."""


def read_json(path, what):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except OSError as e:
        raise Unusable("cannot read %s %s: %s" % (what, path, e.strerror))
    except ValueError as e:
        raise Unusable("%s %s is not JSON: %s" % (what, path, e))


def hex_bytes(obj, key, size, what):
    value = obj.get(key) if isinstance(obj, dict) else None
    try:
        raw = bytes.fromhex(value)
    except (TypeError, ValueError):
        raw = None
    if raw is None or len(raw) != size:
        raise Unusable('%s: "%s" must be %d hex digits' % (what, key, size * 2))
    return raw


def count(obj, key, what):
    value = obj.get(key) if isinstance(obj, dict) else None
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise Unusable('%s: "%s" must be a non-negative integer' % (what, key))
    return value


def read_public_key(path):
    """The raw 32 bytes of an Ed25519 public key in PEM (SubjectPublicKeyInfo, RFC 8410)."""
    try:
        with open(path, encoding="ascii") as f:
            text = f.read()
    except (OSError, UnicodeDecodeError) as e:
        raise Unusable("cannot read the public key %s: %s" % (path, e))
    begin, end = "-----BEGIN PUBLIC KEY-----", "-----END PUBLIC KEY-----"
    if begin not in text or end not in text:
        raise Unusable("the public key %s is not a PEM public key (openssl pkey -pubout writes one)" % path)
    body = text.split(begin, 1)[1].split(end, 1)[0]
    try:
        der = base64.b64decode("".join(body.split()), validate=True)
    except ValueError:
        raise Unusable("the public key %s: its base64 is damaged" % path)
    # SEQUENCE { SEQUENCE { OID 1.3.101.112 } BIT STRING { 0x00, 32 bytes } }: 12 bytes, then the key.
    prefix = bytes.fromhex("302a300506032b6570032100")
    if len(der) != 44 or not der.startswith(prefix):
        raise Unusable("the public key %s is not an Ed25519 key" % path)
    return der[12:]


class Head:
    def __init__(self, path, what):
        obj = read_json(path, what)
        label = "%s %s" % (what, path)
        if not isinstance(obj, dict):
            raise Unusable("%s is not a tree head" % label)
        if obj.get("algorithm") != "ed25519":
            raise Unusable('%s: "algorithm" must be "ed25519"' % label)
        self.path = path
        self.size = count(obj, "size", label)
        self.root = hex_bytes(obj, "root", 32, label)
        self.public_key = hex_bytes(obj, "public_key", 32, label)
        self.signature = hex_bytes(obj, "signature", 64, label)

    def check_signature(self, trusted):
        if self.public_key != trusted:
            raise NotProved("%s was signed with another key, not the trusted public key" % self.path)
        message = b"rectify-audit-tree-head-v1\n%d\n%s\n" % (self.size, self.root.hex().encode("ascii"))
        if not ed25519_verify(trusted, message, self.signature):
            raise NotProved("the signature of %s does not verify: its size, root or signature was altered" % self.path)


def proof_hashes(obj, what):
    proof = obj.get("proof") if isinstance(obj, dict) else None
    if not isinstance(proof, list):
        raise Unusable('%s: "proof" must be a list of hashes' % what)
    hashes = []
    for i, p in enumerate(proof):
        try:
            raw = bytes.fromhex(p)
        except (TypeError, ValueError):
            raw = None
        if raw is None or len(raw) != 32:
            raise Unusable('%s: "proof"[%d] must be 64 hex digits' % (what, i))
        hashes.append(raw)
    return hashes


# --- The three checks -------------------------------------------------------------------------


def check_head(args):
    head = Head(args.head, "the head")
    head.check_signature(read_public_key(args.public_key))
    return "%s: %d events, root %s, signed by the trusted key" % (head.path, head.size, head.root.hex())


def check_consistency(args):
    trusted = read_public_key(args.public_key)
    old, new = Head(args.from_head, "the earlier head"), Head(args.to_head, "the later head")
    old.check_signature(trusted)
    new.check_signature(trusted)
    label = "the proof %s" % args.proof
    proof = read_json(args.proof, "the proof")
    if not isinstance(proof, dict):
        raise Unusable("%s is not a consistency proof" % label)
    if count(proof, "from_size", label) != old.size or hex_bytes(proof, "from_root", 32, label) != old.root:
        raise NotProved("%s starts from another head than %s" % (label, old.path))
    if count(proof, "to_size", label) != new.size or hex_bytes(proof, "to_root", 32, label) != new.root:
        raise NotProved("%s ends at another head than %s: prove with --to %s" % (label, new.path, new.path))
    if not verify_consistency(old.size, new.size, old.root, new.root, proof_hashes(proof, label)):
        raise NotProved("%s does not show that %s extends %s: the log was rewritten between them" % (label, new.path, old.path))
    return "%s (%d events) extends %s (%d events): the first %d events are unchanged" % (
        new.path, new.size, old.path, old.size, old.size)


def check_inclusion(args):
    head = Head(args.head, "the head")
    head.check_signature(read_public_key(args.public_key))
    label = "the proof %s" % args.proof
    proof = read_json(args.proof, "the proof")
    if not isinstance(proof, dict):
        raise Unusable("%s is not an inclusion proof" % label)
    if count(proof, "tree_size", label) != head.size or hex_bytes(proof, "root", 32, label) != head.root:
        raise NotProved("%s is for another head than %s" % (label, head.path))
    index = count(proof, "leaf_index", label)
    event = proof.get("event")
    if not isinstance(event, dict):
        raise Unusable('%s: "event" is missing' % label)
    try:
        recomputed = event_hash(event)
    except UnknownFormat:
        raise Unusable('%s: the event has format %r, which this script does not know' % (label, event.get("format")))
    except (KeyError, TypeError, ValueError):
        raise Unusable('%s: "event" lacks a field of the event' % label)
    claimed = hex_bytes(proof, "event_hash", 32, label)
    if recomputed != claimed.hex():
        raise NotProved("the event in %s does not have its hash: its content was altered" % label)
    if event.get("id") != index + 1:
        raise NotProved("the event in %s is event %s, but the proof is for leaf %d (event %d)" % (label, event.get("id"), index, index + 1))
    if not verify_inclusion(index, head.size, leaf_hash(claimed), proof_hashes(proof, label), head.root):
        raise NotProved("%s does not show event %d in %s" % (label, index + 1, head.path))
    return "event %d is in %s (%d events): %s %s %s %d by %s" % (
        index + 1, head.path, head.size, event["at"], event["action"], event["kind"], event["record_id"], event["actor"])


def main(argv):
    parser = argparse.ArgumentParser(description="Check rectify's signed audit heads and proofs.")
    sub = parser.add_subparsers(dest="check", required=True)
    p = sub.add_parser("head", help="a head is signed by the trusted key")
    p.add_argument("head")
    p.add_argument("--public-key", required=True)
    p.set_defaults(run=check_head)
    p = sub.add_parser("consistency", help="a later head extends an earlier one")
    p.add_argument("proof")
    p.add_argument("--from", dest="from_head", required=True)
    p.add_argument("--to", dest="to_head", required=True)
    p.add_argument("--public-key", required=True)
    p.set_defaults(run=check_consistency)
    p = sub.add_parser("inclusion", help="an event is in a head")
    p.add_argument("proof")
    p.add_argument("--head", required=True)
    p.add_argument("--public-key", required=True)
    p.set_defaults(run=check_inclusion)
    args = parser.parse_args(argv)
    try:
        print("proved: " + args.run(args))
        return 0
    except NotProved as e:
        print("NOT PROVED: %s" % e, file=sys.stderr)
        return 1
    except Unusable as e:
        print("check_audit_proof: %s" % e, file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
