# audit_proofs: `audit head` signs the log's Merkle root with a host key, `audit prove` hands out
# consistency and inclusion proofs, `audit verify --head` checks a kept head; the outsider's
# checker (examples/python/check_audit_proof.py, hashlib only) proves them without rectify, and
# refuses each altered head, proof and event, and a log rebuilt beneath the library.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 missing: run scripts/install-deps" >&2; FAILED=1; exit 1; }
command -v openssl >/dev/null || { echo "openssl missing: run scripts/install-deps" >&2; FAILED=1; exit 1; }
CHECKER="$(cd "$(dirname "$0")/../../examples/python" && pwd)/check_audit_proof.py"

# check ARGS...: runs the checker; its stdout in out.txt, stderr in err.txt, exit code in $RC.
check() {
    LAST="check_audit_proof.py $*"
    python3 "$CHECKER" "$@" >out.txt 2>err.txt
    RC=$?
    OUT=$(cat out.txt)
    ERR=$(cat err.txt)
    ! grep -q 'Traceback' err.txt || fail "the checker crashed"
}
proved() { [ "$RC" -eq 0 ] || fail "expected the checker to prove it"; out_has "proved: $1"; }
not_proved() { [ "$RC" -eq 1 ] || fail "expected the checker to refuse (exit 1), got $RC"; err_has "NOT PROVED: "; err_has "$1"; }

openssl genpkey -algorithm ed25519 -out host.pem 2>/dev/null || fail "openssl genpkey failed"
openssl pkey -in host.pem -pubout -out host.pub 2>/dev/null || fail "openssl pkey failed"
openssl genpkey -algorithm ed25519 -out other.pem 2>/dev/null && openssl pkey -in other.pem -pubout -out other.pub 2>/dev/null ||
    fail "openssl: no second key"

# raw_sql DB SQL: SQL run with the sqlite3 shell, the audit log's append-only triggers dropped
# first, as someone with the file can.
raw_sql() {
    sqlite3 "$1" "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; $2" ||
        fail "sqlite3 failed on $1: $2"
}

seeded case.db

# A head: size and root, signed; -o writes it and never overwrites a kept one.
r --db case.db audit head --key host.pem -o h1.json
expect_ok
out_has "wrote the head of "
out_has " events to h1.json"
r --db case.db --json audit head --key host.pem -o h1-again.json
expect_ok
py 'assert d["path"] == "h1-again.json" and len(d["root"]) == 64 and d["size"] > 0, d'
cmp -s h1.json h1-again.json || fail "two heads of the same log differ"
python3 - <<'EOF' || fail "h1.json is not a head"
import json
h = json.load(open("h1.json"))
assert set(h) == {"size", "root", "algorithm", "public_key", "signature"}, h
assert h["size"] > 0 and len(h["root"]) == 64 and h["algorithm"] == "ed25519" and len(h["signature"]) == 128
EOF
r --db case.db audit head --key host.pem -o h1.json
expect_error 1
err_has "h1.json exists already"
r --db case.db audit head --key host.pub
expect_error 5
err_has "is not an Ed25519 private key"
r --db case.db audit head --key missing.pem
expect_error 3
check head h1.json --public-key host.pub
proved "h1.json: "
check head h1.json --public-key other.pub
not_proved "h1.json was signed with another key"

# The work goes on: an issue is closed out (销号).
ISSUE_REF="$SEED_REF/a6/i4"
r --db case.db evidence add issue "$ISSUE_REF" --title 开户许可证 --uri oa://docs/permit; expect_ok
r --db case.db status set issue "$ISSUE_REF" closed; expect_ok
r --db case.db --json audit log issue "$ISSUE_REF"; expect_ok
CLOSE_OUT=$(pyval '[e["id"] for e in d if e["action"] == "close_out"][0]')
ISSUE=$(pyval 'd[0]["record_id"]')
r --db case.db audit head --key host.pem
expect_ok
cp out.txt h2.json

# The later head extends the earlier one: proved by rectify and by the outsider's checker.
r --db case.db audit prove --from h1.json --to h2.json
expect_ok
cp out.txt consistency.json
check consistency consistency.json --from h1.json --to h2.json --public-key host.pub
proved "h2.json"
out_has "extends h1.json"
# Without --to the proof runs to the log now, which is h2's log here; heads are also taken as JSON text.
r --db case.db audit prove --from "$(cat h1.json)"
expect_ok
cmp -s out.txt consistency.json || fail "the proof to now differs from the proof to h2 on the same log"
r --db case.db audit verify --head h1.json --public-key host.pub
expect_ok
out_has "audit log intact"
out_has "signed head: "
r --db case.db --json audit verify --head h1.json --public-key host.pub
expect_ok
py 'assert d["intact"] and d["head"]["intact"] and d["head"]["head_size"] < d["head"]["size"], d'

