# tests/cli/lib.sh: sourced by every CLI test. Drives the rectify command the way a clerk would and
# checks what it prints and how it exits.
#   usage: bash test_X.sh RECTIFY_BINARY SEED_JSON TMP_BASE
# Each test runs in its own fresh directory under TMP_BASE, removed when the test passes and kept
# (its path printed) when it fails.
set -u

RECTIFY=${1:?usage: test.sh RECTIFY_BINARY SEED_JSON TMP_BASE}
SEED=${2:?seed case path}
TMP_BASE=${3:-${TMPDIR:-/tmp}}
mkdir -p "$TMP_BASE"
WORK=$(mktemp -d "$TMP_BASE/$(basename "$0" .sh).XXXXXX") || exit 1
cd "$WORK" || exit 1

# The environment must not leak the developer's own database or identity into a test.
unset RECTIFY_DB
export RECTIFY_ACTOR=tester
export LC_ALL=C.UTF-8

# The Python that CMake found (python3 on PATH otherwise) checks JSON output.
python3() { command "${RECTIFY_TEST_PYTHON:-python3}" "$@"; }

FAILED=0
finish() {
    if [ "$FAILED" -eq 0 ]; then
        cd / && rm -rf "$WORK"
        echo "PASS $(basename "$0")"
    else
        echo "kept the test directory: $WORK" >&2
    fi
}
trap finish EXIT

fail() {
    FAILED=1
    echo "FAIL: $*" >&2
    echo "  last command: ${LAST:-}" >&2
    echo "  exit code: ${RC:-}" >&2
    echo "  stdout (head):" >&2; head -n 20 out.txt 2>/dev/null | sed 's/^/    /' >&2
    echo "  stderr:" >&2; sed 's/^/    /' err.txt 2>/dev/null >&2
    exit 1
}

# r ARGS...: runs rectify; stdout in out.txt ($OUT), stderr in err.txt ($ERR), exit code in $RC.
r() {
    LAST="rectify $*"
    "$RECTIFY" "$@" >out.txt 2>err.txt
    RC=$?
    collect
}

# r_in FILE ARGS...: as r, with FILE on standard input.
r_in() {
    local input=$1; shift
    LAST="rectify $* < $input"
    "$RECTIFY" "$@" <"$input" >out.txt 2>err.txt
    RC=$?
    collect
}

collect() {
    OUT=$(cat out.txt)
    ERR=$(cat err.txt)
    # Whatever happens, no signal, raw C++ exception or sanitizer report may reach the clerk.
    [ "$RC" -lt 128 ] || fail "killed by a signal"
    if grep -q -e 'terminate called' -e 'what():' -e 'Aborted' -e 'Sanitizer' -e 'runtime error:' err.txt; then
        fail "crash or raw exception on stderr"
    fi
}

expect_ok() {
    [ "$RC" -eq 0 ] || fail "expected exit 0 ${1:-}"
    [ -z "$ERR" ] || fail "expected nothing on stderr ${1:-}"
}

expect_rc() {
    [ "$RC" -eq "$1" ] || fail "expected exit $1, got $RC ${2:-}"
}

# expect_error CODE: the command failed with CODE, a message prefixed "rectify: " and no stdout noise.
expect_error() {
    expect_rc "$1" "${2:-}"
    case "$ERR" in
        "rectify: "*) ;;
        *) fail "stderr does not start with 'rectify: '" ;;
    esac
}

# known_bug TEXT: a library bug that has been reported and is not fixed yet: printed (ctest -V
# shows it), not failed, so that the rest of the scenario still runs. Remove the call once fixed.
# A library bug once reported and since fixed: its return fails the test.
known_bug() { fail "regression of a fixed library bug: $*"; }

out_has() { grep -qF -- "$1" out.txt || fail "stdout lacks '$1'"; }
out_lacks() { ! grep -qF -- "$1" out.txt || fail "stdout should not contain '$1'"; }
err_has() { grep -qF -- "$1" err.txt || fail "stderr lacks '$1'"; }

# py 'python statements': runs them with d = the JSON on stdout of the last command.
py() {
    python3 - "$1" <<'PYEOF' || fail "python check failed: $1"
import json, sys
with open("out.txt", encoding="utf-8") as f:
    d = json.load(f)
exec(sys.argv[1])
PYEOF
}

# pyval 'expression': prints the expression's value, with d = the JSON on stdout.
pyval() {
    python3 -c 'import json,sys
d = json.load(open("out.txt", encoding="utf-8"))
print(eval(sys.argv[1]))' "$1" || fail "python expression failed: $1"
}

# The seed's inspection ref and counts, read from the seed itself.
SEED_REF=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["inspection"]["ref"])' "$SEED")

# seeded DB: a database with the seed imported.
seeded() {
    r --db "$1" init; expect_ok "(init $1)"
    r --db "$1" import "$SEED"; expect_ok "(import seed into $1)"
}
