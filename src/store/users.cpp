// Users and their grants in the store.
#include "store/store.hpp"

namespace rectify::store {

namespace {

core::Grant read_grant(Reader &rd) {
    std::string role, scope;
    std::int64_t scope_id = 0;
    rd >> role >> scope >> scope_id;
    auto r = core::parse_role(role);
    if (!r) throw core::Error(core::Errc::db, "stored role '" + role + "' is unknown");
    core::ScopeKind s = scope == "all" ? core::ScopeKind::all : scope == "round" ? core::ScopeKind::round : core::ScopeKind::unit;
    return core::Grant{*r, s, scope_id};
}

void bind_grant(Binder &b, const core::Grant &g) {
    b << std::string(core::name(g.role)) << std::string(core::name(g.scope)) << g.scope_id;
}

UserRow read_user(SQLite::Statement &st) {
    UserRow u;
    Reader rd(st);
    rd >> u.id >> u.name >> u.display_name >> u.created_at >> u.created_by;
    return u;
}

} // namespace

std::optional<UserRow> Store::user(const std::string &name) {
    try {
        auto &st = cached(std::string("SELECT id, name, display_name, created_at, created_by FROM users WHERE name = ?"));
        detail::ResetOnExit reset(st);
        st.bind(1, name);
        if (!st.executeStep()) return std::nullopt;
        return read_user(st);
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, "reading users");
    }
}

std::vector<UserRow> Store::users() {
    try {
        SQLite::Statement st(db_, "SELECT id, name, display_name, created_at, created_by FROM users ORDER BY id");
        std::vector<UserRow> out;
        while (st.executeStep()) out.push_back(read_user(st));
        return out;
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, "reading users");
    }
}

std::int64_t Store::count_users() {
    try {
        return db_.execAndGet("SELECT count(*) FROM users").getInt64();
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, "counting users");
    }
}

void Store::insert_user(UserRow &u) {
    try {
        SQLite::Statement st(db_, "INSERT INTO users (name, display_name, created_at, created_by) VALUES (?, ?, ?, ?)");
        Binder b(st);
        b << u.name << u.display_name << u.created_at << u.created_by;
        st.exec();
        u.id = db_.getLastInsertRowid();
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, "adding user '" + u.name + "'");
    }
}

std::vector<core::Grant> Store::grants_of(std::int64_t user_id) {
    try {
        auto &st = cached(std::string("SELECT role, scope, scope_id FROM grants WHERE user_id = ? ORDER BY id"));
        detail::ResetOnExit reset(st);
        st.bind(1, user_id);
        std::vector<core::Grant> out;
        while (st.executeStep()) {
            Reader rd(st);
            out.push_back(read_grant(rd));
        }
        return out;
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, "reading grants");
    }
}

std::vector<GrantRow> Store::grants() {
    try {
        SQLite::Statement st(db_, "SELECT u.name, g.role, g.scope, g.scope_id, g.granted_at, g.granted_by "
                                  "FROM grants g JOIN users u ON u.id = g.user_id ORDER BY u.id, g.id");
        std::vector<GrantRow> out;
        while (st.executeStep()) {
            GrantRow r;
            Reader rd(st);
            rd >> r.user;
            r.grant = read_grant(rd);
            rd >> r.granted_at >> r.granted_by;
            out.push_back(std::move(r));
        }
        return out;
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, "reading grants");
    }
}

bool Store::insert_grant(std::int64_t user_id, const core::Grant &g, const std::string &now, const std::string &by) {
    try {
        SQLite::Statement st(db_, "INSERT OR IGNORE INTO grants (user_id, role, scope, scope_id, granted_at, granted_by) "
                                  "VALUES (?, ?, ?, ?, ?, ?)");
        Binder b(st);
        b << user_id;
        bind_grant(b, g);
        b << now << by;
        return st.exec() == 1;
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, "granting");
    }
}

bool Store::delete_grant(std::int64_t user_id, const core::Grant &g) {
    try {
        SQLite::Statement st(db_, "DELETE FROM grants WHERE user_id = ? AND role = ? AND scope = ? AND scope_id = ?");
        Binder b(st);
        b << user_id;
        bind_grant(b, g);
        return st.exec() == 1;
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, "revoking");
    }
}

namespace {
bool linked(SQLite::Database &db, const char *fixed, std::int64_t id, const char *other, const std::vector<std::int64_t> &ids) {
    if (ids.empty()) return false;
    std::string sql = std::string("SELECT 1 FROM inspections WHERE ") + fixed + " = ? AND " + other + " IN (";
    for (std::size_t i = 0; i < ids.size(); ++i) sql += i ? ", ?" : "?";
    sql += ") LIMIT 1";
    SQLite::Statement st(db, sql);
    int n = 1;
    st.bind(n++, id);
    for (auto x : ids) st.bind(n++, x);
    return st.executeStep();
}
} // namespace

bool Store::unit_in_rounds(std::int64_t unit_id, const std::vector<std::int64_t> &round_ids) {
    try {
        return linked(db_, "unit_id", unit_id, "round_id", round_ids);
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, "reading inspections");
    }
}

bool Store::round_has_units(std::int64_t round_id, const std::vector<std::int64_t> &unit_ids) {
    try {
        return linked(db_, "round_id", round_id, "unit_id", unit_ids);
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, "reading inspections");
    }
}

core::RecordScope Store::scope_of_inspection(std::int64_t inspection_id) {
    try {
        auto &st = cached(std::string("SELECT unit_id, round_id FROM inspections WHERE id = ?"));
        detail::ResetOnExit reset(st);
        st.bind(1, inspection_id);
        core::RecordScope s;
        if (st.executeStep()) {
            s.unit_id = st.getColumn(0).getInt64();
            if (!st.getColumn(1).isNull()) s.round_id = st.getColumn(1).getInt64();
        }
        return s;
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, "reading an inspection's scope");
    }
}

} // namespace rectify::store
