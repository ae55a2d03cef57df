"""The public names the headers in include/rectify/*.h declare: functions (RECTIFY_API),
macros (#define RECTIFY_*, include guards aside) and types (typedef rectify_*).

Shared by check_symbols.py; a module of its own so that the rule for "what is public" is written
once. rectify.hpp is C++ and not part of the C ABI, so only *.h files count."""

import pathlib
import re

_COMMENT = re.compile(r"/\*.*?\*/|//[^\n]*", re.S)
_FUNCTION = re.compile(r"^\s*RECTIFY_API\b[^(]*?\b(rectify_[a-z0-9_]+)\s*\(", re.M)
_MACRO = re.compile(r"^\s*#\s*define\s+(RECTIFY_[A-Z0-9_]+)", re.M)
_GUARD = re.compile(r"^\s*#\s*ifndef\s+(RECTIFY_[A-Z0-9_]+_H)\s*$", re.M)
# typedef struct rectify_x rectify_x;  typedef struct rectify_x {...} rectify_x;
# typedef int (*rectify_cb)(...);
_TYPEDEF_NAME = re.compile(r"\btypedef\b[^;]*?\b(rectify_[a-z0-9_]+)\s*(?:\)\s*\([^;]*\))?\s*;", re.S)


def _strip_braces(code):
    """Drops the bodies of struct definitions, so a typedef's name is what is left before ';'."""
    out, depth = [], 0
    for ch in code:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out)


def public_names(include_dir):
    """{name: kind} with kind "function", "macro" or "type", over every *.h in include_dir."""
    names = {}
    headers = sorted(pathlib.Path(include_dir).glob("*.h"))
    if not headers:
        raise SystemExit(f"no headers in {include_dir}")
    for header in headers:
        code = _COMMENT.sub(" ", header.read_text(encoding="utf-8"))
        guards = set(_GUARD.findall(code))
        for name in _FUNCTION.findall(code):
            names[name] = "function"
        for name in _MACRO.findall(code):
            if name not in guards:
                names[name] = "macro"
        for name in _TYPEDEF_NAME.findall(_strip_braces(code)):
            names[name] = "type"
    return names
