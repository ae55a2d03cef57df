# A ref names a record as its id does: for the public and for a unit's liaison, every command that
# takes a round, unit, inspection or issue gives the same output, exit code and message with the
# ref as with the id (a denial included: the command refuses, not the lookup of the ref).
. "$(dirname "$0")/lib.sh" "$@"

seeded case.db
r --db case.db user add 公众; expect_ok
r --db case.db grant 公众 public; expect_ok
r --db case.db user add 联络员; expect_ok
r --db case.db --json show unit tongcheng-fulian; expect_ok
UNIT=$(pyval 'd["id"]')
r --db case.db grant 联络员 liaison --unit "$UNIT"; expect_ok
r --db case.db --json show round tongcheng-2018-round; expect_ok
ROUND=$(pyval 'd["id"]')
r --db case.db --json show inspection "$SEED_REF"; expect_ok
INSP=$(pyval 'd["id"]')
ISSUE_REF="$SEED_REF/a1/i1"
r --db case.db --json show issue "$ISSUE_REF"; expect_ok
ISSUE=$(pyval 'd["id"]')
MEASURE_REF="$SEED_REF/a1/i1/m3"
r --db case.db --json show measure "$MEASURE_REF"; expect_ok
MEASURE=$(pyval 'd["id"]')

# same ACTOR REF ID ARGS...: runs ARGS with @ replaced by REF, then by ID, each on a fresh copy of
# the database; the exit codes, the outputs and the messages (the ref read as the id) must agree.
checked=0
same() {
    local actor=$1 ref=$2 id=$3; shift 3
    local -a with_ref=() with_id=()
    local a
    for a in "$@"; do with_ref+=("${a//@/$ref}"); with_id+=("${a//@/$id}"); done
    cp case.db ref.db && cp case.db id.db || fail "cannot copy the database"
    r --db ref.db --actor "$actor" "${with_ref[@]}"
    local rc_ref=$RC out_ref=$OUT err_ref=${ERR//ref.db/DB}
    r --db id.db --actor "$actor" "${with_id[@]}"
    local err_id=${ERR//id.db/DB}
    err_ref=${err_ref//$ref/$id}
    [ "$rc_ref" -eq "$RC" ] || fail "$actor: exit $rc_ref with $ref, $RC with $id: ${with_ref[*]} ($err_ref)"
    [ "$out_ref" = "$OUT" ] || fail "$actor: output differs with $ref and with $id: ${with_ref[*]}"
    [ "$err_ref" = "$err_id" ] || fail "$actor: '$err_ref' with $ref, '$err_id' with $id: ${with_ref[*]}"
    case "$err_ref" in *"looking up"*) fail "$actor: the ref lookup itself was refused: $err_ref" ;; esac
    checked=$((checked + 1))
}

for actor in 公众 联络员; do
    for audience in public internal; do
        same "$actor" tongcheng-2018-round "$ROUND" stats --round @ --audience "$audience" --as-of 2019-01-31
        same "$actor" tongcheng-fulian "$UNIT" stats --unit @ --audience "$audience" --as-of 2019-01-31
        same "$actor" "$SEED_REF" "$INSP" stats --inspection @ --audience "$audience" --as-of 2019-01-31
        same "$actor" "$SEED_REF" "$INSP" --json stats --inspection @ --audience "$audience" --as-of 2019-01-31
        same "$actor" "$SEED_REF" "$INSP" report --inspection @ --audience "$audience" --as-of 2019-01-31
        same "$actor" "$SEED_REF" "$INSP" report --inspection @ --format csv --audience "$audience" --as-of 2019-01-31
    done
    same "$actor" tongcheng-2018-round "$ROUND" show round @
    same "$actor" tongcheng-fulian "$UNIT" show unit @
    same "$actor" "$SEED_REF" "$INSP" show inspection @
    same "$actor" "$ISSUE_REF" "$ISSUE" show issue @
    same "$actor" "$MEASURE_REF" "$MEASURE" show measure @
    same "$actor" "$SEED_REF" "$INSP" list issues --inspection @
    same "$actor" "$SEED_REF" "$INSP" export --inspection @
    same "$actor" "$SEED_REF" "$INSP" lead list --inspection @
    for scope in --round:tongcheng-2018-round:$ROUND --unit:tongcheng-fulian:$UNIT --inspection:$SEED_REF:$INSP; do
        IFS=: read -r opt ref id <<<"$scope"
        same "$actor" "$ref" "$id" warnings "$opt" @ --as-of 2019-01-31
        same "$actor" "$ref" "$id" overdue "$opt" @ --as-of 2019-01-31
        same "$actor" "$ref" "$id" escalations "$opt" @
    done
    same "$actor" "$ISSUE_REF" "$ISSUE" audit log issue @
    same "$actor" "$ISSUE_REF" "$ISSUE" status set issue @ in_progress
    same "$actor" "$MEASURE_REF" "$MEASURE" progress add @ --date 2019-01-20 --text 已召开专题会议
    same "$actor" tongcheng-fulian "$UNIT" grant 公众 public --unit @
    same "$actor" tongcheng-2018-round "$ROUND" grant 公众 public --round @
done

# The public's own case: public statistics of a round by its ref are given, not refused.
r --db case.db --actor 公众 stats --round tongcheng-2018-round --audience public --as-of 2019-01-31; expect_ok
out_has "问题线索"
[ "$checked" -ge 60 ] || fail "only $checked commands compared"
