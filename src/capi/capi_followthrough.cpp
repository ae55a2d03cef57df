// rectify/followthrough.h: evidence, close-out, reviews, follow-ups, evaluation, leads.
#include "capi/guard.hpp"
#include "capi/options.hpp"

#include "core/date.hpp"
#include "core/utf8.hpp"


using namespace rectify;
using capi::guarded;

namespace {

std::optional<std::string_view> opt(const char *s) { return s ? std::optional<std::string_view>(s) : std::nullopt; }
std::optional<std::string> opt_string(const char *s) { return s ? std::optional<std::string>(s) : std::nullopt; }

core::Kind target_kind(int kind) {
    auto k = capi::kind_arg(kind);
    if (k != core::Kind::issue && k != core::Kind::measure) capi::bad_argument("kind must be RECTIFY_KIND_ISSUE or RECTIFY_KIND_MEASURE");
    return k;
}

void positive(int64_t id, const char *what) {
    if (id <= 0) capi::bad_argument(std::string(what) + " must be positive, got " + std::to_string(id));
}

} // namespace

extern "C" {

int rectify_evidence_add(int64_t *out_id, rectify_db *db, int kind, int64_t target_id, const rectify_evidence *ev) {
    if (out_id) *out_id = 0;
    return guarded([&] {
        auto &svc = capi::service_of(db);
        auto k = target_kind(kind);
        positive(target_id, "target_id");
        capi::require(ev, "evidence");
        rectify_evidence e = RECTIFY_EVIDENCE_INIT;
        capi::copy_options(e, ev);
        capi::require(e.title, "evidence->title");
        service::Service::EvidenceInput in{e.title, opt_string(e.kind), opt_string(e.path), opt_string(e.uri),
                                           opt_string(e.media_type)};
        auto id = svc.evidence_add(k, target_id, in);
        if (out_id) *out_id = id;
    });
}

int rectify_evidence_list(char **out_json, rectify_db *db, int kind, int64_t target_id) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        auto &svc = capi::service_of(db);
        auto k = target_kind(kind);
        positive(target_id, "target_id");
        *out_json = capi::copy_out(svc.evidence_json(0, k, target_id));
    });
}

int rectify_evidence_verify(char **out_report, rectify_db *db, int64_t inspection_id) {
    if (out_report) *out_report = nullptr;
    bool intact = true;
    int rc = guarded([&] {
        auto &svc = capi::service_of(db);
        if (inspection_id < 0) capi::bad_argument("inspection_id must not be negative");
        std::string report;
        intact = svc.evidence_verify(inspection_id, report);
        if (out_report) *out_report = capi::copy_out(report);
    });
    if (rc != RECTIFY_OK) return rc;
    return intact ? RECTIFY_OK : capi::set_error(RECTIFY_E_TAMPERED, "evidence files changed or missing since they were recorded");
}

int rectify_close_out(int64_t *out_version, rectify_db *db, int64_t issue_id, const char *date, const char *note) {
    if (out_version) *out_version = 0;
    return guarded([&] {
        auto &svc = capi::service_of(db);
        positive(issue_id, "issue_id");
        capi::require(date, "date");
        auto v = svc.close_out(issue_id, date, opt(note));
        if (out_version) *out_version = v;
    });
}

int rectify_close_out_guards_set(rectify_db *db, const char *json, size_t len) {
    return guarded([&] {
        auto &svc = capi::service_of(db);
        capi::require(json, "json");
        svc.set_close_out_guards(std::string_view(json, len));
    });
}

int rectify_close_out_guards(char **out_json, rectify_db *db) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        *out_json = capi::copy_out(capi::service_of(db).close_out_guards_json());
    });
}

int rectify_close_out_list(char **out_json, rectify_db *db, int64_t issue_id) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        auto &svc = capi::service_of(db);
        positive(issue_id, "issue_id");
        *out_json = capi::copy_out(svc.close_outs_json(issue_id));
    });
}

int rectify_review_schedule(int64_t *out_id, rectify_db *db, int scope, int64_t scope_id, const char *date, const char *team,
                            const char *title) {
    if (out_id) *out_id = 0;
    return guarded([&] {
        auto &svc = capi::service_of(db);
        if (scope != RECTIFY_REVIEW_INSPECTION && scope != RECTIFY_REVIEW_ROUND)
            capi::bad_argument("scope must be RECTIFY_REVIEW_INSPECTION or RECTIFY_REVIEW_ROUND");
        positive(scope_id, "scope_id");
        capi::require(date, "date");
        capi::require(team, "team");
        auto id = svc.review_schedule(scope == RECTIFY_REVIEW_INSPECTION ? "inspection" : "round", scope_id, date, team, opt(title));
        if (out_id) *out_id = id;
    });
}

