# status set: legal moves raise the version, illegal ones and stale versions change nothing.
. "$(dirname "$0")/lib.sh"

seeded case.db

# show_measure ID: sets STATUS and VERSION from the record's JSON.
show_measure() {
    r --db case.db --json show measure "$1"; expect_ok
    STATUS=$(pyval 'd["status"]')
    VERSION=$(pyval 'd["version"]')
    [ -n "$STATUS" ] && [ -n "$VERSION" ] || fail "cannot read measure $1"
}

r --db case.db --json list measures; expect_ok
M=$(pyval '[m for m in d if m["status"] == "in_progress"][0]["id"]')
[ -n "$M" ] || fail "no in_progress measure in the seed"
show_measure "$M"; V0=$VERSION

# Legal: in_progress → done. Prints the new version, which is higher.
r --db case.db status set measure "$M" done
expect_ok
cp out.txt set.txt
show_measure "$M"
[ "$STATUS" = done ] || fail "status is $STATUS after setting done"
[ "$VERSION" -gt "$V0" ] || fail "version did not rise ($V0 → $VERSION)"
grep -qE "version $VERSION\$" set.txt || fail "status set did not print the new version $VERSION"
V1=$VERSION

# Illegal: done → not_started. Exit 4, the move named, nothing changed.
r --db case.db status set measure "$M" not_started
expect_error 4
err_has done
err_has not_started
show_measure "$M"
[ "$STATUS" = done ] && [ "$VERSION" -eq "$V1" ] || fail "a refused move changed the measure ($STATUS, v$VERSION)"

# By Chinese label: done → 整改中 (in_progress) is legal.
r --db case.db --json status set measure "$M" 整改中
expect_ok
py "assert d['status'] == 'in_progress' and d['id'] == $M and d['version'] > $V1, d"
show_measure "$M"
[ "$STATUS" = in_progress ] || fail "the Chinese label did not set in_progress"
V2=$VERSION

# A stale --expect-version is a conflict (exit 4) and changes nothing; the current one works.
r --db case.db status set measure "$M" done --expect-version "$V1"
expect_error 4
show_measure "$M"
[ "$STATUS" = in_progress ] && [ "$VERSION" -eq "$V2" ] || fail "a stale write changed the measure"
r --db case.db status set measure "$M" done --expect-version "$V2"
expect_ok
show_measure "$M"
[ "$STATUS" = done ] || fail "--expect-version with the current version did not apply"

# Issues too, by ref. done → closed (销号) is a legal move, but closing is guarded: the seed's
# first issue still has measures in progress, so the guard refuses (exit 8), names itself and
# changes nothing; a6/i4 (its one measure done) closes once it has evidence.
ISSUE_REF="$SEED_REF/a1/i1"
r --db case.db status set issue "$ISSUE_REF" 已销号
expect_error 8
err_has "guard measures_done"
r --db case.db --json show issue "$ISSUE_REF"; expect_ok
py 'assert d["status"] == "done", d["status"]'
ISSUE_REF="$SEED_REF/a6/i4"
r --db case.db evidence add issue "$ISSUE_REF" --title 开户许可证 --uri oa://docs/permit
expect_ok
r --db case.db status set issue "$ISSUE_REF" 已销号
expect_ok
r --db case.db --json show issue "$ISSUE_REF"; expect_ok
py 'assert d["status"] == "closed", d["status"]'

# Unknown status or kind: usage errors (2), nothing changed.
r --db case.db status set measure "$M" finished
expect_error 2
err_has finished
r --db case.db status set aspect 1 done
expect_error 2
r --db case.db status set measure 999999 done
expect_error 3
show_measure "$M"
[ "$STATUS" = done ] || fail "a failed command changed the measure"
