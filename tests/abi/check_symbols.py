#!/usr/bin/env python3
"""abi.symbols: docs/symbols-in-versions and the public headers name the same things.

    check_symbols.py SYMBOLS_FILE INCLUDE_DIR PROJECT_VERSION

Fails when a function, macro or type the headers declare is not listed, when a listed name is
declared by no header, when a name is listed twice or out of order, when a line cannot be read,
or when a version is later than PROJECT_VERSION (a name cannot come from a release that is not
this one or an earlier one), or deprecated before it was introduced."""

import pathlib
import re
import sys

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1] / "lib"))
from header_docs import public_names, report  # noqa: E402

_VERSION = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def version(text):
    m = _VERSION.match(text)
    return tuple(int(x) for x in m.groups()) if m else None


def main(argv):
    if len(argv) != 4:
        raise SystemExit(__doc__)
    symbols_file, include_dir, project = argv[1:]
    project_version = version(project)
    if project_version is None:
        raise SystemExit(f"project version {project!r} is not MAJOR.MINOR.PATCH")

    errors = []
    listed = {}
    order = []
    lines = pathlib.Path(symbols_file).read_text(encoding="utf-8").splitlines()
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"{symbols_file}:{number}"
        fields = line.split()
        if len(fields) not in (2, 3) or not re.match(r"^(rectify|RECTIFY)_[A-Za-z0-9_]*$", fields[0]):
            errors.append(f"{where}: expected 'NAME INTRODUCED [DEPRECATED]', got {line!r}")
            continue
        name, versions = fields[0], [version(v) for v in fields[1:]]
        if None in versions:
            errors.append(f"{where}: {name}: a version is not MAJOR.MINOR.PATCH")
            continue
        if any(v > project_version for v in versions):
            errors.append(f"{where}: {name}: version later than the project's {project}")
        if len(versions) == 2 and versions[1] < versions[0]:
            errors.append(f"{where}: {name}: deprecated before it was introduced")
        if name in listed:
            errors.append(f"{where}: {name} is listed twice")
        listed[name] = versions
        order.append(name)
    if order != sorted(order):
        first = next(a for a, b in zip(order, sorted(order)) if a != b)
        errors.append(f"{symbols_file}: not sorted by name (first out of place: {first})")

    declared = public_names(include_dir)
    for name, kind in sorted(declared.items()):
        if name not in listed:
            errors.append(f"the {kind} {name} is declared in {include_dir} but not listed in {symbols_file}")
    for name in sorted(listed):
        if name not in declared:
            errors.append(f"{name} is listed in {symbols_file} but no header in {include_dir} declares it")

    return report(errors, f"{len(listed)} names listed, all declared; {len(declared)} declared, all listed")


if __name__ == "__main__":
    sys.exit(main(sys.argv))
