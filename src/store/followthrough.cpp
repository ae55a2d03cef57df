#include "store/followthrough_rows.hpp"

#include <sqlite3.h>

#include <algorithm>

namespace rectify::store {

namespace {


template <class Row, class Read> std::vector<Row> all(SQLite::Statement &st, Read read) {
    std::vector<Row> out;
    while (st.executeStep()) {
        Row r;
        Reader rd(st);
        read(rd, r);
        out.push_back(std::move(r));
    }
    return out;
}

const char *const kEvidence = "id, inspection_id, target_kind, target_id, title, kind, path, uri, media_type, size, "
                              "sha256, added_at, added_by";
void read_evidence(Reader &rd, EvidenceRow &e) {
    rd >> e.id >> e.inspection_id >> e.target_kind >> e.target_id >> e.title >> e.kind >> e.path >> e.uri >>
        e.media_type >> e.size >> e.sha256 >> e.added_at >> e.added_by;
}

const char *const kReview = "id, scope_kind, scope_id, scheduled_on, team, title, created_at, created_by";
void read_review(Reader &rd, ReviewRow &r) {
    rd >> r.id >> r.scope_kind >> r.scope_id >> r.scheduled_on >> r.team >> r.title >> r.created_at >> r.created_by;
}

const char *const kVerdict = "id, review_id, issue_id, verdict, findings, decided_on, decided_by";
void read_verdict(Reader &rd, VerdictRow &v) {
    rd >> v.id >> v.review_id >> v.issue_id >> v.verdict >> v.findings >> v.decided_on >> v.decided_by;
}

void read_plan(Reader &rd, FollowupPlanRow &p) { rd >> p.measure_id >> p.cadence >> p.start_on >> p.set_at >> p.set_by; }

void read_followup(Reader &rd, FollowupRow &f) {
    rd >> f.id >> f.measure_id >> f.on_date >> f.narrative >> f.recorded_at >> f.recorded_by;
}

const char *const kEvaluation = "id, inspection_id, evaluated_on, evaluator, deductions, score, rating, created_at, created_by";
void read_evaluation(Reader &rd, EvaluationRow &e) {
    rd >> e.id >> e.inspection_id >> e.evaluated_on >> e.evaluator >> e.deductions >> e.score >> e.rating >>
        e.created_at >> e.created_by;
}

const char *const kLead = "id, inspection_id, summary, handed_to, handed_on, disposition, concluded_on, note, created_at, created_by";
void read_lead(Reader &rd, LeadRow &l) {
    rd >> l.id >> l.inspection_id >> l.summary >> l.handed_to >> l.handed_on >> l.disposition >> l.concluded_on >>
        l.note >> l.created_at >> l.created_by;
}

} // namespace

void Followthrough::add_evidence(EvidenceRow &e) {
    with_sql_errors("storing evidence", [&] {
        SQLite::Statement st(db_, "INSERT INTO evidence (inspection_id, target_kind, target_id, title, kind, path, uri, "
                                  "media_type, size, sha256, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Binder(st) << e.inspection_id << e.target_kind << e.target_id << e.title << e.kind << e.path << e.uri
                   << e.media_type << e.size << e.sha256 << e.added_at << e.added_by;
        st.exec();
        e.id = db_.getLastInsertRowid();
    });
}

std::vector<EvidenceRow> Followthrough::evidence(std::int64_t inspection_id, const std::string &target_kind,
                                                 std::int64_t target_id) {
    return with_sql_errors("reading evidence", [&] {
        auto &st = store_.cached(std::string("SELECT ") + kEvidence + " FROM evidence WHERE (? = 0 OR inspection_id = ?) "
                                     "AND (? = '' OR (target_kind = ? AND target_id = ?)) ORDER BY id");
        detail::ResetOnExit reset(st);
        Binder(st) << inspection_id << inspection_id << target_kind << target_kind << target_id;
        return all<EvidenceRow>(st, read_evidence);
    });
}

std::int64_t Followthrough::count_evidence(const std::string &target_kind, std::int64_t target_id) {
    return with_sql_errors("reading evidence", [&] {
        auto &st = store_.cached("SELECT count(*) FROM evidence WHERE target_kind = ? AND target_id = ?");
        detail::ResetOnExit reset(st);
        Binder(st) << target_kind << target_id;
        st.executeStep();
        return st.getColumn(0).getInt64();
    });
}

void Followthrough::add_review(ReviewRow &r) {
    with_sql_errors("storing a review", [&] {
        SQLite::Statement st(db_, "INSERT INTO reviews (scope_kind, scope_id, scheduled_on, team, title, created_at, created_by) "
                                  "VALUES (?, ?, ?, ?, ?, ?, ?)");
        Binder(st) << r.scope_kind << r.scope_id << r.scheduled_on << r.team << r.title << r.created_at << r.created_by;
        st.exec();
        r.id = db_.getLastInsertRowid();
    });
}

std::optional<ReviewRow> Followthrough::review(std::int64_t id) {
    return with_sql_errors("reading reviews", [&]() -> std::optional<ReviewRow> {
        SQLite::Statement st(db_, std::string("SELECT ") + kReview + " FROM reviews WHERE id = ?");
        st.bind(1, id);
        auto rows = all<ReviewRow>(st, read_review);
        if (rows.empty()) return std::nullopt;
        return rows.front();
    });
}

void Followthrough::add_verdict(VerdictRow &v) {
    try {
        SQLite::Statement st(db_, "INSERT INTO review_verdicts (review_id, issue_id, verdict, findings, decided_on, decided_by) "
                                  "VALUES (?, ?, ?, ?, ?, ?)");
        Binder(st) << v.review_id << v.issue_id << v.verdict << v.findings << v.decided_on << v.decided_by;
        st.exec();
        v.id = db_.getLastInsertRowid();
    } catch (const SQLite::Exception &e) {
        // One verdict per issue and review: say which, as the user gave them.
        if (e.getExtendedErrorCode() == SQLITE_CONSTRAINT_UNIQUE)
            throw core::Error(core::Errc::duplicate, "issue " + std::to_string(v.issue_id) +
                                                         " already has a verdict in review " +
                                                         std::to_string(v.review_id));
        rethrow_sqlite(e, "storing a verdict");
    }
}

std::vector<VerdictRow> Followthrough::verdicts(std::int64_t review_id) {
    return with_sql_errors("reading verdicts", [&] {
        SQLite::Statement st(db_, std::string("SELECT ") + kVerdict + " FROM review_verdicts WHERE review_id = ? ORDER BY id");
        st.bind(1, review_id);
        return all<VerdictRow>(st, read_verdict);
    });
}

std::vector<std::pair<ReviewRow, VerdictRow>> Followthrough::verdicts_of_inspection(std::int64_t inspection_id) {
    return with_sql_errors("reading an inspection's verdicts", [&] {
        SQLite::Statement st(db_,
                             "SELECT r.id, r.scope_kind, r.scope_id, r.scheduled_on, r.team, r.title, r.created_at, r.created_by, "
                             "v.id, v.review_id, v.issue_id, v.verdict, v.findings, v.decided_on, v.decided_by "
                             "FROM review_verdicts v JOIN reviews r ON r.id = v.review_id JOIN issues i ON i.id = v.issue_id "
                             "WHERE i.inspection_id = ? ORDER BY r.scheduled_on, r.id, v.issue_id, v.id");
        st.bind(1, inspection_id);
        std::vector<std::pair<ReviewRow, VerdictRow>> out;
        while (st.executeStep()) {
            std::pair<ReviewRow, VerdictRow> row;
            Reader rd(st);
            read_review(rd, row.first);
            read_verdict(rd, row.second);
            out.push_back(std::move(row));
        }
        return out;
    });
}

void Followthrough::set_plan(const FollowupPlanRow &p) {
    with_sql_errors("storing a follow-up plan", [&] {
        SQLite::Statement st(db_, "INSERT INTO followup_plans (measure_id, cadence, start_on, set_at, set_by) VALUES (?, ?, ?, ?, ?) "
                                  "ON CONFLICT (measure_id) DO UPDATE SET cadence = excluded.cadence, "
                                  "start_on = excluded.start_on, set_at = excluded.set_at, set_by = excluded.set_by");
        Binder(st) << p.measure_id << p.cadence << p.start_on << p.set_at << p.set_by;
        st.exec();
    });
}

std::optional<FollowupPlanRow> Followthrough::plan(std::int64_t measure_id) {
    return with_sql_errors("reading follow-up plans", [&]() -> std::optional<FollowupPlanRow> {
        SQLite::Statement st(db_, "SELECT measure_id, cadence, start_on, set_at, set_by FROM followup_plans WHERE measure_id = ?");
        st.bind(1, measure_id);
        auto rows = all<FollowupPlanRow>(st, read_plan);
        if (rows.empty()) return std::nullopt;
        return rows.front();
    });
}

std::vector<FollowupPlanRow> Followthrough::plans() {
    return with_sql_errors("reading follow-up plans", [&] {
        SQLite::Statement st(db_, "SELECT measure_id, cadence, start_on, set_at, set_by FROM followup_plans ORDER BY measure_id");
        return all<FollowupPlanRow>(st, read_plan);
    });
}

void Followthrough::add_followup(FollowupRow &f) {
    with_sql_errors("storing a follow-up", [&] {
        SQLite::Statement st(db_, "INSERT INTO followups (measure_id, on_date, narrative, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?)");
        Binder(st) << f.measure_id << f.on_date << f.narrative << f.recorded_at << f.recorded_by;
        st.exec();
        f.id = db_.getLastInsertRowid();
    });
}

std::vector<FollowupRow> Followthrough::followups(std::int64_t measure_id) {
    return with_sql_errors("reading follow-ups", [&] {
        SQLite::Statement st(db_, "SELECT id, measure_id, on_date, narrative, recorded_at, recorded_by FROM followups "
                                  "WHERE measure_id = ? ORDER BY on_date, id");
        st.bind(1, measure_id);
        return all<FollowupRow>(st, read_followup);
    });
}

void Followthrough::add_evaluation(EvaluationRow &e) {
    with_sql_errors("storing an evaluation", [&] {
        SQLite::Statement st(db_, "INSERT INTO evaluations (inspection_id, evaluated_on, evaluator, deductions, score, rating, "
                                  "created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        Binder(st) << e.inspection_id << e.evaluated_on << e.evaluator << e.deductions << e.score << e.rating << e.created_at
                   << e.created_by;
        st.exec();
        e.id = db_.getLastInsertRowid();
    });
}

std::vector<EvaluationRow> Followthrough::evaluations(std::int64_t inspection_id) {
    return with_sql_errors("reading evaluations", [&] {
        SQLite::Statement st(db_, std::string("SELECT ") + kEvaluation + " FROM evaluations WHERE inspection_id = ? ORDER BY id");
        st.bind(1, inspection_id);
        return all<EvaluationRow>(st, read_evaluation);
    });
}

void Followthrough::add_lead(LeadRow &l) {
    with_sql_errors("storing a lead", [&] {
        SQLite::Statement st(db_, "INSERT INTO leads (inspection_id, summary, handed_to, handed_on, disposition, concluded_on, "
                                  "note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
        Binder(st) << l.inspection_id << l.summary << l.handed_to << l.handed_on << l.disposition << l.concluded_on << l.note
                   << l.created_at << l.created_by;
        st.exec();
        l.id = db_.getLastInsertRowid();
    });
}

std::optional<LeadRow> Followthrough::lead(std::int64_t id) {
    return with_sql_errors("reading leads", [&]() -> std::optional<LeadRow> {
        SQLite::Statement st(db_, std::string("SELECT ") + kLead + " FROM leads WHERE id = ?");
        st.bind(1, id);
        auto rows = all<LeadRow>(st, read_lead);
        if (rows.empty()) return std::nullopt;
        return rows.front();
    });
}

void Followthrough::update_lead(const LeadRow &l) {
    with_sql_errors("updating a lead", [&] {
        SQLite::Statement st(db_, "UPDATE leads SET disposition = ?, concluded_on = ?, note = ? WHERE id = ?");
        Binder(st) << l.disposition << l.concluded_on << l.note << l.id;
        st.exec();
    });
}

std::vector<LeadRow> Followthrough::leads(std::int64_t inspection_id) {
    return with_sql_errors("reading leads", [&] {
        SQLite::Statement st(db_, std::string("SELECT ") + kLead + " FROM leads WHERE (? = 0 OR inspection_id = ?) ORDER BY id");
        st.bind(1, inspection_id);
        st.bind(2, inspection_id);
        return all<LeadRow>(st, read_lead);
    });
}

std::vector<std::string> Followthrough::lead_dispositions(const std::vector<std::int64_t> &inspection_ids) {
    return with_sql_errors("reading leads", [&] {
        std::vector<std::string> out;
        detail::for_each_in_chunks(
            inspection_ids,
            [&](const std::string &in_list) { return SQLite::Statement(db_, "SELECT disposition FROM leads WHERE inspection_id IN " + in_list + " ORDER BY id"); },
            [&](SQLite::Statement &st) { out.push_back(st.getColumn(0).getString()); });
        return out;
    });
}

void Followthrough::add_close_out(CloseOutRow &c) {
    with_sql_errors("storing a close-out", [&] {
        auto &st = store_.cached("INSERT INTO close_outs (issue_id, verifier, closed_on, note, created_at) VALUES (?, ?, ?, ?, ?)");
        detail::ResetOnExit reset(st);
        Binder(st) << c.issue_id << c.verifier << c.closed_on << c.note << c.created_at;
        st.exec();
        c.id = db_.getLastInsertRowid();
    });
}

std::map<std::int64_t, core::Date> Followthrough::latest_close_outs(std::int64_t inspection_id) {
    return with_sql_errors("reading close-outs", [&] {
        SQLite::Statement st(db_, "SELECT c.issue_id, MAX(c.closed_on) FROM close_outs c JOIN issues i ON i.id = c.issue_id "
                                  "WHERE i.inspection_id = ? GROUP BY c.issue_id");
        st.bind(1, inspection_id);
        std::map<std::int64_t, core::Date> out;
        while (st.executeStep()) {
            Reader rd(st);
            std::int64_t issue_id = 0;
            core::Date closed_on;
            rd >> issue_id >> closed_on;
            out.emplace(issue_id, closed_on);
        }
        return out;
    });
}

std::vector<CloseOutRow> Followthrough::close_outs(std::int64_t issue_id) {
    return with_sql_errors("reading close-outs", [&] {
        SQLite::Statement st(db_, "SELECT id, issue_id, verifier, closed_on, note, created_at FROM close_outs "
                                  "WHERE issue_id = ? ORDER BY id");
        st.bind(1, issue_id);
        return all<CloseOutRow>(st, [](Reader &rd, CloseOutRow &c) {
            rd >> c.id >> c.issue_id >> c.verifier >> c.closed_on >> c.note >> c.created_at;
        });
    });
}

std::optional<std::string> Followthrough::setting(const std::string &key) {
    return with_sql_errors("reading settings", [&]() -> std::optional<std::string> {
        auto &st = store_.cached("SELECT value FROM settings WHERE key = ?");
        detail::ResetOnExit reset(st);
        st.bind(1, key);
        if (!st.executeStep()) return std::nullopt;
        return st.getColumn(0).getString();
    });
}

void Followthrough::set_setting(const std::string &key, const std::string &value, const std::string &at, const std::string &by) {
    with_sql_errors("storing a setting", [&] {
        SQLite::Statement st(db_, "INSERT INTO settings (key, value, set_at, set_by) VALUES (?, ?, ?, ?) ON CONFLICT (key) "
                                  "DO UPDATE SET value = excluded.value, set_at = excluded.set_at, set_by = excluded.set_by");
        Binder(st) << key << value << at << by;
        st.exec();
    });
}

} // namespace rectify::store
