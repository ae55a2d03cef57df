#!/bin/sh
# abi.check: the built librectify.so against the committed baseline (abi/librectify.abi), with
# abidiff from abigail-tools, as libyang's ABICheck.cmake compares each build with a pinned one.
#
#   check_abi.sh ABIDIFF BASELINE LIBRARY HEADERS_DIR
#
# The rule (docs/ABI.md): new functions and types are allowed; a removed function, or a changed
# function or public type (a parameter, a return type, a struct's size or members), fails.
# --no-added-syms takes additions out of the comparison, so abidiff exits 0 exactly when nothing
# else changed; any other status fails: bit 1 an error (no debug info, unreadable input), bit 2
# a usage error, bit 4 a change, bit 8 an incompatible change (a removal). abidiff exits 4, not 8,
# for a struct that grew, and that counts too: growing an options struct at its end is allowed
# by the promise, but is made on purpose by regenerating the baseline in the same change
# (scripts/update-abi-baseline), never let through silently.
set -u
if [ $# -ne 4 ]; then
    echo "usage: $0 ABIDIFF BASELINE LIBRARY HEADERS_DIR" >&2
    exit 2
fi
abidiff=$1 baseline=$2 library=$3 headers=$4

# A baseline that lost its functions (generated without debug info, say) would compare clean
# against anything.
if ! grep -q "<function-decl " "$baseline"; then
    echo "$baseline declares no function: regenerate it with scripts/update-abi-baseline" >&2
    exit 1
fi

"$abidiff" --no-added-syms --fail-no-debug-info --drop-private-types --exported-interfaces-only \
    --headers-dir2 "$headers" "$baseline" "$library"
status=$?
if [ "$status" -eq 0 ]; then
    echo "ABI of $library matches $baseline (additions allowed)"
    exit 0
fi
reason="the ABI changed"
[ $((status & 8)) -ne 0 ] && reason="an incompatible ABI change (something was removed)"
[ $((status & 2)) -ne 0 ] && reason="abidiff was called wrongly"
[ $((status & 1)) -ne 0 ] && reason="abidiff failed (is the library built with debug info?)"
echo "abi.check: $reason: abidiff exit status $status." >&2
echo "If the change is deliberate and allowed by docs/ABI.md, regenerate the baseline with" >&2
echo "scripts/update-abi-baseline (make abi-baseline) and commit it with the change." >&2
exit 1
