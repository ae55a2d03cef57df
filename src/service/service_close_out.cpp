// Close-out (销号): guarded, recorded with its verifier and date.
#include "service/service.hpp"

#include "core/close_out.hpp"
#include "core/status_machine.hpp"
#include "io/fields.hpp"
#include "io/json_text.hpp"
#include "io/json_values.hpp"
#include "service/audit.hpp"
#include "service/record_dates.hpp"
#include "service/transactions.hpp"
#include "store/followthrough_rows.hpp"

#include <boost/json.hpp>

namespace rectify::service {

namespace {

using core::Errc;
using core::Error;
namespace json = boost::json;

const char *const kGuardsKey = "close_out_guards";

core::CloseOutGuards read_guards(std::string_view text) {
    auto root = io::parse_json(text);
    io::Fields f(root, "");
    core::CloseOutGuards g;
    g.measures_done = f.boolean("measures_done", g.measures_done);
    if (auto n = f.opt_int("min_evidence")) {
        if (*n < 0 || *n > 1000) f.fail("min_evidence", "must be from 0 to 1000");
        g.min_evidence = *n;
    }
    g.verifier_not_owner = f.boolean("verifier_not_owner", g.verifier_not_owner);
    f.finish();
    return g;
}

std::string guards_json(const core::CloseOutGuards &g) {
    json::object o;
    o["measures_done"] = g.measures_done;
    o["min_evidence"] = g.min_evidence;
    o["verifier_not_owner"] = g.verifier_not_owner;
    return io::to_compact_json(o);
}

core::CloseOutGuards stored_guards(store::Followthrough &ft) {
    auto text = ft.setting(kGuardsKey);
    return text ? read_guards(*text) : core::CloseOutGuards{};
}

// The issue's measures and those of its sub-issues, all the way down, each read through its index
// (an import checks every issue it closes, so this runs once per closed issue).
void collect_measures(store::Store &store, std::int64_t issue_id, core::CloseOutFacts &facts, std::vector<std::int64_t> &issues) {
    issues.push_back(issue_id);
    store::ListFilter by_issue;
    by_issue.parent_id = issue_id;
    by_issue.position_order = true;
    for (const auto &m : store.list<core::Measure>(by_issue))
        facts.measures.push_back({m.meta.id, m.title, m.status, m.person});
    for (auto sub : store.sub_issue_ids(issue_id)) collect_measures(store, sub, facts, issues);
}

} // namespace

core::CloseOutGuards Service::close_out_guards() {
    store::Followthrough ft(store_);
    return stored_guards(ft);
}

void Service::check_close_out_guards(const core::CloseOutGuards &guards, std::int64_t issue_id, const std::string &verifier,
                                     const std::string &where) {
    store::Followthrough ft(store_);
    core::CloseOutFacts facts;
    facts.verifier = verifier;
    std::vector<std::int64_t> issues;
    collect_measures(store_, issue_id, facts, issues);
    for (auto id : issues) facts.evidence += ft.count_evidence("issue", id);
    for (const auto &m : facts.measures) facts.evidence += ft.count_evidence("measure", m.id);
    try {
        core::check_close_out(guards, facts);
    } catch (const Error &e) {
        throw Error(e.code(), where + ": " + e.what());
    }
}

void Service::record_close_out(std::int64_t issue_id, const std::string &verifier, const core::Date &day,
                               const std::optional<std::string> &note, const std::string &now) {
    store::CloseOutRow c{0, issue_id, verifier, day, note, now};
    store::Followthrough(store_).add_close_out(c);
}

std::int64_t Service::close_out(std::int64_t issue_id, std::string_view date, std::optional<std::string_view> note,
                                std::int64_t expect_version, bool already_closed_ok) {
    const std::string &actor = require_actor();
    const core::Date day = date_arg("date", date);
    std::optional<std::string> note_text;
    if (note) {
        check_text("note", *note);
        if (!note->empty()) note_text = std::string(*note);
    }
    WriteTransaction tx(store_);
    auto issue = store_.get<core::Issue>(issue_id);
    const std::string label = record_label(core::Kind::issue, issue_id);
    if (!issue) throw Error(Errc::not_found, "no " + label);
    require(core::Permission::close_out, store_.scope_of_inspection(issue->inspection_id), "closing out " + label);
    require_within_inspection(store_, "date", day, issue->inspection_id);
    if (expect_version && issue->meta.version != expect_version)
        throw Error(Errc::conflict, label + " is at version " + std::to_string(issue->meta.version) + ", not " +
                                        std::to_string(expect_version) + ": it was changed since it was read");
    if (issue->status == core::Status::closed) {
        if (already_closed_ok) return issue->meta.version;
        throw Error(Errc::misuse, label + " is closed out already");
    }
    core::check_transition(issue->status, core::Status::closed, label + ": ");
    check_close_out_guards(close_out_guards(), issue_id, actor, label);

    const std::string now = core::utc_timestamp_now();
    record_close_out(issue_id, actor, day, note_text, now);
    std::string before = audit_image(*issue);
    issue->status = core::Status::closed;
    if (!store_.update(*issue, now)) throw Error(Errc::conflict, label + " was changed by another writer");
    audit(store_, actor, now, "close_out", core::Kind::issue, issue_id, std::move(before), audit_image(*issue));
    tx.commit();
    return issue->meta.version;
}

void Service::set_close_out_guards(std::string_view text) {
    const std::string &actor = require_actor();
    auto guards = read_guards(text);
    WriteTransaction tx(store_);
    require(core::Permission::configure, {}, "setting the close-out guards");
    const std::string now = core::utc_timestamp_now();
    store::Followthrough ft(store_);
    const std::string before = guards_json(stored_guards(ft));
    ft.set_setting(kGuardsKey, guards_json(guards), now, actor);
    audit(store_, actor, now, "set", "setting", 0, before, guards_json(guards));
    tx.commit();
}

std::string Service::close_out_guards_json() {
    ReadTransaction snapshot(store_);
    access_.visibility(actor_, core::Permission::read, "reading the close-out guards");
    return guards_json(close_out_guards());
}

std::string Service::close_outs_json(std::int64_t issue_id) {
    ReadTransaction snapshot(store_);
    access_.require_read(actor_, core::Kind::issue, issue_id, "reading the close-outs of " + record_label(core::Kind::issue, issue_id));
    json::array out;
    for (const auto &c : store::Followthrough(store_).close_outs(issue_id)) {
        json::object o;
        o["id"] = c.id;
        o["issue_id"] = c.issue_id;
        o["verifier"] = c.verifier;
        o["closed_on"] = core::format_date(c.closed_on);
        o["note"] = io::to_json(c.note);
        o["created_at"] = c.created_at;
        out.push_back(std::move(o));
    }
    return io::to_compact_json(out);
}

} // namespace rectify::service
