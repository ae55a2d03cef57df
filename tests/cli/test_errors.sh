# Bad input: a clean message prefixed "rectify: ", the right exit code, and nothing changed.
. "$(dirname "$0")/lib.sh"

r --db case.db init; expect_ok
count_inspections() {
    r --db case.db --json list inspections; expect_ok
    COUNT=$(pyval 'len(d)')
}

# A file that does not exist.
r --db case.db import no-such-file.json
expect_error 3
err_has no-such-file.json
[ -z "$OUT" ] || fail "a failed import printed on stdout"

# Malformed JSON.
printf '{"format": "rectify-inspection", "format_version": 1,\n' > broken.json
r --db case.db import broken.json
expect_error 5
err_has broken.json
count_inspections; [ "$COUNT" -eq 0 ] || fail "a malformed document changed the database"

# Well-formed, but with an impossible date deep inside: the field path is named.
python3 - "$SEED" <<'PYEOF' || fail "cannot write bad-date.json"
import json, sys
d = json.load(open(sys.argv[1]))
d["aspects"][1]["issues"][0]["measures"][0]["deadline"] = "2018-02-30"
json.dump(d, open("bad-date.json", "w"), ensure_ascii=False)
d = json.load(open(sys.argv[1]))
d["colour"] = "red"
json.dump(d, open("unknown-key.json", "w"), ensure_ascii=False)
PYEOF
r --db case.db import bad-date.json
expect_error 5
err_has 2018-02-30
err_has deadline
count_inspections; [ "$COUNT" -eq 0 ] || fail "a refused document changed the database"

# An unknown key.
r --db case.db import unknown-key.json
expect_error 5
err_has colour
count_inspections; [ "$COUNT" -eq 0 ] || fail "a refused document changed the database"

# Invalid UTF-8 in a title, on standard input.
python3 - "$SEED" <<'PYEOF' || fail "cannot write bad-utf8.json"
import sys
doc = open(sys.argv[1], "rb").read()
title = "党的政治建设方面".encode()
assert title in doc
open("bad-utf8.json", "wb").write(doc.replace(title, b"\xff\xfe", 1))
PYEOF
r_in bad-utf8.json --db case.db import -
expect_error 5
count_inspections; [ "$COUNT" -eq 0 ] || fail "a document with bad UTF-8 changed the database"

# The same refusal leaves a seeded database exactly as it was.
r --db case.db import "$SEED"; expect_ok
r --db case.db export --inspection "$SEED_REF" --out before.json; expect_ok
r --db case.db import bad-date.json
expect_error 5
r --db case.db export --inspection "$SEED_REF" --out after.json; expect_ok
cmp -s before.json after.json || fail "a refused re-import changed the inspection"

# Usage errors: exit 2.
r --db case.db
expect_error 2
r --db case.db frobnicate
expect_error 2
r --db case.db list issues --no-such-option
expect_error 2
r --db case.db export
expect_error 2
err_has inspection
r --db case.db notice --inspection "$SEED_REF" --audience everyone
expect_error 2
