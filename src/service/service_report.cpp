// Reports and statistics: one inspection gathered with what the deadline and follow-through
// machinery knows of it as of a date, and counted.
#include "service/service.hpp"

#include "core/warning.hpp"
#include "io/dashboard_html.hpp"
#include "io/notice_render.hpp"
#include "io/ledger.hpp"
#include "io/oscal_poam.hpp"
#include "io/stats_json.hpp"
#include "service/document_loader.hpp"
#include "service/measure_lights.hpp"
#include "service/provisional.hpp"
#include "service/transactions.hpp"
#include "store/deadline_rows.hpp"
#include "store/followthrough_rows.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace rectify::service {

namespace {

using core::Errc;
using core::Error;
using core::Permission;

struct Facts {
    std::map<std::int64_t, io::MeasureFacts> measures;
    std::map<std::int64_t, io::IssueFacts> issues;
};

void collect_measures(const std::vector<io::DocIssue> &issues, std::vector<const core::Measure *> &out) {
    for (const auto &i : issues) {
        for (const auto &m : i.measures) out.push_back(&m.record);
        collect_measures(i.sub_issues, out);
    }
}

bool is_overdue(const core::Measure &m, const core::Date &as_of) {
    return core::is_open(m.status) && m.deadline && *m.deadline < as_of;
}

// lights may be null when only counts are wanted: statistics need no warning lights. evidence
// false leaves the evidence counts 0.
Facts gather_facts(store::Store &store, const io::Document &doc, const core::Date &as_of, MeasureLights *lights,
                   bool evidence = true) {
    Facts f;
    std::vector<const core::Measure *> measures;
    for (const auto &a : doc.aspects) collect_measures(a.issues, measures);
    std::vector<std::int64_t> ids;
    for (const auto *m : measures) ids.push_back(m->meta.id);
    const std::set<std::int64_t> extended = store::Deadlines(store).extended_among(ids);
    for (const auto *m : measures) {
        io::MeasureFacts mf;
        if (lights) mf.warning = lights->of(*m);
        mf.extended = extended.count(m->meta.id) != 0;
        mf.overdue = is_overdue(*m, as_of);
        f.measures.emplace(m->meta.id, mf);
    }
    store::Followthrough ft(store);
    const auto closed = ft.latest_close_outs(doc.inspection.meta.id);
    for (const auto *i : io::all_issues(doc)) {
        io::IssueFacts fi;
        if (auto c = closed.find(i->record.meta.id); c != closed.end()) fi.closed_on = c->second;
        f.issues.emplace(i->record.meta.id, fi);
    }
    if (evidence) {
        for (const auto &e : ft.evidence(doc.inspection.meta.id, "", 0)) {
            if (e.target_kind == "measure") {
                auto it = f.measures.find(e.target_id);
                if (it != f.measures.end()) ++it->second.evidence;
            } else if (e.target_kind == "issue") {
                auto it = f.issues.find(e.target_id);
                if (it != f.issues.end()) ++it->second.evidence;
            }
        }
    }
    return f;
}

// Only what statistics count: whether each measure was extended (`extended` holds the extended
// measures of the whole scope) and whether it is overdue. No close-outs, evidence or lights.
Facts count_facts(const io::Document &doc, const core::Date &as_of, const std::set<std::int64_t> &extended) {
    Facts f;
    std::vector<const core::Measure *> measures;
    for (const auto &a : doc.aspects) collect_measures(a.issues, measures);
    for (const auto *m : measures) {
        io::MeasureFacts mf;
        mf.extended = extended.count(m->meta.id) != 0;
        mf.overdue = is_overdue(*m, as_of);
        f.measures.emplace(m->meta.id, mf);
    }
    return f;
}

// What one issue's measures add up to: whether any was extended or is overdue.
struct Subtree {
    bool extended = false;
    bool overdue = false;
};

// Counts the measures of an issue and its sub-issues into `measures` (and the aspect's), and
// says whether any was extended or is overdue.
Subtree tally_measures(const io::DocIssue &issue, const Facts &f, bool count_non_public, core::Tally &measures,
                       core::Tally *aspect_measures) {
    Subtree t;
    for (const auto &m : issue.measures) {
        if (!count_non_public && !m.record.is_public) continue;
        const auto &mf = f.measures.at(m.record.meta.id);
        measures.add(m.record.status, mf.extended, mf.overdue);
        if (aspect_measures) aspect_measures->add(m.record.status, mf.extended, mf.overdue);
        t.extended |= mf.extended;
        t.overdue |= mf.overdue;
    }
    for (const auto &sub : issue.sub_issues) {
        if (!count_non_public && !sub.record.is_public) continue;
        auto st = tally_measures(sub, f, count_non_public, measures, aspect_measures);
        t.extended |= st.extended;
        t.overdue |= st.overdue;
    }
    return t;
}

void tally_outcomes(const io::DocIssue &issue, bool count_non_public, core::OutcomeTally &out) {
    for (const auto &o : issue.outcomes) out.add(o.record);
    for (const auto &sub : issue.sub_issues)
        if (count_non_public || sub.record.is_public) tally_outcomes(sub, count_non_public, out);
}

// One inspection's counts: added into `s` (and into the unit's line when given).
void tally_inspection(const io::Document &doc, const Facts &f, bool count_non_public, bool per_aspect,
                      core::Statistics &s, core::UnitTally *unit) {
    ++s.inspections;
    core::Tally issues, measures;
    for (const auto &a : doc.aspects) {
        core::AspectTally at;
        at.aspect_id = a.record.meta.id;
        at.seq = a.record.seq;
        at.title = a.record.title;
        for (const auto &i : a.issues) {
            if (!count_non_public && !i.record.is_public) continue;
            auto t = tally_measures(i, f, count_non_public, measures, &at.measures);
            issues.add(i.record.status, t.extended, t.overdue);
            at.issues.add(i.record.status, t.extended, t.overdue);
            tally_outcomes(i, count_non_public, s.outcomes);
        }
        if (per_aspect) s.aspects.push_back(std::move(at));
    }
    for (const auto &o : doc.outcomes) s.outcomes.add(o.record);
    s.issues.add(issues);
    s.measures.add(measures);
    if (unit) {
        unit->issues.add(issues);
        unit->measures.add(measures);
    }
}

void add_verdicts(store::Store &store, io::Report &r) {
    std::set<std::int64_t> shown;
    for (const auto *i : io::all_issues(r.doc)) shown.insert(i->record.meta.id);
    for (auto &[review, v] : store::Followthrough(store).verdicts_of_inspection(r.doc.inspection.meta.id)) {
        if (!shown.count(v.issue_id)) continue;
        io::VerdictFacts vf;
        vf.review_id = review.id;
        vf.scheduled_on = review.scheduled_on;
        vf.team = review.team;
        vf.review_title = review.title;
        vf.issue_id = v.issue_id;
        vf.verdict = v.verdict;
        vf.decided_on = v.decided_on;
        vf.findings = v.findings;
        r.verdicts.push_back(std::move(vf));
    }
}

Permission permission_for(io::Audience a) { return a == io::Audience::public_ ? Permission::read_public : Permission::read; }

const char *audience_name(io::Audience a) { return a == io::Audience::public_ ? "public" : "internal"; }

} // namespace

