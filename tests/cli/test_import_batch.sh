# import --batch: a JSON Lines file of documents in one transaction, all or nothing; the progress
# bar only on a terminal.
. "$(dirname "$0")/lib.sh"

# Five copies of the seed under other refs (same round and unit), one a line, a blank line between.
make_batch() { # make_batch OUT COPIES [BAD_LINE]: BAD_LINE gets an impossible feedback date
    python3 - "$SEED" "$@" <<'PY'
import json, sys
seed, out, copies = sys.argv[1], sys.argv[2], int(sys.argv[3])
bad = int(sys.argv[4]) if len(sys.argv) > 4 else 0
text = open(seed, encoding="utf-8").read()
lines = []
for k in range(copies):
    d = json.loads(text.replace("tongcheng-2018-fulian", "tongcheng-2018-fulian-%d" % k))
    if len(lines) + 1 == bad:
        d["inspection"]["feedback_date"] = "2018-02-30"
    lines.append(json.dumps(d, ensure_ascii=False))
    if k == 0:
        lines.append("")
open(out, "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
}
make_batch batch.jsonl 5

r --db case.db import --batch batch.jsonl
expect_ok
out_has "imported batch.jsonl in one transaction"
out_has "documents: 5"
out_has "inspection 5"
# Not a terminal: no progress bar, nothing on stderr.
[ -s err.txt ] && fail "stderr is not a terminal, yet the import wrote to it"

r --db case.db --json list inspections; expect_ok
[ "$(pyval 'len(d)')" -eq 5 ] || fail "expected 5 inspections"

# Again: nothing created, JSON output.
r --db case.db --json import --batch batch.jsonl
expect_ok
py 's = d["summary"]; assert s["documents"] == 5, s; assert sum(s["created"].values()) == 0, s'

# A bad document on line 4 (line 2 is blank): the error names the line, nothing is imported.
make_batch bad.jsonl 5 4
r --db other.db init; expect_ok
r --db other.db import --batch bad.jsonl
[ "$RC" -ne 0 ] || fail "a batch with a bad line was accepted"
case "$ERR" in "rectify: "*) ;; *) fail "stderr does not start with 'rectify: '" ;; esac
err_has "line 4: inspection.feedback_date"
r --db other.db --json list inspections; expect_ok
[ "$(pyval 'len(d)')" -eq 0 ] || fail "a refused batch imported something"

# Standard input.
r_in batch.jsonl --db stdin.db import --batch -
expect_ok
out_has "documents: 5"

# A missing file is "not found".
r --db case.db import --batch absent.jsonl
expect_rc 3

# On a terminal (script gives the command a pty) the bar is drawn on standard error: the label and
# a percentage. The single-document import draws one too.
if command -v script >/dev/null 2>&1; then
    TERM=xterm script -qec "'$RECTIFY' --db tty.db import --batch batch.jsonl" /dev/null >tty.txt 2>&1 </dev/null
    grep -qF "importing batch.jsonl" tty.txt || { cat tty.txt >&2; fail "no progress bar label on a terminal"; }
    grep -qF "%" tty.txt || { cat tty.txt >&2; fail "no percentage on a terminal"; }
    grep -qF "documents: 5" tty.txt || { cat tty.txt >&2; fail "no summary on a terminal"; }
    cp "$SEED" seed.json
    TERM=xterm script -qec "'$RECTIFY' --db tty.db import seed.json" /dev/null >tty1.txt 2>&1 </dev/null
    grep -qF "importing seed.json" tty1.txt || { cat tty1.txt >&2; fail "no progress bar for a single import on a terminal"; }
    # A file deep in a long path, on terminals of several widths: the label is shortened in the
    # middle and the bar is always drawn, within the terminal's width (what the test's own folder
    # is does not matter: the path is made long here).
    deep="$WORK/$(printf 'very-long-folder-name-%02d/' 1 2 3 4 5 6 7 8)"
    mkdir -p "$deep" && cp "$SEED" "$deep/seed.json"
    for cols in 60 80 132; do
        rm -f deep.db
        TERM=xterm script -qec "stty cols $cols; '$RECTIFY' --db deep.db import '$deep/seed.json'" /dev/null \
            >deep.txt 2>&1 </dev/null
        python3 - "$cols" deep.txt <<'PY' || fail "progress bar at $cols columns for a long path"
import re, sys, unicodedata
cols, text = int(sys.argv[1]), open(sys.argv[2], encoding="utf-8").read()
frames = [f for f in re.split(r"[\r\n]", re.sub(r"\x1b\[K", "", text)) if "%" in f and "[" in f]
if not frames:
    sys.exit("no bar drawn: " + repr(text))
for f in frames:
    width = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in f)
    if width > cols - 1:
        sys.exit(f"{width} columns on a {cols}-column terminal: {f!r}")
    if not re.search(r"\[[#-]{10,}\]  \d+%", f) or "\u2026" not in f or "seed.json" not in f:
        sys.exit(f"no whole bar, no … or no file name: {f!r}")
PY
    done
    # TERM=dumb: no bar even on a terminal.
    TERM=dumb script -qec "'$RECTIFY' --db tty.db import --batch batch.jsonl" /dev/null >dumb.txt 2>&1 </dev/null
    grep -qF "%" dumb.txt && fail "a progress bar with TERM=dumb"
else
    echo "script (util-linux) not found: the terminal half is skipped" >&2
fi
exit 0
