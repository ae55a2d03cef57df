# export → import into a fresh database → export gives the same bytes.
. "$(dirname "$0")/lib.sh"

seeded a.db
r --db a.db export --inspection "$SEED_REF"
expect_ok
cp out.txt a-stdout.json
py 'assert d["format"] == "rectify-inspection" and d["format_version"] == 1, d.get("format")'
py 'assert d["inspection"]["ref"] == "'"$SEED_REF"'"'
py 'assert len(d["aspects"]) == 6, len(d["aspects"])'
tail -c 1 a-stdout.json | od -An -c | grep -q '\\n' || fail "export does not end with a newline"

# --out writes the same bytes as standard output.
r --db a.db export --inspection "$SEED_REF" --out a.json
expect_ok
cmp a.json a-stdout.json || fail "export --out differs from export to stdout"

# The numeric id names the same inspection as the ref.
r --db a.db --json list inspections; expect_ok
ID=$(pyval 'd[0]["id"]')
r --db a.db export --inspection "$ID" --out a-by-id.json
expect_ok
cmp a.json a-by-id.json || fail "export by id differs from export by ref"

r --db b.db import a.json
expect_ok
r --db b.db export --inspection "$SEED_REF" --out b.json
expect_ok
cmp a.json b.json || fail "export → import → export is not byte-identical"

# Exporting an inspection that does not exist.
r --db a.db export --inspection no-such-inspection
expect_error 3
err_has "no-such-inspection"
r --db a.db export --inspection 999999
expect_error 3
