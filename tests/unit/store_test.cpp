#include "store/schema.hpp"
#include "store/store.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>

#include <fstream>

using namespace rectify;
using rectify::test::TempDir;

namespace {

core::Errc open_error(const std::string &path, store::OpenOptions o = {}) {
    try {
        store::Store s(path, o);
    } catch (const core::Error &e) {
        return e.code();
    }
    return core::Errc::internal; // no error: the callers expect one
}

} // namespace

TEST_CASE("a new database gets the latest schema, WAL and foreign keys") {
    TempDir dir;
    store::Store s(dir.file("new.db"), {});
    CHECK(s.schema_version() == store::latest_schema_version());
    CHECK(s.database().execAndGet("PRAGMA journal_mode").getString() == "wal");
    CHECK(s.database().execAndGet("PRAGMA foreign_keys").getInt() == 1);
    CHECK(s.database().execAndGet("PRAGMA application_id").getInt() == store::kApplicationId);
}

TEST_CASE("a file made by an older rectify is upgraded in place, keeping its data") {
    TempDir dir;
    const auto path = dir.file("old.db");
    {
        // Schema version 1, as the first release wrote it, with one unit in it.
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        store::migrate(db, 0, 1);
        db.exec("INSERT INTO units (version, ref, created_at, updated_at, name) "
                "VALUES (1, 'u1', '2019-01-01T00:00:00Z', '2019-01-01T00:00:00Z', '市妇联')");
    }
    store::Store s(path, {});
    CHECK(s.schema_version() == store::latest_schema_version());
    auto unit = s.get<core::Unit>(1);
    REQUIRE(unit);
    CHECK(unit->name == "市妇联");
    // The table the upgrade added is there and usable.
    s.append_audit({"2026-01-01T00:00:00Z", "admin", "test", "unit", 1, std::nullopt, std::nullopt});
    CHECK(s.database().execAndGet("SELECT count(*) FROM audit_events WHERE kind NOT LIKE 'row:%'").getInt() == 1);
}

