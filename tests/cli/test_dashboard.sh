# dashboard: `rectify report --format html` opened in headless Chromium. The page must
# render the seed's aspects, its look-back verdicts and the as-of date without one console message
# (a script error or a Content-Security-Policy refusal), and a screenshot of it is kept in the
# build tree for a person to look at.
#   Extra environment: RECTIFY_DASHBOARD_PNG, where to keep the screenshot.
. "$(dirname "$0")/lib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
[ -n "$CHROMIUM" ] || { echo "FAIL: chromium is missing: run scripts/install-deps" >&2; FAILED=1; exit 1; }
PNG=${RECTIFY_DASHBOARD_PNG:-$WORK/dashboard.png}
mkdir -p "$(dirname "$PNG")"

# The seed with deadlines, so that the timeline, the lights and the red and yellow list have
# something to show as of 2019-01-10: open measures due before (red), just after (yellow) and in
# March (green); done ones due in December.
python3 - "$SEED" <<'PYEOF' || fail "cannot write case.json"
import json, sys
d = json.load(open(sys.argv[1]))
due = ["2018-12-31", "2019-01-15", "2019-03-31"]
n = 0
for a in d["aspects"]:
    for i in a["issues"]:
        for m in i["measures"]:
            if m["status"] == "in_progress":
                m["category"], m["deadline"], m["department"] = "deadline", due[n % 3], "办公室"
                n += 1
            else:
                m["deadline"] = "2018-12-20"
json.dump(d, open("case.json", "w"), ensure_ascii=False)
PYEOF
r --db case.db init; expect_ok
r --db case.db import case.json; expect_ok

# A look-back review with two verdicts: one held, one relapsed with its findings.
r --db case.db --json review schedule --inspection "$SEED_REF" --date 2019-01-05 --team 市委巡察办回头看小组 --title 年终回头看
expect_ok
REVIEW=$(pyval 'd["id"]')
r --db case.db review verdict "$REVIEW" "$SEED_REF/a1/i1" held --date 2019-01-06; expect_ok
r --db case.db review verdict "$REVIEW" "$SEED_REF/a4/i1" relapsed --date 2019-01-07 --findings 公务用车又未经平台审批
expect_ok

r --db case.db report --inspection "$SEED_REF" --format html --out dash.html --as-of 2019-01-10
expect_ok
out_has "wrote the html report"
head -c 15 dash.html | grep -q '<!DOCTYPE html>' || fail "dash.html is not an HTML page"
# Nothing on the page may point off it.
! grep -q -e 'https\?://' -e '<script' dash.html || fail "dash.html refers to the network or carries a script"

# run_chromium LOG ARGS...: headless Chromium on ARGS, its stderr (with the page's console) in LOG.
# A container has no D-Bus or GPU: that noise goes to LOG and is not a failure; a hang is.
run_chromium() {
    local log=$1; shift
    timeout 120 "$CHROMIUM" --headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage \
        --user-data-dir="$WORK/chromium-profile" --enable-logging=stderr --v=0 "$@" 2>"$log"
}
# console_errors LOG: prints what the page itself complained of. The dashboard has no script, so
# any console line at all is a script error or a refused load.
console_errors() { grep -E 'CONSOLE|Uncaught|Refused to|Content Security Policy' "$1"; }

# First, that this Chromium reports what the check looks for: a page with a script under the
# dashboard's policy must be caught, or a pass below would mean nothing.
cat >blocked.html <<'HTML'
<!DOCTYPE html><html><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
</head><body><p>blocked</p><script>undefined_function();</script></body></html>
HTML
run_chromium blocked.log --dump-dom "file://$WORK/blocked.html" >blocked-dom.html
console_errors blocked.log >/dev/null || { cat blocked.log >&2; fail "Chromium did not report a blocked script: the console check cannot work"; }

# The dashboard's DOM as rendered: every aspect, the verdicts and the as-of date are there.
run_chromium dom.log --dump-dom "file://$WORK/dash.html" >dom.html
RC=$?
[ "$RC" -eq 0 ] || { cat dom.log >&2; fail "chromium --dump-dom exited $RC"; }
if console_errors dom.log; then fail "the dashboard logged console errors (above)"; fi
python3 - "$SEED" <<'PYEOF' || fail "the rendered DOM lacks what the dashboard shows"
import json, sys
dom = open("dom.html", encoding="utf-8").read()
seed = json.load(open(sys.argv[1]))
want = [a["title"] for a in seed["aspects"]]
want += ["截至2019年1月10日", "巩固", "反弹", "公务用车又未经平台审批", "市委巡察办回头看小组（年终回头看）",
         "逾期10天", "id=\"as-of\""]
missing = [w for w in want if w not in dom]
assert not missing, missing
PYEOF

# The screenshot: a real PNG of the window's size with something drawn in it.
rm -f "$PNG"
run_chromium shot.log --screenshot="$PNG" --window-size=1280,2000 "file://$WORK/dash.html" >/dev/null
RC=$?
[ "$RC" -eq 0 ] || { cat shot.log >&2; fail "chromium --screenshot exited $RC"; }
if console_errors shot.log; then fail "the dashboard logged console errors while drawing (above)"; fi
python3 - "$PNG" <<'PYEOF' || fail "the screenshot is not a drawn 1280x2000 PNG"
import os, struct, sys, zlib
data = open(sys.argv[1], "rb").read()
assert data[:8] == b"\x89PNG\r\n\x1a\n", "no PNG signature"
assert data[12:16] == b"IHDR", "no IHDR chunk"
width, height = struct.unpack(">II", data[16:24])
assert (width, height) == (1280, 2000), (width, height)
# An empty page compresses to a few kilobytes; the dashboard's text and charts do not.
assert len(data) > 30000, len(data)
PYEOF
echo "dashboard screenshot: $PNG"
