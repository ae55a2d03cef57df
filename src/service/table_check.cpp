#include "service/table_check.hpp"

#include "io/record_json.hpp"
#include "service/audit.hpp"
#include "service/dispatch.hpp"
#include "store/row_images.hpp"

#include <boost/json.hpp>

#include <algorithm>

namespace rectify::service {

namespace {

std::vector<std::string> split_fields(const std::string &list) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start < list.size()) {
        auto end = list.find(", ", start);
        if (end == std::string::npos) end = list.size();
        out.push_back(list.substr(start, end - start));
        start = end + 2;
    }
    return out;
}

// How a mismatch reads: records by their kind ("issue 4"), other rows by table ("row 3 of close_outs").
TableMismatch mismatch(const std::string &table, const std::string &label, std::int64_t id, const char *change,
                       const std::string &fields = {}) {
    TableMismatch m;
    m.table = table;
    m.record_id = id;
    m.change = change;
    m.fields = split_fields(fields);
    const bool record = store::is_record_table(table);
    const std::string what = label + " " + std::to_string(id) + (record ? "" : " of " + table);
    const std::string where = record ? "table " + table + ", " : std::string();
    if (m.change == "changed")
        m.problem = what + " differs from its last audited state" + (fields.empty() ? "" : " in " + std::string(m.fields.size() == 1 ? "field " : "fields ") + fields) +
                    " (" + where + "changed behind the library's back)";
    else if (m.change == "added")
        m.problem = what + " has no audit trail (" + where + "added behind the library's back)";
    else
        m.problem = what + " is in the audit log but missing from the database (" + where + "deleted behind the library's back)";
    return m;
}

// The fields of a record's image that differ from the record now, comma separated; nullopt when
// it matches. Fields a later schema added are absent from older images and are not compared.
std::optional<std::string> record_difference(const boost::json::object &current, const std::optional<std::string> &image) {
    if (!image) return std::string();
    boost::system::error_code ec;
    auto parsed = boost::json::parse(*image, ec);
    if (ec || !parsed.is_object()) return std::string();
    std::string fields;
    for (const auto &kv : parsed.as_object()) {
        const auto *now = current.if_contains(kv.key());
        if (now && *now == kv.value()) continue;
        if (!fields.empty()) fields += ", ";
        fields.append(kv.key().data(), kv.key().size());
    }
    if (fields.empty()) return std::nullopt;
    return fields;
}

// The latest audited images of a table (ids ascending) walked beside its current rows, which
// are fed one at a time in ascending id order, pulled from a cursor or pushed by a callback.
// Images whose latest event removed the row stand for no row.
class ImageWalk {
public:
    ImageWalk(store::LatestImages &images, std::string table, std::string label)
        : images_(images), table_(std::move(table)), label_(std::move(label)) {}

    // The current row id; differs() compares it with the images' after() and gives the fields that
    // differ (empty when they cannot be told), nullopt when it matches.
    template <class Differs> std::optional<TableMismatch> row(std::int64_t id, Differs differs) {
        start();
        if (have_image_ && images_.record_id() < id) return mismatch(table_, label_, images_.record_id(), "deleted");
        if (!have_image_ || images_.record_id() > id) return mismatch(table_, label_, id, "added");
        if (auto fields = differs()) return mismatch(table_, label_, id, "changed", *fields);
        have_image_ = next_image();
        return std::nullopt;
    }

    // After the last row: an image left over is a row deleted.
    std::optional<TableMismatch> finish() {
        start();
        if (have_image_) return mismatch(table_, label_, images_.record_id(), "deleted");
        return std::nullopt;
    }

private:
    void start() {
        if (started_) return;
        started_ = true;
        have_image_ = next_image();
    }
    bool next_image() {
        while (images_.next())
            if (images_.after()) return true;
        return false;
    }

    store::LatestImages &images_;
    std::string table_, label_;
    bool started_ = false, have_image_ = false;
};

