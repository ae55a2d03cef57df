#!/usr/bin/env python3
"""overdue_and_ledger: what a supervisor's script asks of rectify every morning.

    overdue_and_ledger.py DB.db UNIT_REF AS_OF OUT_DIR [INSPECTION.json ...]

Imports the inspection documents given (import is idempotent by ref, so a nightly export can be
fed in again), prints the overdue measures of the unit the host knows as UNIT_REF as of AS_OF,
earliest deadline first, and writes the ledger (台账) of each of that unit's inspections into
OUT_DIR as an Excel workbook and as CSV, named by the inspection's ref.

Needs the rectify package (bindings/python) on the path and librectify, found through
RECTIFY_LIBRARY or the system (bindings/python/README.md).
"""
import os
import sys

import rectify
from rectify import Format, Kind


def print_overdue(db, unit_id, unit_name, as_of):
    rows = db.overdue(unit_id=unit_id, as_of=as_of)
    print(f"{unit_name} 逾期未完成的整改措施（截至{as_of}）：{len(rows)}项")
    for row in rows:
        # days_left is negative once the deadline has passed.
        who = " / ".join(x for x in (row["department"], row["person"]) if x)
        print(f"  逾期{-row['days_left']:>4}天  {row['deadline']}  {row['title']}" + (f"  （{who}）" if who else ""))


def write_ledgers(db, unit_id, as_of, out_dir):
    """Both ledgers of every inspection of the unit; returns the paths written."""
    written = []
    for inspection in db.records(Kind.INSPECTION):
        if inspection["unit_id"] != unit_id:
            continue
        stem = os.path.join(out_dir, inspection["ref"].replace("/", "_"))
        workbook = db.render_report(inspection["id"], Format.XLSX, as_of=as_of)  # bytes
        with open(stem + ".xlsx", "wb") as f:
            f.write(workbook)
        # The CSV comes with a byte order mark and CRLF line ends, as Excel wants it: newline=""
        # keeps Python from adding to them.
        table = db.render_report(inspection["id"], Format.CSV, as_of=as_of)
        with open(stem + ".csv", "w", encoding="utf-8", newline="") as f:
            f.write(table)
        written += [stem + ".xlsx", stem + ".csv"]
    return written


def main(argv):
    if len(argv) < 5:
        print(f"usage: {argv[0]} DB.db UNIT_REF AS_OF OUT_DIR [INSPECTION.json ...]", file=sys.stderr)
        return 2
    db_path, unit_ref, as_of, out_dir, documents = argv[1], argv[2], argv[3], argv[4], argv[5:]
    try:
        with rectify.open(db_path, actor="supervision-script") as db:
            for document in documents:
                db.import_file(document)
            unit_id = db.find(Kind.UNIT, unit_ref)
            print_overdue(db, unit_id, db.get(Kind.UNIT, unit_id)["name"], as_of)
            os.makedirs(out_dir, exist_ok=True)
            for path in write_ledgers(db, unit_id, as_of, out_dir):
                print(f"台账：{path}")
    except rectify.RectifyError as e:
        # e.message is rectify_errmsg(): what failed and where (a field path, a line).
        print(f"overdue_and_ledger: {type(e).__name__}: {e.message}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
