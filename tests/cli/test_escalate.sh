# escalate / escalations: the 督办 chain 督办通知书 → 阶段督查指导书 → 提醒书 → 告诫书 → 问责书
# against measures and issues; a new deadline moves the measure's; the chain never steps back;
# the open list drops an escalation once its target is done. Refused commands change nothing.
. "$(dirname "$0")/lib.sh"

python3 - "$SEED" <<'PYEOF' || fail "cannot write the documents"
import json, sys
seed = open(sys.argv[1], encoding="utf-8").read()
d = json.loads(seed)
d["inspection"]["feedback_date"] = "2018-11-20"
ms = d["aspects"][0]["issues"][0]["measures"]
ms[1].update(deadline="2019-01-10", status="in_progress")
d["aspects"][0]["issues"][2]["status"] = "in_progress" # a1/i3: the seed has every issue done
json.dump(d, open("timed.json", "w", encoding="utf-8"), ensure_ascii=False)
e = json.loads(seed.replace("tongcheng-2018-fulian", "tongcheng-2018-zonggonghui"))
e["unit"] = {"ref": "tongcheng-zonggonghui", "name": "市总工会", "party_org": "市总工会党组"}
json.dump(e, open("second.json", "w", encoding="utf-8"), ensure_ascii=False)
PYEOF
M2=$SEED_REF/a1/i1/m2
I3=$SEED_REF/a1/i3
OTHER=tongcheng-2018-zonggonghui/a2/i1/m2

r --db e.db init; expect_ok
r --db e.db import timed.json; expect_ok
r --db e.db import second.json; expect_ok
for u in 联络员 纪委 巡察组; do r --db e.db user add $u; expect_ok; done
r --db e.db grant 联络员 liaison --unit tongcheng-fulian; expect_ok
r --db e.db grant 纪委 supervisor; expect_ok
r --db e.db grant 巡察组 inspector --unit tongcheng-fulian; expect_ok
r --db e.db --json show measure $M2; expect_ok
M2_ID=$(pyval 'd["id"]')
r --db e.db --json show issue $I3; expect_ok
I3_ID=$(pyval 'd["id"]')

snapshot() {
    r --db e.db export --inspection "$SEED_REF" --out "$1.export"; expect_ok
    r --db e.db --json escalations; expect_ok; cp out.txt "$1.open"
    r --db e.db --json audit log; expect_ok; pyval 'len(d)' > "$1.events"
}
unchanged_since() {
    snapshot now
    for part in export open events; do
        cmp -s "$1.$part" "now.$part" || fail "a refused command changed the database ($part)"
    done
}

r --db e.db escalations
expect_ok
out_has "共 0 条"

# 1. 督办通知书 on m2, by the admin.
r --db e.db escalate measure $M2 --level notice --date 2019-01-12 --to 市妇联党组
expect_ok
out_has "督办通知书 (notice) on measure $M2_ID, issued 2019-01-12 to 市妇联党组"
# 2. 阶段督查指导书, by the inspection group, by its Chinese name.
r --db e.db --actor 巡察组 --json escalate measure $M2 --level 阶段督查指导书 --date 2019-01-15 --to 市妇联党组
expect_ok
py 'assert d["level"] == "guidance" and d["document"] == "阶段督查指导书" and d["new_deadline"] is None, d'
# 3. 提醒书 with a new deadline, by the supervisor: the measure's deadline moves.
r --db e.db --actor 纪委 escalate measure $M2 --level reminder --date 2019-01-20 --to 市妇联党组书记 \
    --new-deadline 2019-01-31 --note 限期完成
expect_ok
out_has "new deadline 2019-01-31"
r --db e.db --json show measure $M2; expect_ok
py 'assert d["deadline"] == "2019-01-31", d["deadline"]'
r --db e.db overdue --as-of 2019-01-25 --count; expect_ok
[ "$OUT" = 0 ] || fail "m2 is overdue by its old deadline still"
# The same level again is allowed (a second 提醒书).
r --db e.db escalate measure $M2 --level 提醒书 --date 2019-01-22 --to 市妇联党组书记
expect_ok

