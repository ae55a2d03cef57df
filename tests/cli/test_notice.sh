# notice: the 整改情况通报 of an inspection, internal or public; non-public text never goes public.
. "$(dirname "$0")/lib.sh"

seeded case.db
r --db case.db notice --inspection "$SEED_REF"
expect_ok
cp out.txt internal.txt
out_has "6个方面11项整改任务"
out_has "市妇联党组关于巡察整改情况的通报"
out_has "2018年9月19日"
out_has "“三会一课”制度落实不到位"

# By numeric id: the same text.
r --db case.db --json list inspections; expect_ok
ID=$(pyval 'd[0]["id"]')
r --db case.db notice --inspection "$ID"
expect_ok
cmp -s out.txt internal.txt || fail "notice by id differs from notice by ref"

# --json wraps the same text.
r --db case.db --json notice --inspection "$SEED_REF"
expect_ok
py '
text = open("internal.txt", encoding="utf-8").read()
assert d["audience"] == "internal" and d["inspection_id"] == '"$ID"'
assert d["text"] == text or d["text"] + "\n" == text'

# An issue and a measure marked non-public: their text is in the internal notice only.
python3 - "$SEED" <<'PYEOF' || fail "cannot write private.json"
import json, sys
d = json.load(open(sys.argv[1]))
i = d["aspects"][5]["issues"][0]
i["public"] = False
i["non_public_reason"] = "涉及个人信息"
for m in i["measures"]:
    m["public"] = False
    m["non_public_reason"] = "涉及个人信息"
    for p in m.get("progress", []):
        p["text"] = "秘密整改情况" + p["text"]
json.dump(d, open("private.json", "w"), ensure_ascii=False, indent=2)
print(i["title"])
PYEOF
PRIVATE_TITLE=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["aspects"][5]["issues"][0]["title"])' "$SEED")
r --db private.db import private.json; expect_ok
r --db private.db notice --inspection "$SEED_REF"
expect_ok
out_has "$PRIVATE_TITLE"
out_has "秘密整改情况"
r --db private.db notice --inspection "$SEED_REF" --audience public
expect_ok
out_lacks "$PRIVATE_TITLE"
out_lacks "秘密整改情况"
out_has "党的政治建设方面"

r --db case.db notice --inspection no-such-inspection
expect_error 3
r --db case.db notice
expect_error 2