int rectify_review_verdict(int64_t *out_id, rectify_db *db, int64_t review_id, int64_t issue_id, const char *verdict,
                           const char *date, const char *findings, const char *new_measures_json) {
    if (out_id) *out_id = 0;
    return guarded([&] {
        auto &svc = capi::service_of(db);
        positive(review_id, "review_id");
        positive(issue_id, "issue_id");
        capi::require(verdict, "verdict");
        capi::require(date, "date");
        auto id = svc.review_verdict(review_id, issue_id, verdict, date, opt(findings), opt(new_measures_json));
        if (out_id) *out_id = id;
    });
}

int rectify_review_report(char **out_json, rectify_db *db, int64_t review_id) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        auto &svc = capi::service_of(db);
        positive(review_id, "review_id");
        *out_json = capi::copy_out(svc.review_report(review_id));
    });
}

int rectify_followup_plan(rectify_db *db, int64_t measure_id, const char *cadence, const char *start) {
    return guarded([&] {
        auto &svc = capi::service_of(db);
        positive(measure_id, "measure_id");
        capi::require(cadence, "cadence");
        capi::require(start, "start");
        svc.followup_plan(measure_id, cadence, start);
    });
}

int rectify_followup_record(int64_t *out_id, rectify_db *db, int64_t measure_id, const char *date, const char *narrative) {
    if (out_id) *out_id = 0;
    return guarded([&] {
        auto &svc = capi::service_of(db);
        positive(measure_id, "measure_id");
        capi::require(date, "date");
        capi::require(narrative, "narrative");
        auto id = svc.followup_record(measure_id, date, narrative);
        if (out_id) *out_id = id;
    });
}

int rectify_followups_due(char **out_json, rectify_db *db, int days, const rectify_warning_options *opts) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        auto &svc = capi::service_of(db);
        rectify_warning_options copy = RECTIFY_WARNING_OPTIONS_INIT;
        if (opts) {
            capi::copy_options(copy, opts); // reads only the caller's version's size
            opts = &copy;
        }
        store::MeasureScope scope;
        if (opts) {
            if (opts->inspection_id < 0 || opts->unit_id < 0 || opts->round_id < 0) capi::bad_argument("ids must not be negative");
            scope.inspection_id = opts->inspection_id;
            scope.unit_id = opts->unit_id;
            scope.round_id = opts->round_id;
            if (opts->leader) {
                if (core::find_invalid_utf8(opts->leader)) throw core::Error(core::Errc::utf8, "leader: not valid UTF-8");
                scope.leader = std::string(opts->leader);
            }
        }
        *out_json = capi::copy_out(svc.followups_due(capi::as_of_arg(opts ? opts->as_of : nullptr), days, scope));
    });
}

int rectify_evaluate(char **out_json, rectify_db *db, int64_t inspection_id, const char *date, const char *deductions_json,
                     const char *thresholds_json) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        auto &svc = capi::service_of(db);
        positive(inspection_id, "inspection_id");
        capi::require(date, "date");
        capi::require(deductions_json, "deductions_json");
        std::string result = svc.evaluate(inspection_id, date, deductions_json, opt(thresholds_json));
        if (out_json) *out_json = capi::copy_out(result);
    });
}

int rectify_lead_add(int64_t *out_id, rectify_db *db, int64_t inspection_id, const char *summary, const char *handed_to,
                     const char *handed_on) {
    if (out_id) *out_id = 0;
    return guarded([&] {
        auto &svc = capi::service_of(db);
        positive(inspection_id, "inspection_id");
        capi::require(summary, "summary");
        capi::require(handed_to, "handed_to");
        capi::require(handed_on, "handed_on");
        auto id = svc.lead_add(inspection_id, summary, handed_to, handed_on);
        if (out_id) *out_id = id;
    });
}

int rectify_lead_dispose(rectify_db *db, int64_t lead_id, const char *disposition, const char *concluded_on, const char *note) {
    return guarded([&] {
        auto &svc = capi::service_of(db);
        positive(lead_id, "lead_id");
        capi::require(disposition, "disposition");
        svc.lead_dispose(lead_id, disposition, opt(concluded_on), opt(note));
    });
}

int rectify_lead_list(char **out_json, rectify_db *db, int64_t inspection_id) {
    if (out_json) *out_json = nullptr;
    return guarded([&] {
        capi::require(out_json, "out_json");
        auto &svc = capi::service_of(db);
        if (inspection_id < 0) capi::bad_argument("inspection_id must not be negative");
        *out_json = capi::copy_out(svc.leads_json(inspection_id));
    });
}

} // extern "C"
