# backup: a consistent copy of a database another process is writing to, which passes
# integrity_check and audit verify; never over an existing file; only for admins and auditors.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 missing: run scripts/install-deps" >&2; FAILED=1; exit 1; }

seeded live.db
UNIT_REF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["unit"]["ref"])' "$SEED")
r --db live.db user add 联络员; expect_ok
r --db live.db grant 联络员 liaison --unit "$UNIT_REF"; expect_ok
r --db live.db user add 审计员; expect_ok
r --db live.db grant 审计员 auditor; expect_ok
r --db live.db --json list measures; expect_ok
M=$(pyval 'd[0]["id"]')
count_progress() { # count_progress DB: sets COUNT (read with sqlite3: a reader of its own)
    COUNT=$(sqlite3 "$1" "SELECT COUNT(*) FROM progress")
}
count_progress live.db; P0=$COUNT

# The writer: another process adding progress records as the liaison, one transaction each, until
# told to stop. Its failures are kept to be checked afterwards.
writer() {
    local i=0
    while [ ! -e stop ]; do
        i=$((i + 1))
        "$RECTIFY" --db live.db --actor 联络员 progress add "$M" --date 2019-02-01 --text "并发写入第${i}次" \
            >/dev/null 2>>writer-err.txt || echo "write $i failed" >>writer-err.txt
    done
    echo "$i" >writes.txt
}
: >writer-err.txt
writer &
WRITER=$!
stop_writer() { [ -n "${WRITER:-}" ] && { touch stop; wait "$WRITER"; WRITER=; }; }
trap 'stop_writer; finish' EXIT

# Wait for the writer to be under way, then take backups while it writes; one of them while a
# third process holds the write lock in an open transaction.
for _ in $(seq 1 100); do
    [ "$(sqlite3 live.db "SELECT COUNT(*) FROM progress")" -gt "$P0" ] && break
    sleep 0.05
done
for n in 1 2 3; do
    r --db live.db backup "copy$n.db"
    expect_ok "(backup $n while the writer writes)"
    out_has "backed up live.db to copy$n.db"
    sleep 0.2
done
( echo "BEGIN IMMEDIATE; INSERT INTO progress SELECT * FROM progress WHERE 0;"; sleep 2; echo "ROLLBACK;" ) |
    sqlite3 live.db &
LOCKER=$!
sleep 0.3
r --db live.db --actor 审计员 --json backup copy4.db
expect_ok "(backup by the auditor while another process holds the write lock)"
py 'assert d == {"path": "live.db", "backup": "copy4.db"}, d'
wait "$LOCKER"
sleep 0.3
r --db live.db backup copy5.db
expect_ok
stop_writer
WRITES=$(cat writes.txt)
[ ! -s writer-err.txt ] || { cat writer-err.txt >&2; fail "the writer failed while the backups ran"; }
count_progress live.db; P_END=$COUNT
[ "$P_END" -gt "$((P0 + 5))" ] || fail "the writer wrote too little to test anything ($P0 -> $P_END)"
echo "writer: $WRITES writes; progress $P0 -> $P_END"

# Every copy: whole, standalone (no WAL beside it), verifying, with some of the writes in it.
PREV=$P0
for n in 1 2 3 4 5; do
    C=copy$n.db
    [ -s "$C" ] || fail "$C is missing"
    [ ! -e "$C-wal" ] || fail "$C has a WAL file beside it"
    [ "$(sqlite3 "$C" "PRAGMA integrity_check")" = ok ] || fail "$C fails integrity_check"
    [ "$(sqlite3 "$C" "PRAGMA journal_mode")" = delete ] || fail "$C is not a standalone database"
    r --db "$C" audit verify
    expect_ok "(audit verify of $C)"
    count_progress "$C"
    [ "$COUNT" -ge "$PREV" ] && [ "$COUNT" -le "$P_END" ] || fail "$C has $COUNT progress records (before: $PREV, end: $P_END)"
    PREV=$COUNT
    # The copy is a working database: the same users, the same inspection.
    r --db "$C" --actor 联络员 --json list issues
    expect_ok
    py 'assert len(d) == 11'
done
[ "$PREV" -gt "$P0" ] || fail "no copy holds any of the writer's records"
# And the live database is whole after it all.
r --db live.db audit verify
expect_ok

# Never over an existing file: refused, the file untouched.
printf 'precious\n' >precious.txt
cp precious.txt precious.orig
r --db live.db backup precious.txt
[ "$RC" -ne 0 ] || fail "backup overwrote an existing file"
expect_error "$RC"
err_has "exists"
cmp -s precious.txt precious.orig || fail "a refused backup changed the existing file"
r --db live.db backup copy1.db
[ "$RC" -ne 0 ] || fail "backup overwrote an earlier backup"

# Denied to a liaison (exit 6, the permission named), and no file made.
r --db live.db --actor 联络员 backup liaison-copy.db
expect_error 6
err_has "needs permission backup"
[ ! -e liaison-copy.db ] || fail "a denied backup left a file"
