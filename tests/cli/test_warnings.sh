# warnings, due, overdue: the seed case with a feedback date and deadlines set (and a second unit
# built from it), judged as of fixed dates: lights, most urgent first, totals, roll-ups, scopes,
# paging, the JSON shape; derived deadlines and rule profiles.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"

# timed.json: the seed fed back on 2018-11-20 with deadlines on issue 1's measures (m1 done, due
# 2019-01-10; m2 in progress, due 2019-01-10, leader 王主席; m4 made a deadline measure due
# 2019-01-25) and issue 11's measure (a6/i4/m1) in progress, due 2019-02-28.
# second.json: the same case for a second unit (市总工会), fed back 2018-12-10, in which one
# ongoing measure (a2/i1/m2) was given a deadline, 2019-01-05.
python3 - "$SEED" <<'PYEOF' || fail "cannot write the timed documents"
import json, sys
seed = open(sys.argv[1], encoding="utf-8").read()
d = json.loads(seed)
def m(doc, a, i, k):
    return doc["aspects"][a]["issues"][i]["measures"][k]
d["inspection"]["feedback_date"] = "2018-11-20"
m(d, 0, 0, 0)["deadline"] = "2019-01-10"
m2 = m(d, 0, 0, 1); m2.update(deadline="2019-01-10", status="in_progress", leader="王主席")
m4 = m(d, 0, 0, 3); m4.update(deadline="2019-01-25", category="deadline")
m11 = m(d, 5, 3, 0); m11.update(deadline="2019-02-28", status="in_progress", person="owner1")
json.dump(d, open("timed.json", "w", encoding="utf-8"), ensure_ascii=False)

e = json.loads(seed.replace("tongcheng-2018-fulian", "tongcheng-2018-zonggonghui"))
e["unit"] = {"ref": "tongcheng-zonggonghui", "name": "市总工会", "party_org": "市总工会党组"}
e["inspection"]["feedback_date"] = "2018-12-10"
m(e, 1, 0, 1).update(deadline="2019-01-05", category="deadline")
json.dump(e, open("second.json", "w", encoding="utf-8"), ensure_ascii=False)
PYEOF
FULIAN=tongcheng-2018-fulian
GONGHUI=tongcheng-2018-zonggonghui

r --db w.db init; expect_ok
r --db w.db import timed.json; expect_ok
r --db w.db import second.json; expect_ok
r --db w.db --json show unit tongcheng-zonggonghui; expect_ok
UNIT2=$(pyval 'd["id"]')
id_of() { # id_of REF: the measure's id
    r --db w.db --json show measure "$1"; expect_ok "(show measure $1)"
    pyval 'd["id"]'
}
M2=$(id_of $FULIAN/a1/i1/m2)
M4=$(id_of $FULIAN/a1/i1/m4)
M11=$(id_of $FULIAN/a6/i4/m1)
G2=$(id_of $GONGHUI/a2/i1/m2)

# The import derived the inspections' deadlines by the default profile.
r --db w.db --json show inspection $FULIAN; expect_ok
py 'assert (d["plan_due"], d["concentrated_end"], d["report_due"], d["evaluation_due"]) == (
    "2018-12-20", "2019-01-21", "2019-01-21", "2019-02-21"), d'

# The whole database as of 2019-01-15, as JSON: the shape, the order, the totals.
r --db w.db --json warnings --as-of 2019-01-15
expect_ok
py '
assert set(d) == {"as_of", "rollup", "totals", "rows"}, set(d)
assert d["as_of"] == "2019-01-15" and d["rollup"] == "measure"
assert d["totals"] == {"red": 2, "yellow": 1, "green": 27, "blue": 26, "extended": 0}, d["totals"]
rows = d["rows"]
assert len(rows) == 56, len(rows)
keys = {"kind", "id", "ref", "title", "inspection_id", "issue_id", "leader", "department", "person",
        "category", "deadline", "status", "light", "days_left", "stage", "extended", "followup_missed"}
assert all(keys <= set(r) for r in rows), set(rows[0])
assert [(r["id"], r["light"], r["days_left"]) for r in rows[:3]] == [
    ('$G2', "red", -10), ('$M2', "red", -5), ('$M4', "yellow", 10)], rows[:3]
