"""Inspection documents with deadlines, derived from the seed case when a test runs.

The seed (data/examples/seed-case.json) is a real notice: it dates no measure, so as of any day
nothing is overdue and the examples' warnings would be empty. The example tests need some past
deadlines, and they are derived here rather than checked in, so that the seed stays the only copy
of the case. AS_OF is the date the tests ask about; every expectation below is relative to it.
"""
import copy
import json
import os

AS_OF = "2019-03-01"

# Three of the seed's open measures of 市妇联 get deadlines: two passed, one near. A done measure
# gets a passed deadline too, which must not make it overdue.
FULIAN_DEADLINES = {
    "tongcheng-2018-fulian/a4/i1/m1": "2019-01-31",  # red, 29 days overdue
    "tongcheng-2018-fulian/a5/i1/m1": "2019-02-15",  # red, 14 days overdue
    "tongcheng-2018-fulian/a5/i1/m2": "2019-03-10",  # yellow, 9 days left
    "tongcheng-2018-fulian/a6/i1/m1": "2018-12-31",  # done: green
}
FULIAN_TITLES = {
    "tongcheng-2018-fulian/a4/i1/m1": "提高政治站位，围绕中心工作谋划妇联工作",
    "tongcheng-2018-fulian/a5/i1/m1": "落实“两个责任”，制定党组主体责任清单",
    "tongcheng-2018-fulian/a5/i1/m2": "定期听取汇报，建立廉政风险点台账并督查考核",
    "tongcheng-2018-fulian/a6/i1/m1": "追缴超范围发放的公务交通补贴",
}

# A second unit, 市总工会, inspected in the same round: the same case under other refs, with one
# overdue measure of its own, so that "one unit's overdue measures" has something to leave out.
OTHER_UNIT_REF = "tongcheng-zonggonghui"
OTHER_INSPECTION_REF = "tongcheng-2018-zonggonghui"
OTHER_OVERDUE_TITLE = "市总工会：建立工会经费审查台账"
OTHER_OVERDUE_DEADLINE = "2019-01-15"


def _measures(doc):
    def walk(issues):
        for issue in issues:
            yield from issue.get("measures", [])
            yield from walk(issue.get("issues", []))

    for aspect in doc["aspects"]:
        yield from walk(aspect["issues"])


def _with_deadlines(doc, deadlines):
    found = set()
    for measure in _measures(doc):
        if measure["ref"] in deadlines:
            measure["deadline"] = deadlines[measure["ref"]]
            measure["category"] = "deadline"  # 限期整改: a measure with a date to meet
            found.add(measure["ref"])
    missing = set(deadlines) - found
    if missing:
        raise SystemExit(f"the seed case no longer has the measures {sorted(missing)}")
    return doc


def _rewrite_refs(value, old, new):
    if isinstance(value, dict):
        return {k: (v.replace(old, new, 1) if k == "ref" and isinstance(v, str) else _rewrite_refs(v, old, new))
                for k, v in value.items()}
    if isinstance(value, list):
        return [_rewrite_refs(v, old, new) for v in value]
    return value


def write_cases(seed_path, out_dir):
    """Writes fulian.json and zonggonghui.json into out_dir; returns their paths."""
    with open(seed_path, encoding="utf-8") as f:
        seed = json.load(f)
    os.makedirs(out_dir, exist_ok=True)

    fulian = _with_deadlines(copy.deepcopy(seed), FULIAN_DEADLINES)
    for measure in _measures(fulian):
        if measure["ref"] in FULIAN_TITLES and measure["title"] != FULIAN_TITLES[measure["ref"]]:
            raise SystemExit(f"the seed case renamed {measure['ref']}: {measure['title']}")

    other = _rewrite_refs(copy.deepcopy(seed), "tongcheng-2018-fulian", OTHER_INSPECTION_REF)
    other["round"] = seed["round"]  # the same round, under its own ref
    other["unit"] = {"ref": OTHER_UNIT_REF, "name": "市总工会", "party_org": "市总工会党组"}
    other["inspection"]["title"] = "市总工会党组关于巡察整改情况的通报"
    first = next(m for m in _measures(other) if m["status"] == "in_progress")
    first.update(title=OTHER_OVERDUE_TITLE, category="deadline", deadline=OTHER_OVERDUE_DEADLINE)

    paths = []
    for name, doc in (("fulian.json", fulian), ("zonggonghui.json", other)):
        path = os.path.join(out_dir, name)
        with open(path, "w", encoding="utf-8") as f:
            json.dump(doc, f, ensure_ascii=False, indent=1)
        paths.append(path)
    return paths
