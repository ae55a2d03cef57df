#!/bin/sh
# Runs the OverdueNotice example as a host would and checks what it prints: the seed and a second
# unit with 7 overdue measures imported, the table of those 7 (titles from the seed), and the
# second unit's notice with its heading.
# usage: check_overdue_notice.sh JAVA CLASSPATH PYTHON3 SEED SCRIPT_DIR
set -u
java=$1 classpath=$2 python=$3 seed=$4 here=$5

fail() { echo "FAIL: $*"; echo "--- output:"; cat out.txt; exit 1; }

rm -f overdue.db overdue.db-* out.txt
"$python" "$here/overdue_case.py" "$seed" dangan.json || { echo "FAIL: cannot write dangan.json"; exit 1; }
"$java" -Dfile.encoding=UTF-8 -cp "$classpath" OverdueNotice overdue.db tongcheng-dangan 2019-01-16 \
    "$seed" dangan.json > out.txt 2>&1 || fail "the example exited with $?"

has() { grep -qF -- "$1" out.txt || fail "the output lacks: $1"; }
has "市档案馆 截至2019-01-16逾期未完成的整改措施：7项"
has "整改期限"
for title in "完善“三会一课”制度并上墙" "制定党建工作计划，召开年度党建工作部署会议" \
             "支部党员大会、支委会每月定期召开并规范记录" "推进支部标准化建设，机关党员每月参加支部活动" \
             "按时召开民主生活会、组织生活会"; do
    # deadline, one day late, status, title: one row of the table
    grep -qE "^2019-01-15 +1 +整改中 +$title\$" out.txt || fail "no overdue row for: $title"
done
has "市档案馆党组关于巡察整改情况的通报"
has "（一）党的政治建设方面"
# The seed's own unit has no overdue measure and its notice is not printed for this unit.
grep -qF "市妇联党组关于巡察整改情况的通报" out.txt && fail "the other unit's notice was printed"
# Seven rows under the header, no more.
rows=$(grep -c "^2019-01-15 " out.txt)
[ "$rows" -eq 7 ] || fail "expected 7 rows, got $rows"
echo "ok: OverdueNotice listed 7 overdue measures and printed the notice"
