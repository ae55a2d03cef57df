# export --all: every inspection as JSON Lines (one compact document per line, the same documents
# as export -i), to standard output or to a file that appears only when complete; the documents
# import into a new database and export the same again. The progress bar of export --all, audit
# verify and backup: drawn on a terminal (run under a pty with script(1)), never when stderr is a
# file.
. "$(dirname "$0")/lib.sh"

seeded a.db
sed -e 's/tongcheng-2018-fulian/tongcheng-2018-dangan/g' -e 's/"tongcheng-fulian"/"tongcheng-dangan"/g' \
    -e 's/"市妇联"/"市档案馆"/g' -e 's/"市妇联党组"/"市档案馆党组"/g' "$SEED" >second.json
r --db a.db import second.json; expect_ok "(import a second unit's inspection)"

# Standard output: one line per inspection, each the document export -i writes.
r --db a.db export --all; expect_ok
cp out.txt stdout.jsonl
[ "$(wc -l <stdout.jsonl)" -eq 2 ] || fail "export --all printed $(wc -l <stdout.jsonl) lines, want 2"
[ ! -s err.txt ] || fail "export --all wrote to stderr when it is not a terminal"
r --db a.db export -i "$SEED_REF"; expect_ok; cp out.txt one.json
r --db a.db export -i tongcheng-2018-dangan; expect_ok; cp out.txt two.json
python3 - <<'PYEOF' || fail "export --all lines differ from export -i"
import json
lines = open("stdout.jsonl", encoding="utf-8").read().split("\n")
assert lines[-1] == "", "the last line ends with a newline"
docs = [json.loads(l) for l in lines[:-1]]
assert docs == [json.load(open("one.json", encoding="utf-8")), json.load(open("two.json", encoding="utf-8"))]
PYEOF

# A file: the same lines; nothing else beside it.
r --db a.db export --all -o all.jsonl; expect_ok
out_has "exported the database to all.jsonl"
[ ! -s err.txt ] || fail "export --all -o wrote to stderr when it is not a terminal"
cmp -s all.jsonl stdout.jsonl || fail "the file differs from standard output"
ls | grep -q '^all\.jsonl\.' && fail "a temporary file was left beside all.jsonl"

# Round trip: each line imported into a new database, exported again, the same lines.
r --db b.db init; expect_ok
n=0
while IFS= read -r line; do
    n=$((n + 1))
    printf '%s\n' "$line" >"doc$n.json"
    r --db b.db import "doc$n.json"; expect_ok "(import line $n)"
done <all.jsonl
r --db b.db export --all -o again.jsonl; expect_ok
cmp -s all.jsonl again.jsonl || fail "exported, imported and exported again, the lines differ"

# Usage: one of --inspection and --all, not both.
r --db a.db export; expect_error 2
r --db a.db export --all -i "$SEED_REF"; expect_error 2
# A folder that does not exist: an error, no file.
r --db a.db export --all -o no/such/all.jsonl
[ "$RC" -ne 0 ] || fail "export --all into a missing folder succeeded"
[ ! -e no ] || fail "a failed export made something"

# The progress bar: on a terminal it is drawn on stderr (label and percentage), ...
command -v script >/dev/null || { echo "script(1) missing (util-linux): the terminal part is skipped" >&2; exit 0; }
on_pty() { # on_pty COMMAND: runs it under a pseudo-terminal, its output in pty.txt
    LAST="(pty) $1"
    TERM=xterm script -qec "$1" /dev/null >pty.txt 2>&1
    RC=$?
}
on_pty "'$RECTIFY' --db a.db export --all -o pty.jsonl"
[ "$RC" -eq 0 ] || fail "export --all under a pty exited $RC"
grep -q 'exporting' pty.txt && grep -q '%' pty.txt || { cat -v pty.txt >&2; fail "no progress bar for export --all on a terminal"; }
cmp -s pty.jsonl all.jsonl || fail "the export under a pty differs"
on_pty "'$RECTIFY' --db a.db audit verify"
[ "$RC" -eq 0 ] || fail "audit verify under a pty exited $RC"
grep -q 'verifying the audit log' pty.txt && grep -q '%' pty.txt || { cat -v pty.txt >&2; fail "no progress bar for audit verify"; }
grep -q 'audit log intact' pty.txt || fail "audit verify under a pty lost its report"
on_pty "'$RECTIFY' --db a.db backup pty-copy.db"
[ "$RC" -eq 0 ] || fail "backup under a pty exited $RC"
grep -q 'backing up' pty.txt && grep -q '%' pty.txt || { cat -v pty.txt >&2; fail "no progress bar for backup"; }

# ... and never when stderr is a file.
r --db a.db audit verify; expect_ok
[ ! -s err.txt ] || fail "audit verify wrote to stderr when it is not a terminal"
r --db a.db backup file-copy.db; expect_ok
[ ! -s err.txt ] || fail "backup wrote to stderr when it is not a terminal"
