#include "io/record_json.hpp"

#include "io/json_values.hpp"

#include <boost/json.hpp>

namespace rectify::io {

namespace {

boost::json::object head(core::Kind kind, const core::RecordMeta &m, boost::json::storage_ptr storage) {
    boost::json::object o(24, std::move(storage)); // room for the largest record's fields: no rehashing
    o["kind"] = to_json(kind);
    o["id"] = m.id;
    o["version"] = m.version;
    o["ref"] = m.ref;
    o["created_at"] = m.created_at;
    o["updated_at"] = m.updated_at;
    return o;
}

} // namespace

boost::json::value closing_json(const std::optional<core::Closing> &c) {
    if (!c) return nullptr;
    boost::json::array ps;
    for (const auto &p : c->paragraphs) ps.emplace_back(p);
    boost::json::object o;
    o["heading"] = c->heading;
    o["paragraphs"] = std::move(ps);
    return o;
}

boost::json::object record_json(const core::Round &r, boost::json::storage_ptr storage) {
    auto o = head(core::Kind::round, r.meta, std::move(storage));
    o["name"] = r.name;
    o["year"] = to_json(r.year);
    return o;
}

boost::json::object record_json(const core::Unit &r, boost::json::storage_ptr storage) {
    auto o = head(core::Kind::unit, r.meta, std::move(storage));
    o["name"] = r.name;
    o["party_org"] = to_json(r.party_org);
    return o;
}

boost::json::object record_json(const core::Inspection &r, boost::json::storage_ptr storage) {
    auto o = head(core::Kind::inspection, r.meta, std::move(storage));
    o["round_id"] = to_json(r.round_id);
    o["unit_id"] = r.unit_id;
    o["kind_of_inspection"] = to_json(r.kind);
    o["label"] = to_json(r.label);
    o["authority"] = to_json(r.authority);
    o["group"] = r.group;
    o["onsite_start"] = to_json(r.onsite_start);
    o["onsite_end"] = to_json(r.onsite_end);
    o["feedback_date"] = to_json(r.feedback_date);
    o["title"] = to_json(r.title);
    o["closing"] = closing_json(r.closing);
    o["profile_id"] = to_json(r.profile_id);
    o["plan_due"] = to_json(r.plan_due);
    o["concentrated_end"] = to_json(r.concentrated_end);
    o["report_due"] = to_json(r.report_due);
    o["evaluation_due"] = to_json(r.evaluation_due);
    return o;
}

boost::json::object record_json(const core::Aspect &r, boost::json::storage_ptr storage) {
    auto o = head(core::Kind::aspect, r.meta, std::move(storage));
    o["inspection_id"] = r.inspection_id;
    o["seq"] = r.seq;
    o["title"] = r.title;
    return o;
}

void put_content(boost::json::object &o, const core::Issue &r) {
    o["title"] = r.title;
    o["description"] = to_json(r.description);
    o["public"] = r.is_public;
    o["non_public_reason"] = to_json(r.non_public_reason);
    o["status"] = to_json(r.status);
}

void put_content(boost::json::object &o, const core::Measure &r) {
    o["title"] = r.title;
    o["category"] = to_json(r.category);
    o["leader"] = to_json(r.leader);
    o["department"] = to_json(r.department);
    o["person"] = to_json(r.person);
    o["deadline"] = to_json(r.deadline);
    o["completed_date"] = to_json(r.completed_date);
    o["public"] = r.is_public;
    o["non_public_reason"] = to_json(r.non_public_reason);
    o["status"] = to_json(r.status);
}

void put_content(boost::json::object &o, const core::Progress &r) {
    o["date"] = to_json(r.date);
    o["text"] = r.text;
    o["author"] = to_json(r.author);
}

void put_content(boost::json::object &o, const core::Outcome &r) {
    o["type"] = to_json(r.type);
    o["name"] = to_json(r.name);
    o["action"] = to_json(r.action);
    o["category"] = to_json(r.category);
    o["amount_fen"] = to_json(r.amount_fen);
    o["form"] = to_json(r.form);
    o["count"] = to_json(r.count);
    o["date"] = to_json(r.date);
    o["note"] = to_json(r.note);
}

boost::json::object record_json(const core::Issue &r, boost::json::storage_ptr storage) {
    auto o = head(core::Kind::issue, r.meta, std::move(storage));
    o["inspection_id"] = r.inspection_id;
    o["aspect_id"] = r.aspect_id;
    o["parent_id"] = to_json(r.parent_id);
    o["seq"] = r.seq;
    put_content(o, r);
    o["relapse_count"] = r.relapse_count;
    return o;
}

boost::json::object record_json(const core::Measure &r, boost::json::storage_ptr storage) {
    auto o = head(core::Kind::measure, r.meta, std::move(storage));
    o["inspection_id"] = r.inspection_id;
    o["issue_id"] = r.issue_id;
    o["seq"] = r.seq;
    put_content(o, r);
    return o;
}

boost::json::object record_json(const core::Progress &r, boost::json::storage_ptr storage) {
    auto o = head(core::Kind::progress, r.meta, std::move(storage));
    o["inspection_id"] = r.inspection_id;
    o["measure_id"] = r.measure_id;
    o["seq"] = r.seq;
    put_content(o, r);
    return o;
}

boost::json::object record_json(const core::Outcome &r, boost::json::storage_ptr storage) {
    auto o = head(core::Kind::outcome, r.meta, std::move(storage));
    o["inspection_id"] = r.inspection_id;
    o["issue_id"] = to_json(r.issue_id);
    o["seq"] = r.seq;
    put_content(o, r);
    return o;
}

} // namespace rectify::io
