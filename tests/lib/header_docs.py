"""What the public headers in include/rectify/*.h say, read as text, for the checks that compare
them with the documentation: the public names (public_names), the RECTIFY_API functions with
their doc comments (functions_of), the result codes of errors.h (error_codes), and how a check
reports what it found (report).

Shared by tests/abi/check_symbols.py, tests/docs/check_api_docs.py and tests/docs/check_errors.py,
so that each rule is written once. rectify.hpp is C++ and not part of the C ABI, so only *.h files
count."""

import pathlib
import re

_DECL = re.compile(r"RECTIFY_API\s+([^;(]*?)\b(rectify_[a-z0-9_]+)\s*\(")
_CODE = re.compile(r"^#define\s+(RECTIFY_(?:OK|E_[A-Z0-9_]+))\s+\(?(-?\d+)\)?", re.M)
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


def functions_of(path):
    """[(name, return type, comment text or None, line)] of the RECTIFY_API functions in path."""
    text = pathlib.Path(path).read_text(encoding="utf-8")
    out = []
    for m in _DECL.finditer(text):
        # The text before the declaration, back to the end of the previous statement or comment.
        before = text[:m.start()].rstrip()
        comment = None
        if before.endswith("*/"):
            start = before.rfind("/**")
            if start >= 0 and "*/" not in before[start:-2]:
                comment = before[start + 3:-2]
        line = text.count("\n", 0, m.start()) + 1
        out.append((m.group(2), " ".join(m.group(1).split()), comment, line))
    return out


def error_codes(root):
    """{code name: value} of the result codes include/rectify/errors.h defines, in its order."""
    header = (pathlib.Path(root) / "include/rectify/errors.h").read_text(encoding="utf-8")
    codes = {name: int(value) for name, value in _CODE.findall(header)}
    if "RECTIFY_OK" not in codes or len(codes) < 2:
        raise SystemExit("cannot read the codes of include/rectify/errors.h")
    return codes


def report(errors, success):
    """Prints each problem, or `success` when there are none; the exit status of the check."""
    for e in errors:
        print(e)
    if errors:
        print(f"{len(errors)} problem(s)")
        return 1
    print(success)
    return 0
