#include "store/store.hpp"

#include "store/constraint_text.hpp"
#include "store/schema.hpp"

#include <SQLiteCpp/Transaction.h>
#include <sqlite3.h>

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <thread>

namespace rectify::store {

// The user reads what was being done and what went wrong in our words; SQLite's own text names
// tables, columns and internals, and never reaches a message. The extended result code is kept
// for whoever has to look into a failure the sentence does not explain.
void rethrow_sqlite(const SQLite::Exception &e, const std::string &doing) {
    const int primary = e.getErrorCode() & 0xFF;
    const std::string code = " (database result code " + std::to_string(e.getExtendedErrorCode()) + ")";
    switch (primary) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: throw core::Error(core::Errc::busy, doing + ": the database stayed locked by another writer");
    case SQLITE_NOTADB: throw core::Error(core::Errc::not_a_db, doing + ": the file is not a database");
    case SQLITE_CANTOPEN: throw core::Error(core::Errc::io, doing + ": the database file cannot be opened" + code);
    case SQLITE_NOMEM: throw core::Error(core::Errc::nomem, doing + ": out of memory");
    case SQLITE_READONLY: throw core::Error(core::Errc::misuse, doing + ": the database is open read-only");
    case SQLITE_CONSTRAINT: {
        const std::string sentence = doing + ": " + constraint_sentence(e.what());
        const int extended = e.getExtendedErrorCode();
        if (extended == SQLITE_CONSTRAINT_UNIQUE || extended == SQLITE_CONSTRAINT_PRIMARYKEY)
            throw core::Error(core::Errc::duplicate, sentence);
        throw core::Error(core::Errc::invalid, sentence);
    }
    case SQLITE_FULL: throw core::Error(core::Errc::db, doing + ": the disk is full");
    case SQLITE_IOERR: throw core::Error(core::Errc::db, doing + ": the database file could not be read or written" + code);
    case SQLITE_CORRUPT: throw core::Error(core::Errc::db, doing + ": the database file is damaged" + code);
    case SQLITE_PERM:
    case SQLITE_AUTH: throw core::Error(core::Errc::db, doing + ": the database file may not be written" + code);
    default: throw core::Error(core::Errc::db, doing + ": the database reported an error" + code);
    }
}

namespace {

// NOMUTEX: a handle is used by one thread at a time (include/rectify/db.h), so SQLite's lock
// around every call on the connection guards nothing and costs a lock and an unlock per call.
int open_flags(const OpenOptions &o) {
    if (o.read_only) return SQLite::OPEN_READONLY | SQLite::OPEN_NOMUTEX;
    return SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX | (o.create ? SQLite::OPEN_CREATE : 0);
}

bool file_exists(const std::string &path) {
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
}

int pragma_int(SQLite::Database &db, const char *sql) { return db.execAndGet(sql).getInt(); }

SQLite::Database open_database(const std::string &path, const OpenOptions &o) {
    if (!o.create && !o.read_only && !file_exists(path))
        throw core::Error(core::Errc::io, "cannot open '" + path + "': no such file (open with create to make one)");
    try {
        return SQLite::Database(path, open_flags(o), o.busy_timeout_ms);
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, "opening '" + path + "'");
    }
}

// Switching a file that is not in WAL mode yet (a new one) to WAL takes a read lock and then
// upgrades it to a write lock. SQLite never calls the busy handler for such an upgrade (waiting
// could deadlock), so a second connection switching the same new file at the same moment gets
// SQLITE_BUSY at once. Wait here instead, for as long as the busy timeout promises.
void enable_wal(SQLite::Database &db, int busy_timeout_ms) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
    for (int delay_ms = 1;; delay_ms = std::min(delay_ms * 2, 50)) {
        try {
            db.exec("PRAGMA journal_mode = WAL");
            return;
        } catch (const SQLite::Exception &e) {
            if ((e.getErrorCode() & 0xFF) != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline) throw;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    }
}

} // namespace

