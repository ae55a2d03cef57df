# readme: the five-minute tour of README.md runs as written. The lines between <!-- tour --> and
# <!-- /tour --> (in their ```sh block) run in order, in one shell, in a fresh directory where
# ./build/cli/rectify is the binary under test and ./data the repository's data; the test fails
# on the first line that exits nonzero, or prints to stderr, naming it. So the README cannot rot.
HERE=$(cd "$(dirname "$0")" && pwd)
. "$HERE/lib.sh"
REPO=$(cd "$HERE/../.." && pwd)
README=$REPO/README.md
[ -f "$README" ] || fail "no README at $README"

# The tour's lines, one per line: between the markers, inside the code fence, without blank lines
# and whole-line comments.
python3 - "$README" > tour-lines.txt <<'PYEOF' || fail "cannot extract the tour from README.md"
import sys
text = open(sys.argv[1], encoding="utf-8").read()
start, end = text.find("<!-- tour -->"), text.find("<!-- /tour -->")
if start < 0 or end < start:
    sys.exit("README.md has no <!-- tour --> ... <!-- /tour --> section")
block = text[start:end].split("\n")
fences = [i for i, line in enumerate(block) if line.startswith("```")]
if len(fences) != 2 or block[fences[0]].strip() != "```sh":
    sys.exit("the tour must be one ```sh code block between the markers")
lines = [l for l in block[fences[0] + 1:fences[1]] if l.strip() and not l.lstrip().startswith("#")]
if any(l.rstrip().endswith("\\") for l in lines):
    sys.exit("the tour must have one command a line (no continuation lines)")
if len(lines) < 10:
    sys.exit("the tour has only %d lines" % len(lines))
print("\n".join(lines))
PYEOF
[ "$(head -n 1 tour-lines.txt)" = "R=./build/cli/rectify" ] || fail "the tour does not start with R=./build/cli/rectify"
grep -q ' init' tour-lines.txt || fail "the tour does not create its database"

# The tour's world: a fresh directory as if it were the repository after a build.
mkdir -p build/cli
ln -s "$RECTIFY" build/cli/rectify
ln -s "$REPO/data" data
# Nothing of the caller's environment: the tour must say who acts and where.
unset RECTIFY_ACTOR RECTIFY_DB
export USER=readme-reader

# One script: each line, then a check that names it when it fails.
{
    echo 'set -u'
    n=0
    while IFS= read -r line; do
        n=$((n + 1))
        printf '%s\n' "$line"
        printf 'rc=$?; if [ "$rc" -ne 0 ]; then echo "README tour line %d exited $rc: %q" >&2; exit 1; fi\n' "$n" "$line"
    done < tour-lines.txt
    echo 'echo "TOUR OK"'
} > tour.sh
LAST="bash tour.sh (the README tour, $(wc -l < tour-lines.txt) lines)"
bash tour.sh > out.txt 2> err.txt
RC=$?
collect
[ "$RC" -eq 0 ] || fail "the README tour failed"
[ -z "$ERR" ] || fail "the README tour printed to stderr"
out_has "TOUR OK"
# What the tour promises in its comments happened.
out_has "first admin: 巡察办张三"
out_has "yes 调休上班"
out_has "2019-10-08"
out_has "巡察整改情况的通报"
[ -s round-trip.json ] || fail "the tour's export wrote nothing"
python3 -c 'import json,sys; json.load(open("round-trip.json", encoding="utf-8"))' || fail "round-trip.json is not JSON"