assert rows[2]["stage"] == 2
order = {"red": 0, "yellow": 1, "blue": 2, "green": 3}
assert [order[r["light"]] for r in rows] == sorted(order[r["light"]] for r in rows), "not most urgent first"
assert sum(r["light"] == "blue" for r in rows) == 26'

# As a table: lights in Chinese, the overdue ones first, the totals line.
r --db w.db warnings --as-of 2019-01-15
expect_ok
out_has "预警 截至 2019-01-15（按措施）"
out_has "合计：红 2，黄 1，蓝 26，绿 27；其中延期措施 0 项"
out_has "共 56 条"
table_only() { # the table of out.txt (the lines between the title and the totals) and its count line
    python3 - "$@" <<'PYEOF'
import sys
lines = open("out.txt", encoding="utf-8").read().splitlines()
body = [l for l in lines[1:] if not l.startswith("合计：")]
open("table.txt", "w", encoding="utf-8").write("\n".join(body) + "\n")
PYEOF
}
table_only
cp table.txt out.txt
ROWS=$(python3 "$HERE/check_table.py" out.txt 预警 编号 整改措施 责任领导 责任人 整改时限 剩余 状态 备注 2>table-err.txt) || {
    cat table-err.txt >&2; fail "warnings table check failed"; }
[ "$ROWS" -eq 56 ] || fail "expected 56 rows, got $ROWS"
sed -n 3p out.txt | grep -qE "^红 +$G2 .* 2019-01-05 +逾期10天 +整改中" || fail "first row is not the earliest overdue measure"
sed -n 4p out.txt | grep -qE "^红 +$M2 .*王主席 .* 2019-01-10 +逾期5天 +整改中" || fail "second row is not m2"
sed -n 5p out.txt | grep -qE "^黄 +$M4 .* 2019-01-25 +剩10天 +整改中 +预警第2级$" || fail "third row is not the yellow m4"
grep -qE '^蓝 ' out.txt || fail "no blue row"
grep -qE '^绿 ' out.txt || fail "no green row"

# Done is done: m1, done and due 2019-01-10, has no overdue days as of 2019-01-15, in JSON and in
# the table's 剩余 column (已完成, never 逾期).
M1=$(id_of $FULIAN/a1/i1/m1)
r --db w.db --json warnings --as-of 2019-01-15
expect_ok
py '
m1 = [r for r in d["rows"] if r["id"] == '$M1'][0]
assert m1["status"] == "done" and m1["deadline"] == "2019-01-10", m1
assert m1["light"] == "green" and m1["days_left"] is None, m1'
r --db w.db warnings --as-of 2019-01-15 --full
expect_ok
grep -qE "^绿 +$M1 .* 2019-01-10 +已完成 +已完成" out.txt || fail "the done measure's 剩余 column is not 已完成"
grep -E "^绿 " out.txt | grep -q "逾期" && fail "a done measure is shown overdue"

# --only red (or 红), --limit and --offset page over the same order; totals count all that matched.
r --db w.db --json warnings --as-of 2019-01-15 --only red
expect_ok
py 'assert [r["id"] for r in d["rows"]] == ['$G2', '$M2'] and d["totals"]["red"] == 2 and d["totals"]["green"] == 0, d'
r --db w.db --json warnings --as-of 2019-01-15 --only 红,黄
expect_ok
py 'assert [r["light"] for r in d["rows"]] == ["red", "red", "yellow"], d["rows"]'
r --db w.db --json warnings --as-of 2019-01-15 --limit 2 --offset 1
expect_ok
py 'assert [r["id"] for r in d["rows"]] == ['$M2', '$M4'] and d["totals"]["red"] == 2, d'
r --db w.db warnings --as-of 2019-01-15 --limit 2 --offset 1
expect_ok
out_has "显示第 2-3 条，共 56 条"
r --db w.db warnings --as-of 2019-01-15 --only purple
expect_error 2
err_has purple

