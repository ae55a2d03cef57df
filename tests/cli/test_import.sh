# import: creates the records once; importing again updates them and never duplicates.
. "$(dirname "$0")/lib.sh"

r --db case.db init; expect_ok
r --db case.db import "$SEED"
expect_ok
out_has "inspection id:"
ID=$(sed -n 's/^inspection id: \([0-9][0-9]*\)$/\1/p' out.txt)
[ -n "$ID" ] || fail "no numeric inspection id printed"
cp out.txt import1.txt

count() { # count KIND: sets COUNT to the number of records in `list KIND --json`
    r --db case.db --json list "$1"; expect_ok
    COUNT=$(pyval 'len(d)')
    [ -n "$COUNT" ] || fail "could not count $1"
}
count issues; ISSUES=$COUNT
count measures; MEASURES=$COUNT
count inspections; INSPECTIONS=$COUNT
[ "$ISSUES" -eq 11 ] || fail "expected 11 issues after import, got $ISSUES"
SEED_MEASURES=$(python3 -c '
import json,sys
d = json.load(open(sys.argv[1]))
def walk(issues):
    return sum(len(i.get("measures", [])) + walk(i.get("issues", [])) for i in issues)
print(sum(walk(a["issues"]) for a in d["aspects"]))' "$SEED")
[ "$MEASURES" -eq "$SEED_MEASURES" ] || fail "expected $SEED_MEASURES measures, got $MEASURES"
[ "$INSPECTIONS" -eq 1 ] || fail "expected 1 inspection, got $INSPECTIONS"

# Second import: same inspection, records updated, nothing duplicated.
r --db case.db --json import "$SEED"
expect_ok
py "assert d['inspection_id'] == $ID, d; assert isinstance(d['summary'], dict), d"
# Nothing created the second time; every record of the first import updated or found unchanged.
py '
s = d["summary"]
assert sum(s["created"].values()) == 0, s
seen = {k: s["updated"].get(k, 0) + s.get("unchanged", {}).get(k, 0) for k in s["updated"]}
assert seen["issue"] == 11 and seen["inspection"] == 1 and seen["aspect"] == 6, s'
count issues; [ "$COUNT" -eq 11 ] || fail "issues duplicated by a second import"
count measures; [ "$COUNT" -eq "$SEED_MEASURES" ] || fail "measures duplicated by a second import"
count inspections; [ "$COUNT" -eq 1 ] || fail "inspection duplicated by a second import"

# The human summary of the second import differs from the first (updated, not created).
r --db case.db import "$SEED"
expect_ok
out_has "inspection id: $ID"
cmp -s out.txt import1.txt && fail "the second import reported exactly what the first did"

# '-' reads the document from standard input.
r_in "$SEED" --db case.db import -
expect_ok
out_has "inspection id: $ID"
count issues; [ "$COUNT" -eq 11 ] || fail "import from stdin duplicated issues"

# import creates a missing database (a fresh folder needs no init first), and says that its actor
# is the first admin.
r --db fresh.db import "$SEED"
expect_ok
[ -s fresh.db ] || fail "import did not create fresh.db"
out_has "first admin: tester"
r --db fresh.db --json user list
expect_ok
py 'assert [u["name"] for u in d] == ["tester"], d'
r --db fresh.db --json import "$SEED"
expect_ok
py 'assert "first_admin" not in d, d'
r_in "$SEED" --db fresh-stdin.db --json --actor 录入员 import -
expect_ok
py 'assert d["first_admin"] == "录入员", d'
