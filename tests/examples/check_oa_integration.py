"""example.c_oa, example.cpp_oa: runs an OA integration example as a host would, checks its output.

    check_oa_integration.py EXAMPLE SEED_CASE WORK_DIR

The C and the C++ example promise the same output, so one check serves both: the import
summary, the progress line, the warnings table (exactly the red and yellow rows the derived case
should give, most urgent first, and nothing else), the overdue count, and the notice carrying the
progress just added. Then the failure paths: a missing document and an unknown measure must end
the program with status 1 and rectify_errmsg()'s message on stderr.
"""
import os
import subprocess
import sys

import overdue_cases as cases

PROGRESS_DATE = "2019-02-20"
PROGRESS_TEXT = "召开党组会议专题研究妇联重点工作，形成任务清单。"
MEASURE = "tongcheng-2018-fulian/a4/i1/m1"

# The rows the table must hold, in order: light, days left, deadline, title.
EXPECTED_ROWS = [
    ("红灯", "-29", "2019-01-31", cases.FULIAN_TITLES["tongcheng-2018-fulian/a4/i1/m1"]),
    ("红灯", "-14", "2019-02-15", cases.FULIAN_TITLES["tongcheng-2018-fulian/a5/i1/m1"]),
    ("黄灯", "9", "2019-03-10", cases.FULIAN_TITLES["tongcheng-2018-fulian/a5/i1/m2"]),
]

failures = []


def expect(condition, what):
    if not condition:
        failures.append(what)


def run(example, *args):
    return subprocess.run([example, *args], capture_output=True, text=True, timeout=120)


def table_rows(out):
    """The rows between the table's heading line and the overdue count, split into columns."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("预警   剩余"))
    rows = []
    for line in lines[start + 1:]:
        if line.startswith("逾期未完成"):
            break
        light, days, deadline, rest = line.split(maxsplit=3)
        rows.append((light, days, deadline, rest.split(" / ")[0]))
    return rows


def main(example, seed, work_dir):
    fulian, _ = cases.write_cases(seed, work_dir)
    db = os.path.join(work_dir, "oa.db")
    for stale in (db, db + "-wal", db + "-shm", db + "-journal"):
        if os.path.exists(stale):
            os.remove(stale)

    result = run(example, db, fulian, MEASURE, PROGRESS_DATE, PROGRESS_TEXT, cases.AS_OF)
    out = result.stdout
    expect(result.returncode == 0, f"exit status {result.returncode}, stderr: {result.stderr}")
    expect(out.startswith("导入：{"), "the import summary comes first")
    expect(f"进展：措施 {MEASURE} 记入 {PROGRESS_DATE} 的进展 #" in out, "the progress line")
    expect(f"预警（截至{cases.AS_OF}）" in out, "the warnings heading")
    try:
        rows = table_rows(out)
        expect(rows == EXPECTED_ROWS, f"warnings table: {rows}\n  expected {EXPECTED_ROWS}")
    except (StopIteration, ValueError) as e:
        expect(False, f"no readable warnings table ({e!r})")
    expect("逾期未完成：2项" in out, "the overdue count (2)")
    expect("市妇联党组关于巡察整改情况的通报" in out, "the notice's title")
    expect("（一）党的政治建设方面" in out and "11.工会未开设银行账户和独立核算" in out, "the notice's headings")
    expect(PROGRESS_TEXT in out.split("市妇联党组关于巡察整改情况的通报", 1)[-1],
           "the progress just added, in the notice")

    missing = os.path.join(work_dir, "no-such-inspection.json")
    result = run(example, db, missing, MEASURE, PROGRESS_DATE, PROGRESS_TEXT, cases.AS_OF)
    expect(result.returncode == 1, f"a missing document: exit status {result.returncode}")
    expect("oa_integration: " in result.stderr and "no-such-inspection.json" in result.stderr,
           f"a missing document: the message names the file: {result.stderr!r}")

    result = run(example, db, fulian, "no/such/measure", PROGRESS_DATE, PROGRESS_TEXT, cases.AS_OF)
    expect(result.returncode == 1, f"an unknown measure: exit status {result.returncode}")
    expect("no/such/measure" in result.stderr, f"an unknown measure: the message names it: {result.stderr!r}")

    if failures:
        sys.stdout.write(out)
        for f in failures:
            print(f"FAILED: {f}", file=sys.stderr)
        return 1
    print(f"{os.path.basename(example)}: import, progress, warnings, notice and failures as expected")
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit(f"usage: {sys.argv[0]} EXAMPLE SEED_CASE WORK_DIR")
    sys.exit(main(*sys.argv[1:]))