# Scopes: by unit (ID or ref), inspection, round, leader.
r --db w.db --json warnings --as-of 2019-01-15 --unit tongcheng-fulian
expect_ok
py 'assert d["totals"] == {"red": 1, "yellow": 1, "green": 13, "blue": 13, "extended": 0}, d["totals"]'
r --db w.db --json warnings --as-of 2019-01-15 --unit "$UNIT2"
expect_ok
py 'assert d["totals"] == {"red": 1, "yellow": 0, "green": 14, "blue": 13, "extended": 0}, d["totals"]'
r --db w.db --json warnings --as-of 2019-01-15 --inspection $GONGHUI --only red
expect_ok
py 'assert [r["id"] for r in d["rows"]] == ['$G2'], d'
r --db w.db --json warnings --as-of 2019-01-15 --round tongcheng-2018-round
expect_ok
py 'assert len(d["rows"]) == 56'
r --db w.db --json warnings --as-of 2019-01-15 --leader 王主席
expect_ok
py 'assert [r["id"] for r in d["rows"]] == ['$M2'], d'
r --db w.db warnings --as-of 2019-01-15 --unit no-such-unit
expect_error 3
r --db w.db warnings --as-of 2019-01-15 --unit 999
expect_error 3
r --db w.db warnings --as-of 2019-01-15 --inspection 999
expect_error 3

# Roll-ups: --by unit, issue, inspection, round.
r --db w.db --json warnings --as-of 2019-01-15 --by unit
expect_ok
py '
assert d["rollup"] == "unit"
rows = d["rows"]
assert [(r["kind"], r["name"], r["light"]) for r in rows] == [("unit", "市妇联", "red"), ("unit", "市总工会", "red")], rows
assert rows[0]["counts"] == {"red": 1, "yellow": 1, "green": 13, "blue": 13}, rows[0]
assert rows[1]["counts"] == {"red": 1, "yellow": 0, "green": 14, "blue": 13}, rows[1]'
r --db w.db warnings --as-of 2019-01-15 --by unit
expect_ok
out_has "预警 截至 2019-01-15（按单位）"
grep -qE '^红 +[0-9]+ +市妇联 +1 +1 +13 +13$' out.txt || fail "no 市妇联 roll-up row"
grep -qE '^红 +[0-9]+ +市总工会 +1 +0 +13 +14$' out.txt || fail "no 市总工会 roll-up row"
r --db w.db --json warnings --as-of 2019-01-15 --by 问题 --only red,yellow
expect_ok
py 'assert [(r["kind"], r["light"]) for r in d["rows"]] == [("issue", "red"), ("issue", "red")], d["rows"]'
r --db w.db --json warnings --as-of 2019-01-15 --by round
expect_ok
py 'assert len(d["rows"]) == 1 and d["rows"][0]["counts"]["red"] == 2, d'
r --db w.db --json warnings --as-of 2019-01-15 --by inspection --unit tongcheng-fulian
expect_ok
py 'assert len(d["rows"]) == 1 and d["rows"][0]["light"] == "red", d'
r --db w.db warnings --as-of 2019-01-15 --by department
expect_error 2

# Later: on 2019-03-01 four measures are overdue; earlier, on 2018-12-01, nothing is red.
r --db w.db --json warnings --as-of 2019-03-01 --only red
expect_ok
py 'assert [r["id"] for r in d["rows"]] == ['$G2', '$M2', '$M4', '$M11'], d["rows"]'
r --db w.db --json warnings --as-of 2018-12-01
expect_ok
py 'assert d["totals"]["red"] == 0 and d["totals"]["yellow"] == 0, d["totals"]'

# due: deadlines from the as-of date to N days after it, earliest first.
r --db w.db --json due --within 15 --as-of 2019-01-15
expect_ok
py 'assert [r["id"] for r in d] == ['$M4'] and d[0]["light"] == "yellow", d'
r --db w.db --json due --within 60 --as-of 2019-01-15
expect_ok
py 'assert [r["id"] for r in d] == ['$M4', '$M11'], d'
r --db w.db --json due --within 10 --as-of 2019-01-15 # the deadline day itself counts
expect_ok
py 'assert [r["id"] for r in d] == ['$M4'], d'
r --db w.db --json due --within 9 --as-of 2019-01-15
expect_ok
py 'assert d == [], d'
r --db w.db due --within 60 --as-of 2019-01-15 --unit tongcheng-zonggonghui
expect_ok
out_has "共 0 条"
r --db w.db due --within 60 --as-of 2019-01-15
expect_ok
out_has "60 天内到期"
out_has "共 2 条"
grep -qE "^黄 +$M4 " out.txt || fail "due table lacks m4"
r --db w.db due --within -1 --as-of 2019-01-15
expect_error 5
r --db w.db due --within 5000 --as-of 2019-01-15
expect_error 5
r --db w.db due --as-of 2019-01-15
expect_error 2

