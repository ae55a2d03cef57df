# Every command explains itself with --help (exit 0), and every help's footer documents the exit
# codes, the denied one (6) included.
. "$(dirname "$0")/lib.sh"

while read -r cmd; do
    # shellcheck disable=SC2086
    r $cmd --help
    expect_ok "($cmd --help)"
    grep -qi 'usage' out.txt || fail "'$cmd --help' shows no usage"
    last=${cmd##* }
    [ -z "$cmd" ] || out_has "$last"
    out_has "6 denied"
    out_has "7 tampered"
    out_has "acts as --actor"
done <<'LIST'

init
import
export
list
show
status
status set
progress
progress add
notice
demo
user
user add
user list
grant
revoke
audit
audit log
audit verify
backup
calendar
calendar is-workday
calendar add-workdays
calendar period
calendar load
calendar set-day
profile
profile add
profile list
profile apply
warnings
due
overdue
extension
extension request
extension approve
extension refuse
extension list
escalate
escalations
LIST

r --help
expect_ok
for cmd in init import export list show status progress notice demo user grant revoke audit backup \
    calendar profile warnings due overdue extension escalate escalations; do
    grep -qE "^ +$cmd( |$)" out.txt || fail "main help does not list '$cmd'"
done
out_has "Exit codes"
out_has "2 usage"
out_has "3 not found"
out_has "4 conflict"
out_has "5 invalid input"
out_has "6 denied"
out_has "7 tampered"
out_has "RECTIFY_DB"
out_has "--actor"

r status set --help
expect_ok
out_has "--expect-version"
r progress add --help
expect_ok
out_has "--date"
out_has "--author"
r grant --help
expect_ok
out_has "--unit"
out_has "--round"
out_has "liaison"
r user add --help
expect_ok
out_has "--display-name"
r audit log --help
expect_ok
out_has "--limit"
r audit verify --help
expect_ok
out_has "--anchor"

r calendar period --help
expect_ok
out_has "--months"
out_has "--workdays"
out_has "--unknown"
r warnings --help
expect_ok
for opt in --as-of --unit --round --inspection --leader --by --only --limit --offset; do out_has "$opt"; done
r escalate --help
expect_ok
out_has "--new-deadline"
out_has "问责书"
r extension request --help
expect_ok
out_has "--reason"

r --version
expect_ok
grep -qE '^rectify [0-9]+\.[0-9]+\.[0-9]+$' out.txt || fail "--version prints '$OUT'"

# A mistyped command names the nearest real one, at the top level and inside a group.
r impor
expect_error 2
err_has "unknown command 'impor'; did you mean 'import'?"
r --db case.db impor case.json --json
expect_error 2
err_has "did you mean 'import'?"
r calendar is-wrkday 2025-01-02
expect_error 2
err_has "unknown command 'calendar is-wrkday'; did you mean 'calendar is-workday'?"
r progres add
expect_error 2
err_has "did you mean 'progress'?"
# Nothing near: no guess, a pointer to the list of commands.
r zzzzzz
expect_error 2
err_has "unknown command 'zzzzzz'"
grep -q "did you mean" err.txt && fail "a far-off word got a suggestion"
[ ! -e case.db ] || fail "a mistyped command created a database"
