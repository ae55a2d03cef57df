#!/usr/bin/env python3
"""docs.errors: docs/errors.md lists exactly the codes include/rectify/errors.h defines, each with
its value, the text rectify_strerror() gives it (src/capi/capi_common.cpp) and the exit code the
rectify command ends with (cli/errors.cpp and cli/errors.hpp).

    check_errors.py SOURCE_DIR

Read from the sources, not from a build, so that the check needs nothing compiled."""

import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "lib"))
from header_docs import error_codes, report  # noqa: E402


def switch_cases(text, function):
    """{case label: returned expression} of the first switch in `function`'s body; the
    expression of `default` under the key "default"."""
    start = text.index(function)
    body = text[start:text.index("\n}", start)]
    cases, pending = {}, []
    for m in re.finditer(r"(case\s+([A-Z_0-9]+)\s*:|default\s*:)|return\s+([^;]+);", body):
        if m.group(1):
            pending.append(m.group(2) or "default")
        elif pending:
            for label in pending:
                cases[label] = m.group(3).strip()
            pending = []
    return cases


def main(argv):
    if len(argv) != 2:
        raise SystemExit(__doc__)
    root = pathlib.Path(argv[1])
    errors = []

    codes = error_codes(root)

    strerror = {k: v.strip('"') for k, v in
                switch_cases((root / "src/capi/capi_common.cpp").read_text(encoding="utf-8"),
                             "const char *rectify_strerror(int code)").items()}
    exits = {name: int(value) for name, value in
             re.findall(r"^\s*(exit_[a-z_]+)\s*=\s*(\d+)", (root / "cli/errors.hpp").read_text(encoding="utf-8"), re.M)}
    mapping = switch_cases((root / "cli/errors.cpp").read_text(encoding="utf-8"),
                           "int exit_code_for(int rectify_code)")

    rows = {}
    doc = root / "docs/errors.md"
    for number, line in enumerate(doc.read_text(encoding="utf-8").splitlines(), 1):
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("| `RECTIFY_"):
            continue
        if len(cells) != 5:
            errors.append(f"{doc}:{number}: expected 5 cells, found {len(cells)}")
            continue
        name = cells[0].strip("`")
        if name in rows:
            errors.append(f"{doc}:{number}: {name} listed twice")
        rows[name] = (number, cells)

    for name, value in codes.items():
        if name not in rows:
            errors.append(f"{name} ({value}) is defined in errors.h but missing from {doc}")
            continue
        number, cells = rows[name]
        where = f"{doc}:{number}: {name}"
        if cells[1] != str(value):
            errors.append(f"{where}: value {cells[1]}, errors.h says {value}")
        text = strerror.get(name)
        if text is None:
            errors.append(f"{name}: rectify_strerror() has no case for it")
        elif cells[2] != text:
            errors.append(f"{where}: strerror text {cells[2]!r}, rectify_strerror() says {text!r}")
        exit_name = mapping.get(name, mapping.get("default"))
        if exit_name not in exits:
            errors.append(f"{name}: cannot tell the CLI's exit code ({exit_name!r})")
        elif cells[3] != str(exits[exit_name]):
            errors.append(f"{where}: CLI exit {cells[3]}, cli/errors.cpp gives {exits[exit_name]} ({exit_name})")
        if not cells[4]:
            errors.append(f"{where}: no meaning given")
    for name in rows:
        if name not in codes:
            errors.append(f"{doc}: {name} is listed but errors.h does not define it")

    return report(errors, f"{len(codes)} codes: docs/errors.md, errors.h, rectify_strerror() and the CLI agree")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
