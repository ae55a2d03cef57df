// The domain's sentences for constraint failures: every unique key of the schema has one, and no
// message of SQLite's reaches the user.
#include "store/constraint_text.hpp"
#include "store/store.hpp"
#include "support.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <doctest/doctest.h>
#include <sqlite3.h>

#include <set>
#include <string>
#include <vector>

using namespace rectify;
using rectify::test::TempDir;

namespace {

// Every unique key of a fresh database, as SQLite names it in "UNIQUE constraint failed: ...":
// "table.column, table.column" in the key's order.
std::set<std::string> schema_unique_keys(SQLite::Database &db) {
    std::set<std::string> keys;
    SQLite::Statement tables(db, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
    while (tables.executeStep()) {
        const std::string table = tables.getColumn(0).getString();
        SQLite::Statement indexes(db, "SELECT name, \"unique\" FROM pragma_index_list(?)");
        indexes.bind(1, table);
        while (indexes.executeStep()) {
            if (indexes.getColumn(1).getInt() == 0) continue;
            const std::string index = indexes.getColumn(0).getString();
            SQLite::Statement columns(db, "SELECT name FROM pragma_index_info(?) ORDER BY seqno");
            columns.bind(1, index);
            std::string key;
            bool expression = false;
            while (columns.executeStep()) {
                if (columns.getColumn(0).isNull()) expression = true;
                if (!key.empty()) key += ", ";
                key += table + "." + columns.getColumn(0).getString();
            }
            // A key over an expression is named by its index in SQLite's message.
            keys.insert(expression ? "index '" + index + "'" : key);
        }
        // An INTEGER PRIMARY KEY is the rowid and has no index in the list above. A column "id" is
        // numbered by SQLite and never given by a caller; any other (followup_plans.measure_id) is
        // a key a second write can collide on.
        SQLite::Statement pk(db, "SELECT name, type FROM pragma_table_info(?) WHERE pk > 0");
        pk.bind(1, table);
        std::vector<std::string> pk_columns;
        std::string pk_type;
        while (pk.executeStep()) {
            pk_columns.push_back(pk.getColumn(0).getString());
            pk_type = pk.getColumn(1).getString();
        }
        if (pk_columns.size() == 1 && pk_type == "INTEGER" && pk_columns[0] != "id")
            keys.insert(table + "." + pk_columns[0]);
    }
    return keys;
}

} // namespace

TEST_CASE("every unique key of the schema has a sentence of its own") {
    TempDir dir;
    store::Store s(dir.file("keys.db"), {});
    const auto keys = schema_unique_keys(s.database());
    REQUIRE(!keys.empty());
    std::set<std::string> known;
    for (const auto &k : store::unique_key_sentences()) known.insert(std::string(k.columns));
    for (const auto &key : keys) {
        INFO("unique key without a sentence in unique_key_sentences(): " << key);
        CHECK(known.count(key) == 1);
        // The sentence is the one for this key, not the fallback for keys nobody named.
        CHECK(store::constraint_sentence("UNIQUE constraint failed: " + key) !=
              "a record with the same key already exists");
    }
    // No sentence for a key the schema does not have: a stale entry would hide a renamed key.
    for (const auto &k : known) {
        INFO("sentence for a key the schema does not have: " << k);
        CHECK(keys.count(k) == 1);
    }
}

TEST_CASE("constraint_sentence words each shape of SQLite's message in the domain's terms") {
    CHECK(store::constraint_sentence("UNIQUE constraint failed: review_verdicts.review_id, review_verdicts.issue_id") ==
          "the issue already has a verdict in this review");
    CHECK(store::constraint_sentence("UNIQUE constraint failed: issues.ref") == "another issue already has this ref");
    CHECK(store::constraint_sentence("UNIQUE constraint failed: nosuch.col") ==
          "a record with the same key already exists");
    CHECK(store::constraint_sentence("CHECK constraint failed: status IN ('a', 'b')") ==
          "the value of status is not one the database allows");
    CHECK(store::constraint_sentence("CHECK constraint failed: ") == "a value is not one the database allows");
    CHECK(store::constraint_sentence("NOT NULL constraint failed: issues.title") ==
          "a required value is missing (issues.title)");
    CHECK(store::constraint_sentence("FOREIGN KEY constraint failed") == "the record it refers to does not exist");
    CHECK(store::constraint_sentence("database disk image is malformed") == "the change breaks a rule of the database");
    CHECK(store::constraint_sentence("") == "the change breaks a rule of the database");
}

namespace {

std::string rethrown(int code, const char *sqlite_text, core::Errc *errc = nullptr) {
    try {
        store::rethrow_sqlite(SQLite::Exception(sqlite_text, code), "storing a measure");
    } catch (const core::Error &e) {
        if (errc) *errc = e.code();
        return e.what();
    }
    return "no error";
}

} // namespace

TEST_CASE("rethrow_sqlite never passes SQLite's own text to the user") {
    struct Case {
        int code;
        core::Errc errc;
    };
    const Case cases[] = {
        {SQLITE_BUSY, core::Errc::busy},        {SQLITE_LOCKED, core::Errc::busy},
        {SQLITE_NOTADB, core::Errc::not_a_db},  {SQLITE_CANTOPEN, core::Errc::io},
        {SQLITE_NOMEM, core::Errc::nomem},      {SQLITE_READONLY, core::Errc::misuse},
        {SQLITE_CONSTRAINT, core::Errc::invalid}, {SQLITE_FULL, core::Errc::db},
        {SQLITE_IOERR, core::Errc::db},         {SQLITE_CORRUPT, core::Errc::db},
        {SQLITE_ERROR, core::Errc::db},
    };
    for (const auto &c : cases) {
        core::Errc errc = core::Errc::internal;
        const std::string m = rethrown(c.code, "xyzzy sqlite text", &errc);
        INFO("code " << c.code << ": " << m);
        CHECK(errc == c.errc);
        CHECK(m.find("xyzzy") == std::string::npos);
        CHECK(m.find("storing a measure") == 0);
        CHECK(m.size() > std::string("storing a measure: ").size());
    }
}
