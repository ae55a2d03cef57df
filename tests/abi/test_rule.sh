#!/bin/sh
# abi.rule: check_abi.sh judges changes as docs/ABI.md says, with the abigail-tools installed
# here (abidiff's exit status and options have changed between its versions). A tiny library
# is built as a baseline, then with a function added (passes), a function removed (fails), a
# parameter's type changed (fails) and its options struct grown (fails until the baseline is
# regenerated). The baseline is made by abi/dump.sh from a copy of the sources in another folder,
# as a committed baseline meets a different checkout.
#
#   test_rule.sh CC ABIDW ABIDIFF WORKDIR
set -u
cc=$1 abidw=$2 abidiff=$3 work=$4
here=$(cd "$(dirname "$0")" && pwd)
dump=$here/../../abi/dump.sh
rm -rf "$work" && mkdir -p "$work" || exit 1
failures=0

build() { # NAME CFLAGS...
    name=$1; shift
    "$cc" -g -O2 -shared -fPIC "$@" -o "$work/$name.so" "$here/rule/rule.c" || exit 1
}
cp -R "$here/rule" "$work/checkout" || exit 1
"$cc" -g -O2 -shared -fPIC -o "$work/base.so" "$work/checkout/rule.c" || exit 1
sh "$dump" "$abidw" "$work/base.so" "$work/checkout" "$work/base.abi" || exit 1
build same
build added -DRULE_ADD
build removed -DRULE_REMOVE
build retyped -DRULE_RETYPE
build grown -DRULE_GROW

expect() { # WANT NAME
    want=$1 name=$2
    sh "$here/check_abi.sh" "$abidiff" "$work/base.abi" "$work/$name.so" "$here/rule" > "$work/$name.txt" 2>&1
    got=$?
    if { [ "$want" = pass ] && [ $got -ne 0 ]; } || { [ "$want" = fail ] && [ $got -eq 0 ]; }; then
        echo "FAIL: $name should $want, check_abi.sh exited $got:"
        cat "$work/$name.txt"
        failures=$((failures + 1))
    else
        echo "ok: $name: check_abi.sh should $want and does"
    fi
}
expect pass same
expect pass added
expect fail removed
expect fail retyped
expect fail grown
exit $failures
