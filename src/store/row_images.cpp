#include "store/row_images.hpp"

#include "store/audit_chain.hpp"
#include "store/json_string.hpp"
#include "store/raw_rows.hpp"

#include <boost/json.hpp>

#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <charconv>

namespace rectify::store {

namespace {

constexpr std::array<std::string_view, 8> kRecordTables = {"rounds", "units",  "inspections", "aspects",
                                                           "issues", "measures", "progress",  "outcomes"};

constexpr std::string_view kAuditTable = "audit_events";

bool is_sqlite_table(std::string_view table) noexcept { return table.substr(0, 7) == "sqlite_"; }

void put_number(std::string &out, std::int64_t n) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, end);
}

void put_real(std::string &out, double d) {
    char digits[32];
    const auto end = std::to_chars(digits, digits + sizeof digits, d).ptr; // shortest text that reads back the same
    out.append(digits, end);
}

} // namespace

std::string row_kind(std::string_view table) {
    std::string kind(kRowKindPrefix);
    kind.append(table);
    return kind;
}

bool is_record_table(std::string_view table) noexcept {
    return std::find(kRecordTables.begin(), kRecordTables.end(), table) != kRecordTables.end();
}

bool has_row_images(std::string_view table) noexcept {
    return table != kAuditTable && !is_sqlite_table(table);
}

std::vector<std::string> fact_tables(SQLite::Database &db) {
    SQLite::Statement st(db, "SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    std::vector<std::string> out;
    while (st.executeStep()) {
        std::string name = st.getColumn(0).getString();
        if (name != kAuditTable && !is_sqlite_table(name)) out.push_back(std::move(name));
    }
    return out;
}

std::int64_t count_rows(SQLite::Database &db, std::string_view table) {
    return db.execAndGet("SELECT count(*) FROM " + quoted_identifier(table)).getInt64();
}

std::vector<std::string> row_kinds_in_log(SQLite::Database &db) {
    // The kinds between "row:" and "row;" (';' follows ':'), read from the index on kind.
    SQLite::Statement st(db, "SELECT DISTINCT kind FROM audit_events WHERE kind >= 'row:' AND kind < 'row;'");
    std::vector<std::string> out;
    while (st.executeStep()) out.push_back(st.getColumn(0).getString());
    return out;
}

std::string quoted_identifier(std::string_view identifier) {
    std::string out = "\"";
    for (char c : identifier) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + '"';
}

namespace {

// A SQLite::Statement's current row through the few calls put_row_image makes of a RawRows.
class StatementRow {
public:
    explicit StatementRow(SQLite::Statement &st) : st_(st) {}
    int columns() const { return st_.getColumnCount(); }
    std::string_view name(int column) const { return st_.getColumnName(column); }
    int type(int column) const { return st_.getColumn(column).getType(); }
    std::int64_t integer(int column) const { return st_.getColumn(column).getInt64(); }
    double real(int column) const { return st_.getColumn(column).getDouble(); }
    std::string_view text(int column) const {
        const SQLite::Column c = st_.getColumn(column);
        const char *p = c.getText(); // before getBytes, which then counts the text's bytes
        return std::string_view(p, static_cast<std::size_t>(c.getBytes()));
    }
    std::string_view blob(int column) const {
        const SQLite::Column c = st_.getColumn(column);
        const auto *p = static_cast<const char *>(c.getBlob());
        return std::string_view(p, static_cast<std::size_t>(c.getBytes()));
    }

private:
    SQLite::Statement &st_;
};

// `"name":` of each column of row from first_column on, escaped once for every row.
template <class Row> std::vector<std::string> column_keys(const Row &row, int first_column) {
    std::vector<std::string> keys;
    for (int i = first_column; i < row.columns(); ++i) {
        std::string key;
        StringOut text{key};
        put_json_string(text, row.name(i));
        key += ':';
        keys.push_back(std::move(key));
    }
    return keys;
}

// The image of row's current values into out (cleared first), keys[k] naming column first_column + k.
template <class Row> void put_row_image(std::string &out, const Row &row, int first_column, const std::vector<std::string> &keys) {
    static const char hex[] = "0123456789abcdef";
    out.assign(1, '{');
    StringOut text{out};
    const int columns = row.columns();
    for (int i = first_column; i < columns; ++i) {
        if (i > first_column) out += ',';
        out += keys[static_cast<std::size_t>(i - first_column)];
        switch (row.type(i)) {
        case SQLITE_INTEGER: put_number(out, row.integer(i)); break;
        case SQLITE_FLOAT: put_real(out, row.real(i)); break;
        case SQLITE_TEXT: put_json_string(text, row.text(i)); break;
        case SQLITE_BLOB: {
            const std::string_view bytes = row.blob(i);
            out += "{\"blob\":\"";
            for (const char b : bytes) {
                out += hex[static_cast<unsigned char>(b) >> 4];
                out += hex[static_cast<unsigned char>(b) & 0xF];
            }
            out += "\"}";
            break;
        }
        default: out += "null";
        }
    }
    out += '}';
}

} // namespace

std::string row_image(SQLite::Statement &st, int first_column) {
    std::string out;
    const StatementRow row(st);
    put_row_image(out, row, first_column, column_keys(row, first_column));
    return out;
}

TableRows::TableRows(SQLite::Database &db, std::string_view table)
    : rows_(std::make_unique<RawRows>(db, "SELECT rowid, * FROM " + quoted_identifier(table) + " ORDER BY rowid")) {}

TableRows::~TableRows() = default;

bool TableRows::next() {
    if (!rows_->step()) return false;
    rowid_ = rows_->integer(0);
    if (keys_.empty()) keys_ = column_keys(*rows_, 1);
    put_row_image(image_, *rows_, 1, keys_);
    return true;
}

std::string differing_fields(const std::string &now, const std::string &audited) {
    boost::system::error_code ec1, ec2;
    const auto a = boost::json::parse(now, ec1);
    const auto b = boost::json::parse(audited, ec2);
    if (ec1 || ec2 || !a.is_object() || !b.is_object()) return {};
    std::string out;
    auto add = [&](boost::json::string_view key) {
        if (!out.empty()) out += ", ";
        out.append(key.data(), key.size());
    };
    for (const auto &kv : a.as_object()) {
        const auto *other = b.as_object().if_contains(kv.key());
        if (!other || *other != kv.value()) add(kv.key());
    }
    for (const auto &kv : b.as_object())
        if (!a.as_object().contains(kv.key())) add(kv.key());
    return out;
}

void audit_baseline(SQLite::Database &db, const std::string &at, int format) {
    AuditRow e;
    e.format = format;
    {
        SQLite::Statement last(db, "SELECT id, hash FROM audit_events ORDER BY id DESC LIMIT 1");
        if (last.executeStep()) {
            e.id = last.getColumn(0).getInt64();
            e.prev_hash = last.getColumn(1).getString();
        } else {
            e.prev_hash = kGenesisHash;
        }
    }
    SQLite::Statement insert(db, format == kEventFormatJson ? kInsertJsonEventSql : kInsertEventSql);
    e.at = at;
    e.actor = "rectify";
    e.action = "baseline";
    for (const auto &table : fact_tables(db)) {
        if (!has_row_images(table)) continue;
        e.kind = row_kind(table);
        TableRows rows(db, table);
        while (rows.next()) {
            ++e.id;
            e.record_id = rows.rowid();
            e.after = rows.image();
            insert_event(insert, e);
            e.prev_hash = e.hash;
        }
    }
}

} // namespace rectify::store