TEST_CASE("the upgrade to schema 6 turns IN lists into comparisons that still refuse what they refused") {
    TempDir dir;
    const auto path = dir.file("v5.db");
    {
        // Schema version 5, with an open and a done measure under one issue.
        SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
        store::migrate(db, 0, 5);
        db.exec("INSERT INTO units (version, ref, created_at, updated_at, name) VALUES (1, 'u', 'c', 'c', '县委办');"
                "INSERT INTO inspections (version, ref, created_at, updated_at, unit_id, kind, group_name, onsite_start) "
                "VALUES (1, 'i', 'c', 'c', 1, 'routine', '第一巡察组', '2025-03-01');"
                "INSERT INTO aspects (version, ref, created_at, updated_at, inspection_id, seq, title) VALUES (1, 'a', 'c', 'c', 1, 1, '方面');"
                "INSERT INTO issues (version, ref, created_at, updated_at, inspection_id, aspect_id, seq, title, is_public, status) "
                "VALUES (1, 'is', 'c', 'c', 1, 1, 1, '问题', 1, 'in_progress');"
                "INSERT INTO measures (version, ref, created_at, updated_at, inspection_id, issue_id, seq, title, category, deadline, is_public, status) "
                "VALUES (1, 'm1', 'c', 'c', 1, 1, 1, '措施一', 'deadline', '2026-03-01', 1, 'in_progress'),"
                "       (1, 'm2', 'c', 'c', 1, 1, 2, '措施二', 'deadline', '2026-03-02', 1, 'done');");
        REQUIRE(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%status IN (''not_started''%'").getInt() > 0);
    }
    store::Store s(path, {});
    auto &db = s.database();
    CHECK(s.schema_version() == store::latest_schema_version());
    CHECK(db.execAndGet("SELECT count(*) FROM sqlite_schema WHERE sql LIKE '%status IN (''not_started''%'").getInt() == 0);
    CHECK(db.execAndGet("PRAGMA integrity_check").getString() == "ok");
    // The rows are as they were, and the rebuilt partial index holds the open measure only.
    CHECK(db.execAndGet("SELECT group_concat(ref) FROM measures INDEXED BY measures_open_by_deadline "
                        "WHERE status NOT IN ('done','closed') AND deadline > ''").getString() == "m1");
    // What the old constraints refused, the new ones refuse; what they allowed, they allow.
    const std::string insert = "INSERT INTO measures (version, ref, created_at, updated_at, inspection_id, issue_id, seq, title, "
                               "category, is_public, status) VALUES (1, ?, 'c', 'c', 1, 1, 3, 't', ?, 1, ?)";
    auto try_insert = [&](const char *ref, const char *category, const char *status) {
        SQLite::Statement st(db, insert);
        st.bind(1, ref);
        st.bind(2, category);
        st.bind(3, status);
        try {
            st.exec();
            return true;
        } catch (const SQLite::Exception &) {
            return false;
        }
    };
    CHECK_FALSE(try_insert("bad-category", "someday", "in_progress"));
    CHECK_FALSE(try_insert("bad-status", "deadline", "finished"));
    CHECK(try_insert("good", "ongoing", "reopened"));
    CHECK_FALSE(try_insert("bad-case", "Deadline", "done"));
    // No row insert builds a temporary b-tree any more.
    SQLite::Statement explain(db, "EXPLAIN " + insert);
    int ephemeral = 0;
    while (explain.executeStep()) ephemeral += explain.getColumn(1).getString() == "OpenEphemeral";
    CHECK(ephemeral == 0);
}

TEST_CASE("a file from a newer rectify is refused and left byte-for-byte untouched") {
    TempDir dir;
    const auto path = dir.file("newer.db");
    { store::Store s(path, {}); }
    {
        SQLite::Database db(path, SQLite::OPEN_READWRITE);
        db.exec("PRAGMA user_version = " + std::to_string(store::latest_schema_version() + 1));
        db.exec("PRAGMA journal_mode = DELETE");
    }
    const auto before = test::read_file(path);
    CHECK(open_error(path) == core::Errc::schema_newer);
    CHECK(test::read_file(path) == before);
}

TEST_CASE("files that are not rectify databases are refused untouched") {
    TempDir dir;
    SUBCASE("a text file") {
        const auto path = dir.file("notes.txt");
        std::ofstream(path) << "这不是数据库。This is not a database, it is a plain text file of some length.\n";
        const auto before = test::read_file(path);
        CHECK(open_error(path) == core::Errc::not_a_db);
        CHECK(test::read_file(path) == before);
    }
    SUBCASE("another application's SQLite database") {
        const auto path = dir.file("other.db");
        {
            SQLite::Database db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
            db.exec("CREATE TABLE contacts (name TEXT)");
        }
        const auto before = test::read_file(path);
        CHECK(open_error(path) == core::Errc::not_a_db);
        CHECK(test::read_file(path) == before);
    }
    SUBCASE("a missing file without create") {
        store::OpenOptions o;
        o.create = false;
        CHECK(open_error(dir.file("missing.db"), o) == core::Errc::io);
    }
}

TEST_CASE("an update naming a stale version writes nothing") {
    TempDir dir;
    store::Store s(dir.file("v.db"), {});
    core::Unit u;
    u.meta.ref = "u";
    u.name = "市妇联";
    s.insert(u, "2026-01-01T00:00:00Z");
    CHECK(u.meta.version == 1);

    core::Unit stale = u;
    u.name = "市总工会";
    REQUIRE(s.update(u, "2026-01-02T00:00:00Z"));
    CHECK(u.meta.version == 2);

    stale.name = "市科协";
    CHECK_FALSE(s.update(stale, "2026-01-03T00:00:00Z"));
    CHECK(s.get<core::Unit>(u.meta.id)->name == "市总工会");
    CHECK(s.get<core::Unit>(u.meta.id)->meta.version == 2);
}
