# followthrough: evidence, close-out and its guards, a round-level look-back across three units,
# follow-ups, evaluation and leads, end to end through the CLI; every refused command exits with
# its own code and changes nothing (the exports and the audit log length stay).
. "$(dirname "$0")/lib.sh"

# Every command explains itself, and its footer lists the guard exit code.
while read -r cmd; do
    # shellcheck disable=SC2086
    r $cmd --help
    expect_ok "($cmd --help)"
    out_has "8 guard"
    out_has "7 tampered"
done <<'LIST'
evidence
evidence add
evidence list
evidence verify
close-out
close-out guards
review
review schedule
review verdict
review report
followups
followups plan
followups record
followups due
evaluate
lead
lead add
lead dispose
lead list
LIST

# One round, three units: the seed as 市妇联, and twice more under other unit and inspection refs,
# the refs below the inspection removed so the library derives them.
seeded case.db
python3 - "$SEED" "$SEED_REF" <<'PYEOF' || fail "cannot derive the other units"
import json, sys
seed, ref = sys.argv[1], sys.argv[2]
def strip(node):
    if isinstance(node, dict):
        if isinstance(node.get("ref"), str) and node["ref"].startswith(ref + "/"):
            del node["ref"]
        for v in node.values():
            strip(v)
    elif isinstance(node, list):
        for v in node:
            strip(v)
for unit, name, insp in (("tongcheng-zonggonghui", "市总工会", "tongcheng-2018-zonggonghui"),
                         ("tongcheng-kexie", "市科协", "tongcheng-2018-kexie")):
    d = json.load(open(seed, encoding="utf-8"))
    strip(d)
    d["unit"].update(ref=unit, name=name, party_org=name + "党组")
    d["inspection"]["ref"] = insp
    json.dump(d, open(insp + ".json", "w", encoding="utf-8"), ensure_ascii=False)
PYEOF
r --db case.db import tongcheng-2018-zonggonghui.json; expect_ok
r --db case.db import tongcheng-2018-kexie.json; expect_ok
U1=$SEED_REF U2=tongcheng-2018-zonggonghui U3=tongcheng-2018-kexie
r --db case.db user add 纪委; expect_ok
r --db case.db grant 纪委 supervisor; expect_ok
r --db case.db user add 联络员; expect_ok
r --db case.db --json show unit tongcheng-fulian; expect_ok
r --db case.db grant 联络员 liaison --unit "$(pyval 'd["id"]')"; expect_ok

# state: the three exports and the audit log length, to compare around refused commands.
state() {
    for i in "$U1" "$U2" "$U3"; do
        "$RECTIFY" --db case.db export --inspection "$i" || return 1
    done
    "$RECTIFY" --db case.db --json audit log | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))'
}
# refused CODE ARGS...: the command exits CODE with a message and changes nothing.
refused() {
    local code=$1; shift
    state >before.state || fail "cannot take the state"
    r "$@"
    expect_error "$code"
    state >after.state || fail "cannot take the state"
    cmp -s before.state after.state || fail "a refused command changed the database: rectify $*"
}

