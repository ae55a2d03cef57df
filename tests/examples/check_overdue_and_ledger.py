"""example.python_overdue: runs examples/python/overdue_and_ledger.py, checks its list and files.

    check_overdue_and_ledger.py EXAMPLE SEED_CASE WORK_DIR

The environment gives the example the package (PYTHONPATH) and the library (RECTIFY_LIBRARY).
Two units are imported; the example is asked about 市妇联 and must list exactly its two overdue
measures, earliest deadline first, leaving out the other unit's and the done one; it must write
that unit's ledger as a workbook (a ZIP: "PK\\3\\4") and as CSV (a byte order mark, then the
header row, then the overdue measure lit red), and no ledger of the other unit. Asked about the
other unit, it must list that unit's one measure. A unit nobody imported must fail with status 1.
"""
import os
import shutil
import subprocess
import sys

import overdue_cases as cases

failures = []


def expect(condition, what):
    if not condition:
        failures.append(what)


def run(example, *args):
    return subprocess.run([sys.executable, example, *args], capture_output=True, text=True, timeout=120)


def overdue_lines(out):
    return [line.strip() for line in out.splitlines() if line.startswith("  逾期")]


def check_fulian(example, db, out_dir, documents):
    result = run(example, db, "tongcheng-fulian", cases.AS_OF, out_dir, *documents)
    expect(result.returncode == 0, f"exit status {result.returncode}, stderr: {result.stderr}")
    out = result.stdout
    expect(f"市妇联 逾期未完成的整改措施（截至{cases.AS_OF}）：2项" in out, "the heading counts 2 measures")
    lines = overdue_lines(out)
    expected = [
        f"逾期  29天  2019-01-31  {cases.FULIAN_TITLES['tongcheng-2018-fulian/a4/i1/m1']}",
        f"逾期  14天  2019-02-15  {cases.FULIAN_TITLES['tongcheng-2018-fulian/a5/i1/m1']}",
    ]
    expect([line.split("  （")[0] for line in lines] == expected, f"overdue list: {lines}\n  expected {expected}")
    expect(cases.OTHER_OVERDUE_TITLE not in out, "the other unit's measure is left out")
    expect(cases.FULIAN_TITLES["tongcheng-2018-fulian/a6/i1/m1"] not in out, "the done measure is left out")

    stem = os.path.join(out_dir, "tongcheng-2018-fulian")
    expect(f"台账：{stem}.xlsx" in out and f"台账：{stem}.csv" in out, "both ledgers are reported")
    if os.path.exists(stem + ".xlsx"):
        with open(stem + ".xlsx", "rb") as f:
            expect(f.read(4) == b"PK\x03\x04", "the workbook is a ZIP file")
    else:
        expect(False, "the workbook was written")
    if os.path.exists(stem + ".csv"):
        with open(stem + ".csv", "rb") as f:
            data = f.read()
        expect(data.startswith(b"\xef\xbb\xbf"), "the CSV starts with a byte order mark")
        text = data.decode("utf-8-sig")
        header = text.split("\r\n", 1)[0]
        expect(header.startswith("问题,整改措施,责任领导,责任部门,责任人,整改时限") and "预警" in header,
               f"the CSV's header row: {header!r}")
        expect("红灯（已逾期29天）" in text, "the CSV lights the overdue measure red")
    else:
        expect(False, "the CSV was written")
    other = [n for n in os.listdir(out_dir) if n.startswith(cases.OTHER_INSPECTION_REF)]
    expect(not other, f"no ledger of the other unit: {other}")


def main(example, seed, work_dir):
    documents = cases.write_cases(seed, work_dir)
    db = os.path.join(work_dir, "supervision.db")
    out_dir = os.path.join(work_dir, "ledgers")
    for stale in (db, db + "-wal", db + "-shm", db + "-journal"):
        if os.path.exists(stale):
            os.remove(stale)
    shutil.rmtree(out_dir, ignore_errors=True)

    check_fulian(example, db, out_dir, documents)

    # Already imported: the other unit is asked about without feeding the documents again.
    result = run(example, db, cases.OTHER_UNIT_REF, cases.AS_OF, os.path.join(work_dir, "ledgers-other"))
    expect(result.returncode == 0, f"the other unit: exit status {result.returncode}, stderr: {result.stderr}")
    lines = [line.split("  （")[0] for line in overdue_lines(result.stdout)]
    expect(lines == [f"逾期  45天  {cases.OTHER_OVERDUE_DEADLINE}  {cases.OTHER_OVERDUE_TITLE}"],
           f"the other unit's list: {lines}")

    result = run(example, db, "no-such-unit", cases.AS_OF, out_dir)
    expect(result.returncode == 1, f"an unknown unit: exit status {result.returncode}")
    expect("NotFoundError" in result.stderr and "no-such-unit" in result.stderr,
           f"an unknown unit: the message names it: {result.stderr!r}")

    if failures:
        for f in failures:
            print(f"FAILED: {f}", file=sys.stderr)
        return 1
    print("overdue_and_ledger.py: one unit's overdue list, its workbook and CSV as expected")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(f"usage: {sys.argv[0]} EXAMPLE SEED_CASE WORK_DIR")
    sys.exit(main(*sys.argv[1:]))
