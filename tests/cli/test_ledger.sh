# ledger: `rectify report` as the ledger (台账) in CSV and XLSX, and as an OSCAL POA&M.
# The CSV is read back with Python's csv module, the workbook opened as the zip archive it is
# (the sheet's XML and the shared strings), the POA&M validated against the OSCAL schema's parts
# it uses (schemas/oscal-poam-subset.schema.json).
. "$(dirname "$0")/lib.sh"
SCHEMA="$(cd "$(dirname "$0")" && pwd)/schemas/oscal-poam-subset.schema.json"
seeded s.db

# CSV: BOM, the 13 headers, 28 rows; the 11550元 measure is issue 8's first row.
r --db s.db report --inspection "$SEED_REF" --format csv --as-of 2019-03-01 --out ledger.csv
expect_ok
out_has "wrote the csv report"
python3 - <<'PYEOF' || fail "the CSV ledger is not as expected"
import csv, io
raw = open("ledger.csv", "rb").read()
assert raw.startswith(b"\xef\xbb\xbf"), raw[:8]
assert raw.count(b"\r\n") >= 29
rows = list(csv.reader(io.StringIO(raw[3:].decode("utf-8"), newline="")))
assert rows[0] == ["问题", "整改措施", "责任领导", "责任部门", "责任人", "整改时限", "完成情况", "状态", "预警", "佐证材料数", "销号日期", "完成时间", "备注"], rows[0]
assert len(rows) == 29, len(rows)
assert all(len(r) == 13 for r in rows)
money = rows[21]
assert money[0].startswith("8. ") and money[1] == "追缴超范围发放的公务交通补贴", money
assert "11550" in money[6], money[6]
assert money[7] == "已完成" and money[8] == "绿灯", money
assert sum(1 for r in rows[1:] if r[5] == "长期坚持") == sum(1 for r in rows[1:] if r[8] == "蓝灯") > 0
assert rows[-1][0].startswith("11. ")
# 完成时间: the seed's completed_date for the done 11550元 measure; empty where none is recorded
# and for work still going.
assert money[11] == "2019年1月18日", money
assert rows[1][7] == "已完成" and rows[1][11] == "", rows[1]
assert all(r[11] == "" for r in rows[1:] if r[7] == "整改中")
PYEOF
# A measure set done shows the day it was done, in the database's zone (17:30 UTC on 27 February
# is 28 February at UTC+8), in show and in the ledger; sent back to work it shows none.
M3="$SEED_REF/a1/i1/m3"
RECTIFY_TEST_NOW=2019-02-27T17:30:00Z TZ=America/New_York r --db s.db status set measure "$M3" done; expect_ok
r --db s.db --json show measure "$M3"; expect_ok
out_has '"completed_date":"2019-02-28"'
r --db s.db report --inspection "$SEED_REF" --format csv --as-of 2019-03-01 --out done.csv; expect_ok
python3 - <<'PYEOF' || fail "the measure set done has no 完成时间 in the ledger"
import csv
rows = list(csv.reader(open("done.csv", encoding="utf-8-sig", newline="")))
assert rows[3][1] and rows[3][7] == "已完成" and rows[3][11] == "2019年2月28日", rows[3]
PYEOF
RECTIFY_TEST_NOW=2019-03-02T02:00:00Z r --db s.db status set measure "$M3" in_progress; expect_ok
r --db s.db --json show measure "$M3"; expect_ok
out_has '"completed_date":null'
r --db s.db report --inspection "$SEED_REF" --format csv --as-of 2019-03-01 --out back.csv; expect_ok
cmp -s back.csv ledger.csv || fail "a measure sent back to work still shows a 完成时间"

# Standard output carries the same bytes.
r --db s.db report --inspection "$SEED_REF" --format csv --as-of 2019-03-01
expect_ok
cmp -s out.txt ledger.csv || fail "the CSV on standard output differs from the file"

