# stats: the counts behind the notices as of a date, for an inspection, a unit, a round or all;
# report: the notice through `rectify report`, to standard output and to a file.
. "$(dirname "$0")/lib.sh"

seeded case.db
# A second unit in the same round with its first two issues still open, their measures due
# 2019-01-15: 9 of 11 done (81.82%), 7 measures overdue from 2019-01-16. Its money is 清退
# 42000.50元 (the seed's is 追缴11550元), so that a round's total differs from every category.
python3 - "$SEED" <<'PYEOF' || fail "cannot write second.json"
import json, sys
d = json.load(open(sys.argv[1]))
d["unit"] = {"ref": "tongcheng-dangan", "name": "市档案馆", "party_org": "市档案馆党组"}
d["inspection"]["ref"] = "tongcheng-2018-dangan"
def drop(x):
    if isinstance(x, dict):
        x.pop("ref", None)
        for v in x.values(): drop(v)
    elif isinstance(x, list):
        for v in x: drop(v)
drop(d["aspects"]); drop(d["outcomes"])
n = 0
for a in d["aspects"]:
    for i in a["issues"]:
        n += 1
        if n > 2: continue
        i["status"] = "in_progress"
        for m in i["measures"]:
            m.update(status="in_progress", category="deadline", deadline="2019-01-15")
def returned(x):
    if isinstance(x, dict):
        if x.get("type") == "money":
            x.update(category="returned", amount_fen=4200050)
        for v in x.values(): returned(v)
    elif isinstance(x, list):
        for v in x: returned(v)
returned(d["aspects"]); returned(d["outcomes"])
json.dump(d, open("second.json", "w"), ensure_ascii=False)
PYEOF
r --db case.db import second.json; expect_ok

# One inspection as JSON: the fields the issue names.
r --db case.db --json stats --inspection "$SEED_REF" --as-of 2019-01-31; expect_ok
py 'assert d["as_of"] == "2019-01-31", d["as_of"]'
py 'assert (d["issues_total"], d["issues_done"], d["issues_substantially_done"], d["issues_in_progress"], d["issues_not_done"]) == (11, 11, 0, 0, 0), d'
py 'assert (d["measures_total"], d["measures_overdue"], d["completion_rate"]) == (28, 0, "100.00%"), d'
py 'assert [a["title"] for a in d["aspects"]][0] == "党的政治建设方面" and len(d["aspects"]) == 6'
py 'assert d["outcomes"]["money_total"]["wan_yuan"] == "1.155万元"'
py 'assert (d["outcomes"]["money_total"]["fen"], d["outcomes"]["money_total"]["yuan"]) == (1155000, "11550.00元"), d["outcomes"]'

# The same as a clerk reads it.
r --db case.db stats --inspection "$SEED_REF" --as-of 2019-01-31; expect_ok
out_has "统计截至2019-01-31"
out_has "整改任务11项：已完成11项"
out_has "完成率100.00%"
out_has "；追缴11550.00元（1.155万元）；资金合计11550.00元（1.155万元）；问责"
out_has "整改措施28项：已完成14项，基本完成0项，正在推进14项，未启动0项；延期0项，逾期0项；完成率50.00%"
out_has "问题线索：移交0件，办结0件，办结率—"
out_has "党的政治建设方面"

# The second unit: overdue only from the day after the deadline.
r --db case.db --json stats --inspection tongcheng-2018-dangan --as-of 2019-01-15; expect_ok
py 'assert (d["issues_done"], d["completion_rate"], d["measures_overdue"]) == (9, "81.82%", 0), d'
r --db case.db --json stats --inspection tongcheng-2018-dangan --as-of 2019-01-16; expect_ok
py 'assert (d["measures_overdue"], d["issues_overdue"]) == (7, 2), d'

# The round: both units, one complete, none below 80%; the table of units in the text.
r --db case.db --json stats --round tongcheng-2018-round --as-of 2019-01-16; expect_ok
py 'assert (d["inspections"], d["issues_total"], d["issues_done"], d["completion_rate"]) == (2, 22, 20, "90.91%"), d'
py 'assert (d["units"]["complete"], d["units"]["below_80"]) == (1, 0), d["units"]'
r --db case.db stats --round tongcheng-2018-round --as-of 2019-01-16; expect_ok
out_has "全部完成1个"
out_has "市档案馆"
out_has "81.82%"
out_has "整改任务22项：已完成20项"
out_has "完成率90.91%"
# Each category, then the total of both inspections, to the fen: 元 with two decimals, 万元
# with two at least and every digit the amount needs.
out_has "；清退42000.50元（4.20005万元）；追缴11550.00元（1.155万元）；资金合计53550.50元（5.35505万元）；问责"
r --db case.db --json stats --round tongcheng-2018-round --as-of 2019-01-16; expect_ok
py 'm = d["outcomes"]["money_total"]; assert (m["fen"], m["yuan"], m["wan_yuan"]) == (5355050, "53550.50元", "5.35505万元"), m'
r --db case.db --json stats --unit tongcheng-dangan --as-of 2019-01-16; expect_ok
py 'assert d["inspections"] == 1 and d["units"]["rows"][0]["name"] == "市档案馆", d'

# Refusals: a date that does not exist, two scopes at once, an unknown inspection.
r --db case.db stats --inspection "$SEED_REF" --as-of 2019-02-30
expect_error 5
err_has 2019-02-30
r --db case.db stats --inspection "$SEED_REF" --round tongcheng-2018-round
expect_error 2
r --db case.db stats --inspection no-such-inspection
expect_error 3

# report --format text is the notice; --out writes the same bytes to a file, whole.
r --db case.db notice --inspection "$SEED_REF"; expect_ok
cp out.txt notice.txt
r --db case.db report --inspection "$SEED_REF" --format text; expect_ok
cmp -s out.txt notice.txt || fail "report --format text differs from notice"
r --db case.db report --inspection "$SEED_REF" --format text --out report.txt; expect_ok
out_has "report.txt"
cmp -s report.txt notice.txt || fail "report --out wrote something else"
[ ! -e report.txt.part ] || fail "a temporary file was left behind"
r --db case.db report --inspection "$SEED_REF" --format text --out no-such-dir/report.txt
expect_error 1
[ ! -e no-such-dir ] || fail "a failed write created a folder"
r --db case.db report --inspection "$SEED_REF" --format pdf
expect_error 2

# Without --as-of the day is today in Asia/Shanghai, whatever TZ says: at 2026-12-06T17:30Z
# (01:30 on the 7th in Beijing) it is 2026-12-07, in the printed answer and the library's own.
for zone in UTC America/New_York; do
    RECTIFY_TEST_NOW=2026-12-06T17:30:00Z TZ=$zone r --db case.db --json stats; expect_ok
    py 'assert d["as_of"] == "2026-12-07", d["as_of"]'
    RECTIFY_TEST_NOW=2026-12-06T15:59:59Z TZ=$zone r --db case.db --json stats; expect_ok
    py 'assert d["as_of"] == "2026-12-06", d["as_of"]'
    RECTIFY_TEST_NOW=2026-12-06T17:30:00Z TZ=$zone r --db case.db --json warnings; expect_ok
    grep -q '2026-12-07' out.txt || fail "warnings without --as-of are not for 2026-12-07 (TZ=$zone)"
done

finish