# The close-out is in h2: the checker recomputes the event's hash from its content and says what it is.
r --db case.db audit prove --event "$CLOSE_OUT" --head h2.json
expect_ok
cp out.txt inclusion.json
py 'assert d["event"]["action"] == "close_out" and d["event"]["kind"] == "issue" and d["event"]["record_id"] == '"$ISSUE"
check inclusion inclusion.json --head h2.json --public-key host.pub
proved "event $CLOSE_OUT is in h2.json"
out_has "close_out issue $ISSUE by tester"
# …and not in h1, taken before it.
r --db case.db audit prove --event "$CLOSE_OUT" --head h1.json
expect_error 5
err_has "is not in the head"
# Every event of a small log, in every head size: the proofs hold at each position of the tree.
for e in 1 2 3 $((CLOSE_OUT - 1)); do
    r --db case.db audit prove --event "$e" --head h2.json; expect_ok
    cp out.txt p.json
    check inclusion p.json --head h2.json --public-key host.pub
    proved "event $e is in h2.json"
done

# Altered documents: each is refused by the checker, naming why.
python3 - <<'EOF' || fail "could not make the altered documents"
import json
def dump(name, obj): json.dump(obj, open(name, "w"))
p = json.load(open("consistency.json"))
p["proof"][0] = ("0" if p["proof"][0][0] != "0" else "1") + p["proof"][0][1:]
dump("bad-consistency.json", p)
p = json.load(open("inclusion.json"))
p["event"]["after"] = p["event"]["after"].replace('"closed"', '"in_progress"')
dump("bad-event.json", p)
p = json.load(open("inclusion.json"))
p["proof"] = p["proof"][:-1]
dump("short-inclusion.json", p)
p = json.load(open("consistency.json"))
p["proof"][0] = "zz"
dump("garbled-consistency.json", p)
h = json.load(open("h1.json"))
h["size"] += 1
dump("h1-bigger.json", h)
EOF
check consistency bad-consistency.json --from h1.json --to h2.json --public-key host.pub
not_proved "does not show that h2.json extends h1.json"
check consistency consistency.json --from h1-bigger.json --to h2.json --public-key host.pub
not_proved "the signature of h1-bigger.json does not verify"
check consistency consistency.json --from h2.json --to h1.json --public-key host.pub
not_proved "starts from another head"
check inclusion bad-event.json --head h2.json --public-key host.pub
not_proved "does not have its hash: its content was altered"
check inclusion short-inclusion.json --head h2.json --public-key host.pub
not_proved "does not show event $CLOSE_OUT"
check inclusion inclusion.json --head h1.json --public-key host.pub
not_proved "is for another head"
check inclusion inclusion.json --head h2.json --public-key other.pub
not_proved "signed with another key"
check consistency garbled-consistency.json --from h1.json --to h2.json --public-key host.pub
[ "$RC" -eq 2 ] || fail "a proof hash that is not hex: expected exit 2"
err_has '"proof"[0] must be 64 hex digits'
echo '{"size": 1' > broken.json
check head broken.json --public-key host.pub
[ "$RC" -eq 2 ] || fail "a head that is not JSON: expected exit 2"
err_has "broken.json is not JSON"
check head h2.json --public-key host.pem
[ "$RC" -eq 2 ] || fail "a private key for a public one: expected exit 2"

# rectify refuses the same: another key, an altered head.
r --db case.db audit verify --head h1.json --public-key other.pub
expect_error 7
err_has "signed with another key"
r --db case.db audit verify --head h1-bigger.json --public-key host.pub
expect_error 7
err_has "signature does not verify"
r --db case.db audit verify --head h1.json
expect_error 2
r --db case.db audit prove --event 1
expect_error 2
r --db case.db audit prove
expect_error 2
err_has "give --from HEAD, or --event N --head HEAD"
r --db case.db audit prove --from broken.json
expect_error 5
err_has "from_head: not a tree head"
r --db case.db audit prove --from nowhere.json
expect_error 3

# A raw SQL edit under a valid head: the head still holds (the log was not touched), the records
# do not, and verify says which.
cp case.db edited.db
sqlite3 edited.db "UPDATE issues SET status = 'in_progress' WHERE id = $ISSUE;" || fail "sqlite3 update failed"
r --db edited.db --json audit verify --head h2.json --public-key host.pub
expect_rc 7
py 'assert not d["intact"] and d["head"]["intact"] and d["mismatch"]["table"] == "issues" and d["mismatch"]["record_id"] == '"$ISSUE"', d'
err_has "issue $ISSUE differs from its last audited state in field status"

