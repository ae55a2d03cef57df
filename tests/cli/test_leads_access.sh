# Leads (问题线索) are confidential to the inspection body and those it hands them to: the inspected
# unit's liaison and the 责任人 are refused them and find them left out of statistics and the
# dashboard; the supervisor (纪委监委 / 组织部), even granted on that unit only, reads them.
. "$(dirname "$0")/lib.sh" "$@"

seeded case.db
r --db case.db --json show unit tongcheng-fulian; expect_ok
UNIT=$(pyval 'd["id"]')
for u in 联络员:liaison 责任人:owner 纪委:supervisor 公众:public; do
    r --db case.db user add "${u%%:*}"; expect_ok
    if [ "${u##*:}" = public ]; then r --db case.db grant "${u%%:*}" public; else r --db case.db grant "${u%%:*}" "${u##*:}" --unit "$UNIT"; fi
    expect_ok
done
r --db case.db lead add --inspection "$SEED_REF" --summary 党组书记违规收受礼金问题线索 --to 市纪委监委 --date 2018-11-01; expect_ok
r --db case.db lead add --inspection "$SEED_REF" --summary 干部选任问题线索 --to 市委组织部 --date 2018-11-02; expect_ok

for actor in 联络员 责任人 公众; do
    r --db case.db --actor "$actor" lead list; expect_error 6 "($actor lead list)"
    err_has "needs permission read_leads"
    r --db case.db --actor "$actor" lead list --inspection "$SEED_REF"; expect_error 6 "($actor lead list --inspection)"
    [ "$actor" = 公众 ] || err_has "needs permission read_leads"
    grep -qF 礼金 err.txt out.txt && fail "$actor was shown a lead's text"
done
for actor in 联络员 责任人; do
    # Statistics still come, with the leads left out and saying so.
    r --db case.db --actor "$actor" stats --inspection "$SEED_REF" --as-of 2019-01-31; expect_ok
    out_has "问题线索：无权查看（需 read_leads 权限），未列入"
    out_lacks "问题线索：移交"
    r --db case.db --actor "$actor" --json stats --inspection "$SEED_REF" --as-of 2019-01-31; expect_ok
    py 'l = d["leads"]; assert l["handed_over"] == 0 and l["withheld_inspections"] == 1, l'
    r --db case.db --actor "$actor" report --inspection "$SEED_REF" --format html --as-of 2019-01-31; expect_ok
    out_has "问题线索未列入（无权查看）"
    out_lacks "移交问题线索"
done
# The public's statistics leave them out too.
r --db case.db --actor 公众 --json stats --inspection "$SEED_REF" --audience public --as-of 2019-01-31; expect_ok
py 'l = d["leads"]; assert l["handed_over"] == 0 and l["withheld_inspections"] == 1, l'

# The supervisor reads them, and counts them.
r --db case.db --actor 纪委 --json lead list; expect_ok
py 'assert d["handed"] == 2 and any("礼金" in l["summary"] for l in d["leads"]), d'
r --db case.db --actor 纪委 stats --inspection "$SEED_REF" --as-of 2019-01-31; expect_ok
out_has "问题线索：移交2件，办结0件"
r --db case.db --actor 纪委 --json stats --inspection "$SEED_REF" --as-of 2019-01-31; expect_ok
py 'l = d["leads"]; assert l["handed_over"] == 2 and "withheld_inspections" not in l, l'
r --db case.db --actor 纪委 report --inspection "$SEED_REF" --format html --as-of 2019-01-31; expect_ok
out_has "移交问题线索2件"
out_lacks "问题线索未列入"
