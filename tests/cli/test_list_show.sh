# list and show: readable tables with Chinese headings aligned for CJK text, and the same data as JSON.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)

seeded case.db

field() { sed -n "s/^$1: *//p" out.txt; } # field KEY: the value of a show line

table_rows() { # table_rows HEADING...: checks out.txt as a table; sets ROWS
    ROWS=$(python3 "$HERE/check_table.py" out.txt "$@" 2>table-err.txt) || {
        cat table-err.txt >&2
        fail "table check failed"
    }
}

# Measures: headings, Chinese status and category labels, dates or —.
r --db case.db list measures
expect_ok
table_rows 编号 问题 整改措施 类别 责任人 整改时限 状态
r --db case.db --json list measures; expect_ok
[ "$ROWS" -eq "$(pyval 'len(d)')" ] || fail "table rows ($ROWS) differ from JSON records"
py 'assert all(m["kind"] == "measure" for m in d)'
py 'assert any(m["status"] == "in_progress" for m in d) and any(m["status"] == "done" for m in d)'
r --db case.db list measures; expect_ok
out_has 已完成
out_has 整改中
out_has 立行立改
out_has 长期坚持
out_lacks in_progress
out_lacks immediate
grep -qE '^ *[0-9]+ +[0-9]+ +.*(—|[0-9]{4}-[0-9]{2}-[0-9]{2}) +(已完成|整改中)$' out.txt || fail "no measure row with a date or — then a status"

# --json after the subcommand works too, and is the same array.
r --db case.db list measures --json; expect_ok
cp out.txt after.json
r --db case.db --json list measures; expect_ok
cmp -s out.txt after.json || fail "--json before and after the subcommand differ"

# Issues: 11, with their aspects numbered as in the notice.
r --db case.db list issues
expect_ok
table_rows 编号 方面 问题 措施 状态
[ "$ROWS" -eq 11 ] || fail "expected 11 issue rows, got $ROWS"
out_has "（一）党的政治建设方面"
out_has "“三会一课”制度落实不到位"
r --db case.db --json list issues; expect_ok
py 'assert len(d) == 11 and all(i["kind"] == "issue" for i in d)'
py 'assert [i["seq"] for i in d if i["aspect_id"] == d[0]["aspect_id"]] == [1, 2, 3]'
FIRST_ISSUE=$(pyval 'd[0]["id"]')
FIRST_TITLE=$(pyval 'd[0]["title"]')
FIRST_REF=$(pyval 'd[0]["ref"]')

# Inspections.
r --db case.db list inspections
expect_ok
table_rows 编号 标识 被巡察单位 巡察组 类型 进驻时间 反馈时间
[ "$ROWS" -eq 1 ] || fail "expected 1 inspection row"
out_has "$SEED_REF"
out_has 市妇联
out_has 市委第一巡察组
out_has 2018-09-19

# --inspection filters by id or by ref; an unknown one is an error, not an empty table.
r --db case.db --json list inspections; expect_ok
INSPECTION=$(pyval 'd[0]["id"]')
r --db case.db --json list issues --inspection "$SEED_REF"; expect_ok
py 'assert len(d) == 11'
r --db case.db --json list issues --inspection "$INSPECTION"; expect_ok
py 'assert len(d) == 11'
r --db case.db list issues --inspection no-such-ref
expect_error 3
err_has no-such-ref
r --db case.db list issues --inspection 424242
expect_error 3
r --db case.db list outcomes
expect_error 2

# show: key: value lines, or the record's JSON.
r --db case.db show issue "$FIRST_ISSUE"
expect_ok
[ "$(field title)" = "$FIRST_TITLE" ] || fail "title shown as '$(field title)', expected '$FIRST_TITLE'"
grep -qE '^kind: +issue$' out.txt || fail "no 'kind: issue' line"
grep -qE "^id: +$FIRST_ISSUE\$" out.txt || fail "no 'id:' line"
grep -qE '^status: +done（已完成）$' out.txt || fail "status not shown with its Chinese label"
r --db case.db --json show issue "$FIRST_ISSUE"
expect_ok
py "assert d['kind'] == 'issue' and d['id'] == $FIRST_ISSUE and d['version'] >= 1"
py 'assert list(d)[:6] == ["kind", "id", "version", "ref", "created_at", "updated_at"], list(d)'

# By ref, the same record.
r --db case.db --json show issue "$FIRST_REF"; expect_ok
py "assert d['id'] == $FIRST_ISSUE"
r --db case.db show inspection "$SEED_REF"; expect_ok
grep -qE '^group: +市委第一巡察组$' out.txt || fail "inspection group not shown"
grep -qE '^kind_of_inspection: +routine（常规）$' out.txt || fail "inspection kind not shown with its label"

# Every kind can be shown, by its ref (refs taken from the seed itself).
python3 - "$SEED" >refs.txt <<'PYEOF' || fail "cannot read refs from the seed"
import json, sys
d = json.load(open(sys.argv[1]))
i = d["aspects"][0]["issues"][0]
m = i["measures"][0]
print("round", d["round"]["ref"])
print("unit", d["unit"]["ref"])
print("aspect", d["aspects"][0]["ref"])
print("measure", m["ref"])
print("progress", m["progress"][0]["ref"])
print("outcome", i["outcomes"][0]["ref"])
PYEOF
while read -r kind ref; do
    r --db case.db show "$kind" "$ref"
    expect_ok "(show $kind $ref)"
    grep -qE "^kind: +$kind\$" out.txt || fail "show $kind printed no 'kind: $kind'"
    grep -qxE "ref: +$ref" out.txt || fail "show $kind $ref shows another record"
done <refs.txt

r --db case.db show measure 999999
expect_error 3
r --db case.db show issue no-such-ref
expect_error 3
err_has no-such-ref
r --db case.db show banana 1
expect_error 2
