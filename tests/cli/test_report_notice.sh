# report_notice: `rectify report --format text|md`, the notice (通报) through its mustache templates:
# the bundled ones, a clerk's own (--template), a broken one, --out, and the older `notice` command
# giving the same text.
. "$(dirname "$0")/lib.sh"

seeded case.db

# Text: the same notice the older command prints, now with the outcome totals.
r --db case.db report --inspection "$SEED_REF" --format text --as-of 2019-03-01
expect_ok
cp out.txt report.txt
out_has "市妇联党组关于巡察整改情况的通报"
out_has "根据市委统一部署，2018年9月19日至10月25日，市委第一巡察组对市妇联党组开展了政治巡察。"
out_has "6个方面11项整改任务"
out_has "（六）夺取反腐败斗争压倒性胜利方面的问题"
out_has "8.超范围发放公务交通补贴"
out_has "追缴资金11550.00元"
out_has "（七）巩固整改成果,推进全面从严治党"
r --db case.db notice --inspection "$SEED_REF"
expect_ok
cmp -s out.txt report.txt || fail "rectify notice and rectify report --format text differ"

# Markdown: the same content with Markdown headings.
r --db case.db report --inspection "$SEED_REF" --format md
expect_ok
head -n 1 out.txt | grep -qxF "# 市妇联党组关于巡察整改情况的通报" || fail "the Markdown title is not a # heading"
out_has "## （一）党的政治建设方面"
out_has "### 1. “三会一课”制度落实不到位"
out_has "**整改情况**：完善《市妇联党支部“三会一课”制度》"
out_has "## （七）巩固整改成果,推进全面从严治党"
cp out.txt report.md

# --out writes the same bytes to a file and says so.
r --db case.db report --inspection "$SEED_REF" --format md --out notice.md
expect_ok
cmp -s notice.md report.md || fail "--out wrote other bytes than standard output"
out_has "wrote the md report of inspection"

# A clerk's own wording, from a file.
printf '%s\n' '{{org}}共{{issue_total}}项：{{#aspects}}{{#issues}}{{number}}.{{title}}；{{/issues}}{{/aspects}}' >own.mustache
r --db case.db report --inspection "$SEED_REF" --format text --template own.mustache
expect_ok
out_has "市妇联党组共11项：1.“三会一课”制度落实不到位；2.党内组织生活会未按规定落实；"
out_has "11.工会未开设银行账户和独立核算；"
out_lacks "整改情况"

# A broken template is refused as invalid input, naming the problem; nothing is written.
printf '%s\n' '{{#aspects}}{{title}}' >broken.mustache
r --db case.db report --inspection "$SEED_REF" --format text --template broken.mustache --out broken.txt
expect_error 5
err_has 'template: Unclosed section "aspects"'
[ ! -e broken.txt ] || fail "a refused template still wrote its output"
r --db case.db report --inspection "$SEED_REF" --format text --template no-such-file.mustache
expect_error 3
# A template belongs to the notice formats only.
r --db case.db report --inspection "$SEED_REF" --format csv --template own.mustache
expect_error 5
err_has "a template applies to the text and markdown notices only"
