# audit: `audit log` lists a record's events; `audit verify` walks the hash chain and, after rows
# were edited, deleted or inserted with the plain sqlite3 tool, exits 7 naming the first broken
# link on stderr.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 missing: run scripts/install-deps" >&2; FAILED=1; exit 1; }

seeded case.db
# a6/i4 has its one measure done; with evidence attached the close-out guards let it close.
ISSUE_REF="$SEED_REF/a6/i4"
r --db case.db --json show issue "$ISSUE_REF"; expect_ok
ISSUE=$(pyval 'd["id"]')
r --db case.db evidence add issue "$ISSUE_REF" --title 开户许可证 --uri oa://docs/permit; expect_ok
r --db case.db status set issue "$ISSUE_REF" closed; expect_ok
r --db case.db --json list measures; expect_ok
M=$(pyval '[m for m in d if m["status"] == "in_progress"][0]["id"]')
r --db case.db progress add "$M" --date 2019-01-10 --text "复查完成。"; expect_ok

# audit log KIND ID: that record's events only, oldest first, as JSON or a table.
r --db case.db --json audit log issue "$ISSUE"
expect_ok
py '
assert len(d) == 2, [e["action"] for e in d]
assert all(e["kind"] == "issue" and e["record_id"] == '"$ISSUE"' for e in d)
assert [e["action"] for e in d] == ["create", "close_out"], d # status set … closed is a close-out
assert d[1]["before"]["status"] == "done" and d[1]["after"]["status"] == "closed"
assert d[1]["actor"] == "tester" and d[1]["prev_hash"] != d[1]["hash"] and len(d[1]["hash"]) == 64'
cp out.txt by-id.json
r --db case.db --json audit log issue "$ISSUE_REF"
expect_ok
cmp -s out.txt by-id.json || fail "audit log by ref differs from audit log by id"
r --db case.db audit log issue "$ISSUE_REF"
expect_ok
grep -qE '^编号 +时间 +操作人 +动作 +记录 +变更 +哈希$' out.txt || fail "no audit table heading"
grep -qE "^ *[0-9]+ +[0-9T:Z-]+ +tester +close_out +issue $ISSUE +status: done → closed +[0-9a-f]{12}\$" out.txt ||
    fail "no row for the close-out"
out_has "共 2 条"
r --db case.db --json audit log measure "$M"
expect_ok
py 'assert [e["action"] for e in d] == ["create"], d'
# All events, paged.
r --db case.db --json audit log
expect_ok
EVENTS=$(pyval 'len(d)')
# The last operation's event, then the row images the store took of what it wrote.
py 'assert [e["id"] for e in d] == list(range(1, len(d) + 1)) and [e for e in d if not e["kind"].startswith("row:")][-1]["kind"] == "progress", d[-1]
assert d[-1]["kind"] == "row:progress" and d[-1]["after"]["text"] == "复查完成。", d[-1]'
r --db case.db --json audit log --offset 2 --limit 3
expect_ok
py 'assert [e["id"] for e in d] == [3, 4, 5], d'
r --db case.db audit log issue
expect_error 2
r --db case.db audit log issue 999999
expect_error 3
r --db case.db audit log banana 1
expect_error 2

# verify: whole; the events and the head hash.
r --db case.db audit verify
expect_ok
grep -qx "audit log intact: $EVENTS events checked, every record matches its last event" out.txt ||
    fail "verify does not say it checked $EVENTS events"
HEAD=$(sed -n 's/^head hash: \([0-9a-f]\{64\}\)$/\1/p' out.txt)
[ -n "$HEAD" ] || fail "no head hash line"
r --db case.db --json audit verify
expect_ok
py 'assert d["intact"] is True and d["events"] == '"$EVENTS"' and d["head_hash"] == "'"$HEAD"'" and d["broken_at"] is None, d'
r --db case.db audit verify --anchor "$HEAD"
expect_ok
out_has "anchor: event $EVENTS"

