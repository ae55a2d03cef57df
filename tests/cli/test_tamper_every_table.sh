# tamper_every_table: every table of the schema, found through sqlite_schema rather than a list,
# holds at least one row after a clerk's whole cycle on the CLI; for each table an auditor's
# edit of every column, a delete and an insert made with the plain sqlite3 tool make
# `rectify audit verify` exit 7 naming the table, the record and (for an edit) the field. A table
# added to the schema without rows here, or without audit coverage, fails this test.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 missing: run scripts/install-deps" >&2; FAILED=1; exit 1; }

# --- a database with a row in every table, filled through the CLI only -------------------------
seeded case.db
U1=$SEED_REF
r --db case.db user add 纪委; expect_ok
r --db case.db grant 纪委 supervisor; expect_ok
r --db case.db user add 联络员; expect_ok
r --db case.db --json show unit tongcheng-fulian; expect_ok
r --db case.db grant 联络员 liaison --unit "$(pyval 'd["id"]')"; expect_ok
printf 'receipt of 11550 yuan' >receipt.pdf
r --db case.db evidence add measure "$U1/a6/i1/m1" --title 缴款凭证 --file receipt.pdf; expect_ok
r --db case.db evidence add issue "$U1/a6/i4" --title OA归档 --uri oa://archive/17; expect_ok
r --db case.db close-out guards --set '{"min_evidence": 0}'; expect_ok
r --db case.db close-out "$U1/a6/i4" --date 2019-02-01; expect_ok
r --db case.db --json review schedule --inspection "$U1" --date 2019-06-01 --team 市委巡察办回头看小组; expect_ok
REVIEW=$(pyval 'd["id"]')
r --db case.db --actor 纪委 review verdict "$REVIEW" "$U1/a6/i4" 虚假整改 --date 2019-06-10 --findings 会议记录系补写; expect_ok
r --db case.db followups plan "$U1/a1/i1/m3" --cadence quarterly --start 2019-01-31; expect_ok
r --db case.db --actor 联络员 followups record "$U1/a1/i1/m3" --date 2019-04-20 --text 支部会议按月召开。; expect_ok
printf '[{"item": "台账不规范", "points": 40}]' >fair.json
r --db case.db evaluate --inspection "$U1" --date 2019-03-01 --deductions fair.json; expect_ok
r --db case.db lead add --inspection "$U1" --summary 超范围发放公务交通补贴问题线索 --to 市纪委监委 --date 2018-11-01; expect_ok
r --db case.db --actor 纪委 lead dispose 1 concluded --date 2019-01-10 --note 给予诫勉; expect_ok
OPEN="$U1/a6/i3/m1"
r --db case.db escalate measure "$OPEN" --level notice --date 2019-01-12 --to 市妇联党组 --new-deadline 2019-03-31; expect_ok
r --db case.db --actor 联络员 extension request "$OPEN" --to 2020-06-30 --reason 需跨年度资金安排; expect_ok
r --db case.db extension approve 1; expect_ok
r --db case.db calendar set-day 2019-10-08 --off; expect_ok
r --db case.db calendar load "$RECTIFY_FIXTURES/calendars/cn-2027-made-up.json"; expect_ok
cat > county.json <<'JSON'
{"name": "county", "plan_due": {"unit": "workdays", "n": 15}, "concentrated": {"unit": "months", "n": 3},
 "report_due": {"unit": "months", "n": 3}, "evaluation_after": {"unit": "months", "n": 1}, "warn_days": [30, 15, 5]}
JSON
r --db case.db profile add county.json; expect_ok
r --db case.db audit verify; expect_ok

sql() { sqlite3 -batch -noheader "$@"; }
TABLES=$(sql case.db "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'audit_events' ORDER BY name")
[ "$(echo "$TABLES" | wc -l)" -ge 24 ] || fail "the schema lists only $(echo "$TABLES" | wc -l) tables"
for t in $TABLES; do
    [ "$(sql case.db "SELECT count(*) FROM \"$t\"")" -gt 0 ] || fail "table $t has no rows: fill it above so that its tampering is tested"
done

# tampered WHAT SQL PATTERN...: on a fresh copy, SQL makes verify exit 7 with every PATTERN (an
# extended regular expression) on stderr.
CASES=0 MISSED=0
# Every case runs, so that one report lists every table and field that goes unnoticed.
miss() {
    MISSED=$((MISSED + 1))
    echo "MISSED: $*" >&2
}
tampered() {
    local what=$1 statement=$2; shift 2
    cp case.db work.db
    rm -f work.db-wal work.db-shm
    sql work.db "PRAGMA ignore_check_constraints = ON; $statement" || { miss "$what: the raw SQL failed: $statement"; return; }
    r --db work.db audit verify
    if [ "$RC" -ne 7 ]; then
        miss "$what went unnoticed (exit $RC): $statement"
        return
    fi
    local p
    for p in "$@"; do
        grep -qE -- "$p" err.txt || miss "$what: the report does not name '$p': $(cat err.txt)"
    done
    CASES=$((CASES + 1))
}