# Stepping back is refused (exit 5), and so are bad input and those who may not escalate.
snapshot before
r --db e.db escalate measure $M2 --level guidance --date 2019-01-25 --to 市妇联党组
expect_error 5
err_has "does not step back"
err_has 提醒书
r --db e.db escalate measure $M2 --level 督办通知书 --date 2019-01-25 --to 市妇联党组
expect_error 5
r --db e.db escalate measure $M2 --level urgent --date 2019-01-25 --to x
expect_error 2
err_has 问责书
r --db e.db escalate measure $M2 --level warning --date 2019-01-32 --to x
expect_error 5
err_has 2019-01-32
r --db e.db escalate measure $M2 --level warning --date 2019-01-25 --to x --new-deadline 2019-01-20
expect_error 5
err_has new_deadline
r --db e.db escalate measure $M2 --level warning --date 2019-01-25 --to "  "
expect_error 5
r --db e.db escalate aspect 1 --level warning --date 2019-01-25 --to x
expect_error 2
r --db e.db escalate measure no-such-ref --level warning --date 2019-01-25 --to x
expect_error 3
r --db e.db escalate measure 99999 --level warning --date 2019-01-25 --to x
expect_error 3
r --db e.db escalate measure $M2 --date 2019-01-25 --to x
expect_error 2
r --db e.db --actor 联络员 escalate measure $M2 --level warning --date 2019-01-25 --to x
expect_error 6
err_has escalate
r --db e.db --actor 巡察组 escalate measure $OTHER --level notice --date 2019-01-25 --to x # not its unit
expect_error 6
unchanged_since before

# 4.-5. 告诫书 and 问责书 complete the chain.
r --db e.db escalate measure $M2 --level warning --date 2019-02-01 --to 市妇联党组书记 --new-deadline 2019-02-15
expect_ok
r --db e.db escalate measure $M2 --level accountability --date 2019-02-20 --to 市纪委监委
expect_ok
r --db e.db escalate measure $M2 --level warning --date 2019-02-21 --to x
expect_error 5

# An issue, and a measure of the other unit.
r --db e.db escalate issue $I3 --level notice --date 2019-01-13 --to 市妇联党组
expect_ok
r --db e.db escalate measure $OTHER --level notice --date 2019-01-14 --to 市总工会党组
expect_ok

# The open list, oldest (by the day issued) first, with the documents in Chinese.
r --db e.db --json escalations
expect_ok
py '
keys = {"id", "target_kind", "target_id", "level", "document", "issued_on", "issued_by", "issued_to",
        "new_deadline", "note", "created_at", "created_by"}
assert all(keys <= set(e) for e in d), d[0]
docs = [(e["target_kind"], e["document"], e["issued_on"]) for e in d]
assert docs == [("measure", "督办通知书", "2019-01-12"), ("issue", "督办通知书", "2019-01-13"),
                ("measure", "督办通知书", "2019-01-14"), ("measure", "阶段督查指导书", "2019-01-15"),
                ("measure", "提醒书", "2019-01-20"), ("measure", "提醒书", "2019-01-22"),
                ("measure", "告诫书", "2019-02-01"), ("measure", "问责书", "2019-02-20")], docs
assert d[3]["issued_by"] == "巡察组" and d[4]["issued_by"] == "纪委" and d[4]["note"] == "限期完成", d[3:5]
assert d[4]["new_deadline"] == "2019-01-31" and d[0]["new_deadline"] is None and d[6]["new_deadline"] == "2019-02-15"'
r --db e.db escalations
expect_ok
grep -qE "^ +[0-9]+ +措施 $M2_ID +提醒书 +2019-01-20 +纪委 +市妇联党组书记 +2019-01-31 +限期完成$" out.txt ||
    fail "the table lacks the 提醒书"
grep -qE "^ +[0-9]+ +问题 $I3_ID +督办通知书 +2019-01-13 +tester +市妇联党组 " out.txt || fail "the table lacks the issue's"
out_has "共 8 条"
# Scoped by unit; a liaison sees its own unit's only.
r --db e.db --json escalations --unit tongcheng-zonggonghui
expect_ok
py 'assert [e["issued_to"] for e in d] == ["市总工会党组"], d'
r --db e.db --json escalations --inspection "$SEED_REF"
expect_ok
py 'assert len(d) == 7, len(d)'
r --db e.db --actor 联络员 --json escalations
expect_ok
py 'assert len(d) == 7 and "市总工会党组" not in [e["issued_to"] for e in d], d'
r --db e.db --actor 陌生人 escalations
expect_error 6

# Done: the measure's escalations leave the open list; the issue's stay while the issue is open.
r --db e.db status set measure $M2 done; expect_ok
r --db e.db --json escalations
expect_ok
py 'assert [(e["target_kind"], e["issued_to"]) for e in d] == [("issue", "市妇联党组"), ("measure", "市总工会党组")], d'
# Work taken up again (done → in progress) is open again, and so are its escalations.
r --db e.db status set measure $M2 in_progress; expect_ok
r --db e.db --json escalations; expect_ok
py 'assert len(d) == 8, len(d)'

# Every escalation is in the audit log under its actor; a new deadline audits the measure too.
r --db e.db --json audit log; expect_ok
py '
acts = [(e["actor"], e["action"], e["kind"]) for e in d]
assert acts.count(("tester", "escalate", "escalation")) == 6, acts
assert ("纪委", "escalate", "escalation") in acts and ("巡察组", "escalate", "escalation") in acts
assert ("纪委", "escalation", "measure") in acts and ("tester", "escalation", "measure") in acts'