# The library's triggers refuse an edit or a delete, even from sqlite3.
cp case.db plain.db
sqlite3 plain.db "UPDATE audit_events SET actor = 'x' WHERE id = 5" 2>sqlite-err.txt &&
    fail "sqlite3 edited the append-only log"
grep -q "append-only" sqlite-err.txt || fail "the trigger did not say why"
sqlite3 plain.db "DELETE FROM audit_events WHERE id = 5" 2>/dev/null && fail "sqlite3 deleted from the log"

# tamper NAME SQL: a copy of case.db with the triggers dropped (as an attacker with the file
# would), then SQL; leaves T=NAME.db.
tamper() {
    T=$1.db
    cp case.db "$T"
    sqlite3 "$T" "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; $2" ||
        fail "sqlite3 could not tamper ($1)"
}
# broken NAME EVENT: verify of NAME.db exits 7 and names EVENT as the first broken link.
broken() {
    r --db "$1.db" audit verify
    expect_error 7 "($1)"
    err_has "broken at event $2:"
    [ -z "$OUT" ] || fail "a failed verify printed on stdout ($1)"
    r --db "$1.db" --json audit verify
    expect_error 7 "($1, --json)"
    py 'assert d["intact"] is False and d["broken_at"] == '"$2"' and d["problem"], d'
}

# An event edited: its own hash no longer matches.
tamper edited "UPDATE audit_events SET actor = 'someone else' WHERE id = 10"
broken edited 10
err_has "event 10 does not match its hash"
# An event's before/after image edited, the hash recomputed to match by someone who knows the
# scheme: the next event's link breaks.
tamper rehashed "UPDATE audit_events SET after = replace(after, 'tongcheng', 'TONGCHENG') WHERE id = 12"
python3 - rehashed.db 12 <<'PYEOF' || fail "cannot rehash event 12"
import hashlib, sqlite3, struct, sys
db = sqlite3.connect(sys.argv[1]); eid = int(sys.argv[2])
row = db.execute("SELECT id, at, actor, action, kind, record_id, before, after, prev_hash, format FROM audit_events WHERE id = ?", (eid,)).fetchone()
assert row[9] == 2, row  # format 2: each field tagged, integers and lengths in 8 bytes big-endian
def field(v):
    if v is None: return b"n"
    if isinstance(v, int): return b"i" + struct.pack(">q", v)
    b = v.encode(); return b"t" + struct.pack(">Q", len(b)) + b
h = hashlib.sha256(b"rectify audit event 2\n" + b"".join(field(v) for v in row[:9])).hexdigest()
db.execute("UPDATE audit_events SET hash = ? WHERE id = ?", (h, eid)); db.commit()
PYEOF
broken rehashed 13
err_has "event 13 does not link to the event before it"
# An event deleted in the middle: the next one names the gap.
tamper deleted "DELETE FROM audit_events WHERE id = 20"
broken deleted 21
err_has "event 21 follows event 19"
# The first event deleted.
tamper deleted-first "DELETE FROM audit_events WHERE id = 1"
broken deleted-first 2
# An event inserted at the end, made up.
tamper inserted "INSERT INTO audit_events (id, at, actor, action, kind, record_id, before, after, prev_hash, hash)
    SELECT MAX(id) + 1, '2030-01-01T00:00:00Z', 'tester', 'update', 'issue', $ISSUE, NULL, NULL, hash, 'feed' FROM audit_events"
broken inserted $((EVENTS + 1))
# An event slipped in between (the later ones renumbered to make room): the chain breaks there.
tamper slipped "UPDATE audit_events SET id = id + 1000 WHERE id >= 30; UPDATE audit_events SET id = id - 999 WHERE id >= 1030;
    INSERT INTO audit_events (id, at, actor, action, kind, record_id, before, after, prev_hash, hash)
    SELECT 30, at, actor, action, kind, record_id, before, after, prev_hash, hash FROM audit_events WHERE id = 29"
