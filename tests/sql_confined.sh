#!/bin/sh
# SQL lives in src/store alone: no other part of the library or the command line may hold SQL
# text, so that there is one place to audit for bound parameters.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
found=$(grep -rnE '"[^"]*\b(SELECT|INSERT INTO|UPDATE [a-z_]+ SET|DELETE FROM|CREATE TABLE|DROP TABLE|PRAGMA)\b' \
        "$top/src" "$top/cli" --include='*.cpp' --include='*.hpp' --include='*.h' | grep -v "^$top/src/store/" || true)
if [ -n "$found" ]; then
  echo "SQL text outside src/store:"
  echo "$found"
  exit 1
fi
echo "SQL is confined to src/store"