// Opening reads before it writes: the file is identified (application_id, user_version, tables)
// with plain reads, so a foreign or newer file is refused before a single byte of it changes.
Store::Store(const std::string &path, const OpenOptions &o) : db_(open_database(path, o)), read_only_(o.read_only) {
    const std::string where = "opening '" + path + "'";
    try {
        int app = 0, version = 0, tables = 0;
        {
            // One snapshot: another connection may be creating the schema meanwhile, and three
            // separate reads could see the file half before and half after its commit.
            SQLite::Transaction snapshot(db_);
            app = pragma_int(db_, "PRAGMA application_id");
            version = pragma_int(db_, "PRAGMA user_version");
            tables = pragma_int(db_, "SELECT count(*) FROM sqlite_master");
        } // rolled back: nothing was written
        if (app != kApplicationId && (app != 0 || version != 0 || tables != 0))
            throw core::Error(core::Errc::not_a_db, where + ": the file is a SQLite database of another application");
        if (version > latest_schema_version())
            throw core::Error(core::Errc::schema_newer,
                              where + ": schema version " + std::to_string(version) + " was written by a newer rectify; this one reads up to " +
                                  std::to_string(latest_schema_version()) + ". The file was left untouched.");

        db_.exec("PRAGMA foreign_keys = ON");
        if (version < latest_schema_version()) {
            if (o.read_only)
                throw core::Error(core::Errc::misuse, where + ": schema version " + std::to_string(version) +
                                                          " needs an upgrade; open it once without read-only");
            enable_wal(db_, o.busy_timeout_ms);
            SQLite::Transaction tx(db_, SQLite::TransactionBehavior::IMMEDIATE);
            // Another process may have upgraded it while this one waited for the lock.
            int now = pragma_int(db_, "PRAGMA user_version");
            if (now < latest_schema_version()) migrate(db_, now, latest_schema_version());
            tx.commit();
        } else if (!o.read_only) {
            enable_wal(db_, o.busy_timeout_ms);
        }
        // FULL: a transaction reported committed survives a power cut, not only a crash.
        if (!o.read_only) db_.exec("PRAGMA synchronous = FULL");
        schema_version_ = pragma_int(db_, "PRAGMA user_version");
        if (!o.read_only) sqlite3_update_hook(db_.getHandle(), &Store::row_changed, this);
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, where);
    }
}

SQLite::Statement &Store::cached(int slot, const std::string &sql) {
    if (statements_.size() <= static_cast<std::size_t>(slot)) statements_.resize(slot + 1);
    auto &st = statements_[slot];
    if (!st) st = std::make_unique<SQLite::Statement>(db_, sql);
    st->reset(); // no clearBindings(): the statements kept by slot bind every parameter each time
    return *st;
}

std::int64_t Store::cache_kib() {
    try {
        SQLite::Statement st(db_, "PRAGMA cache_size");
        st.executeStep();
        const std::int64_t n = st.getColumn(0).getInt64();
        // Negative: KiB; positive: pages.
        return n < 0 ? -n : n * db_.execAndGet("PRAGMA page_size").getInt64() / 1024;
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, "reading the cache size");
    }
}

void Store::set_cache_kib(std::int64_t kib) {
    try {
        db_.exec("PRAGMA cache_size = -" + std::to_string(kib));
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, "setting the cache size");
    }
}

SQLite::Statement &Store::cached(const std::string &sql) {
    auto &st = statements_by_sql_[sql];
    if (!st) st = std::make_unique<SQLite::Statement>(db_, sql);
    st->reset();
    st->clearBindings();
    return *st;
}

std::vector<std::int64_t> Store::sub_issue_ids(std::int64_t issue_id) {
    return with_sql_errors("reading sub-issues", [&] {
        auto &st = cached("SELECT id FROM issues WHERE parent_id = ? ORDER BY id");
        detail::ResetOnExit reset(st);
        st.bind(1, issue_id);
        std::vector<std::int64_t> out;
        while (st.executeStep()) out.push_back(st.getColumn(0).getInt64());
        return out;
    });
}

} // namespace rectify::store