for t in $TABLES; do
    # The record names itself by kind for the record tables ("issue 3 … table issues"), by table otherwise.
    name="(table $t|of $t)"
    row=$(sql case.db "SELECT max(rowid) FROM \"$t\"")
    pk=$(sql case.db "SELECT name FROM pragma_table_info('$t') WHERE pk = 1 AND type = 'INTEGER'")
    [ -n "$pk" ] || fail "table $t has no INTEGER PRIMARY KEY: its rows cannot be proved by id"
    for c in $(sql case.db "SELECT name FROM pragma_table_info('$t') ORDER BY cid"); do
        if [ "$c" = "$pk" ]; then
            # A new id for the row: the old one is gone, as far as the log can tell.
            tampered "$t.$c" "UPDATE \"$t\" SET \"$c\" = $row + 100 WHERE rowid = $row;" "$name" " $row " "deleted"
            continue
        fi
        tampered "$t.$c" "UPDATE \"$t\" SET \"$c\" = CASE typeof(\"$c\") WHEN 'integer' THEN \"$c\" + 1
            WHEN 'real' THEN \"$c\" + 0.5 WHEN 'null' THEN 'x' ELSE \"$c\" || 'x' END WHERE rowid = $row;" \
            "$name" " $row " "field[s]? ([a-z_]+, )*$c\\b"
    done
    # The same value retyped (text for an integer, or the reverse) is a change as well.
    c=$(sql case.db "SELECT name FROM pragma_table_info('$t') WHERE type = 'TEXT' AND \"notnull\" = 1 ORDER BY cid LIMIT 1")
    [ -z "$c" ] || tampered "$t.$c retyped" "UPDATE \"$t\" SET \"$c\" = CAST(\"$c\" AS BLOB) WHERE rowid = $row;" "$name" " $row " "$c"
    tampered "delete from $t" "DELETE FROM \"$t\" WHERE rowid = $row;" "$name" " $row " "deleted|missing"
    # A copy of the row under a new id, its text changed so that no unique key collides.
    sets=$(sql case.db "SELECT group_concat('\"' || name || '\" = ' || CASE WHEN type = 'TEXT' THEN '\"' || name || '\" || ''y''' ELSE '\"' || name || '\" + 1000' END, ', ')
                         FROM pragma_table_info('$t') WHERE name <> '$pk'")
    tampered "insert into $t" "CREATE TEMP TABLE copy AS SELECT * FROM \"$t\" WHERE rowid = $row;
        UPDATE copy SET \"$pk\" = NULL, $sets; INSERT INTO \"$t\" SELECT * FROM copy;" "$name" " $((row + 1)) " "no audit trail|added"
done
echo "$CASES tampering cases caught, $MISSED missed"
[ "$MISSED" -eq 0 ] || fail "$MISSED tampering cases went unnoticed or unnamed (listed above)"
[ "$CASES" -gt 150 ] || fail "only $CASES cases ran"

# An evidence file replaced and its sha256 and size rewritten in the table to match: evidence
# verify checks the file against the hash the audit log recorded, not the column.
cp case.db swapped.db
rm -f swapped.db-wal swapped.db-shm
printf 'receipt of 1 yuan' >receipt.pdf
NEW_SHA=$(sha256sum receipt.pdf | cut -d' ' -f1)
sql swapped.db "UPDATE evidence SET sha256 = '$NEW_SHA', size = 17 WHERE title = '缴款凭证'" || fail "cannot rewrite the hash"
r --db swapped.db evidence verify
expect_error 7
err_has "1 changed, 0 missing"
err_has "recorded 21 bytes sha256 6c90ec03de6f69d4f72ad31f6a050c6638b877ef5d8e4c11f77cc78c41b3959e"
err_has "is not the audited one: it was rewritten behind the library's back"
r --db swapped.db --json evidence verify
expect_error 7
py 'c = d["changed"]; assert len(c) == 1 and c[0]["sha256"].startswith("6c90ec") and c[0]["database_sha256"] == c[0]["now_sha256"], d'
r --db swapped.db audit verify
expect_error 7
err_has "row 1 of evidence differs from its last audited state in fields size, sha256"
# The file put back as it was: the file matches what was audited, the rewritten column still shows.
printf 'receipt of 11550 yuan' >receipt.pdf
r --db case.db evidence verify; expect_ok
r --db swapped.db evidence verify
expect_error 7
err_has "rewritten behind the library's back"

# Dropping a whole table (its rows in the log) is caught too.
tampered "drop table close_outs" "DROP TABLE close_outs;" "close_outs" "missing|dropped"
finish
