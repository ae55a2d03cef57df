#!/usr/bin/env python3
"""Writes a second case from the seed for the Java example: the same notice for another unit
(市档案馆), its first two issues still open with every measure due 2019-01-15 (7 measures), so
that as of 2019-01-16 they are overdue. As tests/cli/test_stats.sh builds its second unit.

usage: overdue_case.py SEED OUT
"""
import json
import sys

seed, out = sys.argv[1], sys.argv[2]
with open(seed, encoding="utf-8") as f:
    d = json.load(f)
d["unit"] = {"ref": "tongcheng-dangan", "name": "市档案馆", "party_org": "市档案馆党组"}
d["inspection"]["ref"] = "tongcheng-2018-dangan"
d["inspection"]["title"] = "市档案馆党组关于巡察整改情况的通报"


def drop_refs(x):
    """New records, not the seed's: their refs would name the seed's own."""
    if isinstance(x, dict):
        x.pop("ref", None)
        for v in x.values():
            drop_refs(v)
    elif isinstance(x, list):
        for v in x:
            drop_refs(v)


drop_refs(d["aspects"])
drop_refs(d["outcomes"])
issues = [i for a in d["aspects"] for i in a["issues"]]
for issue in issues[:2]:
    issue["status"] = "in_progress"
    for m in issue["measures"]:
        m.update(status="in_progress", category="deadline", deadline="2019-01-15")
with open(out, "w", encoding="utf-8") as f:
    json.dump(d, f, ensure_ascii=False)
