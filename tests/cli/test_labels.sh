# labels: a value of a fixed set is taken by its code or by any Chinese label the help and the
# docs print for it (docs/access.md, docs/cli.md), and leaves the same record either way; anything
# else is refused (exit 2) with the accepted codes and labels listed, and changes nothing.
. "$(dirname "$0")/lib.sh"

seeded case.db
r --db case.db user add 张三; expect_ok
r --db case.db user add 李四; expect_ok

# Roles: the liaison as docs/access.md names it, and the supervisor as both docs spell it.
r --db case.db --json grant 张三 被巡察单位整改联络员; expect_ok
py 'assert d["role"] == "liaison" and d["granted"] is True, d'
r --db case.db grant 李四 "纪委监委 / 组织部"; expect_ok
out_has "granted supervisor（纪委监委/组织部） on 全库 to 李四"
r --db case.db grant 李四 社会公众; expect_ok
r --db case.db --json user list; expect_ok
py '
users = {u["name"]: sorted(g["role"] for g in u["grants"]) for u in d}
assert users["张三"] == ["liaison"] and users["李四"] == ["public", "supervisor"], users'
r --db case.db revoke 张三 整改联络员; expect_ok
out_has "revoked liaison（整改联络员）"
r --db case.db --json user list; expect_ok
py 'assert [u["grants"] for u in d if u["name"] == "张三"] == [[]], d'
r --db case.db grant 张三 联络员
expect_error 2
err_has "unknown role '联络员'"
err_has "liaison 整改联络员 (also 被巡察单位整改联络员)"
err_has "supervisor 纪委监委/组织部 (also 纪委监委 / 组织部)"
r --db case.db --json user list; expect_ok
py 'assert [u["grants"] for u in d if u["name"] == "张三"] == [[]], d'

# Cadence: 每月 as the help prints it plans monthly follow-ups.
M="$SEED_REF/a1/i1/m3"
r --db case.db followups plan "$M" --cadence 每月 --start 2019-01-31; expect_ok
out_has "follow-ups monthly（每月）"
r --db case.db --json followups due --as-of 2019-02-01; expect_ok
py 'assert [x["cadence"] for x in d if x["ref"] == "'"$M"'"] == ["monthly"], d'
r --db case.db followups plan "$M" --cadence 每周 --start 2019-01-31
expect_error 2
err_has "unknown cadence '每周'"
err_has "monthly 每月, quarterly 每季度, half_yearly 每半年, yearly 每年"

# Audience: 向社会公开 prints the public notice, 党内通报 the internal one.
r --db case.db notice --inspection "$SEED_REF" --audience public; expect_ok
cp out.txt public.txt
r --db case.db notice --inspection "$SEED_REF" --audience 向社会公开; expect_ok
cmp -s out.txt public.txt || fail "--audience 向社会公开 differs from --audience public"
r --db case.db notice --inspection "$SEED_REF" --audience internal; expect_ok
cp out.txt internal.txt
r --db case.db notice --inspection "$SEED_REF" --audience 党内通报; expect_ok
cmp -s out.txt internal.txt || fail "--audience 党内通报 differs from --audience internal"
r --db case.db notice --inspection "$SEED_REF" --audience 全体
expect_error 2
err_has "internal 党内 (also 党内通报), public 向社会公开"

# The help lists each set once, code and label, from the same table.
r grant --help; expect_ok
out_has "liaison 整改联络员"
r followups plan --help; expect_ok
out_has "monthly 每月, quarterly 每季度, half_yearly 每半年 or yearly 每年"
