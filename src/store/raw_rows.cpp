#include "store/raw_rows.hpp"

#include <SQLiteCpp/Exception.h>

namespace rectify::store {

RawRows::RawRows(SQLite::Database &db, const std::string &sql) : db_(db) {
    const int rc = sqlite3_prepare_v2(db.getHandle(), sql.c_str(), static_cast<int>(sql.size()), &st_, nullptr);
    if (rc != SQLITE_OK) {
        sqlite3_finalize(st_);
        throw SQLite::Exception(db.getHandle(), rc);
    }
}

RawRows::~RawRows() { sqlite3_finalize(st_); }

bool RawRows::step() {
    const int rc = sqlite3_step(st_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    throw SQLite::Exception(db_.getHandle(), rc);
}

void RawRows::bind(int parameter, std::int64_t value) {
    const int rc = sqlite3_bind_int64(st_, parameter, value);
    if (rc != SQLITE_OK) throw SQLite::Exception(db_.getHandle(), rc);
}

void RawRows::bind(int parameter, std::string_view text) {
    const int rc = sqlite3_bind_text(st_, parameter, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) throw SQLite::Exception(db_.getHandle(), rc);
}

} // namespace rectify::store
