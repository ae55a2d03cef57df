# Every command explains itself with --help (exit 0), and the main help documents the exit codes.
. "$(dirname "$0")/lib.sh"

while read -r cmd; do
    # shellcheck disable=SC2086
    r $cmd --help
    expect_ok "($cmd --help)"
    grep -qi 'usage' out.txt || fail "'$cmd --help' shows no usage"
    last=${cmd##* }
    [ -z "$cmd" ] || out_has "$last"
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
LIST

r --help
expect_ok
for cmd in init import export list show status progress notice demo; do
    grep -qE "^ +$cmd( |$)" out.txt || fail "main help does not list '$cmd'"
done
out_has "Exit codes"
out_has "2 usage"
out_has "3 not found"
out_has "4 conflict"
out_has "5 invalid input"
out_has "RECTIFY_DB"

r status set --help
expect_ok
out_has "--expect-version"
r progress add --help
expect_ok
out_has "--date"
out_has "--author"

r --version
expect_ok
grep -qE '^rectify [0-9]+\.[0-9]+\.[0-9]+$' out.txt || fail "--version prints '$OUT'"