# overdue: open measures past their deadline, earliest first; --count.
r --db w.db --json overdue --as-of 2019-01-15
expect_ok
py 'assert [(r["id"], r["light"]) for r in d] == [('$G2', "red"), ('$M2', "red")], d'
r --db w.db overdue --as-of 2019-01-15 --count
expect_ok
[ "$OUT" = 2 ] || fail "overdue --count printed '$OUT'"
r --db w.db --json overdue --as-of 2019-03-01 --count
expect_ok
py 'assert d == {"as_of": "2019-03-01", "count": 4}, d'
r --db w.db overdue --as-of 2019-03-01 --count --unit tongcheng-fulian
expect_ok
[ "$OUT" = 3 ] || fail "overdue --count for one unit printed '$OUT'"
r --db w.db --json overdue --as-of 2019-03-01 --limit 1 --offset 1
expect_ok
py 'assert [r["id"] for r in d] == ['$M2'], d'
r --db w.db overdue --as-of 2019-03-01
expect_ok
out_has "共 4 条"
out_has "逾期50天"

# Done measures are never overdue.
r --db w.db status set measure "$M2" done; expect_ok
r --db w.db overdue --as-of 2019-03-01 --count
expect_ok
[ "$OUT" = 3 ] || fail "a done measure is still overdue"

# Bad dates: exit 5, named.
r --db w.db warnings --as-of 2019-02-29
expect_error 5
err_has 2019-02-29
err_has "--as-of"
r --db w.db overdue --as-of 15/01/2019
expect_error 5
r --db w.db due --within 3 --as-of 2019-04-31
expect_error 5
err_has "April 2019 has 30 days"

# Reads are authorised: a liaison of one unit sees that unit only; a stranger nothing.
r --db w.db user add 联络员; expect_ok
r --db w.db grant 联络员 liaison --unit tongcheng-fulian; expect_ok
r --db w.db --actor 联络员 --json warnings --as-of 2019-01-15
expect_ok
py 'assert len(d["rows"]) == 28 and all(r["inspection_id"] == 1 for r in d["rows"]), len(d["rows"])'
r --db w.db --actor 联络员 overdue --as-of 2019-03-01 --count
expect_ok
[ "$OUT" = 2 ] || fail "the liaison counted '$OUT' overdue"
r --db w.db --actor 陌生人 warnings --as-of 2019-01-15
expect_error 6

# Rule profiles: list, add, apply; deadlines already derived stay until a profile is applied.
r --db w.db --json profile list
expect_ok
py 'assert [(p["name"], p["version"]) for p in d] == [("default", 1)], d'
cat > county.json <<'EOF'
{"name": "default", "plan_due": {"unit": "workdays", "n": 15}, "concentrated": {"unit": "months", "n": 3},
 "report_due": {"unit": "months", "n": 3}, "evaluation_after": {"unit": "months", "n": 1},
 "warn_days": [30, 15, 5], "unknown_dates": "fail"}
EOF
r --db w.db profile add county.json
expect_ok
out_has "stored rule profile default, version 2"
r --db w.db profile list
expect_ok
out_has "15个工作日"
out_has "30/15/5天"
r --db w.db --json show inspection $FULIAN; expect_ok
py 'assert d["concentrated_end"] == "2019-01-21", d'
r --db w.db --json profile apply --inspection $FULIAN default
expect_ok
py 'assert (d["plan_due"], d["concentrated_end"], d["report_due"], d["evaluation_due"]) == (
    "2018-12-11", "2019-02-20", "2019-02-20", "2019-03-20"), d'
# The new ladder (30 days) turns m11, due 2019-02-28, yellow on 2019-01-30 in that inspection.
r --db w.db --json warnings --as-of 2019-01-30 --inspection $FULIAN --only yellow
expect_ok
py 'assert '$M11' in [r["id"] for r in d["rows"]], d["rows"]'
r --db w.db profile apply --inspection $FULIAN no-such-profile
expect_error 3
echo '{"name": "x", "plan_due": {"unit": "weeks", "n": 1}}' > weeks.json
r --db w.db profile add weeks.json
expect_error 5
r --db w.db --actor 联络员 profile add county.json
expect_error 6