# --- evidence ----------------------------------------------------------------------------------
printf 'receipt of 11550 yuan' >receipt.pdf
printf 'minutes' >minutes.docx
r --db case.db --json evidence add measure "$U1/a6/i1/m1" --title 缴款凭证 --file receipt.pdf --kind 文件 --media-type application/pdf
expect_ok
py '
assert d["size"] == 21 and d["sha256"] == "6c90ec03de6f69d4f72ad31f6a050c6638b877ef5d8e4c11f77cc78c41b3959e", d
assert d["path"].endswith("/receipt.pdf") and d["path"].startswith("/") and d["kind"] == "文件" and d["added_by"] == "tester", d'
r --db case.db evidence add issue "$U1/a6/i1" --title 会议记录 --file minutes.docx
expect_ok
out_has "sha256"
r --db case.db evidence add issue "$U1/a6/i1" --title OA归档 --uri oa://archive/17
expect_ok
r --db case.db evidence list issue "$U1/a6/i1"
expect_ok
out_has "会议记录"
out_has "oa://archive/17"
out_has "共 2 件"
r --db case.db --json evidence list measure "$U1/a6/i1/m1"; expect_ok
py 'assert [e["title"] for e in d] == ["缴款凭证"], d'
refused 2 --db case.db evidence add issue "$U1/a6/i1" --title x
refused 2 --db case.db evidence add issue "$U1/a6/i1" --title x --uri a --file receipt.pdf
refused 2 --db case.db evidence add aspect 1 --title x --uri a
refused 3 --db case.db evidence add issue "$U1/a6/i1" --title x --file nonexistent.pdf
refused 3 --db case.db evidence add issue 999999 --title x --uri a
refused 5 --db case.db evidence add issue "$U1/a6/i1" --title "  " --uri a
refused 6 --db case.db --actor 纪委 evidence add issue "$U1/a6/i1" --title x --uri a
refused 6 --db case.db --actor 联络员 evidence add issue "$U2/a6/i1" --title x --uri a
r --db case.db evidence verify; expect_ok
out_has "2 files checked"
r --db case.db --json evidence verify --inspection "$U1"; expect_ok
py 'assert d["intact"] is True and d["checked"] == 2, d'
printf 'receipt of 1155 yuan' >receipt.pdf
rm minutes.docx
r --db case.db evidence verify --inspection "$U1"
expect_error 7
err_has "1 changed, 1 missing"
err_has "changed: $PWD/receipt.pdf"
err_has "missing: $PWD/minutes.docx"
[ -z "$OUT" ] || fail "a failed verify printed on stdout"
r --db case.db --json evidence verify
expect_error 7
py 'assert d["intact"] is False and [e["title"] for e in d["changed"]] == ["缴款凭证"] and [e["title"] for e in d["missing"]] == ["会议记录"], d'
r --db case.db evidence verify --inspection "$U2"; expect_ok

# --- close-out and its guards ------------------------------------------------------------------
r --db case.db --json close-out guards; expect_ok
py 'assert d == {"measures_done": True, "min_evidence": 1, "verifier_not_owner": True}, d'
# measures_done: a1/i1 still has measures in progress.
refused 8 --db case.db close-out "$U1/a1/i1" --date 2019-02-01
err_has "guard measures_done"
err_has "is in_progress"
refused 8 --db case.db status set issue "$U1/a1/i1" closed
err_has "guard measures_done"
# min_evidence: a6/i4 has its measure done but no evidence.
refused 8 --db case.db close-out "$U1/a6/i4" --date 2019-02-01
err_has "guard min_evidence"
err_has "0 evidence items attached, 1 required"
# verifier_not_owner: the 责任人 of a measure may not verify it.
python3 - "$SEED" <<'PYEOF' || fail "cannot make the owner document"
import json, sys
d = json.load(open(sys.argv[1], encoding="utf-8"))
d["aspects"][5]["issues"][1]["measures"][0]["person"] = "纪委"
json.dump(d, open("owned.json", "w", encoding="utf-8"), ensure_ascii=False)
PYEOF
r --db case.db import owned.json; expect_ok
r --db case.db evidence add issue "$U1/a6/i2" --title 整改报告 --uri oa://a6-i2; expect_ok
refused 8 --db case.db --actor 纪委 close-out "$U1/a6/i2" --date 2019-02-01
err_has "guard verifier_not_owner"
err_has "'纪委' is the responsible person of measure"
# Not a supervisor: denied (6) before any guard.
refused 6 --db case.db --actor 联络员 close-out "$U1/a6/i1" --date 2019-02-01
refused 2 --db case.db close-out "$U1/a6/i1"
refused 5 --db case.db close-out "$U1/a6/i1" --date 2019-02-30
refused 3 --db case.db close-out 999999 --date 2019-02-01
refused 2 --db case.db close-out
# Guards are configurable (admin only); bad JSON is invalid input.
refused 5 --db case.db close-out guards --set '{"min_evidence": -1}'
refused 5 --db case.db close-out guards --set '{"bogus": true}'
refused 6 --db case.db --actor 纪委 close-out guards --set '{"min_evidence": 0}'
r --db case.db close-out guards --set '{"min_evidence": 0}'; expect_ok
out_has "min_evidence        0"
r --db case.db close-out "$U1/a6/i4" --date 2019-02-01; expect_ok
r --db case.db --json close-out guards --set '{}'; expect_ok
py 'assert d["min_evidence"] == 1, d'
# Every guard holds: 纪委 verifies a6/i1; the close-out keeps verifier, date and note.
r --db case.db --json --actor 纪委 close-out "$U1/a6/i1" --date 2019-02-02 --note 核实追缴到位
expect_ok
py 'assert d["status"] == "closed" and d["close_out"]["verifier"] == "纪委" and d["close_out"]["closed_on"] == "2019-02-02" and d["close_out"]["note"] == "核实追缴到位", d'
r --db case.db --json show issue "$U1/a6/i1"; expect_ok
py 'assert d["status"] == "closed", d'
refused 1 --db case.db close-out "$U1/a6/i1" --date 2019-02-03

