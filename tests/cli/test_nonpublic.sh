# nonpublic: an issue and a measure marked non-public. Acting as a public-role user,
# every command and output open to it (the public notice) and every one denied to it leaves out
# their titles, narratives and reasons; an admin's internal notice still shows them.
. "$(dirname "$0")/lib.sh"
command -v sqlite3 >/dev/null || { echo "sqlite3 missing: run scripts/install-deps" >&2; FAILED=1; exit 1; }

# Hidden items carry markers, so that a leak of any of their text is found by a plain grep:
#   issue a6/i1 (non-public): title 【内部甲】…, description 【内部甲描述】…, its measures' titles
#     【内部乙】…, their progress 【内部丙】…, reason 【理由甲】
#   measure a2/i1/m2 (non-public, under a public issue): title 【内部丁】…, progress 【内部戊】…,
#     reason 【理由乙】
python3 - "$SEED" <<'PYEOF' || fail "cannot write private.json"
import json, sys
d = json.load(open(sys.argv[1]))
i = d["aspects"][5]["issues"][0]
i["public"] = False
i["non_public_reason"] = "涉及个人隐私【理由甲】"
i["title"] = "【内部甲】" + i["title"]
i["description"] = "【内部甲描述】具体涉及人员名单"
for m in i["measures"]:
    m["public"] = False
    m["non_public_reason"] = "涉及个人隐私【理由甲】"
    m["title"] = "【内部乙】" + m["title"]
    for p in m.get("progress", []):
        p["text"] = "【内部丙】" + p["text"]
m = d["aspects"][1]["issues"][0]["measures"][1]
m["public"] = False
m["non_public_reason"] = "【理由乙】"
m["title"] = "【内部丁】" + m["title"]
# Open and overdue by 2019-01-10, so that it would show among the dashboard's red measures.
m["status"] = "in_progress"
m["category"] = "deadline"
m["deadline"] = "2018-12-31"
for p in m["progress"]:
    p["text"] = "【内部戊】" + p["text"]
json.dump(d, open("private.json", "w"), ensure_ascii=False, indent=2)
PYEOF
# The hidden issue's original title appears in nothing public either (its outcomes' notes quote it).
HIDDEN_TITLE=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["aspects"][5]["issues"][0]["title"])' "$SEED")
MARKERS="内部甲 内部乙 内部丙 内部丁 内部戊 理由甲 理由乙 $HIDDEN_TITLE"

r --db private.db init; expect_ok
r --db private.db import private.json; expect_ok
r --db private.db user add 公众 --display-name 社会公众; expect_ok
r --db private.db grant 公众 public; expect_ok
r --db private.db --json show issue "$SEED_REF/a6/i1"; expect_ok
py 'assert d["public"] is False and d["non_public_reason"] == "涉及个人隐私【理由甲】", d'
HIDDEN_ISSUE=$(pyval 'd["id"]')
r --db private.db --json show measure "$SEED_REF/a2/i1/m2"; expect_ok
py 'assert d["public"] is False and d["non_public_reason"] == "【理由乙】", d'
HIDDEN_MEASURE=$(pyval 'd["id"]')
r --db private.db --json list inspections; expect_ok
INSPECTION=$(pyval 'd[0]["id"]')
P=$(sqlite3 private.db "SELECT id FROM progress WHERE text LIKE '【内部戊】%' LIMIT 1")
[ -n "$P" ] || fail "no hidden progress record"

# An admin's internal notice shows the hidden items; its public notice does not.
r --db private.db notice --inspection "$SEED_REF"
expect_ok
for m in 内部甲 内部丙 内部戊 "$HIDDEN_TITLE"; do out_has "$m"; done
r --db private.db list measures --full
expect_ok
out_has 内部乙
out_has 内部丁
r --db private.db notice --inspection "$SEED_REF" --audience public
expect_ok
for m in $MARKERS; do out_lacks "$m"; done
# The notice as a report, text and Markdown: the same, internal and public.
for f in text md; do
    r --db private.db report --inspection "$SEED_REF" --format "$f"
    expect_ok
    for m in 内部甲 内部丙 内部戊 "$HIDDEN_TITLE"; do out_has "$m"; done
    r --db private.db report --inspection "$SEED_REF" --format "$f" --audience public
    expect_ok
    for m in $MARKERS; do out_lacks "$m"; done
    out_has "6个方面11项整改任务"
done

# As the public user: everything it may run, and everything it may not, into one transcript.
: >transcript.txt
as_public() { # as_public ARGS...: runs rectify as 公众, appends stdout and stderr to the transcript
    r --db private.db --actor 公众 "$@"
    { echo "\$ rectify $*"; cat out.txt err.txt; } >>transcript.txt
}
# Allowed: the public notice, by id, as text and JSON, and the public dashboard; its counts still include the hidden items.
as_public notice --inspection "$INSPECTION" --audience public
expect_ok
out_has "6个方面11项整改任务"
out_has "党的政治建设方面"
as_public --json notice --inspection "$INSPECTION" --audience public
expect_ok
py 'assert d["audience"] == "public" and "6个方面11项整改任务" in d["text"], d.get("audience")'
# The public report in text and Markdown, to standard output and to a file; and through a
# template of its own, which can only print what the public data holds.
for f in text md; do
    as_public report --inspection "$INSPECTION" --format "$f" --audience public
    expect_ok
    out_has "6个方面11项整改任务"
    as_public report --inspection "$INSPECTION" --format "$f" --audience public --out "public.$f"
    expect_ok
    cat "public.$f" >>transcript.txt