broken slipped 30
# An event inserted at the end with a correct link and hash, claiming issue 1 was retitled: the
# chain holds, but the record no longer matches its last audited state.
cp case.db forged.db
python3 - forged.db "$ISSUE" <<'PYEOF' || fail "cannot forge an event"
import hashlib, json, sqlite3, struct, sys
db = sqlite3.connect(sys.argv[1]); rid = int(sys.argv[2])
last_id, prev = db.execute("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
before = db.execute("SELECT after FROM audit_events WHERE kind = 'issue' AND record_id = ? ORDER BY id DESC LIMIT 1", (rid,)).fetchone()[0]
image = json.loads(before); image["title"] = "伪造的标题"
after = json.dumps(image, ensure_ascii=False, separators=(",", ":"))
row = [last_id + 1, "2030-01-01T00:00:00Z", "tester", "update", "issue", rid, before, after, prev]
def field(v):  # format 2
    if v is None: return b"n"
    if isinstance(v, int): return b"i" + struct.pack(">q", v)
    b = v.encode(); return b"t" + struct.pack(">Q", len(b)) + b
h = hashlib.sha256(b"rectify audit event 2\n" + b"".join(field(v) for v in row)).hexdigest()
db.execute("INSERT INTO audit_events (id, at, actor, action, kind, record_id, before, after, prev_hash, hash, format) VALUES (?,?,?,?,?,?,?,?,?,?,2)", row + [h])
db.commit()
PYEOF
r --db forged.db audit verify
expect_error 7
err_has "issue $ISSUE differs from its last audited state"
# The same event with the hash of format 1, which the library no longer writes: refused as such.
cp case.db downgraded.db
python3 - downgraded.db <<'PYEOF' || fail "cannot append a format-1 event"
import hashlib, json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
last_id, prev = db.execute("SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1").fetchone()
row = [last_id + 1, "2030-01-01T00:00:00Z", "tester", "update", "note", 1, None, None, prev]
h = hashlib.sha256(json.dumps(row, ensure_ascii=False, separators=(",", ":")).encode()).hexdigest()
db.execute("INSERT INTO audit_events (id, at, actor, action, kind, record_id, before, after, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)", row + [h])
db.commit()
PYEOF
broken downgraded $((EVENTS + 1))
err_has "has format 1 after events of format 2"
# A record changed behind the library's back, the log untouched.
cp case.db record.db
sqlite3 record.db "UPDATE issues SET title = '篡改的标题' WHERE id = $ISSUE" || fail "sqlite3 could not edit the issue"
r --db record.db audit verify
expect_error 7
err_has "issue $ISSUE differs from its last audited state"
# The last events cut off (and with them the records they made, so the rest still matches): only
# the head hash kept elsewhere shows it. --anchor is that check.
r --db case.db user add 末位; expect_ok
r --db case.db --json audit verify; expect_ok
HEAD2=$(pyval 'd["head_hash"]')
tamper truncated "DELETE FROM audit_events WHERE id = (SELECT MAX(id) FROM audit_events); DELETE FROM users WHERE name = '末位'"
r --db truncated.db audit verify --anchor "$HEAD2"
expect_error 7
err_has "no longer passes through the anchor $HEAD2"
r --db truncated.db audit verify --anchor "$HEAD"
expect_ok # the older anchor is still in the chain

# Users and grants changed behind the library's back: a grant inserted with sqlite3 makes 王五
# an admin without any audit event. verify should catch it as it catches a record changed.
r --db case.db user add 王五; expect_ok
cp case.db escalated.db
sqlite3 escalated.db "INSERT INTO grants (user_id, role, scope, scope_id, granted_at, granted_by)
    SELECT id, 'admin', 'all', 0, '2030-01-01T00:00:00Z', 'tester' FROM users WHERE name = '王五'" ||
    fail "sqlite3 could not insert a grant"
r --db escalated.db --actor 王五 --json user list
expect_ok # the forged grant works
r --db escalated.db audit verify
expect_error 7
GRANT=$(sqlite3 escalated.db "SELECT max(id) FROM grants")
err_has "row $GRANT of grants has no audit trail (added behind the library's back)"

# The untouched original still verifies.
r --db case.db audit verify
expect_ok
