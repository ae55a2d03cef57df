// Repositories of the second half of rectification: evidence, look-back reviews and verdicts,
// follow-up plans and follow-ups, evaluations, leads. Each works on the store's connection inside
// the caller's transaction.
#pragma once

#include "core/date.hpp"
#include "store/store.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace rectify::store {

struct EvidenceRow {
    std::int64_t id = 0;
    std::int64_t inspection_id = 0;
    std::string target_kind; // issue, measure
    std::int64_t target_id = 0;
    std::string title;
    std::optional<std::string> kind; // 文件, 照片, 会议记录 … as the host names them
    std::optional<std::string> path; // a file the library hashed
    std::optional<std::string> uri;  // where the host keeps it
    std::optional<std::string> media_type;
    std::optional<std::int64_t> size;
    std::optional<std::string> sha256;
    std::string added_at;
    std::string added_by;
};

struct ReviewRow {
    std::int64_t id = 0;
    std::string scope_kind; // inspection, round
    std::int64_t scope_id = 0;
    core::Date scheduled_on;
    std::string team;
    std::optional<std::string> title;
    std::string created_at;
    std::string created_by;
};

struct VerdictRow {
    std::int64_t id = 0;
    std::int64_t review_id = 0;
    std::int64_t issue_id = 0;
    std::string verdict;
    std::optional<std::string> findings;
    core::Date decided_on;
    std::string decided_by;
};

struct FollowupPlanRow {
    std::int64_t measure_id = 0;
    std::string cadence;
    core::Date start_on;
    std::string set_at;
    std::string set_by;
};

struct FollowupRow {
    std::int64_t id = 0;
    std::int64_t measure_id = 0;
    core::Date on_date;
    std::string narrative;
    std::string recorded_at;
    std::string recorded_by;
};

struct EvaluationRow {
    std::int64_t id = 0;
    std::int64_t inspection_id = 0;
    core::Date evaluated_on;
    std::string evaluator;
    std::string deductions; // JSON array
    std::int64_t score = 0;
    std::string rating;
    std::string created_at;
    std::string created_by;
};

struct LeadRow {
    std::int64_t id = 0;
    std::int64_t inspection_id = 0;
    std::string summary;
    std::string handed_to;
    core::Date handed_on;
    std::string disposition; // in_progress, concluded, no_case
    std::optional<core::Date> concluded_on;
    std::optional<std::string> note;
    std::string created_at;
    std::string created_by;
};

struct CloseOutRow {
    std::int64_t id = 0;
    std::int64_t issue_id = 0;
    std::string verifier;
    core::Date closed_on;
    std::optional<std::string> note;
    std::string created_at;
};

class Followthrough {
public:
    void add_close_out(CloseOutRow &c);
    std::vector<CloseOutRow> close_outs(std::int64_t issue_id);
    // The latest close-out date of each closed-out issue of an inspection, in one query.
    std::map<std::int64_t, core::Date> latest_close_outs(std::int64_t inspection_id);
    std::optional<std::string> setting(const std::string &key);
    void set_setting(const std::string &key, const std::string &value, const std::string &at, const std::string &by);

    explicit Followthrough(Store &store) : store_(store), db_(store.database()) {}

    void add_evidence(EvidenceRow &e);
    // Evidence of one target (kind and id), or of a whole inspection (target_kind empty).
    std::vector<EvidenceRow> evidence(std::int64_t inspection_id, const std::string &target_kind, std::int64_t target_id);
    // How many items of evidence one issue or measure has, through the index.
    std::int64_t count_evidence(const std::string &target_kind, std::int64_t target_id);

    void add_review(ReviewRow &r);
    std::optional<ReviewRow> review(std::int64_t id);
    void add_verdict(VerdictRow &v); // Errc::duplicate when the issue has a verdict in this review
    std::vector<VerdictRow> verdicts(std::int64_t review_id);
    // Every verdict on an issue of the inspection, with its review; by review date, then issue.
    std::vector<std::pair<ReviewRow, VerdictRow>> verdicts_of_inspection(std::int64_t inspection_id);

    void set_plan(const FollowupPlanRow &p);
    std::optional<FollowupPlanRow> plan(std::int64_t measure_id);
    std::vector<FollowupPlanRow> plans();
    void add_followup(FollowupRow &f);
    std::vector<FollowupRow> followups(std::int64_t measure_id);

    void add_evaluation(EvaluationRow &e);
    std::vector<EvaluationRow> evaluations(std::int64_t inspection_id);

    void add_lead(LeadRow &l);
    std::optional<LeadRow> lead(std::int64_t id);
    void update_lead(const LeadRow &l);
    std::vector<LeadRow> leads(std::int64_t inspection_id);
    // The disposition of every lead of these inspections, by id: one query for a whole round.
    std::vector<std::string> lead_dispositions(const std::vector<std::int64_t> &inspection_ids);

private:
    Store &store_;
    SQLite::Database &db_;
};

} // namespace rectify::store
