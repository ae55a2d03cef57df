# A date that precedes the record it belongs to is refused, naming both dates, and changes
# nothing: the seed inspection began on site on 2018-09-19, so nothing of it happens before.
. "$(dirname "$0")/lib.sh"

seeded case.db
START=2018-09-19
r --db case.db --json show inspection "$SEED_REF"; expect_ok
[ "$(pyval 'd["onsite_start"]')" = "$START" ] || fail "the seed no longer begins on $START"
ISSUE="$SEED_REF/a1/i1"
M="$SEED_REF/a1/i1/m3" # an ongoing (长期坚持) measure: it takes a follow-up plan
r --db case.db export --inspection "$SEED_REF" --out before.json; expect_ok
r --db case.db --json audit log; expect_ok
EVENTS=$(pyval "len(d)")

# Each refused with exit 5, the date given and the date it precedes both in the message.
before_start() { # what-the-message-names, then the command
    local what=$1; shift
    r --db case.db "$@"
    expect_error 5
    err_has "$what: 2018-09-18 is before inspection"
    err_has "began on site ($START)"
}
before_start date close-out "$ISSUE" --date 2018-09-18
before_start date progress add "$M" --date 2018-09-18 --text 召开支部党员大会
before_start start followups plan "$M" --cadence 每月 --start 2018-09-18
before_start date escalate measure "$M" --level notice --date 2018-09-18 --to 市妇联党组
before_start date escalate issue "$ISSUE" --level notice --date 2018-09-18 --to 市妇联党组
before_start handed_on lead add --inspection "$SEED_REF" --summary 问题线索 --to 市纪委监委 --date 2018-09-18
before_start date review schedule --inspection "$SEED_REF" --date 2018-09-18 --team 回头看小组
printf '[]\n' > none.json
before_start date evaluate --inspection "$SEED_REF" --date 2018-09-18 --deductions none.json

r --db case.db export --inspection "$SEED_REF" --out after.json; expect_ok
cmp -s before.json after.json || fail "a refused early date changed the inspection"
r --db case.db --json audit log; expect_ok
[ "$(pyval "len(d)")" = "$EVENTS" ] || fail "a refused early date left an audit event"

# The first day of on-site work itself is within the inspection.
r --db case.db progress add "$M" --date "$START" --text 进驻当日即召开专题会议; expect_ok
r --db case.db followups plan "$M" --cadence monthly --start "$START"; expect_ok
r --db case.db followups record "$M" --date 2018-09-18 --text 提前检查
expect_error 5
err_has "date: 2018-09-18 is before inspection"
r --db case.db followups record "$M" --date 2018-10-19 --text 按月检查; expect_ok

# A lead concludes no earlier than it was handed over; a verdict no earlier than its review.
r --db case.db --json lead add --inspection "$SEED_REF" --summary 问题线索 --to 市纪委监委 --date 2018-11-01; expect_ok
LEAD=$(pyval 'd["id"]')
r --db case.db lead dispose "$LEAD" concluded --date 2018-10-31
expect_error 5
err_has "concluded_on: 2018-10-31 is before lead $LEAD was handed over (2018-11-01)"
r --db case.db --json review schedule --inspection "$SEED_REF" --date 2019-06-01 --team 回头看小组; expect_ok
REVIEW=$(pyval 'd["id"]')
r --db case.db review verdict "$REVIEW" "$ISSUE" held --date 2019-05-31
expect_error 5
err_has "date: 2019-05-31 is before review $REVIEW was scheduled (2019-06-01)"
finish
