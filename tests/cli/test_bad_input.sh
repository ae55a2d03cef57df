# Bad input at the command line: one table of refused commands, each with its exit
# code and what its message must name, and after each the database file byte-for-byte as it was.
# rectify keeps the database in WAL mode. A command that changes things opens the file read-write,
# and closing that last handle checkpoints the WAL into the main file and removes it. A command
# that only reads opens it read-only, and SQLite leaves an empty -wal (and the -shm) behind when a
# read-only connection closes: no frames, so the main file still holds the whole database. After
# every row the -wal must therefore be absent or empty, and then comparing the main file is
# comparing the database.
. "$(dirname "$0")/lib.sh"

seeded case.db
r --db case.db user add narrow; expect_ok
r --db case.db grant narrow public; expect_ok

# The files the rows read.
printf '{"format": "rectify-inspection", "format_version": 1,\n' > broken.json
python3 - "$SEED" <<'PYEOF' || fail "cannot write the bad documents"
import json, sys
d = json.load(open(sys.argv[1]))
d["aspects"][0]["issues"][0]["measures"][0]["deadline"] = "2019-02-30"
json.dump(d, open("bad-date.json", "w"), ensure_ascii=False)
d = json.load(open(sys.argv[1]))
d["aspects"][0]["issues"][0]["status"] = "not_started"
json.dump(d, open("backwards.json", "w"), ensure_ascii=False)
PYEOF
printf '根据市委统一部署，2018年9月19日至10月25日，市委第一巡察组对市妇联党组开展了政治巡察。\n(一)党的政治建设方面\n无处安放的一行。\n1、问题\n整改情况：已整改。\n' > bad-notice.txt
printf '标题\n{{#aspects}}\n{{title}}\n' > broken.mustache
cat > contradictory.json <<'EOF'
{"year": 2030, "papers": ["x"], "days": [
 {"name": "元旦", "date": "2030-01-01", "isOffDay": true},
 {"name": "元旦", "date": "2030-01-01", "isOffDay": false}]}
EOF

cp case.db saved.db
wal_empty() { [ ! -s case.db-wal ]; }
wal_empty || fail "the WAL holds frames after the command: the main file alone is not the database"

M1=tongcheng-2018-fulian/a1/i1/m1
I1=tongcheng-2018-fulian/a1/i1
ROWS=0
# EXIT | what stderr must name | the arguments after --db case.db (shell words)
while IFS='|' read -r want part args; do
    want=${want// /}
    part=${part#"${part%%[![:space:]]*}"}
    part=${part%"${part##*[![:space:]]}"}
    [ -n "$want" ] || continue
    case "$want" in '#'*) continue ;; esac
    eval "set -- $args"
    r --db case.db "$@"
    expect_error "$want" "($args)"
    err_has "$part"
    wal_empty || fail "the WAL holds frames after the command ($args)"
    cmp -s case.db saved.db || fail "the database file changed ($args)"
    ROWS=$((ROWS + 1))
    [ "${RECTIFY_TEST_VERBOSE:-0}" = 0 ] || echo "ok  $want  rectify $args"
done <<EOF
5 | 2019-13-01          | stats --as-of 2019-13-01
5 | 2019-02-29          | report --inspection $SEED_REF --as-of 2019-02-29
2 | format              | report --inspection $SEED_REF --format pdf
3 | no-such-file.json   | import no-such-file.json
5 | broken.json         | import broken.json
5 | measures[0].deadline | import bad-date.json
4 | aspects[0].issues[0].status | import backwards.json
3 | no-such-ref         | show issue no-such-ref
3 | no-such-ref         | progress add no-such-ref --date 2019-01-05 --text 进展
5 | line 3              | parse bad-notice.txt
5 | aspects             | report --inspection $SEED_REF --template broken.mustache
2 | finished            | status set measure $M1 finished
4 | not_started         | status set measure $M1 not_started
4 | version             | status set measure $M1 in_progress --expect-version 99
5 | text                | progress add $M1 --date 2019-01-05 --text ''
5 | 2019-02-30          | progress add $M1 --date 2019-02-30 --text 进展
6 | 'narrow' has public | --actor narrow status set measure $M1 in_progress
6 | needs permission import | --actor narrow import $SEED
8 | measures_done       | close-out $I1 --date 2019-02-01
5 | 2030-01-01          | calendar load contradictory.json
4 | narrow              | user add narrow
EOF
[ "$ROWS" -ge 10 ] || fail "only $ROWS rows ran"

# The control: a command that succeeds changes the file, or the comparison above proves nothing.
r --db case.db progress add "$M1" --date 2019-01-05 --text 对照; expect_ok
! cmp -s case.db saved.db || fail "a successful write left the database file as it was"
echo "$ROWS rows"