# The checker hashes events of both formats as the library does: the digests the library's unit
# tests pin (tests/unit/audit_test.cpp), an event that names no format being of format 1; a
# format it does not know is refused, not guessed.
python3 - "$CHECKER" <<'EOF' || fail "the checker does not hash events as the library does"
import importlib.util, sys
spec = importlib.util.spec_from_file_location("checker", sys.argv[1])
checker = importlib.util.module_from_spec(spec)
spec.loader.exec_module(checker)
e = {"id": 1, "at": "2026-01-01T00:00:00Z", "actor": "admin", "action": "create", "kind": "unit", "record_id": 1,
     "before": None, "after": '{"name":"市妇联"}', "prev_hash": "0" * 64}
assert checker.event_hash(e) == "fc5034261c7fff594e78ac45797a75644d6e641c6cf8971883f03f3624978dae"
assert checker.event_hash(dict(e, format=None)) == checker.event_hash(e)
assert checker.event_hash(dict(e, format=1)) == checker.event_hash(e)
assert checker.event_hash(dict(e, format=2)) == "2bea9110757e3d1bf8c6bd74c37b4cd56bb90b42730517aba9d8c6e4288aeb1b"
for bad in (3, "2", True):
    try:
        checker.event_hash(dict(e, format=bad))
    except checker.UnknownFormat:
        continue
    raise AssertionError("format %r was hashed" % (bad,))
EOF

# The whole chain rebuilt beneath the library: the close-out's event says another status, every
# later hash recomputed, the table edited to match. The chain and the records agree again, and
# only a kept head shows the rewrite.
cp case.db rebuilt.db
python3 - "$CHECKER" "$CLOSE_OUT" "$ISSUE" <<'EOF' || fail "could not rebuild the chain"
import importlib.util, sqlite3, sys
spec = importlib.util.spec_from_file_location("checker", sys.argv[1])
checker = importlib.util.module_from_spec(spec)
spec.loader.exec_module(checker)
close_out, issue = int(sys.argv[2]), int(sys.argv[3])
db = sqlite3.connect("rebuilt.db")
db.execute("DROP TRIGGER audit_events_no_update")
cols = ["id", "at", "actor", "action", "kind", "record_id", "before", "after", "prev_hash", "hash", "format"]
rows = [dict(zip(cols, r)) for r in db.execute("SELECT %s FROM audit_events ORDER BY id" % ", ".join(cols))]
prev = None
for e in rows:
    if e["id"] >= close_out:
        if e["id"] == close_out or (e["kind"] == "row:issues" and e["record_id"] == issue and e["id"] > close_out):
            e["after"] = e["after"].replace('"closed"', '"done"')
        e["prev_hash"] = prev
        e["hash"] = checker.event_hash(e)
        db.execute("UPDATE audit_events SET after = ?, prev_hash = ?, hash = ? WHERE id = ?",
                   (e["after"], e["prev_hash"], e["hash"], e["id"]))
    prev = e["hash"]
db.execute("UPDATE issues SET status = 'done' WHERE id = ?", (issue,))
db.commit()
EOF
r --db rebuilt.db audit verify
expect_ok "(the rebuilt chain passes a verify without a head)"
r --db rebuilt.db audit verify --head h2.json --public-key host.pub
expect_error 7
err_has "do not have the root of the head: the log was rewritten since the head was taken"
r --db rebuilt.db audit verify --head h1.json --public-key host.pub
expect_ok "(h1 was taken before the rewritten event)"
r --db rebuilt.db audit prove --from h2.json
expect_error 7
r --db rebuilt.db audit head --key host.pem
expect_ok
cp out.txt h3.json
r --db rebuilt.db audit prove --from h1.json --to h3.json
expect_ok
cp out.txt rebuilt-proof.json
check consistency rebuilt-proof.json --from h2.json --to h3.json --public-key host.pub
not_proved "starts from another head"

# Events removed from the end: the chain that is left is whole, the head shows the loss.
cp case.db truncated.db
raw_sql truncated.db "DELETE FROM audit_events WHERE id = (SELECT MAX(id) FROM audit_events);"
r --db truncated.db --json audit verify --head h2.json --public-key host.pub
expect_rc 7
py 'assert not d["intact"] and not d["head"]["intact"] and "events were removed" in d["head"]["problem"], d'

# A broken chain gets no head.
cp case.db broken-chain.db
raw_sql broken-chain.db "UPDATE audit_events SET actor = 'nobody' WHERE id = 2;"
r --db broken-chain.db audit head --key host.pem
expect_error 7
err_has "no head is signed over a broken audit log: it is broken at event 2"
