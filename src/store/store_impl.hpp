// Template bodies of store.hpp: statements built once per record type from its traits.
#pragma once

#include <algorithm>
#include <iterator>

namespace rectify::store {

namespace detail {

// Resets a cached statement when the caller is done with it: a statement left mid-step would
// keep a read transaction open on the file and block every later writer.
class ResetOnExit {
public:
    explicit ResetOnExit(SQLite::Statement &st) : st_(st) {}
    ~ResetOnExit() {
        try {
            st_.reset();
        } catch (...) {
        }
    }
    ResetOnExit(const ResetOnExit &) = delete;
    ResetOnExit &operator=(const ResetOnExit &) = delete;

private:
    SQLite::Statement &st_;
};

// Slots of the statement cache: one block of statements per record kind.
enum Slot { kGet, kFind, kInsert, kUpdate, kNextSeq, kSlotsPerKind };
constexpr int kAuditSlot = 0; // record kinds start at 1, so block 0 is free for the audit log
template <class R> int slot(Slot s) { return static_cast<int>(Table<R>::kind) * kSlotsPerKind + s; }

} // namespace detail

template <class R> std::string Store::select_sql(bool own_table_only) {
    std::string sql = "SELECT t.id, t.version, t.ref, t.created_at, t.updated_at";
    for (const char *c : Table<R>::columns) sql += std::string(", t.") + c;
    sql += own_table_only ? std::string(" FROM ") + Table<R>::table + " t" : std::string(" FROM ") + Table<R>::from;
    return sql;
}

namespace detail {
template <class R> R read_row(SQLite::Statement &st) {
    R r;
    Reader rd(st);
    rd >> r.meta.id >> r.meta.version >> r.meta.ref >> r.meta.created_at >> r.meta.updated_at;
    Table<R>::read(rd, r);
    return r;
}
} // namespace detail

template <class R> std::optional<R> Store::get(std::int64_t id) {
    try {
        static const std::string sql = select_sql<R>() + " WHERE t.id = ?";
        auto &st = cached(detail::slot<R>(detail::kGet), sql);
        detail::ResetOnExit reset_on_exit(st);
        st.bind(1, static_cast<std::int64_t>(id));
        if (!st.executeStep()) return std::nullopt;
        return detail::read_row<R>(st);
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, std::string("reading ") + Table<R>::table);
    }
}

template <class R> std::optional<std::int64_t> Store::find_id(const std::string &ref) {
    try {
        static const std::string sql = std::string("SELECT id FROM ") + Table<R>::table + " WHERE ref = ?";
        auto &st = cached(detail::slot<R>(detail::kFind), sql);
        detail::ResetOnExit reset_on_exit(st);
        st.bind(1, ref);
        if (!st.executeStep()) return std::nullopt;
        return st.getColumn(0).getInt64();
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, std::string("looking up ") + Table<R>::table);
    }
}

namespace detail {
// "?, ?, ?": placeholders only; the ids themselves are bound.
inline std::string placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
    return out;
}

// Runs query(in_list) once per chunk of ids, small enough for SQLite's limit on bound parameters:
// in_list is "(?, ?, …)" for the chunk, and the statement query returns has the chunk's ids bound
// from parameter 1, in order. Then each row is handed to on_row.
template <class Query, class OnRow>
void for_each_in_chunks(const std::vector<std::int64_t> &ids, Query &&query, OnRow &&on_row) {
    constexpr std::size_t kChunk = 500;
    for (std::size_t from = 0; from < ids.size(); from += kChunk) {
        const std::size_t n = std::min(kChunk, ids.size() - from);
        SQLite::Statement st = query("(" + placeholders(n) + ")");
        for (std::size_t i = 0; i < n; ++i) st.bind(static_cast<int>(i + 1), ids[from + i]);
        while (st.executeStep()) on_row(st);
    }
}