io::Report Service::report(std::int64_t inspection_id, const ReportOptions &o) {
    ReadTransaction snapshot(store_);
    require(permission_for(o.audience), access_.scope_of(core::Kind::inspection, inspection_id),
            std::string("the ") + audience_name(o.audience) + " report of inspection " + std::to_string(inspection_id));
    io::Report r;
    r.audience = o.audience;
    r.as_of = o.as_of;
    r.stats.as_of = o.as_of;
    io::Document full = load_document(store_, inspection_id);
    MeasureLights lights(store_, o.as_of);
    Facts f = gather_facts(store_, full, o.as_of, o.warning_lights ? &lights : nullptr, o.evidence);
    tally_inspection(full, f, o.count_non_public || o.audience == io::Audience::internal, true, r.stats, nullptr);
    // Leads only for a reader who may read them; the others are told they were left out.
    if (access_.allows(actor_, Permission::read_leads, core::RecordScope{full.inspection.unit_id, full.inspection.round_id}))
        for (const auto &l : store::Followthrough(store_).leads(inspection_id)) r.stats.leads.add(l.disposition);
    else ++r.stats.leads.withheld_inspections;

    r.doc = o.audience == io::Audience::public_ ? io::redact_for_public(std::move(full)) : std::move(full);
    // Facts only of what the document still holds.
    std::set<std::int64_t> issue_ids, measure_ids;
    for (const auto *i : io::all_issues(r.doc)) {
        issue_ids.insert(i->record.meta.id);
        for (const auto &m : i->measures) measure_ids.insert(m.record.meta.id);
    }
    for (auto &[id, mf] : f.measures)
        if (measure_ids.count(id)) r.measures.emplace(id, mf);
    for (auto &[id, fi] : f.issues)
        if (issue_ids.count(id)) r.issues.emplace(id, fi);
    if (o.verdicts) add_verdicts(store_, r);
    r.provisional_years = provisional_years(store_, r.doc.inspection, calendar());
    return r;
}

