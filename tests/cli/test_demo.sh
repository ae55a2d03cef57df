# demo: the seed case end to end in ./demo.db; the same output every time.
. "$(dirname "$0")/lib.sh"

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
out_has "rectify --db demo.db list issues"
python3 -c '
import sys
text = open("demo1.txt", encoding="utf-8").read()
assert text.index("6个方面11项整改任务") < text.index("整改措施") < text.index("Try next:")' || fail "demo sections out of order"

# Twice: the same bytes (import is idempotent).
r demo
expect_ok
cmp demo1.txt out.txt || fail "a second demo printed something else"

# --db given explicitly is used instead of demo.db.
mkdir other && cd other
r --db mine.db demo
expect_ok
[ -s mine.db ] && [ ! -e demo.db ] || fail "demo ignored an explicit --db"
out_has "rectify --db mine.db list issues"
cd ..

# The demo database then works with the other commands.
r --db demo.db --json list issues
expect_ok
py 'assert len(d) == 11'
