// Writing the interchange format: every key of docs/schema.md, in its order, so that export →
// import → export gives the same bytes.
#include "io/document.hpp"

#include "io/json_text.hpp"
#include "io/json_values.hpp"
#include "io/record_json.hpp"

#include <boost/json.hpp>

namespace rectify::io {

namespace {

boost::json::value outcome_json(const DocOutcome &d) {
    const auto &r = d.record;
    boost::json::object o;
    o["ref"] = r.meta.ref;
    o["type"] = to_json(r.type);
    o["name"] = to_json(r.name);
    o["action"] = to_json(r.action);
    o["category"] = to_json(r.category);
    o["amount_fen"] = to_json(r.amount_fen);
    o["form"] = to_json(r.form);
    o["count"] = to_json(r.count);
    o["date"] = to_json(r.date);
    o["note"] = to_json(r.note);
    return o;
}

boost::json::value progress_json(const DocProgress &d) {
    const auto &r = d.record;
    boost::json::object o;
    o["ref"] = r.meta.ref;
    o["date"] = to_json(r.date);
    o["text"] = r.text;
    o["author"] = to_json(r.author);
    return o;
}

boost::json::value measure_json(const DocMeasure &d) {
    const auto &r = d.record;
    boost::json::object o;
    o["ref"] = r.meta.ref;
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
    boost::json::array progress;
    for (const auto &p : d.progress) progress.push_back(progress_json(p));
    o["progress"] = std::move(progress);
    return o;
}

boost::json::value issue_json(const DocIssue &d) {
    const auto &r = d.record;
    boost::json::object o;
    o["ref"] = r.meta.ref;
    o["title"] = r.title;
    o["description"] = to_json(r.description);
    o["public"] = r.is_public;
    o["non_public_reason"] = to_json(r.non_public_reason);
    o["status"] = to_json(r.status);
    boost::json::array measures, subs, outcomes;
    for (const auto &m : d.measures) measures.push_back(measure_json(m));
    for (const auto &s : d.sub_issues) subs.push_back(issue_json(s));
    for (const auto &x : d.outcomes) outcomes.push_back(outcome_json(x));
    o["measures"] = std::move(measures);
    o["issues"] = std::move(subs);
    o["outcomes"] = std::move(outcomes);
    return o;
}

} // namespace

std::string write_document(const Document &doc) {
    boost::json::object root;
    root["format"] = boost::json::string_view(kFormatName.data(), kFormatName.size());
    root["format_version"] = kFormatVersion;
    if (doc.round) {
        boost::json::object r;
        r["ref"] = doc.round->meta.ref;
        r["name"] = doc.round->name;
        r["year"] = to_json(doc.round->year);
        root["round"] = std::move(r);
    } else {
        root["round"] = nullptr;
    }
    boost::json::object unit;
    unit["ref"] = doc.unit.meta.ref;
    unit["name"] = doc.unit.name;
    unit["party_org"] = to_json(doc.unit.party_org);
    root["unit"] = std::move(unit);

    const auto &in = doc.inspection;
    boost::json::object insp;
    insp["ref"] = in.meta.ref;
    insp["kind"] = to_json(in.kind);
    insp["label"] = to_json(in.label);
    insp["authority"] = to_json(in.authority);
    insp["group"] = in.group;
    insp["onsite_start"] = to_json(in.onsite_start);
    insp["onsite_end"] = to_json(in.onsite_end);
    insp["feedback_date"] = to_json(in.feedback_date);
    insp["title"] = to_json(in.title);
    insp["closing"] = closing_json(in.closing);
    root["inspection"] = std::move(insp);

    boost::json::array aspects;
    for (const auto &a : doc.aspects) {
        boost::json::object o;
        o["ref"] = a.record.meta.ref;
        o["title"] = a.record.title;
        boost::json::array issues;
        for (const auto &i : a.issues) issues.push_back(issue_json(i));
        o["issues"] = std::move(issues);
        aspects.push_back(std::move(o));
    }
    root["aspects"] = std::move(aspects);
    boost::json::array outcomes;
    for (const auto &x : doc.outcomes) outcomes.push_back(outcome_json(x));
    root["outcomes"] = std::move(outcomes);
    return to_pretty_json(root);
}

} // namespace rectify::io
