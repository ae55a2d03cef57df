// Online backup: SQLite copies every page from one read snapshot, so writers in other
// connections go on (WAL) and the copy is exactly the database as of one commit.
#include "store/store.hpp"

#include <sqlite3.h>

#include <filesystem>

namespace rectify::store {

void Store::backup_to(const std::string &dest_path) {
    sqlite3 *dest = nullptr;
    bool created = false;
    auto fail = [&](const std::string &what) {
        std::string msg = "backup to '" + dest_path + "': " + what;
        if (dest) sqlite3_close(dest);
        // A half-written copy is worse than none, and would block the next try.
        if (created) {
            std::error_code ignored;
            std::filesystem::remove(dest_path, ignored);
            std::filesystem::remove(dest_path + "-journal", ignored);
        }
        throw core::Error(core::Errc::io, msg);
    };
    std::error_code ec;
    if (std::filesystem::exists(dest_path, ec)) fail("the file exists already; a backup never overwrites a file");
    int rc = sqlite3_open_v2(dest_path.c_str(), &dest, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    created = true;
    if (rc != SQLITE_OK) fail(dest ? sqlite3_errmsg(dest) : "cannot open");
    sqlite3_busy_timeout(dest, 5000);
    sqlite3_backup *b = sqlite3_backup_init(dest, "main", db_.getHandle(), "main");
    if (!b) fail(sqlite3_errmsg(dest));
    rc = sqlite3_backup_step(b, -1); // all pages in one step: one consistent snapshot
    int finish = sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) fail(std::string("copying: ") + sqlite3_errstr(rc));
    if (finish != SQLITE_OK) fail(sqlite3_errmsg(dest));
    // The copy stands alone: one file, no WAL beside it.
    char *err = nullptr;
    if (sqlite3_exec(dest, "PRAGMA journal_mode = DELETE", nullptr, nullptr, &err) != SQLITE_OK) {
        std::string e = err ? err : "journal mode";
        sqlite3_free(err);
        fail(e);
    }
    sqlite3_close(dest);
}

} // namespace rectify::store