// Records whose inspection lies in one of the visible units or rounds. Binds unit ids, then round ids.
template <class R> std::string visibility_condition(const core::Visibility &v) {
    const std::string units = "(" + placeholders(v.unit_ids.size()) + ")";
    const std::string rounds = "(" + placeholders(v.round_ids.size()) + ")";
    const std::string in_scope = "unit_id IN " + units + " OR round_id IN " + rounds;
    if constexpr (Table<R>::kind == core::Kind::inspection) return "(t." + std::string("unit_id IN ") + units + " OR t.round_id IN " + rounds + ")";
    else if constexpr (Table<R>::kind == core::Kind::unit)
        return "(t.id IN " + units + " OR t.id IN (SELECT unit_id FROM inspections WHERE round_id IN " + rounds + "))";
    else if constexpr (Table<R>::kind == core::Kind::round)
        return "(t.id IN (SELECT round_id FROM inspections WHERE unit_id IN " + units + ") OR t.id IN " + rounds + ")";
    else return "t.inspection_id IN (SELECT id FROM inspections WHERE " + in_scope + ")";
}

template <class R> std::string where_clause(const ListFilter &f) {
    std::string where;
    auto add = [&](const std::string &cond) { where += (where.empty() ? " WHERE " : " AND ") + cond; };
    if (f.inspection_id) {
        if constexpr (Table<R>::kind == core::Kind::inspection) add("t.id = ?");
        else if constexpr (Table<R>::kind == core::Kind::round || Table<R>::kind == core::Kind::unit)
            add("t.id IN (SELECT " + std::string(Table<R>::kind == core::Kind::round ? "round_id" : "unit_id") +
                " FROM inspections WHERE id = ?)");
        else add("t.inspection_id = ?");
    }
    if (f.parent_id) {
        if constexpr (Table<R>::parent == nullptr)
            throw core::Error(core::Errc::argument, std::string(core::name(Table<R>::kind)) + " records have no parent");
        else add(std::string("t.") + Table<R>::parent + " = ?");
    }
    if (f.visible && !f.visible->everything) add(visibility_condition<R>(*f.visible));
    return where;
}
template <class R> void bind_filter(SQLite::Statement &st, const ListFilter &f) {
    int i = 1;
    if (f.inspection_id) st.bind(i++, static_cast<std::int64_t>(f.inspection_id));
    if (f.parent_id) st.bind(i++, static_cast<std::int64_t>(f.parent_id));
    if (f.visible && !f.visible->everything) {
        for (auto id : f.visible->unit_ids) st.bind(i++, id);
        for (auto id : f.visible->round_ids) st.bind(i++, id);
    }
}
} // namespace detail

template <class R> std::vector<R> Store::list(const ListFilter &f) {
    if (f.offset < 0 || f.limit < 0) throw core::Error(core::Errc::argument, "offset and limit must not be negative");
    constexpr bool has_seq = Table<R>::kind != core::Kind::round && Table<R>::kind != core::Kind::unit &&
                             Table<R>::kind != core::Kind::inspection;
    const bool by_position = has_seq && f.position_order;
    // The joins of Table<R>::from serve the display order only: the columns and the filter are
    // the table's own, so ordered by position the table is read alone. All of it (no limit or
    // offset) is sorted here, which costs less than SQLite's sorter on the whole rows.
    const bool sort_here = by_position && f.limit == 0 && f.offset == 0;
    std::string sql = select_sql<R>(by_position) + detail::where_clause<R>(f);
    if (!sort_here) sql += std::string(" ORDER BY ") + (by_position ? "t.seq, t.id" : Table<R>::order);
    sql += " LIMIT ? OFFSET ?";
    try {
        auto &st = cached(sql);
        detail::ResetOnExit reset(st);
        detail::bind_filter<R>(st, f);
        int n = st.getBindParameterCount();
        st.bind(n - 1, static_cast<std::int64_t>(f.limit > 0 ? f.limit : -1));
        st.bind(n, static_cast<std::int64_t>(f.offset));
        std::vector<R> out;
        while (st.executeStep()) out.push_back(detail::read_row<R>(st));
        if constexpr (has_seq) {
            if (sort_here)
                std::sort(out.begin(), out.end(), [](const R &a, const R &b) {
                    return a.seq != b.seq ? a.seq < b.seq : a.meta.id < b.meta.id;
                });
        }
        return out;
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, std::string("listing ") + Table<R>::table);
    }
}

