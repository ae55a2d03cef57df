// Deadlines: the database's calendar, rule profiles and derived deadlines, warnings, extensions
// and escalations.
#include "service/service.hpp"
#include "service/optional_text.hpp"

#include "core/calendar_bundled.hpp"
#include "core/calendar_json.hpp"
#include "core/followthrough.hpp"
#include "core/warning.hpp"
#include "io/json_text.hpp"
#include "io/json_values.hpp"
#include "io/profile_json.hpp"
#include "io/record_json.hpp"
#include "service/audit.hpp"
#include "service/provisional.hpp"
#include "service/measure_lights.hpp"
#include "service/record_dates.hpp"
#include "service/transactions.hpp"
#include "store/followthrough_rows.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <array>
#include <map>
#include <set>
#include <tuple>

namespace rectify::service {

namespace {

using core::Errc;
using core::Error;
using core::Permission;

boost::json::object profile_row_json(const store::ProfileRow &p) {
    boost::json::object o;
    o["id"] = p.id;
    o["name"] = p.name;
    o["version"] = p.version;
    o["profile"] = boost::json::parse(p.body);
    o["created_at"] = p.created_at;
    o["created_by"] = p.created_by;
    return o;
}

} // namespace

// ---- the database's calendar --------------------------------------------------------------

core::Calendar Service::calendar() {
    core::Calendar cal = core::bundled_china_calendar();
    store::Deadlines d(store_);
    for (const auto &n : d.notices()) cal.load_json(n.body);
    for (const auto &day : d.days()) cal.set_day(*core::parse_date(day.date), day.off);
    return cal;
}

core::Calendar Service::calendar_for_reader() {
    ReadTransaction snapshot(store_);
    access_.visibility(actor_, Permission::read, "reading the database's calendar");
    return calendar();
}

namespace {
void set_derived(core::Inspection &in, const store::ProfileRow &profile, const core::Calendar &cal);

const char *const kDerivedKeys[] = {"plan_due", "concentrated_end", "report_due", "evaluation_due"};
const char *const kDerivedLabels[] = {"整改方案", "集中整改期满", "整改情况报告", "整改评估"};

std::array<core::OptDate, 4> derived_dates(const core::Inspection &in) {
    return {in.plan_due, in.concentrated_end, in.report_due, in.evaluation_due};
}

// Derives again, on the calendar `after`, the deadlines of every inspection that were provisional
// on `before`; stores and audits those that changed and returns the changes.
boost::json::array rederive_provisional(store::Store &store, const core::Calendar &before, const core::Calendar &after,
                                        const std::string &actor, const std::string &now) {
    std::vector<core::Inspection> provisional;
    store.for_each_by_id<core::Inspection>([&](const core::Inspection &in) {
        if (!provisional_years(store, in, before).empty()) provisional.push_back(in);
    });
    boost::json::array changes;
    store::Deadlines d(store);
    for (auto &in : provisional) {
        const auto old_dates = derived_dates(in);
        const std::string before_image = audit_image(in);
        auto profile = d.profile(*in.profile_id);
        set_derived(in, *profile, after);
        const bool still = !provisional_years(store, in, after).empty();
        const auto new_dates = derived_dates(in);
        if (new_dates == old_dates) continue;
        for (std::size_t i = 0; i < new_dates.size(); ++i) {
            if (new_dates[i] == old_dates[i]) continue;
            boost::json::object c;
            c["inspection_id"] = in.meta.id;
            c["ref"] = in.meta.ref;
            c["deadline"] = kDerivedKeys[i];
            c["label"] = kDerivedLabels[i];
            c["from"] = io::to_json(old_dates[i]);
            c["to"] = io::to_json(new_dates[i]);
            c["provisional"] = still;
            changes.push_back(std::move(c));
        }
        if (!store.update(in, now))
            throw Error(Errc::conflict, "inspection " + std::to_string(in.meta.id) + " was changed by another writer");
        audit(store, actor, now, "recalculate", core::Kind::inspection, in.meta.id, before_image, audit_image(in));
    }
    return changes;
}
} // namespace

std::vector<int> provisional_years(store::Store &store, const core::Inspection &in, const core::Calendar &cal) {
    if (!in.feedback_date || !in.profile_id) return {};
    auto profile = store::Deadlines(store).profile(*in.profile_id);
    if (!profile) return {};
    return core::provisional_years(io::read_profile(profile->body), cal, *in.feedback_date);
}

void mark_provisional(boost::json::object &o, const std::vector<int> &years) {
    o["provisional"] = !years.empty();
    if (years.empty()) return;
    boost::json::array ys;
    for (int y : years) ys.push_back(y);
    o["provisional_years"] = std::move(ys);
}

std::string Service::calendar_load_json(std::string_view json) {
    const std::string &actor = require_actor();
    auto notices = core::parse_holiday_notices(json); // refuses malformed text before anything
    WriteTransaction tx(store_);
    require(Permission::configure, {}, "loading calendar notices");
    const core::Calendar before = calendar();
    core::Calendar cal = before;
    cal.load(notices); // refuses contradictions, all or nothing
    // Stored as given, one row per load, and applied again in load order whenever the
    // database's calendar is built.
    store::NoticeRow row;
    for (const auto &n : notices) row.year = std::max<std::int64_t>(row.year, n.year);
    row.body = std::string(json);
    row.loaded_at = core::utc_timestamp_now();
    row.loaded_by = actor;
    store::Deadlines(store_).add_notice(row);
    audit(store_, actor, row.loaded_at, "load", "calendar", row.id, std::nullopt, row.body);
    // Deadlines counted on the plain Monday-Friday rule for a year now known are derived again.
    boost::json::array changes = rederive_provisional(store_, before, calendar(), actor, row.loaded_at);
    tx.commit();
    return io::to_compact_json(changes);
}

void Service::calendar_set_day(std::string_view date, bool off) {
    const std::string &actor = require_actor();
    const core::Date day = date_arg("date", date);
    WriteTransaction tx(store_);
    require(Permission::configure, {}, "setting a calendar day");
    store::DayRow row{core::format_date(day), off, core::utc_timestamp_now(), actor};
    store::Deadlines(store_).set_day(row);
    boost::json::object image;
    image["date"] = row.date;
    image["off"] = off;
    audit(store_, actor, row.set_at, "set_day", "calendar", 0, std::nullopt, io::to_compact_json(image));
    tx.commit();
}

// ---- rule profiles and derived deadlines --------------------------------------------------

store::ProfileRow Service::default_profile_row(const std::string &actor) {
    store::Deadlines d(store_);
    if (auto p = d.latest_profile("default")) return *p;
    store::ProfileRow row;
    row.name = "default";
    row.body = io::write_profile(core::default_profile());
    row.created_at = core::utc_timestamp_now();
    row.created_by = actor;
    d.add_profile(row);
    audit(store_, actor, row.created_at, "create", "profile", row.id, std::nullopt, row.body);
    return row;
}

namespace {
void set_derived(core::Inspection &in, const store::ProfileRow &profile, const core::Calendar &cal) {
    auto p = io::read_profile(profile.body);
    auto d = core::derive_deadlines(p, cal, *in.feedback_date);
    in.profile_id = profile.id;
    in.plan_due = d.plan_due;
    in.concentrated_end = d.concentrated_end;
    in.report_due = d.report_due;
    in.evaluation_due = d.evaluation_due;
}
} // namespace

void Service::derive_for_import(core::Inspection &in, const core::Inspection *existing, const std::string &actor,
                                const core::Calendar &cal) {
    if (existing) {
        // What is derived stays derived: the profile and dates an inspection was given.
        in.profile_id = existing->profile_id;
        in.plan_due = existing->plan_due;
        in.concentrated_end = existing->concentrated_end;
        in.report_due = existing->report_due;
        in.evaluation_due = existing->evaluation_due;
        if (in.feedback_date == existing->feedback_date && in.profile_id) return;
    }
    if (!in.feedback_date) return;
    store::Deadlines d(store_);
    auto profile = in.profile_id ? d.profile(*in.profile_id) : std::nullopt;
    try {
        set_derived(in, profile ? *profile : default_profile_row(actor), cal);
    } catch (const Error &e) {
        throw Error(e.code(), "inspection.feedback_date: deriving deadlines: " + std::string(e.what()));
    }
}

std::int64_t Service::profile_add(std::string_view json) {
    const std::string &actor = require_actor();
    auto profile = io::read_profile(json);
    WriteTransaction tx(store_);
    require(Permission::configure, {}, "storing rule profile '" + profile.name + "'");
    store::ProfileRow row;
    row.name = profile.name;
    row.body = io::write_profile(profile);
    row.created_at = core::utc_timestamp_now();
    row.created_by = actor;
    store::Deadlines(store_).add_profile(row);
    audit(store_, actor, row.created_at, "create", "profile", row.id, std::nullopt, row.body);
    tx.commit();
    return row.version;
}

std::string Service::profiles_json() {
    ReadTransaction snapshot(store_);
    access_.visibility(actor_, Permission::read, "listing rule profiles");
    boost::json::array out;
    for (const auto &p : store::Deadlines(store_).profiles()) out.push_back(profile_row_json(p));
    return io::to_compact_json(out);
}

void Service::apply_profile(std::int64_t inspection_id, std::string_view name) {
    const std::string &actor = require_actor();
    check_text("profile", name);
    WriteTransaction tx(store_);
    require(Permission::import, access_.scope_of(core::Kind::inspection, inspection_id),
            "giving inspection " + std::to_string(inspection_id) + " a rule profile");
    auto in = *store_.get<core::Inspection>(inspection_id);
    store::Deadlines d(store_);
    auto profile = name == "default" ? default_profile_row(actor) : d.latest_profile(std::string(name)).value_or(store::ProfileRow{});
    if (profile.id == 0) throw Error(Errc::not_found, "no rule profile named '" + std::string(name) + "'");
    if (!in.feedback_date)
        throw Error(Errc::misuse, "inspection " + std::to_string(inspection_id) + " has no feedback date to derive deadlines from");
    std::string before = audit_image(in);
    set_derived(in, profile, calendar());
    if (before == audit_image(in)) return;
    const std::string now = core::utc_timestamp_now();
    if (!store_.update(in, now)) throw Error(Errc::conflict, "inspection " + std::to_string(inspection_id) + " was changed by another writer");
    audit(store_, actor, now, "profile", core::Kind::inspection, inspection_id, std::move(before), audit_image(in));
    tx.commit();
}

// ---- warnings -----------------------------------------------------------------------------

namespace {

struct Counts {
    std::int64_t by_light[5] = {};
    core::Light worst = core::Light::green;
    void add(core::Light l) {
        ++by_light[static_cast<int>(l)];
        worst = core::worst(worst, l);
    }
};

boost::json::object counts_json(const Counts &c) {
    boost::json::object o;
    for (auto l : {core::Light::red, core::Light::yellow, core::Light::green, core::Light::blue}) {
        auto n = core::name(l);
        o[boost::json::string_view(n.data(), n.size())] = c.by_light[static_cast<int>(l)];
    }
    return o;
}

boost::json::object measure_row(const core::Measure &m, const core::Warning &w, bool extended) {
    boost::json::object o;
    o["kind"] = "measure";
    o["id"] = m.meta.id;
    o["ref"] = m.meta.ref;
    o["title"] = m.title;
    o["inspection_id"] = m.inspection_id;
    o["issue_id"] = m.issue_id;
    o["leader"] = io::to_json(m.leader);
    o["department"] = io::to_json(m.department);
    o["person"] = io::to_json(m.person);
    o["category"] = io::to_json(m.category);
    o["deadline"] = io::to_json(m.deadline);
    o["status"] = io::to_json(m.status);
    auto light = core::name(w.light);
    o["light"] = boost::json::string_view(light.data(), light.size());
    o["days_left"] = io::to_json(w.days_left);
    o["stage"] = w.stage;
    o["extended"] = extended;
    o["followup_missed"] = w.followup_missed;
    return o;
}

bool light_wanted(unsigned lights, core::Light l) { return lights == 0 || (lights & (1u << static_cast<int>(l))); }

} // namespace

std::string Service::warnings(const WarningQuery &q, const std::function<bool(const std::string &)> &emit) {
    ReadTransaction snapshot(store_);
    access_.require_scope(actor_, Permission::read, q.scope.inspection_id, q.scope.unit_id, q.scope.round_id, "reading warnings");
    const core::Visibility visible = access_.visibility(actor_, Permission::read, "reading warnings");
    store::MeasureScope scope = q.scope;
    scope.visible = &visible;
    store::Deadlines d(store_);

    struct Row {
        core::Light light;
        std::optional<core::Date> deadline;
        std::int64_t id;
        boost::json::object json;
    };
    std::vector<Row> rows;
    Counts totals;
    std::map<std::pair<int, std::int64_t>, Counts> groups; // (rollup kind, id) -> counts
    std::map<std::int64_t, core::RecordScope> scopes;      // inspection -> unit, round

    MeasureLights lights(store_, q.as_of);
    auto light_of = [&](const core::Measure &m) { return lights.of(m); };

    std::set<std::int64_t> inspections; // of the measures the answer counts, for provisional_years
    d.each_measure(scope, [&](const core::Measure &m) {
        auto w = light_of(m);
        if (q.rollup <= 1) {
            if (!light_wanted(q.lights, w.light)) return;
            inspections.insert(m.inspection_id);
            totals.add(w.light);
            rows.push_back({w.light, m.deadline, m.meta.id, {}});
            return;
        }
        std::int64_t key = m.issue_id;
        if (q.rollup >= 3) {
            auto it = scopes.find(m.inspection_id);
            if (it == scopes.end()) it = scopes.emplace(m.inspection_id, store_.scope_of_inspection(m.inspection_id)).first;
            key = q.rollup == 3 ? m.inspection_id : q.rollup == 4 ? it->second.unit_id.value_or(0) : it->second.round_id.value_or(0);
        }
        groups[{q.rollup, key}].add(w.light);
        if (light_wanted(q.lights, w.light)) inspections.insert(m.inspection_id);
    });

    if (q.rollup > 1) {
        for (auto &[key, c] : groups) {
            if (!light_wanted(q.lights, c.worst)) continue;
            totals.add(c.worst);
            rows.push_back({c.worst, std::nullopt, key.second, {}});
        }
    }
    // Most urgent first: red, yellow, blue, green; then the earliest deadline; then id.
    auto urgency = [](const Row &r) {
        return std::make_tuple(-static_cast<int>(r.light), !r.deadline.has_value(),
                               r.deadline.value_or(core::Date(9999, 12, 31)), r.id);
    };
    std::sort(rows.begin(), rows.end(), [&](const Row &a, const Row &b) { return urgency(a) < urgency(b); });

    static const char *const kRollupNames[] = {"", "measure", "issue", "inspection", "unit", "round"};
    boost::json::array out;
    const std::size_t first = static_cast<std::size_t>(std::min<std::int64_t>(q.offset, static_cast<std::int64_t>(rows.size())));
    const std::size_t last = q.limit > 0 ? std::min(rows.size(), first + static_cast<std::size_t>(q.limit)) : rows.size();
    // Only the rows shown are looked up for extensions: the page, not the whole database.
    std::set<std::int64_t> extended;
    if (q.rollup <= 1) {
        std::vector<std::int64_t> ids;
        for (std::size_t i = first; i < last; ++i) ids.push_back(rows[i].id);
        extended = d.extended_among(ids);
    }
    for (std::size_t i = first; i < last; ++i) {
        boost::json::object row;
        if (q.rollup <= 1) {
            auto m = *store_.get<core::Measure>(rows[i].id);
            auto w = light_of(m);
            row = measure_row(m, w, extended.count(m.meta.id) != 0);
        } else {
            const auto &c = groups[{q.rollup, rows[i].id}];
            row["kind"] = kRollupNames[q.rollup];
            row["id"] = rows[i].id;
            std::string name;
            switch (q.rollup) {
            case 2: if (auto r = store_.get<core::Issue>(rows[i].id)) name = r->title; break;
            case 3: if (auto r = store_.get<core::Inspection>(rows[i].id)) name = r->group + " → " + store_.get<core::Unit>(r->unit_id)->name; break;
            case 4: if (auto r = store_.get<core::Unit>(rows[i].id)) name = r->name; break;
            case 5: if (auto r = store_.get<core::Round>(rows[i].id)) name = r->name; break;
            }
            row["name"] = name;
            auto light = core::name(c.worst);
            row["light"] = boost::json::string_view(light.data(), light.size());
            row["counts"] = counts_json(c);
        }
        if (emit) {
            if (!emit(io::to_compact_json(row))) break;
        } else {
            out.push_back(std::move(row));
        }
    }
    boost::json::object doc;
    doc["as_of"] = core::format_date(q.as_of);
    doc["rollup"] = kRollupNames[q.rollup <= 1 ? 1 : q.rollup];
    auto totals_json = counts_json(totals);
    // Extended measures are counted apart: an approved extension is not the original deadline met.
    totals_json["extended"] = d.count_extended(scope);
    doc["totals"] = std::move(totals_json);
    doc["rows"] = std::move(out);
    // The years with no notice that the derived deadlines of the inspections counted depend on,
    // only when there are any: the answer then ends with a footnote (io/provisional_note.hpp).
    std::set<int> years;
    const core::Calendar cal = calendar();
    for (std::int64_t id : inspections)
        if (auto in = store_.get<core::Inspection>(id))
            for (int y : provisional_years(store_, *in, cal)) years.insert(y);
    if (!years.empty()) {
        boost::json::array ys;
        for (int y : years) ys.push_back(y);
        doc["provisional_years"] = std::move(ys);
    }
    return io::to_compact_json(doc);
}

namespace {
template <class Measures>
std::string measure_rows_json(store::Store &store, const Measures &measures, const core::Date &as_of,
                              store::Deadlines &d) {
    std::vector<std::int64_t> ids;
    for (const auto &m : measures) ids.push_back(m.meta.id);
    const std::set<std::int64_t> extended = d.extended_among(ids);
    MeasureLights lights(store, as_of);
    boost::json::array out;
    for (const auto &m : measures) {
        auto w = lights.of(m);
        out.push_back(measure_row(m, w, extended.count(m.meta.id) != 0));
    }
    return io::to_compact_json(out);
}
} // namespace

std::string Service::overdue_json(const WarningQuery &q) {
    ReadTransaction snapshot(store_);
    access_.require_scope(actor_, Permission::read, q.scope.inspection_id, q.scope.unit_id, q.scope.round_id, "listing overdue measures");
    const core::Visibility visible = access_.visibility(actor_, Permission::read, "listing overdue measures");
    store::MeasureScope scope = q.scope;
    scope.visible = &visible;
    store::Deadlines d(store_);
    return measure_rows_json(store_, d.overdue(q.as_of, scope, q.offset, q.limit), q.as_of, d);
}

std::int64_t Service::overdue_count(const WarningQuery &q) {
    ReadTransaction snapshot(store_);
    access_.require_scope(actor_, Permission::read, q.scope.inspection_id, q.scope.unit_id, q.scope.round_id, "counting overdue measures");
    const core::Visibility visible = access_.visibility(actor_, Permission::read, "counting overdue measures");
    store::MeasureScope scope = q.scope;
    scope.visible = &visible;
    return store::Deadlines(store_).count_overdue(q.as_of, scope);
}

std::string Service::due_within_json(const WarningQuery &q, std::int64_t days) {
    if (days < 0 || days > 3660) throw Error(Errc::argument, "days: must be from 0 to 3660, got " + std::to_string(days));
    ReadTransaction snapshot(store_);
    access_.require_scope(actor_, Permission::read, q.scope.inspection_id, q.scope.unit_id, q.scope.round_id, "listing measures falling due");
    const core::Visibility visible = access_.visibility(actor_, Permission::read, "listing measures falling due");
    store::MeasureScope scope = q.scope;
    scope.visible = &visible;
    store::Deadlines d(store_);
    return measure_rows_json(store_, d.due_between(q.as_of, q.as_of + boost::gregorian::days(days), scope, q.offset, q.limit),
                             q.as_of, d);
}

// ---- extensions ---------------------------------------------------------------------------

namespace {
boost::json::object extension_json(const store::ExtensionRow &e) {
    boost::json::object o;
    o["id"] = e.id;
    o["measure_id"] = e.measure_id;
    o["original_deadline"] = io::to_json(e.original_deadline);
    o["requested_deadline"] = io::to_json(e.requested_deadline);
    o["reason"] = e.reason;
    o["requested_by"] = e.requested_by;
    o["requested_at"] = e.requested_at;
    o["state"] = e.state;
    o["decided_by"] = io::to_json(e.decided_by);
    o["decided_at"] = io::to_json(e.decided_at);
    o["decision_note"] = io::to_json(e.decision_note);
    return o;
}
} // namespace

std::int64_t Service::extension_request(std::int64_t measure_id, std::string_view new_deadline, std::string_view reason) {
    const std::string &actor = require_actor();
    const core::Date wanted = date_arg("new_deadline", new_deadline);
    check_text("reason", reason);
    if (is_blank(reason)) throw Error(Errc::argument, "reason: an extension needs a reason");
    WriteTransaction tx(store_);
    auto m = store_.get<core::Measure>(measure_id);
    if (!m) throw Error(Errc::not_found, "no " + record_label(core::Kind::measure, measure_id));
    const auto where = store_.scope_of_inspection(m->inspection_id);
    const bool own = m->person && *m->person == actor && access_.allows(actor_, Permission::add_own_progress, where);
    if (!own) require(Permission::request_extension, where, "requesting an extension of " + record_label(core::Kind::measure, measure_id));
    if (!core::is_open(m->status))
        throw Error(Errc::misuse, record_label(core::Kind::measure, measure_id) + " is " + std::string(core::name(m->status)) + ": there is nothing to extend");
    if (m->deadline && wanted <= *m->deadline)
        throw Error(Errc::argument, "new_deadline: " + core::format_date(wanted) + " is not after the current deadline " + core::format_date(*m->deadline));
    store::ExtensionRow e;
    e.measure_id = measure_id;
    e.original_deadline = m->deadline;
    e.requested_deadline = wanted;
    e.reason = std::string(reason);
    e.requested_by = actor;
    e.requested_at = core::utc_timestamp_now();
    store::Deadlines d(store_);
    for (const auto &p : d.extensions(measure_id, true))
        throw Error(Errc::misuse, "extension " + std::to_string(p.id) + " of this measure is still pending");
    d.add_extension(e);
    audit(store_, actor, e.requested_at, "request", "extension", e.id, std::nullopt, io::to_compact_json(extension_json(e)));
    tx.commit();
    return e.id;
}

void Service::extension_decide(std::int64_t extension_id, bool approve, std::optional<std::string_view> note) {
    const std::string &actor = require_actor();
    if (note) check_text("note", *note);
    WriteTransaction tx(store_);
    store::Deadlines d(store_);
    auto e = d.extension(extension_id);
    if (!e) throw Error(Errc::not_found, "no extension " + std::to_string(extension_id));
    auto m = *store_.get<core::Measure>(e->measure_id);
    require(Permission::decide_extension, store_.scope_of_inspection(m.inspection_id),
            std::string(approve ? "approving" : "refusing") + " extension " + std::to_string(extension_id));
    if (e->state != "pending") throw Error(Errc::conflict, "extension " + std::to_string(extension_id) + " was " + e->state + " already");
    if (e->requested_by == actor)
        throw Error(Errc::denied, "denied: extension " + std::to_string(extension_id) + " was requested by '" + actor +
                                      "'; someone else must decide it");
    const std::string before = io::to_compact_json(extension_json(*e));
    e->state = approve ? "approved" : "refused";
    e->decided_by = actor;
    e->decided_at = core::utc_timestamp_now();
    if (auto given = given_text(note)) e->decision_note = std::move(given);
    d.decide_extension(*e);
    audit(store_, actor, *e->decided_at, approve ? "approve" : "refuse", "extension", e->id, before,
          io::to_compact_json(extension_json(*e)));
    if (approve) {
        std::string m_before = audit_image(m);
        m.deadline = e->requested_deadline;
        if (!store_.update(m, *e->decided_at)) throw Error(Errc::conflict, "the measure was changed by another writer");
        audit(store_, actor, *e->decided_at, "extension", core::Kind::measure, m.meta.id, std::move(m_before), audit_image(m));
    }
    tx.commit();
}

std::string Service::extensions_json(std::int64_t measure_id, bool pending_only) {
    ReadTransaction snapshot(store_);
    if (measure_id) access_.require_read(actor_, core::Kind::measure, measure_id, "listing the extensions of " + record_label(core::Kind::measure, measure_id));
    else access_.visibility(actor_, Permission::read, "listing extensions");
    boost::json::array out;
    for (const auto &e : store::Deadlines(store_).extensions(measure_id, pending_only)) {
        auto m = store_.get<core::Measure>(e.measure_id);
        if (!m || !access_.allows(actor_, Permission::read, store_.scope_of_inspection(m->inspection_id))) continue;
        out.push_back(extension_json(e));
    }
    return io::to_compact_json(out);
}

// ---- escalations --------------------------------------------------------------------------

namespace {
const char *const kLevels[] = {"", "notice", "guidance", "reminder", "warning", "accountability"};
const char *const kLevelLabels[] = {"", "督办通知书", "阶段督查指导书", "提醒书", "告诫书", "问责书"};

int level_of(const std::string &name) {
    for (int i = 1; i <= 5; ++i)
        if (name == kLevels[i]) return i;
    return 0;
}

boost::json::object escalation_json(const store::EscalationRow &e) {
    boost::json::object o;
    o["id"] = e.id;
    o["target_kind"] = e.target_kind;
    o["target_id"] = e.target_id;
    o["level"] = e.level;
    o["document"] = kLevelLabels[level_of(e.level)];
    o["issued_on"] = io::to_json(e.issued_on);
    o["issued_by"] = e.issued_by;
    o["issued_to"] = e.issued_to;
    o["new_deadline"] = io::to_json(e.new_deadline);
    o["previous_deadline"] = io::to_json(e.previous_deadline);
    o["note"] = io::to_json(e.note);
    o["created_at"] = e.created_at;
    o["created_by"] = e.created_by;
    return o;
}
} // namespace

std::int64_t Service::escalate(core::Kind kind, std::int64_t target_id, int level, std::string_view date,
                               std::string_view issued_to, std::optional<std::string_view> new_deadline,
                               std::optional<std::string_view> note) {
    const std::string &actor = require_actor();
    if (kind != core::Kind::issue && kind != core::Kind::measure)
        throw Error(Errc::argument, "kind: escalations target issues or measures");
    if (level < 1 || level > 5) throw Error(Errc::argument, "level " + std::to_string(level) + " is not a RECTIFY_ESCALATION_* value");
    const core::Date issued_on = date_arg("date", date);
    check_text("issued_to", issued_to);
    if (is_blank(issued_to)) throw Error(Errc::argument, "issued_to: must name who the document goes to");
    std::optional<core::Date> deadline;
    if (new_deadline) deadline = date_arg("new_deadline", *new_deadline);
    if (note) check_text("note", *note);
    if (deadline && *deadline <= issued_on) throw Error(Errc::argument, "new_deadline: must be after the date issued");

    WriteTransaction tx(store_);
    const std::string label = record_label(kind, target_id);
    require(Permission::escalate, access_.scope_of(kind, target_id), "escalating " + label);
    std::optional<core::Measure> target_measure;
    if (kind == core::Kind::measure) target_measure = store_.get<core::Measure>(target_id);
    if (target_measure) {
        require_within_inspection(store_, "date", issued_on, target_measure->inspection_id);
    } else if (kind == core::Kind::issue) {
        if (auto i = store_.get<core::Issue>(target_id)) require_within_inspection(store_, "date", issued_on, i->inspection_id);
    }
    store::Deadlines d(store_);
    const std::string target_kind(core::name(kind));
    for (const auto &prior : d.escalations(target_kind, target_id))
        if (level_of(prior.level) > level)
            throw Error(Errc::invalid, "level: " + label + " already had a " + kLevelLabels[level_of(prior.level)] +
                                           "; the chain does not step back to " + kLevelLabels[level]);
    store::EscalationRow e;
    e.target_kind = target_kind;
    e.target_id = target_id;
    e.level = kLevels[level];
    e.issued_on = issued_on;
    e.issued_by = actor;
    e.issued_to = std::string(issued_to);
    e.new_deadline = deadline;
    e.note = given_text(note);
    e.created_at = core::utc_timestamp_now();
    e.created_by = actor;
    if (deadline && target_measure) e.previous_deadline = target_measure->deadline;
    d.add_escalation(e);
    audit(store_, actor, e.created_at, "escalate", "escalation", e.id, std::nullopt, io::to_compact_json(escalation_json(e)));
    if (deadline && kind == core::Kind::measure) {
        auto m = *target_measure;
        std::string before = audit_image(m);
        m.deadline = deadline;
        if (!store_.update(m, e.created_at)) throw Error(Errc::conflict, label + " was changed by another writer");
        audit(store_, actor, e.created_at, "escalation", core::Kind::measure, target_id, std::move(before), audit_image(m));
    }
    tx.commit();
    return e.id;
}

std::string Service::open_escalations_json(const store::MeasureScope &scope_in) {
    ReadTransaction snapshot(store_);
    access_.require_scope(actor_, Permission::read, scope_in.inspection_id, scope_in.unit_id, scope_in.round_id,
                          "listing escalations");
    const core::Visibility visible = access_.visibility(actor_, Permission::read, "listing escalations");
    store::MeasureScope scope = scope_in;
    scope.visible = &visible;
    boost::json::array out;
    for (const auto &e : store::Deadlines(store_).open_escalations(scope)) out.push_back(escalation_json(e));
    return io::to_compact_json(out);
}

} // namespace rectify::service