# XLSX: refused on a terminal-less JSON run without --out; written with it.
r --db s.db --json report --inspection "$SEED_REF" --format xlsx
expect_error 2
r --db s.db report --inspection "$SEED_REF" --format xlsx --as-of 2019-03-01 --out ledger.xlsx
expect_ok
python3 - <<'PYEOF' || fail "the XLSX ledger is not as expected"
import re, zipfile
z = zipfile.ZipFile("ledger.xlsx")
assert z.testzip() is None
names = z.namelist()
assert "xl/worksheets/sheet1.xml" in names and "xl/sharedStrings.xml" in names, names
sheet = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
strings = z.read("xl/sharedStrings.xml").decode("utf-8")
core = z.read("docProps/core.xml").decode("utf-8")
# The title row, then the header row frozen below it, the autofilter over the table.
assert re.search(r'<pane [^>]*ySplit="2"[^>]*state="frozen"', sheet), sheet[:800]
assert '<autoFilter ref="A2:M30"' in sheet, re.findall(r"<autoFilter[^>]*>", sheet)
cols = re.findall(r'<col min="(\d+)" max="(\d+)" width="([\d.]+)"', sheet)
assert len(cols) == 13, cols
widths = [float(w) for _, _, w in cols]
assert all(5 < w <= 62.8 for w in widths), widths
assert widths[6] > widths[9], widths  # 完成情况 is wider than 佐证材料数
assert '<mergeCell ref="A1:M1"/>' in sheet
rows = re.findall(r'<row r="(\d+)"', sheet)
assert len(rows) == 2 + 28 and rows[-1] == "30", rows[-3:]
for h in ["问题", "整改措施", "责任领导", "责任部门", "责任人", "整改时限", "完成情况", "状态", "预警", "佐证材料数", "销号日期", "完成时间", "备注"]:
    assert "<t>%s</t>" % h in strings, h
assert "市妇联党组政治巡察整改台账（党内版，截至2019年3月1日）" in strings
assert "市妇联党组政治巡察整改台账（党内版，截至2019年3月1日）" in core
assert "追缴超范围发放的公务交通补贴" in strings
PYEOF

# The public and the internal workbook each say which they are: the title row, the workbook's
# title property and the sheet's name.
r --db s.db report --inspection "$SEED_REF" --format xlsx --audience public --as-of 2019-03-01 --out public.xlsx
expect_ok
python3 - <<'PYEOF' || fail "the two workbooks do not say which version they are"
import re, zipfile
def parts(path):
    z = zipfile.ZipFile(path)
    sheets = re.findall(r'<sheet name="([^"]*)"', z.read("xl/workbook.xml").decode("utf-8"))
    strings = z.read("xl/sharedStrings.xml").decode("utf-8")
    core = z.read("docProps/core.xml").decode("utf-8")
    return sheets, strings, core
for path, version, other in [("ledger.xlsx", "党内版", "向社会公开版"), ("public.xlsx", "向社会公开版", "党内版")]:
    sheets, strings, core = parts(path)
    assert sheets == ["台账（%s）" % version], (path, sheets)
    title = "市妇联党组政治巡察整改台账（%s，截至2019年3月1日）" % version
    assert "<t>%s</t>" % title in strings, (path, re.findall(r"<t>[^<]*整改台账[^<]*</t>", strings))
    assert title in core, path
    assert other not in strings and other not in core, path
PYEOF

# OSCAL: valid against the schema's parts, 11 items, the same bytes on a second export.
r --db s.db report --inspection "$SEED_REF" --format oscal --as-of 2019-03-01 --out poam.json
expect_ok
r --db s.db report --inspection "$SEED_REF" --format oscal --as-of 2019-03-01 --out poam2.json
expect_ok
cmp -s poam.json poam2.json || fail "two OSCAL exports differ"
python3 - "$SCHEMA" <<'PYEOF' || fail "the OSCAL POA&M is not as expected"
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1], encoding="utf-8"))
doc = json.load(open("poam.json", encoding="utf-8"))
jsonschema.Draft7Validator.check_schema(schema)
errors = sorted(jsonschema.Draft7Validator(schema).iter_errors(doc), key=lambda e: list(e.path))
for e in errors[:10]:
    print("/".join(map(str, e.path)), e.message, file=sys.stderr)
assert not errors, len(errors)
poam = doc["plan-of-action-and-milestones"]
assert len(poam["poam-items"]) == 11 and len(poam["risks"]) == 11
assert sum(len(r["remediations"]) for r in poam["risks"]) == 28
# The validator itself must refuse a broken document, or the check above proves nothing.
bad = json.loads(json.dumps(doc))
bad["plan-of-action-and-milestones"]["poam-items"][0]["uuid"] = "not-a-uuid"
del bad["plan-of-action-and-milestones"]["risks"][0]["status"]
assert len(list(jsonschema.Draft7Validator(schema).iter_errors(bad))) == 2
PYEOF

