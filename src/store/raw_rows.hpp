// A query stepped through SQLite's C API, for the walks that read every row of a big table (the
// audit log's verification). SQLiteCpp's Column shares the ownership of its statement, an atomic
// count up and down for every value read, which cost about as much as hashing the value.
#pragma once

#include <SQLiteCpp/Database.h>
#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace rectify::store {

class RawRows {
public:
    // Throws SQLite::Exception when the query cannot be prepared.
    RawRows(SQLite::Database &db, const std::string &sql);
    ~RawRows();
    RawRows(const RawRows &) = delete;
    RawRows &operator=(const RawRows &) = delete;

    // Moves to the next row; false after the last. Throws SQLite::Exception on an error.
    bool step();
    // Back to before the first row, parameters kept; then bind sets parameter (from 1) anew.
    void reset() { sqlite3_reset(st_); }
    void bind(int parameter, std::int64_t value);
    void bind(int parameter, std::string_view text); // copied by SQLite

    int columns() const { return sqlite3_column_count(st_); }
    std::string_view name(int column) const { return sqlite3_column_name(st_, column); }
    // SQLITE_INTEGER, SQLITE_FLOAT, SQLITE_TEXT, SQLITE_BLOB or SQLITE_NULL.
    int type(int column) const { return sqlite3_column_type(st_, column); }
    bool is_null(int column) const { return type(column) == SQLITE_NULL; }
    std::int64_t integer(int column) const { return sqlite3_column_int64(st_, column); }
    double real(int column) const { return sqlite3_column_double(st_, column); }
    std::string_view blob(int column) const {
        const auto *p = static_cast<const char *>(sqlite3_column_blob(st_, column)); // before the byte count
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, column))) : std::string_view();
    }
    // A text in place until the next step ("" for NULL).
    std::string_view text(int column) const {
        const auto *p = reinterpret_cast<const char *>(sqlite3_column_text(st_, column)); // before the byte count
        return p ? std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(st_, column))) : std::string_view();
    }

private:
    SQLite::Database &db_;
    sqlite3_stmt *st_ = nullptr;
};

} // namespace rectify::store
