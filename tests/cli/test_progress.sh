# progress add: a dated record on a measure; a bad date is refused and adds nothing.
. "$(dirname "$0")/lib.sh"

seeded case.db
MREF="$SEED_REF/a1/i1/m3"
r --db case.db --json show measure "$MREF"; expect_ok
M=$(pyval 'd["id"]')

r --db case.db export --inspection "$SEED_REF" --out before.json; expect_ok

# 2018-02-30 does not exist: exit 5 (invalid input), the date named, nothing added.
r --db case.db progress add "$M" --date 2018-02-30 --text "召开支部党员大会"
expect_error 5
err_has 2018-02-30
r --db case.db export --inspection "$SEED_REF" --out after.json; expect_ok
cmp -s before.json after.json || fail "a refused progress record changed the inspection"

# One wording for a bad date whatever command is given it: what, the value, and why.
r --db case.db progress add "$M" --date 2018-02-30 --text "召开支部党员大会"
expect_error 5
err_has "--date: '2018-02-30' is not a calendar date: February 2018 has 28 days"
PROGRESS_ERR=$(grep -F -- "--date:" err.txt)
r --db case.db lead add --inspection "$SEED_REF" --summary 线索 --to 市纪委监委 --date 2018-02-30
expect_error 5
[ "$(grep -F -- "--date:" err.txt)" = "$PROGRESS_ERR" ] || fail "lead add words a bad date otherwise: $(cat err.txt)"
r --db case.db progress add "$M" --date 2018-13-01 --text "召开支部党员大会"
expect_error 5
err_has "--date: '2018-13-01' is not a calendar date: there is no month 13"

# Empty text is refused too.
r --db case.db progress add "$M" --date 2018-12-01 --text ""
[ "$RC" -ne 0 ] || fail "empty progress text accepted"
expect_error "$RC"
r --db case.db export --inspection "$SEED_REF" --out after.json; expect_ok
cmp -s before.json after.json || fail "a refused progress record changed the inspection"

# A good one: its id printed; the record holds what was given; the actor is the author.
r --db case.db progress add "$M" --date 2018-12-01 --text "12月召开支部党员大会并规范记录"
expect_ok
P=$(sed -n 's/^progress \([0-9][0-9]*\) added to measure .*/\1/p' out.txt)
[ -n "$P" ] || fail "no progress id printed"
r --db case.db --json show progress "$P"; expect_ok
py "assert d['measure_id'] == $M and d['date'] == '2018-12-01', d"
py 'assert d["text"] == "12月召开支部党员大会并规范记录" and d["author"] == "tester", d'
r --db case.db export --inspection "$SEED_REF" --out after.json; expect_ok
grep -qF "12月召开支部党员大会并规范记录" after.json || fail "the new progress is not in the export"

# Another actor needs to be a user with a role that may add progress on the measure's unit:
# until then it is denied (exit 6), the missing permission named, nothing added.
UNIT_REF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["unit"]["ref"])' "$SEED")
r --db case.db export --inspection "$SEED_REF" --out before.json; expect_ok
r --db case.db --actor clerk progress add "$MREF" --date 2018-12-15 --text "越权记录"
expect_error 6
err_has "not a user"
r --db case.db user add clerk --display-name 办公室; expect_ok
r --db case.db --actor clerk progress add "$MREF" --date 2018-12-15 --text "越权记录"
expect_error 6
err_has "needs permission add_progress" # the ref resolves as the id would; the operation decides
r --db case.db --actor clerk progress add "$M" --date 2018-12-15 --text "越权记录"
expect_error 6
err_has "needs permission add_progress"
r --db case.db export --inspection "$SEED_REF" --out after.json; expect_ok
cmp -s before.json after.json || fail "a denied progress record changed the inspection"
r --db case.db grant clerk liaison --unit "$UNIT_REF"; expect_ok

# By the measure's ref, with an author, as JSON.
r --db case.db --json --actor clerk progress add "$MREF" --date 2018-12-15 --text "第二次记录" --author 张三
expect_ok
P2=$(pyval 'd["id"]')
[ "$P2" -ne "$P" ] || fail "the second progress record has the first's id"
r --db case.db --json show progress "$P2"; expect_ok
py 'assert d["author"] == "张三" and d["text"] == "第二次记录", d'

# No such measure.
r --db case.db progress add 999999 --date 2018-12-01 --text x
expect_error 3
# Missing --date is a usage error.
r --db case.db progress add "$M" --text x
expect_error 2
