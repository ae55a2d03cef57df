// The second half of rectification: evidence, look-back reviews and relapse, follow-ups of
// ongoing measures, evaluations and leads.
#include "service/service.hpp"
#include "service/optional_text.hpp"

#include "core/figures.hpp"
#include "core/followthrough.hpp"
#include "core/warning.hpp"
#include "io/file_digest.hpp"
#include "io/fields.hpp"
#include "io/json_text.hpp"
#include "io/json_values.hpp"
#include "io/record_json.hpp"
#include "service/audit.hpp"
#include "service/record_dates.hpp"
#include "service/transactions.hpp"
#include "store/followthrough_rows.hpp"
#include "store/row_images.hpp"

#include <boost/json.hpp>

#include <filesystem>

namespace rectify::service {

namespace {

using core::Errc;
using core::Error;
using core::Permission;
namespace json = boost::json;

std::string required_text(std::string_view what, std::string_view text) {
    check_text(what, text);
    if (is_blank(text)) throw Error(Errc::argument, std::string(what) + ": must not be empty");
    return std::string(text);
}

std::optional<std::string> optional_text(std::string_view what, const std::optional<std::string_view> &text) {
    if (!text) return std::nullopt;
    check_text(what, *text);
    if (is_blank(*text)) return std::nullopt; // blank says nothing: as good as absent
    return std::string(*text);
}

json::object evidence_json_row(const store::EvidenceRow &e) {
    json::object o;
    o["id"] = e.id;
    o["inspection_id"] = e.inspection_id;
    o["target_kind"] = e.target_kind;
    o["target_id"] = e.target_id;
    o["title"] = e.title;
    o["kind"] = io::to_json(e.kind);
    o["path"] = io::to_json(e.path);
    o["uri"] = io::to_json(e.uri);
    o["media_type"] = io::to_json(e.media_type);
    o["size"] = io::to_json(e.size);
    o["sha256"] = io::to_json(e.sha256);
    o["added_at"] = e.added_at;
    o["added_by"] = e.added_by;
    return o;
}

} // namespace

// ---- evidence -----------------------------------------------------------------------------

std::int64_t Service::evidence_add(core::Kind kind, std::int64_t target_id, const EvidenceInput &in) {
    const std::string &actor = require_actor();
    if (kind != core::Kind::issue && kind != core::Kind::measure)
        throw Error(Errc::argument, "kind: evidence belongs to an issue or a measure");
    store::EvidenceRow e;
    e.title = required_text("title", in.title);
    e.kind = optional_text("kind", in.kind);
    e.uri = optional_text("uri", in.uri);
    e.media_type = optional_text("media_type", in.media_type);
    if (in.path) {
        check_text("path", *in.path);
        // The library hashes the file itself: a hash the host typed in proves nothing.
        auto digest = io::digest_file(*in.path);
        if (!digest) throw Error(Errc::io, "path: cannot read '" + *in.path + "'");
        std::error_code ec;
        auto absolute = std::filesystem::absolute(*in.path, ec);
        e.path = ec ? *in.path : absolute.lexically_normal().string();
        e.size = digest->size;
        e.sha256 = digest->sha256;
    } else if (!e.uri) {
        throw Error(Errc::argument, "path or uri: evidence needs a file to hash or where the host keeps it");
    }

    WriteTransaction tx(store_);
    const auto scope = access_.scope_of(kind, target_id);
    bool own = false;
    if (kind == core::Kind::measure) {
        auto m = store_.get<core::Measure>(target_id);
        own = m->person && *m->person == actor && access_.allows(actor_, Permission::add_own_progress, scope);
        e.inspection_id = m->inspection_id;
    } else {
        e.inspection_id = store_.get<core::Issue>(target_id)->inspection_id;
    }
    if (!own) require(Permission::add_progress, scope, "adding evidence to " + record_label(kind, target_id));
    e.target_kind = std::string(core::name(kind));
    e.target_id = target_id;
    e.added_at = core::utc_timestamp_now();
    e.added_by = actor;
    store::Followthrough(store_).add_evidence(e);
    audit(store_, actor, e.added_at, "create", "evidence", e.id, std::nullopt, io::to_compact_json(evidence_json_row(e)));
    tx.commit();
    return e.id;
}

std::string Service::evidence_json(std::int64_t inspection_id, core::Kind kind, std::int64_t target_id) {
    ReadTransaction snapshot(store_);
    std::string target_kind;
    if (target_id) {
        require(Permission::read, access_.scope_of(kind, target_id), "reading evidence");
        target_kind = std::string(core::name(kind));
    } else {
        require(Permission::read, access_.scope_of(core::Kind::inspection, inspection_id), "reading evidence");
    }
    json::array out;
    for (const auto &e : store::Followthrough(store_).evidence(target_id ? 0 : inspection_id, target_kind, target_id))
        out.push_back(evidence_json_row(e));
    return io::to_compact_json(out);
}

namespace {

struct RecordedDigest {
    std::optional<std::string> sha256;
    std::optional<std::int64_t> size;
};

// The sha256 and size of an evidence row as the audit log last recorded them; nullopt when the
// log holds no image of the row.
std::optional<RecordedDigest> audited_digest(store::Store &store, std::int64_t evidence_id) {
    const auto image = store.latest_image(store::row_kind("evidence"), evidence_id);
    if (!image) return std::nullopt;
    boost::system::error_code ec;
    const auto parsed = json::parse(*image, ec);
    if (ec || !parsed.is_object()) return std::nullopt;
    RecordedDigest d;
    if (const auto *sha = parsed.as_object().if_contains("sha256"); sha && sha->is_string()) d.sha256 = std::string(sha->as_string());
    if (const auto *size = parsed.as_object().if_contains("size"); size && size->is_int64()) d.size = size->as_int64();
    return d;
}

} // namespace

bool Service::evidence_verify(std::int64_t inspection_id, std::string &report_json) {
    ReadTransaction snapshot(store_);
    if (inspection_id) require(Permission::read, access_.scope_of(core::Kind::inspection, inspection_id), "verifying evidence");
    else access_.visibility(actor_, Permission::read, "verifying evidence");
    json::array changed, missing;
    std::int64_t checked = 0;
    for (const auto &e : store::Followthrough(store_).evidence(inspection_id, "", 0)) {
        if (!e.path) continue; // a URI the host keeps: nothing here to re-hash
        if (!inspection_id && !access_.allows(actor_, Permission::read, store_.scope_of_inspection(e.inspection_id))) continue;
        ++checked;
        auto digest = io::digest_file(*e.path);
        json::object row = evidence_json_row(e);
        // The hash the audit log holds is the authority: a file replaced and its hash rewritten in
        // the table to match would otherwise pass.
        const auto recorded = audited_digest(store_, e.id);
        const bool rewritten = !recorded || recorded->sha256 != e.sha256 || recorded->size != e.size;
        if (rewritten) {
            row["sha256"] = recorded ? io::to_json(recorded->sha256) : json::value(nullptr);
            row["size"] = recorded && recorded->size ? json::value(*recorded->size) : json::value(nullptr);
            row["database_sha256"] = io::to_json(e.sha256);
            row["database_size"] = e.size ? json::value(*e.size) : json::value(nullptr);
        }
        if (!digest) {
            missing.push_back(std::move(row));
        } else if (rewritten || digest->sha256 != recorded->sha256 || digest->size != recorded->size) {
            row["now_sha256"] = digest->sha256;
            row["now_size"] = digest->size;
            changed.push_back(std::move(row));
        }
    }
    const bool intact = changed.empty() && missing.empty();
    json::object report;
    report["intact"] = intact;
    report["checked"] = checked;
    report["changed"] = std::move(changed);
    report["missing"] = std::move(missing);
    report_json = io::to_compact_json(report);
    return intact;
}

// ---- look-back reviews ----------------------------------------------------------------------

void Service::reopen_issue(core::Issue &issue, bool relapse, const std::string &actor, const std::string &now,
                           const char *action) {
    const std::string before = audit_image(issue);
    if (issue.status == core::Status::closed) issue.status = core::Status::reopened;
    else if (issue.status == core::Status::done || issue.status == core::Status::substantially_done)
        issue.status = core::Status::in_progress;
    if (relapse) ++issue.relapse_count;
    if (before == audit_image(issue)) return;
    if (!store_.update(issue, now)) throw Error(Errc::conflict, record_label(core::Kind::issue, issue.meta.id) + " was changed by another writer");
    audit(store_, actor, now, action, core::Kind::issue, issue.meta.id, before, audit_image(issue));
}

std::int64_t Service::review_schedule(const std::string &scope_kind, std::int64_t scope_id, std::string_view date,
                                      std::string_view team, std::optional<std::string_view> title) {
    const std::string &actor = require_actor();
    store::ReviewRow r;
    r.scheduled_on = date_arg("date", date);
    r.team = required_text("team", team);
    r.title = optional_text("title", title);
    WriteTransaction tx(store_);
    core::RecordScope scope;
    if (scope_kind == "inspection") scope = access_.scope_of(core::Kind::inspection, scope_id);
    else if (scope_kind == "round") scope = access_.scope_of(core::Kind::round, scope_id);
    else throw Error(Errc::argument, "scope: a review covers an inspection or a round, not '" + scope_kind + "'");
    require(Permission::import, scope, "scheduling a look-back review of " + scope_kind + " " + std::to_string(scope_id));
    if (scope_kind == "inspection") require_within_inspection(store_, "date", r.scheduled_on, scope_id);
    r.scope_kind = scope_kind;
    r.scope_id = scope_id;
    r.created_at = core::utc_timestamp_now();
    r.created_by = actor;
    store::Followthrough(store_).add_review(r);
    json::object image;
    image["scope_kind"] = r.scope_kind;
    image["scope_id"] = r.scope_id;
    image["scheduled_on"] = core::format_date(r.scheduled_on);
    image["team"] = r.team;
    image["title"] = io::to_json(r.title);
    audit(store_, actor, r.created_at, "schedule", "review", r.id, std::nullopt, io::to_compact_json(image));
    tx.commit();
    return r.id;
}

namespace {
// The re-rectification measures of a verdict: each as a measure of docs/schema.md, without
// progress; refs are derived from the issue's ref and its relapse count.
std::vector<core::Measure> read_new_measures(std::string_view text) {
    auto root = io::parse_json(text);
    if (!root.is_array()) throw Error(Errc::invalid, "measures: expected an array");
    std::vector<core::Measure> out;
    const auto &a = root.as_array();
    for (std::size_t i = 0; i < a.size(); ++i) {
        io::Fields f(a[i], "measures[" + std::to_string(i) + "]");
        core::Measure m;
        m.title = f.text("title");
        auto category = f.opt_enum<core::MeasureCategory>("category", core::parse_measure_category_or_label, core::all_choices(core::MeasureCategory{}));
        m.category = category.value_or(core::MeasureCategory::deadline);
        m.leader = f.opt_text("leader");
        m.department = f.opt_text("department");
        m.person = f.opt_text("person");
        m.deadline = f.opt_date("deadline");
        if (!m.deadline && m.category != core::MeasureCategory::ongoing)
            f.fail("deadline", "re-rectification needs a new deadline");
        f.finish();
        out.push_back(std::move(m));
    }
    return out;
}
} // namespace

std::int64_t Service::review_verdict(std::int64_t review_id, std::int64_t issue_id, std::string_view verdict_name,
                                     std::string_view date, std::optional<std::string_view> findings,
                                     std::optional<std::string_view> new_measures_json) {
    const std::string &actor = require_actor();
    check_text("verdict", verdict_name);
    auto verdict = core::parse_verdict(verdict_name);
    if (!verdict)
        throw Error(Errc::argument, "verdict: unknown value '" + std::string(verdict_name) + "' (expected one of: held, relapsed, incomplete, false)");
    const core::Date decided_on = date_arg("date", date);
    auto finding_text = optional_text("findings", findings);
    std::vector<core::Measure> new_measures;
    if (new_measures_json) new_measures = read_new_measures(*new_measures_json);
    if (!core::reopens(*verdict) && !new_measures.empty())
        throw Error(Errc::argument, "measures: a verdict of held opens no re-rectification");
    if (*verdict != core::Verdict::held && !finding_text)
        throw Error(Errc::argument, "findings: a verdict of " + std::string(core::name(*verdict)) + " must say what was found");

    WriteTransaction tx(store_);
    store::Followthrough ft(store_);
    auto review = ft.review(review_id);
    if (!review) throw Error(Errc::not_found, "no review " + std::to_string(review_id));
    auto issue = store_.get<core::Issue>(issue_id);
    if (!issue) throw Error(Errc::not_found, "no " + record_label(core::Kind::issue, issue_id));
    const auto scope = store_.scope_of_inspection(issue->inspection_id);
    const bool covered = review->scope_kind == "inspection" ? issue->inspection_id == review->scope_id
                                                            : scope.round_id && *scope.round_id == review->scope_id;
    if (!covered)
        throw Error(Errc::invalid, record_label(core::Kind::issue, issue_id) + " is not in the " + review->scope_kind + " review " +
                                       std::to_string(review_id) + " covers");
    require(Permission::close_out, scope, "judging " + record_label(core::Kind::issue, issue_id) + " in a look-back review");
    require_not_before("date", decided_on, review->scheduled_on, "review " + std::to_string(review_id) + " was scheduled");

    store::VerdictRow v;
    v.review_id = review_id;
    v.issue_id = issue_id;
    v.verdict = std::string(core::name(*verdict));
    v.findings = finding_text;
    v.decided_on = decided_on;
    v.decided_by = actor;
    try {
        ft.add_verdict(v);
    } catch (const Error &e) {
        // One verdict per issue and review: name the issue by its id and, where it has one, its
        // ref, so a caller finds it by whichever they gave.
        if (e.code() != Errc::duplicate) throw;
        const std::string ref = issue->meta.ref.empty() ? "" : " (" + issue->meta.ref + ")";
        throw Error(Errc::duplicate, record_label(core::Kind::issue, issue_id) + ref + " already has a verdict in review " +
                                         std::to_string(review_id));
    }
    const std::string now = core::utc_timestamp_now();
    json::object image;
    image["review_id"] = review_id;
    image["issue_id"] = issue_id;
    image["verdict"] = v.verdict;
    image["findings"] = io::to_json(v.findings);
    image["decided_on"] = core::format_date(decided_on);
    audit(store_, actor, now, "verdict", "review", review_id, std::nullopt, io::to_compact_json(image));

    if (core::reopens(*verdict)) {
        // The same issue reopens: its history stays, its relapse count rises.
        reopen_issue(*issue, true, actor, now, "relapse");
        std::int64_t n = 0;
        for (auto &m : new_measures) {
            m.inspection_id = issue->inspection_id;
            m.issue_id = issue_id;
            m.seq = store_.next_seq<core::Measure>(issue_id);
            m.status = core::Status::not_started;
            m.meta.ref = issue->meta.ref + "/r" + std::to_string(issue->relapse_count) + "m" + std::to_string(++n);
            store_.insert(m, now);
            audit(store_, actor, now, "create", core::Kind::measure, m.meta.id, std::nullopt, audit_image(m));
        }
    }
    tx.commit();
    return v.id;
}

std::string Service::review_report(std::int64_t review_id) {
    ReadTransaction snapshot(store_);
    store::Followthrough ft(store_);
    auto review = ft.review(review_id);
    if (!review) throw Error(Errc::not_found, "no review " + std::to_string(review_id));
    require(Permission::read,
            access_.scope_of(review->scope_kind == "inspection" ? core::Kind::inspection : core::Kind::round, review->scope_id),
            "reading review " + std::to_string(review_id));
    json::object counts{{"held", 0}, {"relapsed", 0}, {"incomplete", 0}, {"false", 0}};
    json::array verdicts, reopened;
    for (const auto &v : ft.verdicts(review_id)) {
        auto issue = store_.get<core::Issue>(v.issue_id);
        json::object o;
        o["issue_id"] = v.issue_id;
        o["issue"] = issue ? json::value(issue->title) : json::value(nullptr);
        o["inspection_id"] = issue ? json::value(issue->inspection_id) : json::value(nullptr);
        o["verdict"] = v.verdict;
        o["label"] = std::string(core::label(*core::parse_verdict(v.verdict)));
        o["findings"] = io::to_json(v.findings);
        o["decided_on"] = core::format_date(v.decided_on);
        o["decided_by"] = v.decided_by;
        counts[v.verdict] = counts[v.verdict].as_int64() + 1;
        if (*core::parse_verdict(v.verdict) != core::Verdict::held && issue) {
            json::object r;
            r["issue_id"] = v.issue_id;
            r["issue"] = issue->title;
            r["status"] = io::to_json(issue->status);
            r["relapse_count"] = issue->relapse_count;
            reopened.push_back(std::move(r));
        }
        verdicts.push_back(std::move(o));
    }
    json::object report;
    report["id"] = review->id;
    report["scope_kind"] = review->scope_kind;
    report["scope_id"] = review->scope_id;
    report["scheduled_on"] = core::format_date(review->scheduled_on);
    report["team"] = review->team;
    report["title"] = io::to_json(review->title);
    report["counts"] = std::move(counts);
    report["verdicts"] = std::move(verdicts);
    report["reopened"] = std::move(reopened);
    return io::to_compact_json(report);
}

// ---- follow-ups of ongoing measures ---------------------------------------------------------

void Service::followup_plan(std::int64_t measure_id, std::string_view cadence_name, std::string_view start) {
    const std::string &actor = require_actor();
    check_text("cadence", cadence_name);
    auto cadence = core::parse_cadence(cadence_name);
    if (!cadence)
        throw Error(Errc::argument, "cadence: unknown value '" + std::string(cadence_name) + "' (expected one of: monthly, quarterly, half_yearly, yearly)");
    const core::Date start_on = date_arg("start", start);
    WriteTransaction tx(store_);
    auto m = store_.get<core::Measure>(measure_id);
    if (!m) throw Error(Errc::not_found, "no " + record_label(core::Kind::measure, measure_id));
    require(Permission::change_status, store_.scope_of_inspection(m->inspection_id),
            "planning follow-ups of " + record_label(core::Kind::measure, measure_id));
    require_within_inspection(store_, "start", start_on, m->inspection_id);
    if (m->category != core::MeasureCategory::ongoing)
        throw Error(Errc::misuse, record_label(core::Kind::measure, measure_id) + " is not an ongoing (长期坚持) measure");
    store::FollowupPlanRow p{measure_id, std::string(core::name(*cadence)), start_on, core::utc_timestamp_now(), actor};
    store::Followthrough(store_).set_plan(p);
    json::object image;
    image["cadence"] = p.cadence;
    image["start_on"] = core::format_date(start_on);
    audit(store_, actor, p.set_at, "plan", "followup", measure_id, std::nullopt, io::to_compact_json(image));
    tx.commit();
}

std::int64_t Service::followup_record(std::int64_t measure_id, std::string_view date, std::string_view narrative) {
    const std::string &actor = require_actor();
    const core::Date on = date_arg("date", date);
    store::FollowupRow f;
    f.narrative = required_text("narrative", narrative); // a follow-up says what was found
    WriteTransaction tx(store_);
    auto m = store_.get<core::Measure>(measure_id);
    if (!m) throw Error(Errc::not_found, "no " + record_label(core::Kind::measure, measure_id));
    const auto scope = store_.scope_of_inspection(m->inspection_id);
    const bool own = m->person && *m->person == actor && access_.allows(actor_, Permission::add_own_progress, scope);
    if (!own) require(Permission::add_progress, scope, "recording a follow-up of " + record_label(core::Kind::measure, measure_id));
    require_within_inspection(store_, "date", on, m->inspection_id);
    store::Followthrough ft(store_);
    if (!ft.plan(measure_id))
        throw Error(Errc::misuse, record_label(core::Kind::measure, measure_id) + " has no follow-up plan");
    f.measure_id = measure_id;
    f.on_date = on;
    f.recorded_at = core::utc_timestamp_now();
    f.recorded_by = actor;
    ft.add_followup(f);
    json::object image;
    image["measure_id"] = measure_id;
    image["on_date"] = core::format_date(on);
    image["narrative"] = f.narrative;
    audit(store_, actor, f.recorded_at, "record", "followup", f.id, std::nullopt, io::to_compact_json(image));
    tx.commit();
    return f.id;
}

std::string Service::followups_due(const core::Date &as_of, std::int64_t days, const store::MeasureScope &scope_in) {
    if (days < 0 || days > 3660) throw Error(Errc::argument, "days: must be from 0 to 3660");
    ReadTransaction snapshot(store_);
    access_.require_scope(actor_, Permission::read, scope_in.inspection_id, scope_in.unit_id, scope_in.round_id,
                          "listing follow-ups due");
    const core::Visibility visible = access_.visibility(actor_, Permission::read, "listing follow-ups due");
    store::MeasureScope scope = scope_in;
    scope.visible = &visible;
    store::Followthrough ft(store_);
    std::map<std::int64_t, store::FollowupPlanRow> plans;
    for (auto &p : ft.plans()) plans.emplace(p.measure_id, std::move(p));
    json::array out;
    store::Deadlines(store_).each_measure(scope, [&](const core::Measure &m) {
        auto it = plans.find(m.meta.id);
        if (it == plans.end() || !core::is_open(m.status)) return;
        std::vector<core::Date> recorded;
        for (const auto &f : ft.followups(m.meta.id)) recorded.push_back(f.on_date);
        auto cadence = *core::parse_cadence(it->second.cadence);
        auto state = core::followup_state(it->second.start_on, cadence, recorded, as_of);
        const bool soon = state.next_due && (*state.next_due - as_of).days() <= days;
        if (!state.missed && !soon) return;
        auto full = *store_.get<core::Measure>(m.meta.id);
        json::object o;
        o["measure_id"] = full.meta.id;
        o["ref"] = full.meta.ref;
        o["title"] = full.title;
        o["person"] = io::to_json(full.person);
        o["cadence"] = it->second.cadence;
        o["last_due"] = io::to_json(state.last_due);
        o["next_due"] = io::to_json(state.next_due);
        o["missed"] = state.missed;
        o["last_followup"] = recorded.empty() ? json::value(nullptr) : json::value(core::format_date(recorded.back()));
        out.push_back(std::move(o));
    });
    return io::to_compact_json(out);
}

// ---- evaluation -----------------------------------------------------------------------------

std::string Service::evaluate(std::int64_t inspection_id, std::string_view date, std::string_view deductions_json,
                              std::optional<std::string_view> thresholds_json) {
    const std::string &actor = require_actor();
    const core::Date on = date_arg("date", date);
    auto root = io::parse_json(deductions_json);
    if (!root.is_array()) throw Error(Errc::invalid, "deductions: expected an array");
    std::vector<core::Deduction> deductions;
    for (std::size_t i = 0; i < root.as_array().size(); ++i) {
        io::Fields f(root.as_array()[i], "deductions[" + std::to_string(i) + "]");
        core::Deduction d;
        d.item = f.text("item");
        auto points = f.opt_int("points");
        if (!points) f.fail("points", "is required");
        d.points = *points;
        d.issue_id = f.opt_int("issue_id");
        d.note = f.opt_text("note");
        f.finish();
        deductions.push_back(std::move(d));
    }
    core::RatingThresholds thresholds;
    if (const auto given = given_text(thresholds_json)) {
        auto t = io::parse_json(*given);
        io::Fields f(t, "thresholds");
        if (auto v = f.opt_int("good")) thresholds.good = *v;
        if (auto v = f.opt_int("fairly_good")) thresholds.fairly_good = *v;
        if (auto v = f.opt_int("fair")) thresholds.fair = *v;
        f.finish();
    }
    const std::int64_t score = core::score_of(deductions);
    const core::Rating rating = core::rate(score, thresholds);

    WriteTransaction tx(store_);
    const auto scope = access_.scope_of(core::Kind::inspection, inspection_id);
    require(Permission::close_out, scope, "evaluating inspection " + std::to_string(inspection_id));
    require_within_inspection(store_, "date", on, inspection_id);
    for (std::size_t i = 0; i < deductions.size(); ++i)
        if (deductions[i].issue_id) {
            auto issue = store_.get<core::Issue>(*deductions[i].issue_id);
            if (!issue || issue->inspection_id != inspection_id)
                throw Error(Errc::invalid, "deductions[" + std::to_string(i) + "].issue_id: " + std::to_string(*deductions[i].issue_id) +
                                               " is not an issue of inspection " + std::to_string(inspection_id));
        }
    store::EvaluationRow e;
    e.inspection_id = inspection_id;
    e.evaluated_on = on;
    e.evaluator = actor;
    e.deductions = io::to_compact_json(root);
    e.score = score;
    e.rating = std::string(core::name(rating));
    e.created_at = core::utc_timestamp_now();
    e.created_by = actor;
    store::Followthrough(store_).add_evaluation(e);

    json::array reopened;
    if (core::needs_rerectification(rating)) {
        // 一般 and 差 send the issues the deductions name back for re-rectification.
        for (const auto &d : deductions) {
            if (!d.issue_id) continue;
            auto issue = *store_.get<core::Issue>(*d.issue_id);
            reopen_issue(issue, false, actor, e.created_at, "rerectify");
            reopened.push_back(*d.issue_id);
        }
    }
    json::object result;
    result["id"] = e.id;
    result["inspection_id"] = inspection_id;
    result["evaluated_on"] = core::format_date(on);
    result["score"] = score;
    result["rating"] = e.rating;
    result["label"] = std::string(core::label(rating));
    result["rerectification"] = core::needs_rerectification(rating);
    result["reopened"] = std::move(reopened);
    audit(store_, actor, e.created_at, "evaluate", "evaluation", e.id, std::nullopt, io::to_compact_json(result));
    tx.commit();
    return io::to_compact_json(result);
}

// ---- leads ----------------------------------------------------------------------------------

namespace {
json::object lead_json(const store::LeadRow &l) {
    json::object o;
    o["id"] = l.id;
    o["inspection_id"] = l.inspection_id;
    o["summary"] = l.summary;
    o["handed_to"] = l.handed_to;
    o["handed_on"] = core::format_date(l.handed_on);
    o["disposition"] = l.disposition;
    o["concluded_on"] = io::to_json(l.concluded_on);
    o["note"] = io::to_json(l.note);
    return o;
}
} // namespace

std::int64_t Service::lead_add(std::int64_t inspection_id, std::string_view summary, std::string_view handed_to,
                               std::string_view handed_on) {
    const std::string &actor = require_actor();
    store::LeadRow l;
    l.summary = required_text("summary", summary);
    l.handed_to = required_text("handed_to", handed_to);
    l.handed_on = date_arg("handed_on", handed_on);
    l.disposition = "in_progress";
    WriteTransaction tx(store_);
    require(Permission::import, access_.scope_of(core::Kind::inspection, inspection_id),
            "handing over a lead of inspection " + std::to_string(inspection_id));
    require_within_inspection(store_, "handed_on", l.handed_on, inspection_id);
    l.inspection_id = inspection_id;
    l.created_at = core::utc_timestamp_now();
    l.created_by = actor;
    store::Followthrough(store_).add_lead(l);
    audit(store_, actor, l.created_at, "create", "lead", l.id, std::nullopt, io::to_compact_json(lead_json(l)));
    tx.commit();
    return l.id;
}

void Service::lead_dispose(std::int64_t lead_id, std::string_view disposition, std::optional<std::string_view> concluded_on,
                           std::optional<std::string_view> note) {
    const std::string &actor = require_actor();
    check_text("disposition", disposition);
    if (disposition != "in_progress" && disposition != "concluded" && disposition != "no_case")
        throw Error(Errc::argument, "disposition: unknown value '" + std::string(disposition) + "' (expected one of: in_progress, concluded, no_case)");
    std::optional<core::Date> concluded;
    if (concluded_on) concluded = date_arg("concluded_on", *concluded_on);
    if (disposition == "in_progress" && concluded) throw Error(Errc::argument, "concluded_on: a lead in progress has no conclusion date");
    if (disposition != "in_progress" && !concluded) throw Error(Errc::argument, "concluded_on: a concluded lead needs the date it was concluded");
    auto note_text = optional_text("note", note);
    WriteTransaction tx(store_);
    store::Followthrough ft(store_);
    auto l = ft.lead(lead_id);
    if (!l) throw Error(Errc::not_found, "no lead " + std::to_string(lead_id));
    require(Permission::close_out, access_.scope_of(core::Kind::inspection, l->inspection_id), "disposing of lead " + std::to_string(lead_id));
    if (concluded) require_not_before("concluded_on", *concluded, l->handed_on, "lead " + std::to_string(lead_id) + " was handed over");
    const std::string before = io::to_compact_json(lead_json(*l));
    l->disposition = std::string(disposition);
    l->concluded_on = concluded;
    if (note_text) l->note = note_text;
    ft.update_lead(*l);
    audit(store_, actor, core::utc_timestamp_now(), "dispose", "lead", lead_id, before, io::to_compact_json(lead_json(*l)));
    tx.commit();
}

std::string Service::leads_json(std::int64_t inspection_id) {
    ReadTransaction snapshot(store_);
    // Leads are confidential to the inspection body and those it hands them to: read_leads, which
    // the inspected unit's liaison and owners do not hold even where they read everything else.
    if (inspection_id)
        require(Permission::read_leads, access_.scope_of(core::Kind::inspection, inspection_id),
                "reading the leads of inspection " + std::to_string(inspection_id));
    else access_.visibility(actor_, Permission::read_leads, "reading leads");
    json::array rows;
    std::int64_t handed = 0, concluded = 0;
    for (const auto &l : store::Followthrough(store_).leads(inspection_id)) {
        if (!inspection_id && !access_.allows(actor_, Permission::read_leads, store_.scope_of_inspection(l.inspection_id))) continue;
        ++handed;
        if (l.disposition != "in_progress") ++concluded;
        rows.push_back(lead_json(l));
    }
    json::object out;
    out["handed"] = handed;
    out["concluded"] = concluded;
    // Completion rate in hundredths of a percent, exact: 2 of 3 → 6667 (66.67%).
    out["completion_basis_points"] = core::completion_basis_points(concluded, handed);
    out["leads"] = std::move(rows);
    return io::to_compact_json(out);
}

} // namespace rectify::service