# --- a round-level look-back across three units -------------------------------------------------
r --db case.db evidence add issue "$U2/a6/i2" --title 整改报告 --uri oa://zgh; expect_ok
r --db case.db close-out "$U2/a6/i2" --date 2019-01-20; expect_ok
r --db case.db --json list measures; expect_ok
B_MEASURES=$(pyval 'len([m for m in d if m["ref"].startswith("'"$U2"'/a6/i2/")])')
[ "$B_MEASURES" -eq 2 ] || fail "zonggonghui a6/i2 has $B_MEASURES measures"
refused 2 --db case.db review schedule --date 2019-06-01 --team 小组
refused 2 --db case.db review schedule --round 1 --inspection 1 --date 2019-06-01 --team 小组
refused 5 --db case.db review schedule --round tongcheng-2018-round --date 2019-06-31 --team 小组
refused 6 --db case.db --actor 联络员 review schedule --inspection "$U1" --date 2019-06-01 --team 小组
r --db case.db --json review schedule --round tongcheng-2018-round --date 2019-06-01 --team 市委巡察办回头看小组 --title 2019年回头看
expect_ok
REVIEW=$(pyval 'd["id"]')
py 'assert d["scope_kind"] == "round" and d["verdicts"] == [] and d["title"] == "2019年回头看", d'
r --db case.db --actor 纪委 review verdict "$REVIEW" "$U1/a3/i1" held --date 2019-06-10; expect_ok
out_has "held（巩固）"
cat >rerect.json <<'EOF'
[{"title": "重新规范公务用车审批", "deadline": "2019-08-31", "person": "办公室主任"}]
EOF
r --db case.db --json --actor 纪委 review verdict "$REVIEW" "$U2/a6/i2" relapsed --date 2019-06-10 \
    --findings 公务用车又未经平台审批 --measures rerect.json
expect_ok
py 'assert d["status"] == "reopened" and d["relapse_count"] == 1, d'
# A verdict by its label, as the help prints it: 虚假整改 is false (the counts below say so).
r --db case.db --actor 纪委 review verdict "$REVIEW" "$U3/a1/i1" 虚假整改 --date 2019-06-11 --findings 会议记录系补写
expect_ok
out_has "in_progress"
# The relapsed issue keeps its history: both old measures, the new one, the close-out.
r --db case.db --json list measures; expect_ok
py '
ms = [m for m in d if m["ref"].startswith("'"$U2"'/a6/i2/")]
assert len(ms) == 3 and ms[2]["ref"] == "'"$U2"'/a6/i2/r1m1" and ms[2]["deadline"] == "2019-08-31", ms
assert ms[0]["status"] == "done" and ms[1]["status"] == "done", ms'
r --db case.db --json audit log issue "$U2/a6/i2"; expect_ok
py 'assert [e["action"] for e in d][-2:] == ["close_out", "relapse"], [e["action"] for e in d]'
refused 4 --db case.db --actor 纪委 review verdict "$REVIEW" "$U1/a3/i1" held --date 2019-06-12
# A second verdict names the issue as it was given (ref or id) and the review, in the domain's words.
err_has "issue $U1/a3/i1"
err_has "already has a verdict in review $REVIEW"
grep -qiE "unique|constraint|review_verdicts" err.txt && fail "SQLite's text reached the user: $(cat err.txt)"
r --db case.db --json show issue "$U1/a3/i1"; expect_ok
HELD_ID=$(pyval 'd["id"]')
refused 4 --db case.db --actor 纪委 review verdict "$REVIEW" "$HELD_ID" held --date 2019-06-12
err_has "issue $HELD_ID ($U1/a3/i1) already has a verdict in review $REVIEW"
grep -qiE "unique|constraint|review_verdicts" err.txt && fail "SQLite's text reached the user: $(cat err.txt)"
refused 5 --db case.db --actor 纪委 review verdict "$REVIEW" "$U2/a3/i1" relapsed --date 2019-06-12
refused 5 --db case.db --actor 纪委 review verdict "$REVIEW" "$U2/a3/i1" held --date 2019-05-01
refused 2 --db case.db --actor 纪委 review verdict "$REVIEW" "$U2/a3/i1" maybe --date 2019-06-12
refused 2 --db case.db --actor 纪委 review verdict abc "$U2/a3/i1" held --date 2019-06-12
refused 3 --db case.db --actor 纪委 review verdict 999 "$U2/a3/i1" held --date 2019-06-12
refused 3 --db case.db --actor 纪委 review verdict "$REVIEW" "$U2/a3/i1" relapsed --date 2019-06-12 --findings x --measures none.json
printf '[{"title": "无时限"}]' >nodeadline.json
refused 5 --db case.db --actor 纪委 review verdict "$REVIEW" "$U2/a3/i1" relapsed --date 2019-06-12 --findings x --measures nodeadline.json
refused 6 --db case.db --actor 联络员 review verdict "$REVIEW" "$U1/a2/i1" held --date 2019-06-12
r --db case.db review report "$REVIEW"
expect_ok
grep -qE '^问题 +标题 +结论 +发现 +认定日期 +认定人$' out.txt || fail "no report heading"
out_has "巩固"
out_has "反弹"
out_has "虚假整改"
out_has "会议记录系补写"
out_has "共 3 项：巩固 1 项，反弹 1 项，整改不到位 0 项，虚假整改 1 项"
out_has "重新整改的问题"
r --db case.db --json review report "$REVIEW"; expect_ok
py '
assert d["counts"] == {"held": 1, "relapsed": 1, "incomplete": 0, "false": 1}, d["counts"]
assert len(d["reopened"]) == 2 and {v["inspection_id"] for v in d["verdicts"]} == {1, 2, 3}, d'
refused 3 --db case.db review report 999
refused 6 --db case.db --actor nobody review report "$REVIEW"

