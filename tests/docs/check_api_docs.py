#!/usr/bin/env python3
"""docs.api: every function of the C API says what permission it needs and what it returns, and
docs/errors.md explains exactly the codes include/rectify/errors.h defines.

    check_api_docs.py SOURCE_DIR

For each function marked RECTIFY_API in include/rectify/*.h, its Doxygen comment (the /** ... */
right before the declaration) must have
  - a "@par Permission" paragraph with text after it;
  - for a function returning int: at least one "@retval CODE ..." line (or, for an int that is
    a value and not a result code, "@return"); for one returning a pointer: "@return";
  - only codes errors.h defines in its @retval lines, each given once.
docs/errors.md must have a section "## `CODE`" (any heading level) for every code errors.h
defines, with text in it, and no section for a code errors.h does not define; a section's
"Functions:" line names exactly the functions whose comment gives that code as @retval.

Read from the sources, not from a build, so that the check needs nothing compiled."""

import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "lib"))
from header_docs import error_codes, functions_of, report  # noqa: E402

RETVAL = re.compile(r"@retval\s+(\S+)")
PERMISSION = re.compile(r"@par\s+Permission\s*\n\s*\*?\s*(\S.*)")


def check_functions(root, codes, errors, returning):
    count = 0
    for header in sorted((root / "include/rectify").glob("*.h")):
        for name, ret, comment, line in functions_of(header):
            count += 1
            where = f"{header.relative_to(root)}:{line}: {name}()"
            if comment is None:
                errors.append(f"{where}: no Doxygen comment right before it")
                continue
            if not PERMISSION.search(comment):
                errors.append(f"{where}: no '@par Permission' statement")
            retvals = RETVAL.findall(comment)
            if ret == "int":
                if not retvals and "@return" not in comment:
                    errors.append(f"{where}: returns int but lists no @retval")
            elif ret != "void" and "@return" not in comment:
                errors.append(f"{where}: returns {ret} but has no @return")
            seen = set()
            for code in retvals:
                if code not in codes:
                    errors.append(f"{where}: @retval {code} is not a code errors.h defines")
                if code in seen:
                    errors.append(f"{where}: @retval {code} listed twice")
                seen.add(code)
                returning.setdefault(code, set()).add(name)
    if count < 10:
        errors.append(f"found only {count} RECTIFY_API functions in include/rectify/*.h: the parser is wrong")
    return count


def check_errors_md(root, codes, errors, returning):
    doc = root / "docs/errors.md"
    sections = {}
    current = None
    for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
        m = re.match(r"^##+\s+`(RECTIFY_[A-Z0-9_]+)`", line)
        if m:
            current = m.group(1)
            if current in sections:
                errors.append(f"{doc.relative_to(root)}:{number}: section {current} appears twice")
            sections[current] = (number, [])
        elif line.startswith("#"):
            current = None
        elif current and line.strip():
            sections[current][1].append(line)
    for code in codes:
        if code not in sections:
            errors.append(f"{code} is defined in errors.h but docs/errors.md has no section '## `{code}`'")
        elif not sections[code][1]:
            errors.append(f"docs/errors.md:{sections[code][0]}: section {code} says nothing")
    for code, (number, _) in sections.items():
        if code not in codes:
            errors.append(f"docs/errors.md:{number}: {code} has a section but errors.h does not define it")
    # A section's "Functions:" list is the functions whose comment gives the code as @retval.
    for code, (number, lines) in sections.items():
        listed = None
        for line in lines:
            if line.startswith("Functions:"):
                listed = set(re.findall(r"`(rectify_[a-z0-9_]+)\(\)`", line))
        want = returning.get(code, set())
        if listed is None:
            if want and code != "RECTIFY_OK":
                errors.append(f"docs/errors.md:{number}: section {code} has no 'Functions:' line")
            continue
        for name in sorted(want - listed):
            errors.append(f"docs/errors.md:{number}: {code}: {name}() returns it (@retval) but is not listed")
        for name in sorted(listed - want):
            errors.append(f"docs/errors.md:{number}: {code}: {name}() is listed but its comment has no @retval {code}")


def main(argv):
    if len(argv) != 2:
        raise SystemExit(__doc__)
    root = pathlib.Path(argv[1])
    codes = error_codes(root)
    errors = []
    returning = {}
    count = check_functions(root, codes, errors, returning)
    check_errors_md(root, codes, errors, returning)
    return report(errors, f"{count} functions document permission and result codes; "
                          f"docs/errors.md explains all {len(codes)} codes")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