core::Statistics Service::statistics(const StatsScope &scope, const ReportOptions &o) {
    ReadTransaction snapshot(store_);
    const Permission p = permission_for(o.audience);
    const std::string what = std::string(audience_name(o.audience)) + " statistics";
    std::vector<core::Inspection> inspections;
    if (scope.inspection_id) {
        require(p, access_.scope_of(core::Kind::inspection, scope.inspection_id),
                "the " + what + " of inspection " + std::to_string(scope.inspection_id));
        auto in = store_.get<core::Inspection>(scope.inspection_id);
        if (!in) throw Error(Errc::not_found, "no inspection " + std::to_string(scope.inspection_id));
        inspections.push_back(std::move(*in));
    } else {
        access_.require_scope(actor_, p, 0, scope.unit_id, scope.round_id, "the " + what);
        const core::Visibility visible = access_.visibility(actor_, p, "reading " + what);
        store::ListFilter f;
        f.visible = &visible;
        f.parent_id = scope.round_id; // an inspection's parent is its round: read that round's only
        for (auto &in : store_.list<core::Inspection>(f)) {
            if (scope.unit_id && in.unit_id != scope.unit_id) continue;
            if (scope.round_id && in.round_id.value_or(0) != scope.round_id) continue;
            inspections.push_back(std::move(in));
        }
    }

    core::Statistics s;
    s.as_of = o.as_of;
    const bool count_all = o.count_non_public || o.audience == io::Audience::internal;
    std::map<std::int64_t, core::UnitTally> units;
    // The scope's extended measures and leads in one query each; each inspection's tree without
    // the progress records, which counting never reads.
    std::vector<std::int64_t> ids;
    for (const auto &in : inspections) ids.push_back(in.meta.id);
    const std::set<std::int64_t> extended = store::Deadlines(store_).extended_in(ids);
    LoadParts parts;
    parts.progress = false;
    for (const auto &in : inspections) {
        io::Document doc = load_document(store_, in.meta.id, parts);
        Facts f = count_facts(doc, o.as_of, extended);
        auto &unit = units[in.unit_id];
        if (unit.unit_id == 0) {
            unit.unit_id = in.unit_id;
            unit.name = doc.unit.name;
        }
        tally_inspection(doc, f, count_all, inspections.size() == 1, s, &unit);
    }
    // Leads of the inspections where the actor holds read_leads; the others are counted as left out.
    std::vector<std::int64_t> lead_ids;
    for (const auto &in : inspections) {
        if (access_.allows(actor_, Permission::read_leads, core::RecordScope{in.unit_id, in.round_id})) lead_ids.push_back(in.meta.id);
        else ++s.leads.withheld_inspections;
    }
    if (!lead_ids.empty())
        for (const auto &disposition : store::Followthrough(store_).lead_dispositions(lead_ids)) s.leads.add(disposition);
    for (auto &[id, u] : units) s.units.units.push_back(std::move(u));
    core::finish_rollup(s.units);
    return s;
}

std::string Service::statistics_json(const StatsScope &scope, const ReportOptions &o) {
    return io::statistics_json(statistics(scope, o));
}

std::string Service::render_report(std::int64_t inspection_id, io::Format format, const ReportOptions &o,
                                   const std::optional<std::string> &template_text) {
    const bool notice = format == io::Format::text || format == io::Format::markdown;
    if (template_text && !notice)
        throw Error(Errc::argument, "a template applies to the text and markdown notices only");
    ReportOptions ro = o;
    if (notice) {
        // The notice reads neither evidence nor verdicts, and lights only if its template does.
        ro.warning_lights = io::notice_parts(format, template_text).lights;
        ro.evidence = false;
        ro.verdicts = false;
    }
    const io::Report r = report(inspection_id, ro);
    switch (format) {
    case io::Format::text:
    case io::Format::markdown: return io::render_notice(r, format, template_text);
    case io::Format::html: return io::render_dashboard_html(r);
    case io::Format::csv: return io::render_ledger_csv(r);
    case io::Format::xlsx: return io::render_ledger_xlsx(r);
    case io::Format::oscal: return io::render_oscal_poam(r);
    }
    throw Error(Errc::argument, "format " + std::to_string(static_cast<int>(format)) + " is not a RECTIFY_FORMAT_* value");
}

} // namespace rectify::service
