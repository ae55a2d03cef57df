#!/bin/sh
# Runs one fuzz target under libFuzzer on a working copy of its checked-in corpus, so that what
# libFuzzer adds stays out of git; the regressions are read as a second corpus, so every input
# that ever crashed is replayed first, and the target's dictionary is used when there is one.
# ctest (fuzz.run.<target>) and make fuzz both run it; the time bound is an option like any other.
#   run-bounded.sh TARGET BINARY WORK_DIR [LIBFUZZER_OPTION...]
# The working corpus is WORK_DIR/corpus/TARGET (kept from run to run, the seeds copied in each
# time); crashes are written as WORK_DIR/artifacts/TARGET-crash-<sha1>.
set -eu
target=$1 binary=$2 work=$3
shift 3
here=$(cd "$(dirname "$0")" && pwd)

mkdir -p "$work/corpus/$target" "$work/artifacts"
cp "$here/corpus/$target"/* "$work/corpus/$target/"
set -- -artifact_prefix="$work/artifacts/$target-" "$@"
if [ -f "$here/$target.dict" ]; then
  set -- -dict="$here/$target.dict" "$@"
fi

echo "fuzzing $target; crashes go to $work/artifacts/$target-*"
status=0
"$binary" "$@" "$work/corpus/$target" "$here/regressions/$target" || status=$?
if [ "$status" -ne 0 ]; then
  echo "$target failed (exit $status). To keep the input as a regression once the bug is fixed:"
  echo "  cp $work/artifacts/$target-<name> $here/regressions/$target/<what-it-broke>"
fi
exit "$status"
