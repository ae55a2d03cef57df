// Writing the interchange format: every key of docs/schema.md, in its order, so that export →
// import → export gives the same bytes.
#include "io/document.hpp"

#include "io/json_text.hpp"
#include "io/json_values.hpp"
#include "io/record_json.hpp"

#include <boost/json.hpp>

namespace rectify::io {

namespace {

// Each record as the format carries it: its ref, its content, then its children.
template <class R> boost::json::object with_ref(const R &r) {
    boost::json::object o;
    o["ref"] = r.meta.ref;
    put_content(o, r);
    return o;
}

boost::json::value measure_json(const DocMeasure &d) {
    auto o = with_ref(d.record);
    boost::json::array progress;
    for (const auto &p : d.progress) progress.push_back(with_ref(p.record));
    o["progress"] = std::move(progress);
    return o;
}

boost::json::value issue_json(const DocIssue &d) {
    auto o = with_ref(d.record);
    boost::json::array measures, subs, outcomes;
    for (const auto &m : d.measures) measures.push_back(measure_json(m));
    for (const auto &s : d.sub_issues) subs.push_back(issue_json(s));
    for (const auto &x : d.outcomes) outcomes.push_back(with_ref(x.record));
    o["measures"] = std::move(measures);
    o["issues"] = std::move(subs);
    o["outcomes"] = std::move(outcomes);
    return o;
}

} // namespace

namespace {

boost::json::object document_object(const Document &doc) {
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
    for (const auto &x : doc.outcomes) outcomes.push_back(with_ref(x.record));
    root["outcomes"] = std::move(outcomes);
    return root;
}

} // namespace

std::string write_document(const Document &doc) { return to_pretty_json(document_object(doc)); }

std::string write_document_line(const Document &doc) { return to_compact_json(document_object(doc)); }

} // namespace rectify::io
