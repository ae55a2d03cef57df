#include "io/stats_json.hpp"

#include "core/figures.hpp"
#include "io/json_text.hpp"

#include <boost/json.hpp>

namespace rectify::io {

namespace {

namespace json = boost::json;

json::string_view sv(std::string_view s) { return json::string_view(s.data(), s.size()); }

json::value rate_json(const std::optional<std::string> &rate) {
    return rate ? json::value(json::string(*rate)) : json::value(nullptr);
}

json::object tally_json(const core::Tally &t) {
    json::object o;
    o["total"] = t.total;
    o["done"] = t.done;
    o["substantially_done"] = t.substantially_done;
    o["in_progress"] = t.in_progress;
    o["not_done"] = t.not_done;
    o["extended"] = t.extended;
    o["overdue"] = t.overdue;
    o["completion_rate"] = rate_json(t.completion_rate());
    return o;
}

// "issues_total", "issues_done" … into o: the tally's counts, flat, under a prefix.
void put_tally(json::object &o, const std::string &prefix, const core::Tally &t) {
    for (const auto &field : tally_json(t))
        if (field.key() != "completion_rate") o[prefix + "_" + std::string(field.key())] = field.value();
}

json::object money_json(std::int64_t fen) {
    json::object o;
    o["fen"] = fen;
    o["yuan"] = core::format_yuan(fen);
    o["wan_yuan"] = core::format_wan_yuan(fen);
    return o;
}

json::object outcomes_json(const core::OutcomeTally &t) {
    json::object o;
    o["rules_made"] = t.rules_made;
    o["rules_revised"] = t.rules_revised;
    json::array money;
    for (const auto &m : t.money) {
        json::object row = money_json(m.fen);
        row["category"] = sv(core::name(m.category));
        row["label"] = sv(core::label(m.category));
        row["items"] = m.items;
        money.push_back(std::move(row));
    }
    o["money"] = std::move(money);
    o["money_total"] = money_json(t.money_fen);
    json::array people;
    for (std::size_t i = 0; i < t.accountability.size(); ++i) {
        const auto form = static_cast<core::AccountabilityForm>(i + 1);
        json::object row;
        row["form"] = sv(core::name(form));
        row["label"] = sv(core::label(form));
        row["people"] = t.accountability[i];
        people.push_back(std::move(row));
    }
    o["accountability"] = std::move(people);
    o["accountability_total"] = t.accountability_total;
    o["meetings"] = t.meetings;
    return o;
}

} // namespace

std::string statistics_json(const core::Statistics &s) {
    json::object o;
    o["as_of"] = core::format_date(s.as_of);
    o["inspections"] = s.inspections;
    put_tally(o, "issues", s.issues);
    put_tally(o, "measures", s.measures);
    o["completion_rate"] = rate_json(s.issues.completion_rate());
    o["completion_basis_points"] = s.issues.total ? json::value(s.issues.completion_basis_points()) : json::value(nullptr);
    o["measures_completion_rate"] = rate_json(s.measures.completion_rate());

    json::array aspects;
    for (const auto &a : s.aspects) {
        json::object row;
        row["aspect_id"] = a.aspect_id;
        row["seq"] = a.seq;
        row["title"] = a.title;
        row["issues"] = tally_json(a.issues);
        row["measures"] = tally_json(a.measures);
        aspects.push_back(std::move(row));
    }
    o["aspects"] = std::move(aspects);
    o["outcomes"] = outcomes_json(s.outcomes);

    json::object leads;
    leads["handed_over"] = s.leads.handed_over;
    leads["concluded"] = s.leads.concluded;
    leads["in_progress"] = s.leads.in_progress;
    leads["completion_rate"] = rate_json(s.leads.completion_rate());
    // Only when some were left out, so that a reader who sees every lead gets the same document.
    if (s.leads.withheld_inspections > 0) leads["withheld_inspections"] = s.leads.withheld_inspections;
    o["leads"] = std::move(leads);

    json::object units;
    json::array rows;
    for (const auto &u : s.units.units) {
        json::object row;
        row["unit_id"] = u.unit_id;
        row["name"] = u.name;
        row["issues"] = tally_json(u.issues);
        row["measures"] = tally_json(u.measures);
        rows.push_back(std::move(row));
    }
    units["rows"] = std::move(rows);
    units["complete"] = s.units.units_complete;
    units["below_80"] = s.units.units_below_80;
    o["units"] = std::move(units);
    return to_compact_json(o);
}

} // namespace rectify::io
