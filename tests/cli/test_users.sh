# users: user add/list, grant and revoke; every command acts as --actor and a denied one exits 6
# with the missing permission on stderr, changing nothing.
. "$(dirname "$0")/lib.sh"
HERE=$(cd "$(dirname "$0")" && pwd)

seeded case.db # as tester, who thereby is its first admin
read -r UNIT_REF ROUND_REF < <(python3 -c '
import json,sys; d = json.load(open(sys.argv[1])); print(d["unit"]["ref"], d["round"]["ref"])' "$SEED")
r --db case.db --json show unit "$UNIT_REF"; expect_ok
UNIT_ID=$(pyval 'd["id"]')

snapshot() { # snapshot FILE: what a denied command must not change, as tester sees it
    r --db case.db export --inspection "$SEED_REF" --out "$1.export"; expect_ok
    r --db case.db --json user list; expect_ok; cp out.txt "$1.users"
    r --db case.db --json audit log; expect_ok; pyval 'len(d)' > "$1.events"
}
unchanged_since() { # unchanged_since FILE
    snapshot now
    for part in export users events; do
        cmp -s "$1.$part" "now.$part" || fail "a denied command changed the database ($part)"
    done
}

# user add: a name, with or without a display name; a name taken is a conflict (4).
r --db case.db user add 张三 --display-name 张三丰
expect_ok
out_has "user 张三 added"
r --db case.db --json user add 李四
expect_ok
py 'assert d == {"user": "李四", "display_name": None}, d'
r --db case.db user add 王五; expect_ok
r --db case.db user add 张三
expect_error 4
err_has 张三

# grant: by role name or Chinese label; on a unit or round by ref or id; on the whole database.
r --db case.db grant 张三 liaison --unit "$UNIT_REF"
expect_ok
out_has "granted liaison（整改联络员） on 单位 市妇联 to 张三"
r --db case.db grant 张三 整改联络员 --unit "$UNIT_ID" # held already: nothing changes, no error
expect_ok
r --db case.db grant 张三 inspector --round "$ROUND_REF"
expect_ok
out_has "轮次 2018年市委巡察"
r --db case.db --json grant 李四 审计
expect_ok
py 'assert d == {"user": "李四", "role": "auditor", "scope": "all", "scope_id": None, "granted": True}, d'

# user list: one row per grant, scopes as a clerk reads them.
r --db case.db user list
expect_ok
ROWS=$(python3 "$HERE/check_table.py" out.txt 用户 显示名 角色 范围 2>table-err.txt) || {
    cat table-err.txt >&2; fail "user table check failed"; }
[ "$ROWS" -eq 5 ] || fail "expected 5 rows (tester, 张三 twice, 李四, 王五), got $ROWS"
grep -qE '^tester +— +admin（巡察办） +全库$' out.txt || fail "no row for the first admin"
grep -qE '^张三 +张三丰 +liaison（整改联络员） +单位 市妇联$' out.txt || fail "no liaison row for 张三"
grep -qE '^张三 +张三丰 +inspector（巡察组） +轮次 2018年市委巡察$' out.txt || fail "no inspector row for 张三"
grep -qE '^李四 +— +auditor（审计） +全库$' out.txt || fail "no auditor row for 李四"
grep -qE '^王五 +— +— +—$' out.txt || fail "no row for 王五, who holds nothing"
out_has "共 5 条（4 个用户）"
r --db case.db user list --json
expect_ok
py '
users = {u["name"]: u for u in d}
assert list(users) == ["tester", "张三", "李四", "王五"], list(users)
assert users["张三"]["display_name"] == "张三丰" and users["张三"]["created_by"] == "tester"
assert users["张三"]["grants"] == [{"role": "liaison", "scope": "unit", "scope_id": '"$UNIT_ID"'},
                                  {"role": "inspector", "scope": "round", "scope_id": users["张三"]["grants"][1]["scope_id"]}]
assert users["王五"]["grants"] == []'

# Wrong grants: unknown role (2, the roles listed), both scopes (2), unknown user or unit (3).
r --db case.db grant 张三 boss
expect_error 2
err_has liaison
r --db case.db grant 张三 auditor --unit "$UNIT_REF" --round "$ROUND_REF"
expect_error 2
r --db case.db grant 无此人 auditor
expect_error 3
err_has 无此人
r --db case.db grant 张三 liaison --unit no-such-unit
expect_error 3
r --db case.db grant 张三 liaison --unit 4242
expect_error 3

# What the roles allow, through the command line: 张三 (liaison on the unit) reads it and moves
# statuses, but manages no users, reads no audit log, closes nothing out (销号).
r --db case.db --actor 张三 --json list issues
expect_ok
py 'assert len(d) == 11'
snapshot before
for cmd in "user add 赵六" "user list" "grant 王五 auditor" "revoke 李四 auditor"; do
    # shellcheck disable=SC2086
    r --db case.db --actor 张三 $cmd
    expect_error 6 "($cmd as a liaison)"
    err_has "needs permission manage_users"
    err_has "张三"
done
r --db case.db --actor 张三 audit log
expect_error 6
err_has "read_audit"
r --db case.db --actor 张三 status set issue "$SEED_REF/a1/i1" closed
expect_error 6
err_has "close_out"
unchanged_since before
# 王五 holds no role: denied everything, even reading; 赵六 is nobody at all.
r --db case.db --actor 王五 list issues
expect_error 6
err_has "needs permission read"
r --db case.db --actor 赵六 show issue "$SEED_REF/a1/i1"
expect_error 6
err_has "'赵六' is not a user"
unchanged_since before
# The auditor reads the audit log, and not the users.
r --db case.db --actor 李四 --json audit log --limit 2
expect_ok
py 'assert [e["id"] for e in d] == [1, 2] and d[0]["action"] == "bootstrap" and d[0]["actor"] == "tester", d'
r --db case.db --actor 李四 user list
expect_error 6

# revoke: the grant goes, and with it what it allowed.
r --db case.db revoke 张三 liaison --unit "$UNIT_REF"
expect_ok
out_has "revoked liaison（整改联络员） on 单位 市妇联 from 张三"
r --db case.db --actor 张三 --json list issues
expect_ok # still inspector on the round
r --db case.db revoke 张三 inspector --round "$ROUND_REF"; expect_ok
r --db case.db --actor 张三 list issues
expect_error 6
r --db case.db revoke 张三 inspector --round "$ROUND_REF"
expect_error 3 "(revoking what is not held)"
# The last admin on the whole database stays.
r --db case.db revoke tester admin
[ "$RC" -ne 0 ] || fail "the last admin was revoked"
expect_error "$RC"
err_has "admin"
r --db case.db grant 李四 admin; expect_ok
r --db case.db --actor 李四 revoke tester admin; expect_ok
r --db case.db user list
expect_error 6 "(tester is no admin any more)"

# Every change above is in the audit log, under who made it.
r --db case.db --actor 李四 --json audit log
expect_ok
py '
acts = [(e["actor"], e["action"], e["kind"]) for e in d if e["kind"] in ("user", "grant")]
assert ("tester", "create", "user") in acts and ("tester", "grant", "grant") in acts, acts
assert ("tester", "revoke", "grant") in acts and ("李四", "revoke", "grant") in acts, acts'
