# extension: a liaison requests a later deadline; nobody decides their own request (exit 6); a
# supervisor approves (the deadline moves, warnings count it apart) or refuses (it stays); the
# list keeps both dates. Refused commands change nothing.
. "$(dirname "$0")/lib.sh"

python3 - "$SEED" <<'PYEOF' || fail "cannot write timed.json"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["inspection"]["feedback_date"] = "2018-11-20"
ms = d["aspects"][0]["issues"][0]["measures"]
ms[1].update(deadline="2019-01-10", status="in_progress")
ms[3].update(deadline="2019-01-25", category="deadline", person="owner1")
json.dump(d, open("timed.json", "w", encoding="utf-8"), ensure_ascii=False)
PYEOF
M2=$SEED_REF/a1/i1/m2
M4=$SEED_REF/a1/i1/m4

r --db x.db init; expect_ok # tester: admin
r --db x.db import timed.json; expect_ok
for u in 联络员 纪委 责任人 审计; do r --db x.db user add $u; expect_ok; done
r --db x.db grant 联络员 liaison --unit tongcheng-fulian; expect_ok
r --db x.db grant 纪委 supervisor; expect_ok
r --db x.db grant 责任人 owner --unit tongcheng-fulian; expect_ok
r --db x.db grant 审计 auditor; expect_ok
r --db x.db --json show measure $M2; expect_ok
M2_ID=$(pyval 'd["id"]')

snapshot() { # snapshot FILE: what a refused command must not change
    r --db x.db export --inspection "$SEED_REF" --out "$1.export"; expect_ok
    r --db x.db --json extension list; expect_ok; cp out.txt "$1.extensions"
    r --db x.db --json audit log; expect_ok; pyval 'len(d)' > "$1.events"
}
unchanged_since() {
    snapshot now
    for part in export extensions events; do
        cmp -s "$1.$part" "now.$part" || fail "a refused command changed the database ($part)"
    done
}

# Overdue before anything happens.
r --db x.db overdue --as-of 2019-01-15 --count; expect_ok
[ "$OUT" = 1 ] || fail "expected m2 overdue, got '$OUT'"

# Refused requests: not after the current deadline, a bad date, no reason, no such measure, and
# roles that may not ask (an auditor; an owner, for a measure that is not theirs).
snapshot before
r --db x.db --actor 联络员 extension request $M2 --to 2019-01-05 --reason "太早"
expect_error 5
err_has "not after the current deadline 2019-01-10"
r --db x.db --actor 联络员 extension request $M2 --to 2019-02-30 --reason "x"
expect_error 5
err_has 2019-02-30
r --db x.db --actor 联络员 extension request $M2 --to 2019-02-10 --reason "  "
expect_error 5
r --db x.db --actor 联络员 extension request $M2 --to 2019-02-10
expect_error 2
r --db x.db --actor 联络员 extension request no-such-measure --to 2019-02-10 --reason x
expect_error 3
r --db x.db --actor 审计 extension request $M2 --to 2019-02-10 --reason x
expect_error 6
err_has request_extension
r --db x.db --actor 责任人 extension request $M2 --to 2019-02-10 --reason x
expect_error 6
unchanged_since before

# The liaison asks.
r --db x.db --actor 联络员 extension request $M2 --to 2019-02-10 --reason "春节前后人员不足"
expect_ok
out_has "2019-01-10 -> 2019-02-10"
out_has "待审批"
EXT1=$(sed -n 's/^extension \([0-9]*\) requested.*/\1/p' out.txt)
[ -n "$EXT1" ] || fail "no extension id printed"
# One pending request per measure.
r --db x.db --actor 联络员 extension request $M2 --to 2019-02-20 --reason "again"
[ "$RC" -ne 0 ] || fail "a second pending request was accepted"
expect_error "$RC"
err_has pending
r --db x.db --json extension list --pending
expect_ok
py 'assert [(e["id"], e["state"], e["requested_by"]) for e in d] == [('$EXT1', "pending", "联络员")], d'