# A close-out covers the issue's sub-issues; a reopened issue is not closed out. A copy of the seed
# with a sub-issue (9.（1）) under a6/i2 and one below that (9.（1）1)).
python3 - "$SEED" <<'PYEOF' || fail "cannot make the sub-issue document"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
ref = d["aspects"][5]["issues"][1]["ref"]
def measure(r, title):
    return {"ref": r, "title": title, "category": "immediate", "status": "done"}
grandchild = {"ref": ref + "/i1/i1", "title": "驾驶员出车登记不全", "status": "done",
              "measures": [measure(ref + "/i1/i1/m1", "补全出车登记")]}
d["aspects"][5]["issues"][1]["issues"] = [{"ref": ref + "/i1", "title": "车辆派遣未经审批", "status": "done",
    "measures": [measure(ref + "/i1/m1", "建立派车审批单")], "issues": [grandchild]}]
json.dump(d, open("sub.json", "w", encoding="utf-8"), ensure_ascii=False)
PYEOF
r --db sub.db init; expect_ok
r --db sub.db import sub.json; expect_ok
r --db sub.db close-out guards --set '{"min_evidence": 0}'; expect_ok
r --db sub.db close-out "$SEED_REF/a6/i2" --date 2019-02-01; expect_ok
r --db sub.db report --inspection "$SEED_REF" --format csv --as-of 2019-03-01 --out closed.csv; expect_ok
python3 - <<'PYEOF' || fail "a sub-issue does not show its parent's close-out"
import csv
rows = list(csv.reader(open("closed.csv", encoding="utf-8-sig", newline="")))
assert len(rows) == 1 + 30, len(rows)
i2 = [r for r in rows[1:] if r[0].startswith("9.")]
assert [r[1] for r in i2][2:] == ["建立派车审批单", "补全出车登记"], i2
assert i2[2][0].startswith("9.（1）") and i2[3][0].startswith("9.（1）1)"), i2
assert all(r[10] == "2019年2月1日" and r[12] == "" for r in i2), i2
assert all(r[10] == "" for r in rows[1:] if not r[0].startswith("9.")), rows
PYEOF
# A look-back finds it relapsed and adds a measure: no row of the issue shows the old date, 备注
# keeps it, the sub-issues' rows say their parent is being rectified again.
printf '[{"title": "重新规范公务用车审批", "deadline": "2019-08-31"}]' > rerect.json
r --db sub.db --json review schedule --inspection "$SEED_REF" --date 2019-06-01 --team 回头看小组; expect_ok
REVIEW=$(pyval 'd["id"]')
r --db sub.db review verdict "$REVIEW" "$SEED_REF/a6/i2" relapsed --date 2019-06-10 --findings 公务用车又未经平台审批 \
    --measures rerect.json; expect_ok
for format in csv xlsx; do
    r --db sub.db report --inspection "$SEED_REF" --format $format --as-of 2019-06-15 --out relapsed.$format; expect_ok
done
python3 - <<'PYEOF' || fail "a reopened issue still shows its old 销号日期"
import csv, zipfile
rows = list(csv.reader(open("relapsed.csv", encoding="utf-8-sig", newline="")))
assert len(rows) == 1 + 31, len(rows)
i2 = [r for r in rows[1:] if r[0].startswith("9.")]
assert [r[1] for r in i2] == ["修订完善公务用车管理制度，规范用车申请", i2[1][1], "重新规范公务用车审批",
                              "建立派车审批单", "补全出车登记"], [r[1] for r in i2]
assert all(r[10] == "" for r in rows[1:]), [r[10] for r in rows[1:]]
assert [r[12] for r in i2] == ["重新整改（曾于2019年2月1日销号）"] * 3 + ["所属问题重新整改（曾于2019年2月1日销号）"] * 2, i2
assert all(r[12] == "" for r in rows[1:] if not r[0].startswith("9.")), rows
strings = zipfile.ZipFile("relapsed.xlsx").read("xl/sharedStrings.xml").decode("utf-8")
assert "<t>重新整改（曾于2019年2月1日销号）</t>" in strings and "<t>备注</t>" in strings
assert "2019年2月1日</t>" not in strings.replace("曾于2019年2月1日销号）</t>", "")
PYEOF
