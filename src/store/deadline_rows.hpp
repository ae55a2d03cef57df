// Repositories of the deadline machinery: the database's calendar, rule profiles, extensions,
// escalations, and the warning queries over measures. Each works on the store's connection
// inside the caller's transaction.
#pragma once

#include "core/enums.hpp"
#include "core/model.hpp"
#include "store/store.hpp"

#include <optional>
#include <set>
#include <string>
#include <vector>

namespace rectify::store {

struct NoticeRow {
    std::int64_t id = 0;
    std::int64_t year = 0;
    std::string body;
    std::string loaded_at;
    std::string loaded_by;
};

struct DayRow {
    std::string date;
    bool off = false;
    std::string set_at;
    std::string set_by;
};

struct ProfileRow {
    std::int64_t id = 0;
    std::string name;
    std::int64_t version = 0;
    std::string body; // JSON, io/profile_json
    std::string created_at;
    std::string created_by;
};

struct ExtensionRow {
    std::int64_t id = 0;
    std::int64_t measure_id = 0;
    std::optional<core::Date> original_deadline;
    core::Date requested_deadline;
    std::string reason;
    std::string requested_by;
    std::string requested_at;
    std::string state; // pending, approved, refused
    std::optional<std::string> decided_by;
    std::optional<std::string> decided_at;
    std::optional<std::string> decision_note;
};

struct EscalationRow {
    std::int64_t id = 0;
    std::string target_kind; // issue, measure
    std::int64_t target_id = 0;
    std::string level;       // notice, guidance, reminder, warning, accountability
    core::Date issued_on;
    std::string issued_by;
    std::string issued_to;
    std::optional<core::Date> new_deadline;
    std::optional<core::Date> previous_deadline; // the measure's deadline before new_deadline
    std::optional<std::string> note;
    std::string created_at;
    std::string created_by;
};

// Which measures a warning query looks at; empty fields mean any.
struct MeasureScope {
    std::int64_t inspection_id = 0;
    std::int64_t unit_id = 0;
    std::int64_t round_id = 0;
    std::optional<std::string> leader;
    const core::Visibility *visible = nullptr;
};

class Deadlines {
public:
    explicit Deadlines(Store &store) : store_(store), db_(store.database()) {}

    std::vector<NoticeRow> notices();
    void add_notice(NoticeRow &n);
    std::vector<DayRow> days();
    void set_day(const DayRow &d);
    bool clear_day(const std::string &date);

    std::optional<ProfileRow> latest_profile(const std::string &name);
    std::optional<ProfileRow> profile(std::int64_t id);
    std::vector<ProfileRow> profiles();
    void add_profile(ProfileRow &p); // version = the name's latest + 1

    void add_extension(ExtensionRow &e);
    std::optional<ExtensionRow> extension(std::int64_t id);
    void decide_extension(const ExtensionRow &e);
    std::vector<ExtensionRow> extensions(std::int64_t measure_id, bool pending_only);
    // Which of these measures an approved extension moved.
    std::set<std::int64_t> extended_among(const std::vector<std::int64_t> &measure_ids);
    // Which measures of these inspections an approved extension moved: one query for a whole round.
    std::set<std::int64_t> extended_in(const std::vector<std::int64_t> &inspection_ids);
    // The deadline moves the library made on a measure (approved extensions, escalations that set
    // a new deadline), latest first: from, to. Empty if it never moved one.
    std::vector<std::pair<std::optional<core::Date>, core::Date>> deadline_moves(std::int64_t measure_id);
    // How many measures have an approved extension, among those in scope.
    std::int64_t count_extended(const MeasureScope &scope);

    void add_escalation(EscalationRow &e);
    std::vector<EscalationRow> escalations(const std::string &target_kind, std::int64_t target_id);
    // Escalations whose target is still open (not done, not closed), oldest first.
    std::vector<EscalationRow> open_escalations(const MeasureScope &scope);

    // Open measures with a deadline before as_of, by deadline then id.
    std::vector<core::Measure> overdue(const core::Date &as_of, const MeasureScope &scope, std::int64_t offset,
                                       std::int64_t limit);
    std::int64_t count_overdue(const core::Date &as_of, const MeasureScope &scope);
    // Open measures with a deadline in [from, to], by deadline then id.
    std::vector<core::Measure> due_between(const core::Date &from, const core::Date &to, const MeasureScope &scope,
                                           std::int64_t offset, std::int64_t limit);
    // Every measure in scope, in display order, one at a time: for roll-ups of any size.
    template <class F> void each_measure(const MeasureScope &scope, F &&f);

private:
    std::string scope_sql(const MeasureScope &scope) const;
    int bind_scope(SQLite::Statement &st, int first, const MeasureScope &scope) const;

    Store &store_;
    SQLite::Database &db_;
};

} // namespace rectify::store

namespace rectify::store {

template <class F> void Deadlines::each_measure(const MeasureScope &scope, F &&f) {
    try {
        SQLite::Statement st(db_, "SELECT m.id, m.inspection_id, m.issue_id, m.category, m.status, m.deadline, m.leader "
                                  "FROM measures m WHERE 1" + scope_sql(scope) + " ORDER BY m.inspection_id, m.issue_id, m.seq, m.id");
        bind_scope(st, 1, scope);
        while (st.executeStep()) {
            core::Measure m;
            Reader(st) >> m.meta.id >> m.inspection_id >> m.issue_id >> m.category >> m.status >> m.deadline >> m.leader;
            f(m);
        }
    } catch (const SQLite::Exception &e) {
        rethrow_sqlite(e, "reading measures");
    }
}

} // namespace rectify::store