done
printf '%s\n' '{{#aspects}}{{#issues}}{{title}}{{description}}{{#measures}}{{title}}{{#progress}}{{text}}{{/progress}}{{/measures}}{{/issues}}{{/aspects}}' >everything.mustache
as_public report --inspection "$INSPECTION" --format text --audience public --template everything.mustache
expect_ok
out_has "“三会一课”制度落实不到位"
# The public may name the inspection by its ref, to ask for its public notice.
as_public notice --inspection "$SEED_REF" --audience public
expect_ok
out_has "6个方面11项整改任务"
# The public dashboard (HTML): it shows the public aspects, and its text joins the transcript.
as_public report --inspection "$INSPECTION" --format html --audience public --as-of 2019-01-10
expect_ok
out_has "向社会公开版"
out_has "党的政治建设方面"
# The public ledger (CSV, XLSX) and OSCAL POA&M: allowed, and into the transcript; the workbook's
# sheet and shared strings are unzipped into it, since its text is compressed in the file.
as_public report --inspection "$INSPECTION" --format csv --audience public
expect_ok
out_has "问题,整改措施"
as_public report --inspection "$INSPECTION" --format oscal --audience public
expect_ok
out_has "plan-of-action-and-milestones"
as_public report --inspection "$INSPECTION" --format xlsx --audience public --out public-ledger.xlsx
expect_ok
python3 - public-ledger.xlsx >>transcript.txt <<'PYEOF' || fail "cannot read the public workbook"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for name in z.namelist():
    if name.endswith(".xml"):
        print(z.read(name).decode("utf-8"))
PYEOF
grep -q "<t>问题</t>" transcript.txt || fail "the public workbook's strings did not reach the transcript"
# Statistics, public: counts and the titles of aspects only.
as_public stats --inspection "$INSPECTION" --audience public --as-of 2019-01-10
expect_ok
out_has "整改任务11项"
as_public --json stats --inspection "$INSPECTION" --audience public --as-of 2019-01-10 --count-shown-only
expect_ok
py 'assert d["issues_total"] == 10, d["issues_total"]'
# Denied, each with exit 6.
while read -r cmd; do
    # shellcheck disable=SC2086
    as_public $cmd
    expect_error 6 "(as the public: $cmd)"
done <<LIST
notice --inspection $INSPECTION
notice --inspection $INSPECTION --audience internal
report --inspection $INSPECTION --format html --audience internal
report --inspection $INSPECTION --format text
report --inspection $INSPECTION --format md --audience internal
report --inspection $INSPECTION --format csv
report --inspection $INSPECTION --format oscal --audience internal
list inspections
list issues
list measures --full
--json list issues
--json list measures
show issue $HIDDEN_ISSUE
--json show issue $HIDDEN_ISSUE
show measure $HIDDEN_MEASURE
show issue $SEED_REF/a6/i1
show progress $P
export --inspection $INSPECTION
export --inspection $INSPECTION --out public-export.json
audit log
audit log issue $HIDDEN_ISSUE
--json audit log measure $HIDDEN_MEASURE
audit verify
status set issue $HIDDEN_ISSUE in_progress
progress add $HIDDEN_MEASURE --date 2019-03-01 --text 公众留言
import private.json
user list
backup public-copy.db
LIST
[ ! -e public-export.json ] || fail "a denied export wrote a file"
[ ! -e public-copy.db ] || fail "a denied backup wrote a file"

# Not one hidden word anywhere in what the public saw.
for m in $MARKERS; do
    if grep -qF -- "$m" transcript.txt; then
        grep -nF -- "$m" transcript.txt | head -5 >&2
        fail "the public saw '$m'"
    fi
done
grep -q "needs permission read" transcript.txt || fail "the denials do not name the missing permission"

# Each format carries the hidden text in its internal version, so the public checks above are
# checks of something: the notice its narrative, the ledger, OSCAL and the dashboard (where the
# hidden measure is red) its measure's title.
for f in text:内部戊 md:内部戊 html:内部丁 csv:内部丁 oscal:内部丁 xlsx:内部丁; do
    format=${f%%:*} marker=${f#*:}
    r --db private.db report --inspection "$INSPECTION" --format "$format" --as-of 2019-01-10 --out "internal.$format"
    expect_ok
    if [ "$format" = xlsx ]; then
        python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print("".join(z.read(n).decode() for n in z.namelist() if n.endswith(".xml")))' \
            internal.xlsx >internal.xlsx.txt || fail "cannot read the internal workbook"
        grep -qF -- "$marker" internal.xlsx.txt || fail "the internal xlsx lacks '$marker'"
    else
        grep -qF -- "$marker" "internal.$format" || fail "the internal $format lacks '$marker'"
    fi
done