# Nobody decides their own request; a liaison decides none at all (exit 6), and nothing changes.
snapshot before
r --db x.db --actor 联络员 extension approve "$EXT1"
expect_error 6
err_has decide_extension
r --db x.db --actor 联络员 extension refuse "$EXT1"
expect_error 6
unchanged_since before
# The admin asks for m4 and may not approve it herself either.
r --db x.db extension request $M4 --to 2019-03-01 --reason "需要协调财政部门"
expect_ok
EXT2=$(sed -n 's/^extension \([0-9]*\) requested.*/\1/p' out.txt)
snapshot before
r --db x.db extension approve "$EXT2"
expect_error 6
err_has "someone else must decide it"
unchanged_since before
# Not an id.
r --db x.db --actor 纪委 extension approve abc
expect_error 2
r --db x.db --actor 纪委 extension approve 999
expect_error 3

# The supervisor approves the first: the deadline moves, both dates stay on the request.
r --db x.db --actor 纪委 extension approve "$EXT1" --note 同意
expect_ok
out_has "已批准"
out_has "from 2019-01-10 to 2019-02-10"
r --db x.db --json show measure $M2; expect_ok
py 'assert d["deadline"] == "2019-02-10", d["deadline"]'
# Decided once only.
r --db x.db --actor 纪委 extension refuse "$EXT1"
expect_error 4
err_has "approved already"
# And refuses the second: m4 keeps its deadline.
r --db x.db --actor 纪委 --json extension refuse "$EXT2" --note 理由不充分
expect_ok
py 'assert d["state"] == "refused" and d["decided_by"] == "纪委" and d["decision_note"] == "理由不充分", d'
r --db x.db --json show measure $M4; expect_ok
py 'assert d["deadline"] == "2019-01-25", d["deadline"]'

# The list shows both dates, who asked and who decided.
r --db x.db --json extension list
expect_ok
py '
assert [(e["id"], e["original_deadline"], e["requested_deadline"], e["state"], e["requested_by"], e["decided_by"])
        for e in d] == [('$EXT1', "2019-01-10", "2019-02-10", "approved", "联络员", "纪委"),
                        ('$EXT2', "2019-01-25", "2019-03-01", "refused", "tester", "纪委")], d'
r --db x.db extension list
expect_ok
grep -qE "^ +$EXT1 +$M2_ID +2019-01-10 +2019-02-10 +春节前后人员不足 +联络员 +已批准 +纪委 +同意$" out.txt ||
    fail "the list lacks the approved request with both dates"
grep -qE "^ +$EXT2 .* 2019-01-25 +2019-03-01 .* 未批准 +纪委 +理由不充分$" out.txt || fail "the list lacks the refused request"
out_has "共 2 条"
r --db x.db --json extension list --measure $M2
expect_ok
py 'assert [e["id"] for e in d] == ['$EXT1'], d'
r --db x.db --json extension list --pending
expect_ok
py 'assert d == [], d'
r --db x.db extension list --measure no-such-measure
expect_error 3

# Warnings: m2 is no longer overdue on 2019-01-15, and is counted apart as extended.
r --db x.db overdue --as-of 2019-01-15 --count; expect_ok
[ "$OUT" = 0 ] || fail "the extended measure is still overdue: '$OUT'"
r --db x.db --json warnings --as-of 2019-01-15
expect_ok
py '
assert d["totals"]["extended"] == 1, d["totals"]
row = [r for r in d["rows"] if r["id"] == '$M2_ID'][0]
assert row["extended"] is True and row["deadline"] == "2019-02-10", row'
r --db x.db warnings --as-of 2019-01-25 --only yellow # 16 days before the new deadline
expect_ok
grep -qE "^黄 +$M2_ID .* 2019-02-10 +剩16天 +整改中 +已延期$" out.txt || fail "m2 is not shown yellow and extended"
out_has "其中延期措施 1 项"

# An owner may ask for their own measure (m4's 责任人 is owner1, so 责任人 may not; owner1 may).
r --db x.db user add owner1; expect_ok
r --db x.db grant owner1 owner --unit tongcheng-fulian; expect_ok
r --db x.db --actor owner1 --json extension request $M4 --to 2019-02-15 --reason "材料待补"
expect_ok
py 'assert d["requested_by"] == "owner1" and d["original_deadline"] == "2019-01-25" and d["state"] == "pending", d'

# Every decision is in the audit log under its actor.
r --db x.db --json audit log; expect_ok
py '
acts = [(e["actor"], e["action"], e["kind"]) for e in d]
assert ("联络员", "request", "extension") in acts and ("纪委", "approve", "extension") in acts, acts[-8:]
assert ("纪委", "refuse", "extension") in acts and ("纪委", "extension", "measure") in acts, acts[-8:]'
