#!/bin/sh
# Writes the ABI of a shared library as abidw XML: the one place that says how a baseline is made,
# for scripts/update-abi-baseline and for the test of the check's rule (tests/abi/test_rule.sh).
#
#   dump.sh ABIDW LIBRARY HEADERS_DIR OUT
#
# --headers-dir with --drop-private-types keeps what the public headers declare, and
# --exported-interfaces-only what the exported functions reach: without it the file describes
# every function of the bundled Boost and C++ internals too (12 MB instead of 85 kB). --short-locs, --no-corpus-path and
# --no-comp-dir-path keep the paths of the machine it ran on out of the file, and
# --type-id-style hash gives ids that do not shift when an unrelated type comes or goes, so the
# same ABI gives the same file in any checkout and a regenerated baseline diffs only where the ABI
# moved. Locations stay (file names only): without them abidiff cannot tell a public type from a
# private one and lets a changed struct through.
set -eu
if [ $# -ne 4 ]; then
    echo "usage: $0 ABIDW LIBRARY HEADERS_DIR OUT" >&2
    exit 2
fi
abidw=$1 library=$2 headers=$3 out=$4
"$abidw" --headers-dir "$headers" --drop-private-types --exported-interfaces-only --no-corpus-path \
    --no-comp-dir-path --short-locs --type-id-style hash --out-file "$out.tmp" "$library"
if ! grep -q "<function-decl " "$out.tmp"; then
    rm -f "$out.tmp"
    echo "$0: abidw found no function in $library: is it built with debug info (-g)?" >&2
    exit 1
fi
mv "$out.tmp" "$out"
