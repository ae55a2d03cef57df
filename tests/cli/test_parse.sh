# parse: a written notice read into an inspection document, then imported and rendered again.
. "$(dirname "$0")/lib.sh"

REPORT=${RECTIFY_SEED_REPORT:?the seed notice (fixtures/seed-report.txt) in RECTIFY_SEED_REPORT}

# The seed notice: a document on stdout, nothing on stderr; no database is made.
r parse "$REPORT" --ref parsed-seed
expect_ok
cp out.txt parsed.json
py '
assert d["format"] == "rectify-inspection"
assert d["inspection"]["ref"] == "parsed-seed"
assert len(d["aspects"]) == 6
assert sum(len(a["issues"]) for a in d["aspects"]) == 11
assert d["inspection"]["closing"]["heading"] == "巩固整改成果,推进全面从严治党"'
[ ! -e rectify.db ] || fail "parse made a database"

# --kind takes the code or the label docs/schema.md prints; anything else is refused, listing both.
r parse "$REPORT" --ref parsed-seed --kind 专项
expect_ok
py 'assert d["inspection"]["kind"] == "special", d["inspection"]["kind"]'
r parse "$REPORT" --ref parsed-seed --kind 巡察“回头看”
expect_ok
py 'assert d["inspection"]["kind"] == "lookback", d["inspection"]["kind"]'
r parse "$REPORT" --ref parsed-seed --kind 普通
expect_error 2
err_has "unknown inspection kind '普通'"
err_has "routine 常规 (also 常规巡察)"

# --json changes nothing: the document is JSON already.
r --json parse "$REPORT" --ref parsed-seed
expect_ok
cmp -s out.txt parsed.json || fail "--json changed the document"

# Standard input reads the same.
r_in "$REPORT" parse - --ref parsed-seed
expect_ok
cmp -s out.txt parsed.json || fail "parse - differs from parse FILE"

# --out writes the file and says so.
r parse "$REPORT" --ref parsed-seed --out written.json
expect_ok
out_has "6 aspects, 11 issues"
cmp -s written.json parsed.json || fail "--out wrote something else"
r --json parse "$REPORT" --ref parsed-seed --out written.json
expect_ok
py 'assert d == {"out": "written.json", "aspects": 6, "issues": 11}, d'

# Parse → import → notice: the 11 narratives come back as the notice's 整改情况.
r --db case.db import parsed.json
expect_ok
r --db case.db notice --inspection parsed-seed
expect_ok
out_has "（一）党的政治建设方面"
out_has "11.工会未开设银行账户和独立核算"
out_has "整改情况：2018年12月20日开设市妇联工会银行账户,实行工会开支独立核算。"
out_has "目前已经完成11项整改任务。"
python3 - "$REPORT" <<'PYEOF' || fail "a narrative of the seed is missing from the notice"
import sys
notice = open("out.txt", encoding="utf-8").read()
narratives = [l[len("整改情况:"):].rstrip("\n") for l in open(sys.argv[1], encoding="utf-8") if l.startswith("整改情况:")]
assert len(narratives) == 11
for n in narratives:
    assert "整改情况：" + n + "\n" in notice, n[:20]
PYEOF

# A line the parser cannot place: exit 5, the line on stderr, nothing on stdout, no file written.
printf '根据市委统一部署，2018年9月19日至10月25日，市委第一巡察组对市妇联党组开展了政治巡察。\n(一)党的政治建设方面\n这一行无处安放。\n1、问题\n整改情况：已整改。\n' >stray.txt
r parse stray.txt --out stray.json
expect_error 5
err_has "parsing stray.txt: line 3: cannot place this text"
err_has "这一行无处安放。"
[ -z "$OUT" ] || fail "stdout should be empty on failure"
[ ! -e stray.json ] || fail "a failed parse wrote its --out file"

# Missing facts name the flag that gives them.
printf '(一)党的政治建设方面\n1、问题\n整改情况：已整改。\n' >bare.txt
r parse bare.txt
expect_error 5
err_has "--unit"
r parse bare.txt --unit 市妇联 --group 市委第一巡察组 --onsite-start 2018-09-19
expect_ok
py 'assert d["inspection"]["ref"] == "市妇联-2018-09-19" and d["inspection"]["group"] == "市委第一巡察组"'
r parse bare.txt --unit 市妇联 --group 市委第一巡察组 --onsite-start 2018-02-30
expect_error 5

# A file that is not there, invalid UTF-8.
r parse missing.txt
expect_error 3
printf '(一)党的政治建设方面\n1、问题\xff\n' >bad.txt
r parse bad.txt
expect_error 5
err_has "line 2: invalid UTF-8"
[ -z "$OUT" ] || fail "stdout should be empty on failure"