# --- follow-ups ----------------------------------------------------------------------------------
M="$U1/a1/i1/m3"
refused 2 --db case.db followups plan "$M" --cadence weekly --start 2019-01-31
refused 1 --db case.db followups plan "$U1/a6/i1/m1" --cadence monthly --start 2019-01-31
refused 6 --db case.db --actor 纪委 followups plan "$M" --cadence quarterly --start 2019-01-31
r --db case.db followups plan "$M" --cadence quarterly --start 2019-01-31; expect_ok
out_has "quarterly（每季度）"
refused 5 --db case.db followups record "$M" --date 2019-04-20 --text "  "
refused 1 --db case.db followups record "$U1/a1/i1/m4" --date 2019-04-20 --text x
r --db case.db --actor 联络员 followups record "$M" --date 2019-04-20 --text 支部会议按月召开，记录完整。; expect_ok
light() {
    r --db case.db --json warnings --as-of "$1" --inspection "$U1"; expect_ok
    pyval '[x["light"] for x in d["rows"] if x["ref"] == "'"$M"'"][0]'
}
[ "$(light 2019-04-30)" = blue ] || fail "not blue after a follow-up in the first quarter"
[ "$(light 2019-07-30)" = blue ] || fail "not blue before the second quarter ends"
[ "$(light 2019-07-31)" = blue ] || fail "the last day of a period is already missed"
[ "$(light 2019-08-01)" = red ] || fail "a missed follow-up did not turn the measure red"
r --db case.db --json followups due --as-of 2019-07-31; expect_ok
py 'assert len(d) == 1 and d[0]["missed"] is False and d[0]["next_due"] == "2019-07-31", d'
r --db case.db followups due --as-of 2019-08-01 --within 10; expect_ok
out_has "红（未按期跟踪）"
out_has "2019-10-31"
out_has "共 1 项，其中未按期跟踪 1 项"
r --db case.db --json followups due --as-of 2019-08-01; expect_ok
py 'assert len(d) == 1 and d[0]["missed"] is True and d[0]["last_due"] == "2019-07-31" and d[0]["next_due"] == "2019-10-31", d'
refused 5 --db case.db followups due --as-of 2019-07-32
refused 2 --db case.db followups due --as-of 2019-07-31 --within -1
r --db case.db followups record "$M" --date 2019-07-31 --text 第二季度检查。; expect_ok
[ "$(light 2019-08-01)" = blue ] || fail "a follow-up on the period's last day did not meet it"