// A record kind's operation events against the records. The rows themselves are proved by
// first_table_mismatch; what is left is an operation's event that no row write followed. An
// operation appends its record's event while it runs, and the store the row's image when the
// transaction commits, so a record whose latest event is later than its row's latest image was
// either written back unchanged or had an event forged onto the log with a valid hash. Only
// those records are read and compared with their event; the rest cost a walk of the index.
std::optional<TableMismatch> check_records(store::Store &store, core::Kind kind) {
    std::optional<TableMismatch> found;
    dispatch(kind, [&](auto t) {
        using R = typename decltype(t)::type;
        const std::string kind_name(core::name(kind));
        const std::string table = store::Table<R>::table;
        store::LatestImages events(store, kind_name);
        store::LatestImages rows(store, store::row_kind(table));
        bool have_row = rows.next();
        while (!found && events.next()) {
            const std::int64_t id = events.record_id();
            while (have_row && rows.record_id() < id) have_row = rows.next();
            if (have_row && rows.record_id() == id && rows.event_id() > events.event_id()) continue;
            const auto &image = events.after();
            const auto record = store.get<R>(id);
            if (!record) {
                if (image) found = mismatch(table, kind_name, id, "deleted");
            } else if (!image) {
                found = mismatch(table, kind_name, id, "added");
            } else if (*image != audit_image(*record)) {
                // An image an older schema wrote lacks later fields: compared field by field.
                if (auto fields = record_difference(io::record_json(*record), image))
                    found = mismatch(table, kind_name, id, "changed", *fields);
            }
        }
    });
    return found;
}

std::optional<core::Kind> record_kind_of(const std::string &table) {
    for (int k = 1; k <= 8; ++k) {
        std::optional<core::Kind> hit;
        dispatch(static_cast<core::Kind>(k), [&](auto t) {
            if (table == store::Table<typename decltype(t)::type>::table) hit = static_cast<core::Kind>(k);
        });
        if (hit) return hit;
    }
    return std::nullopt;
}

std::optional<TableMismatch> check_rows(store::Store &store, const std::string &table, const std::function<void()> &checked) {
    store::LatestImages images(store, store::row_kind(table));
    store::TableRows rows(store.database(), table);
    const auto kind = record_kind_of(table);
    ImageWalk walk(images, table, kind ? std::string(core::name(*kind)) : std::string("row"));
    while (rows.next()) {
        checked();
        auto found = walk.row(rows.rowid(), [&]() -> std::optional<std::string> {
            if (*images.after() == rows.image()) return std::nullopt;
            return store::differing_fields(rows.image(), *images.after());
        });
        if (found) return found;
    }
    return walk.finish();
}

// A table whose rows the log holds but the schema no longer has.
std::optional<TableMismatch> dropped_table(store::Store &store, const std::vector<std::string> &tables) {
    for (const auto &kind : store::row_kinds_in_log(store.database())) {
        const std::string table = kind.substr(store::kRowKindPrefix.size());
        if (std::find(tables.begin(), tables.end(), table) != tables.end()) continue;
        store::LatestImages images(store, kind);
        while (images.next()) {
            if (!images.after()) continue;
            auto m = mismatch(table, "row", images.record_id(), "deleted");
            m.problem = "table " + table + " is in the audit log but missing from the database (dropped behind the library's back)";
            return m;
        }
    }
    return std::nullopt;
}

} // namespace

std::int64_t count_checks(store::Store &store) {
    try {
        std::int64_t n = 0;
        for (const auto &table : store::fact_tables(store.database())) n += store::count_rows(store.database(), table);
        return n;
    } catch (const SQLite::Exception &ex) {
        store::rethrow_sqlite(ex, "counting the records");
    }
}

std::optional<TableMismatch> first_record_mismatch(store::Store &store) {
    try {
        for (int k = 1; k <= 8; ++k)
            if (auto found = check_records(store, static_cast<core::Kind>(k))) return found;
        return std::nullopt;
    } catch (const SQLite::Exception &ex) {
        store::rethrow_sqlite(ex, "comparing the records with the audit log");
    }
}

std::optional<TableMismatch> first_table_mismatch(store::Store &store, const std::function<void()> &checked) {
    try {
        const auto tables = store::fact_tables(store.database());
        for (const auto &table : tables) {
            if (auto found = check_rows(store, table, checked)) return found;
        }
        return dropped_table(store, tables);
    } catch (const SQLite::Exception &ex) {
        store::rethrow_sqlite(ex, "comparing the records with the audit log");
    }
}

} // namespace rectify::service
