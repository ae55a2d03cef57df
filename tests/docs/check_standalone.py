#!/usr/bin/env python3
"""repo.standalone: the repository builds, tests and documents itself with nothing beside it.

    check_standalone.py SOURCE_DIR

No file of the source tree reads or cites anything outside it (a path that climbs out of the
repository into a sibling folder), every docs/*.md a file names exists, and the data the tests
compare with is here with its licence: the holiday-cn notices and the seed notice."""

import os
import re
import sys

SKIP_DIRS = {".git", "node_modules", "target", "__pycache__"}
TEXT_SUFFIXES = {".c", ".h", ".cpp", ".hpp", ".cmake", ".txt", ".md", ".py", ".sh", ".java",
                 ".in", ".dict", ".json", ".map", ".xml", ""}
OUTSIDE = re.compile(r"\.\./(shared|fixtures|calendars)\b|\bDESIGN\.md\b")
DOC_REF = re.compile(r"\bdocs/([A-Za-z0-9_.-]+\.md)\b")
REQUIRED = [
    "data/calendars/holiday-cn/LICENSE",
    "data/calendars/holiday-cn/README.md",
    "data/calendars/holiday-cn/schema.json",
    "tests/fixtures/seed-report.txt",
    "docs/design.md",
]


def source_files(root):
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if x not in SKIP_DIRS and not x.startswith("build")]
        for f in files:
            if os.path.splitext(f)[1] in TEXT_SUFFIXES or f in ("Makefile", "CMakeLists.txt"):
                yield os.path.join(d, f)


def main():
    root = os.path.abspath(sys.argv[1])
    problems = []
    for rel in REQUIRED:
        if not os.path.isfile(os.path.join(root, rel)):
            problems.append(f"{rel}: missing")
    for y in range(2007, 2027):
        rel = f"data/calendars/holiday-cn/{y}.json"
        if not os.path.isfile(os.path.join(root, rel)):
            problems.append(f"{rel}: missing")
    me = os.path.abspath(__file__)
    for path in source_files(root):
        if os.path.abspath(path) == me or os.path.basename(path) == "CHANGELOG.md":
            continue
        try:
            text = open(path, encoding="utf-8").read()
        except (UnicodeDecodeError, OSError):
            continue
        rel = os.path.relpath(path, root)
        for n, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                problems.append(f"{rel}:{n}: names something outside the repository: {line.strip()}")
            for doc in DOC_REF.findall(line):
                if not os.path.isfile(os.path.join(root, "docs", doc)):
                    problems.append(f"{rel}:{n}: docs/{doc} does not exist")
    for p in problems:
        print(p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
