# init: creates the database where --db, $RECTIFY_DB or the default say, reports its schema, and
# makes the actor that creates it its first admin.
. "$(dirname "$0")/lib.sh"

r --db my.db init
expect_ok
[ -s my.db ] || fail "init did not create my.db"
out_has "my.db"
grep -qE '^schema version: [1-9][0-9]*$' out.txt || fail "no 'schema version: N' line"
grep -qx "first admin: tester (.*whole database.*)" out.txt || fail "init did not say that tester is the first admin"

# Again on the existing file: nothing to create, the same answer but for the first-admin line
# (tester was admin already).
grep -v '^first admin:' out.txt > first.txt
r --db my.db init
expect_ok
cmp -s out.txt first.txt || fail "a second init printed something else"

r --db my.db --json init
expect_ok
py 'assert d["path"] == "my.db", d; assert isinstance(d["schema_version"], int) and d["schema_version"] >= 1, d'
py 'assert d["first_admin"] is None, d'

# The first admin is the one user, admin on the whole database.
r --db my.db --json user list
expect_ok
py 'assert [u["name"] for u in d] == ["tester"], d'
py 'assert d[0]["grants"] == [{"role": "admin", "scope": "all", "scope_id": None}], d'

# Another actor's init of an existing database makes nobody admin, and that actor may read nothing.
r --db my.db --actor 路人 init
expect_ok
out_lacks "first admin"
r --db my.db --actor 路人 --json user list
expect_error 6
err_has "路人"
r --db my.db --actor 路人 list issues
expect_error 6
err_has "not a user"

# --json at creation names the first admin; --actor names it, in any script.
r --db cn.db --actor 巡察办张三 --json init
expect_ok
py 'assert d["first_admin"] == "巡察办张三", d'
r --db cn.db --actor 巡察办张三 --json user list
expect_ok
py 'assert [u["name"] for u in d] == ["巡察办张三"], d'
r --db cn.db --json user list
expect_error 6

# Default: rectify.db in the current folder; $RECTIFY_DB overrides it; --db overrides both.
mkdir sub && cd sub
r init
expect_ok
[ -s rectify.db ] || fail "init without --db did not create ./rectify.db"
RECTIFY_DB=env.db r init
expect_ok
[ -s env.db ] || fail "RECTIFY_DB was not used"
RECTIFY_DB=env.db r --db flag.db init
expect_ok
[ -s flag.db ] || fail "--db did not override RECTIFY_DB"
cd ..

# Commands other than init and import never create a database: a typo in --db is an error.
r --db missing.db list issues
expect_error 3
err_has "missing.db"
err_has "init"
[ ! -e missing.db ] || fail "a read command created missing.db"

# A file that is not a rectify database is refused and left untouched.
printf 'not a database\n' > notes.txt
cp notes.txt notes.orig
r --db notes.txt init
[ "$RC" -ne 0 ] || fail "init accepted a text file as a database"
expect_error "$RC"
cmp -s notes.txt notes.orig || fail "init modified a file that is not a database"