# --- evaluation ----------------------------------------------------------------------------------
r --db case.db --json show issue "$U1/a6/i3"; expect_ok
E_ISSUE=$(pyval 'd["id"]')
printf '[{"item": "台账不规范", "points": 5}]' >good.json
r --db case.db evaluate --inspection "$U1" --date 2019-03-01 --deductions good.json; expect_ok
out_has "score 95, rated 好（good）"
out_has "no re-rectification needed"
printf '[{"item": "公务用车整改不彻底", "points": 25, "issue_id": %s}, {"item": "佐证材料不全", "points": 10}]' "$E_ISSUE" >fair.json
r --db case.db evaluate --inspection "$U1" --date 2019-03-02 --deductions fair.json; expect_ok
out_has "score 65, rated 一般（fair）"
out_has "issues sent back: $E_ISSUE"
r --db case.db --json show issue "$E_ISSUE"; expect_ok
py 'assert d["status"] == "in_progress" and d["relapse_count"] == 0, d'
printf '[{"item": "x", "points": 8}]' >custom.json
r --db case.db --json evaluate --inspection "$U1" --date 2019-03-03 --deductions custom.json --thresholds '{"good": 95, "fairly_good": 90, "fair": 70}'
expect_ok
py 'assert d["score"] == 92 and d["label"] == "较好" and d["rerectification"] is False, d'
printf '[{"item": "x", "points": -1}]' >negative.json
refused 5 --db case.db evaluate --inspection "$U1" --date 2019-03-04 --deductions negative.json
refused 5 --db case.db evaluate --inspection "$U1" --date 2019-03-04 --deductions good.json --thresholds '{"good": 50, "fairly_good": 60, "fair": 70}'
refused 3 --db case.db evaluate --inspection "$U1" --date 2019-03-04 --deductions missing.json
refused 6 --db case.db --actor 联络员 evaluate --inspection "$U1" --date 2019-03-04 --deductions good.json

# --- leads ---------------------------------------------------------------------------------------
r --db case.db lead add --inspection "$U1" --summary 超范围发放公务交通补贴问题线索 --to 市纪委监委 --date 2018-11-01; expect_ok
out_has "lead 1 handed to 市纪委监委"
r --db case.db --json lead add --inspection "$U1" --summary 慰问品发放问题线索 --to 市纪委监委 --date 2018-11-01; expect_ok
py 'assert d["id"] == 2 and d["disposition"] == "in_progress", d'
r --db case.db lead add --inspection "$U1" --summary 干部选任问题线索 --to 市委组织部 --date 2018-11-02; expect_ok
r --db case.db lead add --inspection "$U2" --summary 工会经费问题线索 --to 市纪委监委 --date 2018-11-03; expect_ok
refused 6 --db case.db --actor 联络员 lead add --inspection "$U1" --summary s --to 市纪委监委 --date 2018-11-01
refused 5 --db case.db lead add --inspection "$U1" --summary s --to 市纪委监委 --date 2018-11-31
r --db case.db --actor 纪委 lead dispose 1 concluded --date 2019-01-10 --note 给予诫勉; expect_ok
out_has "concluded（已办结）"
# A disposition by its label, as the help prints it: 未立案 is no_case.
r --db case.db lead dispose 2 未立案 --date 2018-12-20; expect_ok
out_has "no_case（未立案）"
refused 5 --db case.db lead dispose 3 concluded
refused 5 --db case.db lead dispose 3 concluded --date 2018-10-01
refused 2 --db case.db lead dispose 3 closed --date 2019-01-10
refused 3 --db case.db lead dispose 99 concluded --date 2019-01-10
refused 6 --db case.db --actor 联络员 lead dispose 3 concluded --date 2019-01-10
r --db case.db lead list --inspection "$U1"; expect_ok
grep -qE '^编号 +巡察 +线索 +移交单位 +移交日期 +处置 +办结日期 +备注$' out.txt || fail "no lead table heading"
out_has "移交 3 件，办结 2 件，办结率 66.67%"
out_has "给予诫勉"
out_has "未立案"
r --db case.db lead list; expect_ok
out_has "移交 4 件，办结 2 件，办结率 50.00%"
# Leads are confidential to the inspection body and those it hands them to: not the unit's liaison.
refused 6 --db case.db --actor 联络员 --json lead list
err_has "needs permission read_leads"
refused 6 --db case.db --actor 联络员 lead list --inspection "$U1"
err_has "needs permission read_leads"
r --db case.db --actor 纪委 --json lead list; expect_ok
py 'assert d["handed"] == 4 and d["completion_basis_points"] == 5000, d'
r --db case.db lead list --inspection "$U3"; expect_ok
out_has "移交 0 件，办结 0 件，办结率 —"
refused 3 --db case.db lead list --inspection nowhere

# After all of it, the audit chain is whole.
r --db case.db audit verify; expect_ok
