# demo: the seed case end to end in ./demo.db; the same output every time, whoever runs it: the
# demo always acts as 演示管理员, the admin of its database.
. "$(dirname "$0")/lib.sh"
DEMO_ACTOR=演示管理员

# RECTIFY_DB names the clerk's real database; the demo must not touch it.
RECTIFY_DB=real.db r demo
expect_ok
[ -s demo.db ] || fail "demo did not create ./demo.db"
[ ! -e real.db ] || fail "demo used RECTIFY_DB"
cp out.txt demo1.txt

out_has "6个方面11项整改任务"
# The six aspect headings, in the seed's order, each on its own line.
python3 - "$SEED" <<'PYEOF' || fail "aspect headings missing or out of order"
import json, sys
titles = [a["title"] for a in json.load(open(sys.argv[1]))["aspects"]]
assert len(titles) == 6, titles
lines = open("demo1.txt", encoding="utf-8").read().split("\n")
pos = []
for t in titles:
    hits = [n for n, line in enumerate(lines) if line.strip().endswith(t) and len(line.strip()) <= len(t) + 6]
    assert hits, "no heading line for " + t
    pos.append(hits[0])
assert pos == sorted(pos), "headings out of order: %r" % pos
PYEOF
# Then the measures table, and where to go next.
grep -qE '^编号 +问题 +整改措施 +类别 +责任人 +整改时限 +状态$' out.txt || fail "no measures table heading"
out_has "Try next:"
out_has "rectify --db demo.db --actor $DEMO_ACTOR list issues"
python3 -c '
import sys
text = open("demo1.txt", encoding="utf-8").read()
assert text.index("6个方面11项整改任务") < text.index("整改措施") < text.index("Try next:")' || fail "demo sections out of order"

# Twice: the same bytes (import is idempotent).
r demo
expect_ok
cmp demo1.txt out.txt || fail "a second demo printed something else"

# By someone else the third time (another login, another RECTIFY_ACTOR, an --actor): the same.
USER=somebody-else RECTIFY_ACTOR=另一个人 r demo
expect_ok
cmp demo1.txt out.txt || fail "the demo run by another user printed something else"
r --actor 第三个人 demo
expect_ok
cmp demo1.txt out.txt || fail "the demo with --actor printed something else"

# The demo's admin is its one user; the tester (RECTIFY_ACTOR) is not one and is denied.
r --db demo.db --actor "$DEMO_ACTOR" --json user list
expect_ok
py 'assert [u["name"] for u in d] == ["演示管理员"], d'
r --db demo.db list issues
expect_error 6

# --db given explicitly is used instead of demo.db.
mkdir other && cd other
r --db mine.db demo
expect_ok
[ -s mine.db ] && [ ! -e demo.db ] || fail "demo ignored an explicit --db"
out_has "rectify --db mine.db --actor $DEMO_ACTOR list issues"
cd ..

# The demo database then works with the commands it suggests, run as printed.
r --db demo.db --actor "$DEMO_ACTOR" --json list issues
expect_ok
py 'assert len(d) == 11'
grep -E '^  rectify --db demo.db --actor ' demo1.txt | grep -v ' status set ' | sed 's/^  rectify //' > next.txt
[ "$(wc -l < next.txt)" -ge 3 ] || fail "fewer suggested commands than expected"
while read -r line; do
    # shellcheck disable=SC2086
    r $line
    expect_ok "(suggested: rectify $line)"
done < next.txt
