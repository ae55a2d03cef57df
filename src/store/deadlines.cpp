#include "store/deadline_rows.hpp"

#include <algorithm>

namespace rectify::store {

namespace {

const char *const kMeasureColumns =
    "m.id, m.version, m.ref, m.created_at, m.updated_at, m.inspection_id, m.issue_id, m.seq, m.title, m.category, "
    "m.leader, m.department, m.person, m.deadline, m.completed_date, m.is_public, m.non_public_reason, m.status";
// Word for word the condition of the measures_open_by_deadline partial index, which the planner
// uses only for a query that states it.
const char *const kOpen = "m.status NOT IN ('done','closed')";

core::Measure read_measure(SQLite::Statement &st) {
    core::Measure r;
    Reader rd(st);
    rd >> r.meta.id >> r.meta.version >> r.meta.ref >> r.meta.created_at >> r.meta.updated_at;
    Table<core::Measure>::read(rd, r);
    return r;
}

ExtensionRow read_extension(SQLite::Statement &st) {
    ExtensionRow e;
    Reader rd(st);
    rd >> e.id >> e.measure_id >> e.original_deadline >> e.requested_deadline >> e.reason >> e.requested_by >>
        e.requested_at >> e.state >> e.decided_by >> e.decided_at >> e.decision_note;
    return e;
}

EscalationRow read_escalation(SQLite::Statement &st) {
    EscalationRow e;
    Reader rd(st);
    rd >> e.id >> e.target_kind >> e.target_id >> e.level >> e.issued_on >> e.issued_by >> e.issued_to >>
        e.new_deadline >> e.previous_deadline >> e.note >> e.created_at >> e.created_by;
    return e;
}

const char *const kExtensionColumns = "id, measure_id, original_deadline, requested_deadline, reason, requested_by, "
                                      "requested_at, state, decided_by, decided_at, decision_note";
const char *const kEscalationColumns = "e.id, e.target_kind, e.target_id, e.level, e.issued_on, e.issued_by, e.issued_to, "
                                       "e.new_deadline, e.previous_deadline, e.note, e.created_at, e.created_by";


} // namespace

std::vector<NoticeRow> Deadlines::notices() {
    return with_sql_errors("reading calendar notices", [&] {
        SQLite::Statement st(db_, "SELECT id, year, body, loaded_at, loaded_by FROM calendar_notices ORDER BY id");
        std::vector<NoticeRow> out;
        while (st.executeStep()) {
            NoticeRow n;
            Reader(st) >> n.id >> n.year >> n.body >> n.loaded_at >> n.loaded_by;
            out.push_back(std::move(n));
        }
        return out;
    });
}

void Deadlines::add_notice(NoticeRow &n) {
    with_sql_errors("storing a calendar notice", [&] {
        SQLite::Statement st(db_, "INSERT INTO calendar_notices (year, body, loaded_at, loaded_by) VALUES (?, ?, ?, ?)");
        Binder(st) << n.year << n.body << n.loaded_at << n.loaded_by;
        st.exec();
        n.id = db_.getLastInsertRowid();
    });
}

std::vector<DayRow> Deadlines::days() {
    return with_sql_errors("reading calendar days", [&] {
        SQLite::Statement st(db_, "SELECT date, off, set_at, set_by FROM calendar_days ORDER BY date");
        std::vector<DayRow> out;
        while (st.executeStep()) {
            DayRow d;
            Reader(st) >> d.date >> d.off >> d.set_at >> d.set_by;
            out.push_back(std::move(d));
        }
        return out;
    });
}

void Deadlines::set_day(const DayRow &d) {
    with_sql_errors("storing a calendar day", [&] {
        SQLite::Statement st(db_, "INSERT INTO calendar_days (date, off, set_at, set_by) VALUES (?, ?, ?, ?) "
                                  "ON CONFLICT (date) DO UPDATE SET off = excluded.off, set_at = excluded.set_at, set_by = excluded.set_by");
        Binder(st) << d.date << d.off << d.set_at << d.set_by;
        st.exec();
    });
}

bool Deadlines::clear_day(const std::string &date) {
    return with_sql_errors("clearing a calendar day", [&] {
        SQLite::Statement st(db_, "DELETE FROM calendar_days WHERE date = ?");
        st.bind(1, date);
        return st.exec() == 1;
    });
}

namespace {
ProfileRow read_profile(SQLite::Statement &st) {
    ProfileRow p;
    Reader(st) >> p.id >> p.name >> p.version >> p.body >> p.created_at >> p.created_by;
    return p;
}
} // namespace

std::optional<ProfileRow> Deadlines::latest_profile(const std::string &name) {
    return with_sql_errors("reading rule profiles", [&]() -> std::optional<ProfileRow> {
        auto &st = store_.cached("SELECT id, name, version, body, created_at, created_by FROM rule_profiles "
                                 "WHERE name = ? ORDER BY version DESC LIMIT 1"); // once per imported inspection
        detail::ResetOnExit reset(st);
        st.bind(1, name);
        if (!st.executeStep()) return std::nullopt;
        return read_profile(st);
    });
}

std::optional<ProfileRow> Deadlines::profile(std::int64_t id) {
    return with_sql_errors("reading rule profiles", [&]() -> std::optional<ProfileRow> {
        auto &st = store_.cached("SELECT id, name, version, body, created_at, created_by FROM rule_profiles WHERE id = ?");
        detail::ResetOnExit reset(st);
        st.bind(1, id);
        if (!st.executeStep()) return std::nullopt;
        return read_profile(st);
    });
}

std::vector<ProfileRow> Deadlines::profiles() {
    return with_sql_errors("reading rule profiles", [&] {
        SQLite::Statement st(db_, "SELECT id, name, version, body, created_at, created_by FROM rule_profiles ORDER BY id");
        std::vector<ProfileRow> out;
        while (st.executeStep()) out.push_back(read_profile(st));
        return out;
    });
}

void Deadlines::add_profile(ProfileRow &p) {
    with_sql_errors("storing a rule profile", [&] {
        SQLite::Statement v(db_, "SELECT COALESCE(MAX(version), 0) + 1 FROM rule_profiles WHERE name = ?");
        v.bind(1, p.name);
        v.executeStep();
        p.version = v.getColumn(0).getInt64();
        SQLite::Statement st(db_, "INSERT INTO rule_profiles (name, version, body, created_at, created_by) VALUES (?, ?, ?, ?, ?)");
        Binder(st) << p.name << p.version << p.body << p.created_at << p.created_by;
        st.exec();
        p.id = db_.getLastInsertRowid();
    });
}

void Deadlines::add_extension(ExtensionRow &e) {
    with_sql_errors("storing an extension request", [&] {
        SQLite::Statement st(db_, "INSERT INTO extensions (measure_id, original_deadline, requested_deadline, reason, "
                                  "requested_by, requested_at, state) VALUES (?, ?, ?, ?, ?, ?, 'pending')");
        Binder(st) << e.measure_id << e.original_deadline << e.requested_deadline << e.reason << e.requested_by << e.requested_at;
        st.exec();
        e.id = db_.getLastInsertRowid();
        e.state = "pending";
    });
}

std::optional<ExtensionRow> Deadlines::extension(std::int64_t id) {
    return with_sql_errors("reading extensions", [&]() -> std::optional<ExtensionRow> {
        SQLite::Statement st(db_, std::string("SELECT ") + kExtensionColumns + " FROM extensions WHERE id = ?");
        st.bind(1, id);
        if (!st.executeStep()) return std::nullopt;
        return read_extension(st);
    });
}

void Deadlines::decide_extension(const ExtensionRow &e) {
    with_sql_errors("deciding an extension", [&] {
        SQLite::Statement st(db_, "UPDATE extensions SET state = ?, decided_by = ?, decided_at = ?, decision_note = ? "
                                  "WHERE id = ? AND state = 'pending'");
        Binder(st) << e.state << e.decided_by << e.decided_at << e.decision_note << e.id;
        if (st.exec() != 1) throw core::Error(core::Errc::conflict, "extension " + std::to_string(e.id) + " was decided already");
    });
}

std::vector<ExtensionRow> Deadlines::extensions(std::int64_t measure_id, bool pending_only) {
    return with_sql_errors("reading extensions", [&] {
        std::string sql = std::string("SELECT ") + kExtensionColumns + " FROM extensions WHERE (? = 0 OR measure_id = ?)";
        if (pending_only) sql += " AND state = 'pending'";
        sql += " ORDER BY id";
        SQLite::Statement st(db_, sql);
        st.bind(1, measure_id);
        st.bind(2, measure_id);
        std::vector<ExtensionRow> out;
        while (st.executeStep()) out.push_back(read_extension(st));
        return out;
    });
}

std::string Deadlines::scope_sql(const MeasureScope &s) const {
    std::string sql;
    if (s.inspection_id) sql += " AND m.inspection_id = ?";
    if (s.unit_id) sql += " AND m.inspection_id IN (SELECT id FROM inspections WHERE unit_id = ?)";
    if (s.round_id) sql += " AND m.inspection_id IN (SELECT id FROM inspections WHERE round_id = ?)";
    if (s.leader) sql += " AND m.leader = ?";
    if (s.visible && !s.visible->everything) {
        std::string units, rounds;
        for (std::size_t i = 0; i < s.visible->unit_ids.size(); ++i) units += i ? ", ?" : "?";
        for (std::size_t i = 0; i < s.visible->round_ids.size(); ++i) rounds += i ? ", ?" : "?";
        sql += " AND m.inspection_id IN (SELECT id FROM inspections WHERE unit_id IN (" + units + ") OR round_id IN (" + rounds + "))";
    }
    return sql;
}

int Deadlines::bind_scope(SQLite::Statement &st, int i, const MeasureScope &s) const {
    if (s.inspection_id) st.bind(i++, s.inspection_id);
    if (s.unit_id) st.bind(i++, s.unit_id);
    if (s.round_id) st.bind(i++, s.round_id);
    if (s.leader) st.bind(i++, *s.leader);
    if (s.visible && !s.visible->everything) {
        for (auto id : s.visible->unit_ids) st.bind(i++, id);
        for (auto id : s.visible->round_ids) st.bind(i++, id);
    }
    return i;
}

std::set<std::int64_t> Deadlines::extended_among(const std::vector<std::int64_t> &ids) {
    return with_sql_errors("reading extensions", [&] {
        std::set<std::int64_t> out;
        detail::for_each_in_chunks(
            ids,
            [&](const std::string &in_list) {
                return SQLite::Statement(db_, "SELECT DISTINCT measure_id FROM extensions WHERE state = 'approved' AND measure_id IN " + in_list);
            },
            [&](SQLite::Statement &st) { out.insert(st.getColumn(0).getInt64()); });
        return out;
    });
}

std::set<std::int64_t> Deadlines::extended_in(const std::vector<std::int64_t> &inspection_ids) {
    return with_sql_errors("reading extensions", [&] {
        std::set<std::int64_t> out;
        detail::for_each_in_chunks(
            inspection_ids,
            [&](const std::string &in_list) {
                return SQLite::Statement(db_, "SELECT DISTINCT e.measure_id FROM extensions e JOIN measures m ON m.id = e.measure_id "
                                              "WHERE e.state = 'approved' AND m.inspection_id IN " + in_list);
            },
            [&](SQLite::Statement &st) { out.insert(st.getColumn(0).getInt64()); });
        return out;
    });
}

std::vector<std::pair<std::optional<core::Date>, core::Date>> Deadlines::deadline_moves(std::int64_t measure_id) {
    return with_sql_errors("reading deadline moves", [&] {
        SQLite::Statement st(db_, "SELECT before, after FROM ("
                                  "  SELECT original_deadline AS before, requested_deadline AS after, decided_at AS at "
                                  "  FROM extensions WHERE measure_id = ? AND state = 'approved' "
                                  "  UNION ALL "
                                  "  SELECT previous_deadline, new_deadline, created_at FROM escalations "
                                  "  WHERE target_kind = 'measure' AND target_id = ? AND new_deadline IS NOT NULL"
                                  ") ORDER BY at DESC");
        st.bind(1, measure_id);
        st.bind(2, measure_id);
        std::vector<std::pair<std::optional<core::Date>, core::Date>> moves;
        while (st.executeStep()) {
            std::optional<core::Date> before;
            core::Date after;
            Reader(st) >> before >> after;
            moves.emplace_back(before, after);
        }
        return moves;
    });
}

std::int64_t Deadlines::count_extended(const MeasureScope &scope) {
    return with_sql_errors("counting extended measures", [&] {
        SQLite::Statement st(db_, "SELECT count(*) FROM measures m WHERE EXISTS (SELECT 1 FROM extensions x "
                                  "WHERE x.measure_id = m.id AND x.state = 'approved')" + scope_sql(scope));
        bind_scope(st, 1, scope);
        st.executeStep();
        return st.getColumn(0).getInt64();
    });
}

void Deadlines::add_escalation(EscalationRow &e) {
    with_sql_errors("storing an escalation", [&] {
        SQLite::Statement st(db_, "INSERT INTO escalations (target_kind, target_id, level, issued_on, issued_by, issued_to, "
                                  "new_deadline, previous_deadline, note, created_at, created_by) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Binder(st) << e.target_kind << e.target_id << e.level << e.issued_on << e.issued_by << e.issued_to << e.new_deadline
                   << e.previous_deadline << e.note << e.created_at << e.created_by;
        st.exec();
        e.id = db_.getLastInsertRowid();
    });
}

std::vector<EscalationRow> Deadlines::escalations(const std::string &target_kind, std::int64_t target_id) {
    return with_sql_errors("reading escalations", [&] {
        SQLite::Statement st(db_, std::string("SELECT ") + kEscalationColumns +
                                      " FROM escalations e WHERE e.target_kind = ? AND e.target_id = ? ORDER BY e.id");
        st.bind(1, target_kind);
        st.bind(2, target_id);
        std::vector<EscalationRow> out;
        while (st.executeStep()) out.push_back(read_escalation(st));
        return out;
    });
}

std::vector<EscalationRow> Deadlines::open_escalations(const MeasureScope &scope) {
    return with_sql_errors("reading escalations", [&] {
        // Each escalation with its target's inspection, status and leader, so that the scope
        // filters of measures apply to it; it stays open while its target is open.
        auto of_target = [](const char *column) {
            return std::string("CASE e.target_kind WHEN 'measure' THEN (SELECT ") + column +
                   " FROM measures WHERE id = e.target_id) ELSE (SELECT " + column + " FROM issues WHERE id = e.target_id) END";
        };
        std::string sql = "SELECT m.id, m.target_kind, m.target_id, m.level, m.issued_on, m.issued_by, m.issued_to, "
                          "m.new_deadline, m.previous_deadline, m.note, m.created_at, m.created_by FROM (SELECT e.*, " +
                          of_target("inspection_id") + " AS inspection_id, " + of_target("status") +
                          " AS status, CASE e.target_kind WHEN 'measure' THEN (SELECT leader FROM measures "
                          "WHERE id = e.target_id) END AS leader FROM escalations e) m "
                          "WHERE m.status NOT IN ('done', 'closed')" + scope_sql(scope) + " ORDER BY m.issued_on, m.id";
        SQLite::Statement st(db_, sql);
        bind_scope(st, 1, scope);
        std::vector<EscalationRow> out;
        while (st.executeStep()) out.push_back(read_escalation(st));
        return out;
    });
}

std::vector<core::Measure> Deadlines::overdue(const core::Date &as_of, const MeasureScope &scope, std::int64_t offset,
                                              std::int64_t limit) {
    return with_sql_errors("listing overdue measures", [&] {
        SQLite::Statement st(db_, std::string("SELECT ") + kMeasureColumns + " FROM measures m WHERE " + kOpen +
                                      " AND m.deadline < ?" + scope_sql(scope) + " ORDER BY m.deadline, m.id LIMIT ? OFFSET ?");
        Binder b(st);
        b << as_of;
        int i = bind_scope(st, b.next(), scope);
        st.bind(i++, limit > 0 ? limit : std::int64_t{-1});
        st.bind(i, offset);
        std::vector<core::Measure> out;
        while (st.executeStep()) out.push_back(read_measure(st));
        return out;
    });
}

std::int64_t Deadlines::count_overdue(const core::Date &as_of, const MeasureScope &scope) {
    return with_sql_errors("counting overdue measures", [&] {
        SQLite::Statement st(db_, std::string("SELECT count(*) FROM measures m WHERE ") + kOpen + " AND m.deadline < ?" +
                                      scope_sql(scope));
        Binder b(st);
        b << as_of;
        bind_scope(st, b.next(), scope);
        st.executeStep();
        return st.getColumn(0).getInt64();
    });
}

std::vector<core::Measure> Deadlines::due_between(const core::Date &from, const core::Date &to,
                                                  const MeasureScope &scope, std::int64_t offset, std::int64_t limit) {
    return with_sql_errors("listing measures falling due", [&] {
        SQLite::Statement st(db_, std::string("SELECT ") + kMeasureColumns + " FROM measures m WHERE " + kOpen +
                                      " AND m.deadline BETWEEN ? AND ?" + scope_sql(scope) +
                                      " ORDER BY m.deadline, m.id LIMIT ? OFFSET ?");
        Binder b(st);
        b << from << to;
        int i = bind_scope(st, b.next(), scope);
        st.bind(i++, limit > 0 ? limit : std::int64_t{-1});
        st.bind(i, offset);
        std::vector<core::Measure> out;
        while (st.executeStep()) out.push_back(read_measure(st));
        return out;
    });
}

} // namespace rectify::store