template <class R> std::int64_t Store::count(const ListFilter &f) {
    std::string sql = std::string("SELECT COUNT(*) FROM ") + Table<R>::from + detail::where_clause<R>(f);
    try {
        auto &st = cached(sql);
        detail::ResetOnExit reset(st);
        detail::bind_filter<R>(st, f);
        st.executeStep();
        return st.getColumn(0).getInt64();
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, std::string("counting ") + Table<R>::table);
    }
}

template <class R> std::vector<std::int64_t> Store::ids(const ListFilter &f) {
    std::string sql = std::string("SELECT t.id FROM ") + Table<R>::from + detail::where_clause<R>(f) + " ORDER BY t.id";
    try {
        SQLite::Statement st(db_, sql);
        detail::bind_filter<R>(st, f);
        std::vector<std::int64_t> out;
        while (st.executeStep()) out.push_back(st.getColumn(0).getInt64());
        return out;
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, std::string("listing ") + Table<R>::table);
    }
}

template <class R, class F> void Store::for_each_by_id(F &&f) {
    try {
        SQLite::Statement st(db_, select_sql<R>() + " ORDER BY t.id");
        while (st.executeStep()) {
            const R r = detail::read_row<R>(st);
            f(r);
        }
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, std::string("reading ") + Table<R>::table);
    }
}

template <class R> void Store::insert(R &r, const std::string &now) {
    if (!insert_if_ref_free(r, now))
        throw core::Error(core::Errc::duplicate, std::string("adding to ") + Table<R>::table + ": ref '" + r.meta.ref +
                                                     "' is taken by another " + std::string(core::name(Table<R>::kind)));
}

template <class R> bool Store::insert_if_ref_free(R &r, const std::string &now) {
    static const std::string sql = [] { // written once: an import inserts millions of rows
        std::string text = std::string("INSERT INTO ") + Table<R>::table + " (version, ref, created_at, updated_at";
        std::string values = "1, ?, ?, ?";
        for (const char *c : Table<R>::columns) {
            text += std::string(", ") + c;
            values += ", ?";
        }
        return text + ") VALUES (" + values + ") ON CONFLICT (ref) DO NOTHING";
    }();
    try {
        auto &st = cached(detail::slot<R>(detail::kInsert), sql);
        detail::ResetOnExit reset_on_exit(st);
        Binder b(st);
        b << r.meta.ref << now << now;
        Table<R>::bind(b, r);
        if (st.exec() == 0) return false;
        r.meta.id = db_.getLastInsertRowid();
        r.meta.version = 1;
        r.meta.created_at = r.meta.updated_at = now;
        return true;
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, std::string("adding to ") + Table<R>::table);
    }
}

template <class R> bool Store::update(R &r, const std::string &now) {
    static const std::string sql = [] {
        std::string text = std::string("UPDATE ") + Table<R>::table + " SET version = version + 1, ref = ?, updated_at = ?";
        for (const char *c : Table<R>::columns) text += std::string(", ") + c + " = ?";
        return text + " WHERE id = ? AND version = ?";
    }();
    try {
        auto &st = cached(detail::slot<R>(detail::kUpdate), sql);
        detail::ResetOnExit reset_on_exit(st);
        Binder b(st);
        b << r.meta.ref << now;
        Table<R>::bind(b, r);
        b << r.meta.id << r.meta.version;
        if (st.exec() != 1) return false;
        ++r.meta.version;
        r.meta.updated_at = now;
        return true;
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, std::string("updating ") + Table<R>::table);
    }
}

template <class R> std::int64_t Store::next_seq(std::int64_t parent_id) {
    static_assert(Table<R>::parent != nullptr, "records without a parent have no sequence");
    try {
        auto &st = cached(detail::slot<R>(detail::kNextSeq),
                             std::string("SELECT COALESCE(MAX(seq), 0) + 1 FROM ") + Table<R>::table + " WHERE " +
                                 Table<R>::parent + " = ?");
        detail::ResetOnExit reset_on_exit(st);
        st.bind(1, static_cast<std::int64_t>(parent_id));
        st.executeStep();
        return st.getColumn(0).getInt64();
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, std::string("numbering ") + Table<R>::table);
    }
}

} // namespace rectify::store
