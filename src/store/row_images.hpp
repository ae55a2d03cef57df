// Row images: every table that holds a fact, as the audit log keeps it. Each row's image is
// taken by the store itself whenever a write transaction commits (Store::audit_row_changes), so
// that no operation can forget to audit one and a table added later is covered without anyone
// listing it. The operations' own events (a record's before and after, a grant) say what was
// done; the row images prove what is stored, column by column and with the type SQLite keeps,
// which a record read back through the model could not (a flag of 2 reads as true).
#pragma once

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rectify::store {

// The kind of the audit events that carry a table's row images: "row:" and the table's name,
// apart from the kinds of records and of the operations' own events ("evidence" is both).
inline constexpr std::string_view kRowKindPrefix = "row:";
std::string row_kind(std::string_view table);

// Whether a table holds records (rounds, units, inspections, aspects, issues, measures,
// progress, outcomes), which messages name by their kind ("issue 4").
bool is_record_table(std::string_view table) noexcept;

// Whether the store audits a table's rows: every table but the audit log and SQLite's own.
bool has_row_images(std::string_view table) noexcept;

// The tables of the database that hold facts (all but the audit log and SQLite's own), in name order.
std::vector<std::string> fact_tables(SQLite::Database &db);

// The number of rows of a table.
std::int64_t count_rows(SQLite::Database &db, std::string_view table);

// The kinds of row images the audit log holds ("row:close_outs" …), a table dropped since included.
std::vector<std::string> row_kinds_in_log(SQLite::Database &db);

// A table's name quoted for SQL.
std::string quoted_identifier(std::string_view identifier);

// The image of the current row of st, from column first on: a JSON object of every column in
// table order, with the type SQLite stores kept (integer, real, text, null; a blob as
// {"blob":"<hex>"}), so that a value retyped beneath the library shows as well as one changed.
std::string row_image(SQLite::Statement &st, int first_column);

// The rows of one table in rowid order, one at a time: memory stays one row.
class RawRows;
class TableRows {
public:
    TableRows(SQLite::Database &db, std::string_view table);
    ~TableRows();
    bool next();
    std::int64_t rowid() const { return rowid_; }
    const std::string &image() const { return image_; }

private:
    std::unique_ptr<RawRows> rows_;
    std::int64_t rowid_ = 0;
    std::string image_;              // reused row after row
    std::vector<std::string> keys_;  // the columns' `"name":`, escaped once
};

// For a message: the fields two images disagree on (a field one of them lacks counts), comma
// separated; empty when the texts cannot be read as objects.
std::string differing_fields(const std::string &now, const std::string &audited);

// Writes one "baseline" event with the image of every row of the tables with row images, as
// they are now: what a database upgraded to row images starts from. Events of format (the
// upgrade to schema 7 writes format 1, the only one its log knows).
void audit_baseline(SQLite::Database &db, const std::string &at, int format);

} // namespace rectify::store
