// Online backup: SQLite copies the pages in steps of kPagesPerStep while this connection holds
// one read transaction on the source, so writers in other connections go on (WAL) and the copy
// is exactly the database as of one commit.
#include "store/store.hpp"

#include <sqlite3.h>

#include <filesystem>

namespace rectify::store {

namespace {

constexpr int kPagesPerStep = 1024; // 4 MB of 4 KiB pages between two progress reports

} // namespace

void Store::backup_to(const std::string &dest_path,
                      const std::function<void(std::int64_t copied, std::int64_t total)> &copied) {
    sqlite3 *dest = nullptr;
    sqlite3_backup *b = nullptr;
    bool created = false;
    bool reading = false;
    sqlite3 *src = db_.getHandle();
    auto clean_up = [&] {
        if (b) sqlite3_backup_finish(b);
        b = nullptr;
        if (dest) sqlite3_close(dest);
        dest = nullptr;
        if (reading) sqlite3_exec(src, "ROLLBACK", nullptr, nullptr, nullptr);
        reading = false;
        // A half-written copy is worse than none, and would block the next try.
        if (created) {
            std::error_code ignored;
            std::filesystem::remove(dest_path, ignored);
            std::filesystem::remove(dest_path + "-journal", ignored);
        }
    };
    auto fail = [&](const std::string &what) {
        std::string msg = "backup to '" + dest_path + "': " + what;
        clean_up();
        throw core::Error(core::Errc::io, msg);
    };
    std::error_code ec;
    if (std::filesystem::exists(dest_path, ec)) fail("the file exists already; a backup never overwrites a file");
    try {
        // One snapshot for every step: the read transaction is started here (BEGIN alone takes no
        // snapshot; the first read does) and held until the last page is copied.
        char *err = nullptr;
        if (sqlite3_exec(src, "BEGIN; SELECT COUNT(*) FROM sqlite_master;", nullptr, nullptr, &err) != SQLITE_OK) {
            std::string e = err ? err : "starting a read";
            sqlite3_free(err);
            sqlite3_exec(src, "ROLLBACK", nullptr, nullptr, nullptr);
            fail(e);
        }
        reading = true;
        int rc = sqlite3_open_v2(dest_path.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
        created = true;
        if (rc != SQLITE_OK) fail(dest ? sqlite3_errmsg(dest) : "cannot open");
        sqlite3_busy_timeout(dest, 5000);
        b = sqlite3_backup_init(dest, "main", src, "main");
        if (!b) fail(sqlite3_errmsg(dest));
        bool first = true;
        for (;;) {
            rc = sqlite3_backup_step(b, kPagesPerStep);
            if (rc != SQLITE_OK && rc != SQLITE_DONE) fail(std::string("copying: ") + sqlite3_errstr(rc));
            const std::int64_t total = sqlite3_backup_pagecount(b);
            const std::int64_t done = total - sqlite3_backup_remaining(b);
            if (copied) {
                if (first) copied(0, total);
                first = false;
                copied(done, total);
            }
            if (rc == SQLITE_DONE) break;
        }
        const int finish = sqlite3_backup_finish(b);
        b = nullptr;
        if (finish != SQLITE_OK) fail(sqlite3_errmsg(dest));
        sqlite3_exec(src, "ROLLBACK", nullptr, nullptr, nullptr);
        reading = false;
        // The copy stands alone: one file, no WAL beside it.
        if (sqlite3_exec(dest, "PRAGMA journal_mode = DELETE", nullptr, nullptr, &err) != SQLITE_OK) {
            std::string e = err ? err : "journal mode";
            sqlite3_free(err);
            fail(e);
        }
        sqlite3_close(dest);
        dest = nullptr;
    } catch (const core::Error &) {
        clean_up(); // after fail() this does nothing more; after the hook threw it removes the copy
        throw;
    } catch (...) {
        clean_up();
        throw;
    }
}

} // namespace rectify::store
