#include "io/oscal_poam.hpp"

#include "core/date.hpp"
#include "core/enums.hpp"
#include "core/error.hpp"
#include "io/close_outs.hpp"
#include "io/issue_numbers.hpp"
#include "io/json_text.hpp"
#include "io/name_uuid.hpp"

#include <boost/json.hpp>

namespace rectify::io {

namespace {

namespace json = boost::json;

// The code point of the UTF-8 sequence at s[i] and its length; a stray byte stands for itself.
char32_t code_point(const std::string &s, std::size_t i, std::size_t &len) {
    const auto b = [&s](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    const unsigned char c = b(i);
    len = 1;
    if (c < 0x80) return c;
    const std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (n == 1 || i + n > s.size()) return c;
    char32_t cp = c & (0xFF >> (n + 1));
    for (std::size_t k = 1; k < n; ++k) {
        if ((b(i + k) & 0xC0) != 0x80) return c;
        cp = (cp << 6) | (b(i + k) & 0x3F);
    }
    len = n;
    return cp;
}

// White space as the schema's regular expressions see it (\s in ECMAScript and in Unicode-aware
// engines), line and paragraph separators included: the ideographic space U+3000 that Chinese
// text is indented with counts, as does the no-break space.
bool is_blank(char32_t c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == 0x85 || c == 0xA0 ||
           c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// OSCAL's string type (StringDatatype: ^\S(.*\S)?$) allows neither line breaks nor leading or
// trailing blanks, and a markup-line no line breaks: titles and prop values are folded onto one
// line, every run of blanks becoming one space.
std::string one_line(const std::string &s) {
    std::string out;
    bool blank = false;
    for (std::size_t i = 0, len = 0; i < s.size(); i += len) {
        if (is_blank(code_point(s, i, len))) {
            blank = !out.empty();
            continue;
        }
        if (blank) out += ' ';
        blank = false;
        out.append(s, i, len);
    }
    return out;
}

// Our props live in our namespace; an empty value is left out, since OSCAL requires one.
void add_prop(json::array &props, std::string_view name, const std::string &value) {
    const std::string v = one_line(value);
    if (v.empty()) return;
    props.push_back(json::object{{"name", name}, {"ns", kOscalPropNamespace}, {"value", v}});
}

// OSCAL's arrays hold at least one entry: an object without props has no "props".
void set_props(json::object &o, json::array props) {
    if (!props.empty()) o["props"] = std::move(props);
}

// A party's name is a string (no blank value); without one the party is left unnamed.
json::object party(const std::string &uuid, const std::string &name) {
    json::object p{{"uuid", uuid}, {"type", "organization"}};
    if (std::string n = one_line(name); !n.empty()) p["name"] = std::move(n);
    return p;
}

// A deadline is the end of its day in China (UTC+8), where the work is done.
std::string end_of_day(const core::Date &d) { return core::format_date(d) + "T23:59:59+08:00"; }
std::string start_of_day(const core::Date &d) { return core::format_date(d) + "T00:00:00+08:00"; }

// The risk's status in OSCAL's words: work not begun or reopened is open, work under way is
// being remediated, work done (closed out or not) is closed.
std::string_view risk_status(core::Status s) {
    switch (s) {
    case core::Status::not_started:
    case core::Status::reopened: return "open";
    case core::Status::in_progress:
    case core::Status::substantially_done: return "remediating";
    case core::Status::done:
    case core::Status::closed: return "closed";
    }
    return "open";
}

bool is_finished(core::Status s) { return s == core::Status::done || s == core::Status::closed; }

bool is_timestamp(const std::string &t) {
    return t.size() == 20 && t[4] == '-' && t[7] == '-' && t[10] == 'T' && t[13] == ':' && t[16] == ':' && t[19] == 'Z';
}

// The latest change to anything the document holds: its last-modified, which the clock would
// make different on every export.
std::string last_modified(const Report &r) {
    std::string latest;
    auto see = [&latest](const core::RecordMeta &m) {
        if (is_timestamp(m.updated_at) && m.updated_at > latest) latest = m.updated_at;
    };
    see(r.doc.inspection.meta);
    see(r.doc.unit.meta);
    if (r.doc.round) see(r.doc.round->meta);
    for (const auto &a : r.doc.aspects) see(a.record.meta);
    for (const auto &o : r.doc.outcomes) see(o.record.meta);
    for (const auto *i : all_issues(r.doc)) {
        see(i->record.meta);
        for (const auto &o : i->outcomes) see(o.record.meta);
        for (const auto &m : i->measures) {
            see(m.record.meta);
            for (const auto &p : m.progress) see(p.record.meta);
        }
    }
    return latest.empty() ? start_of_day(r.as_of) : latest;
}

std::string narrative(const DocMeasure &m) {
    std::string out;
    for (const auto &p : m.progress) {
        if (!out.empty()) out += "\n\n";
        if (p.record.date) out += core::format_date_chinese(*p.record.date) + "：";
        out += p.record.text;
    }
    return out;
}

json::object remediation(const Report &r, const DocMeasure &m) {
    const auto &rec = m.record;
    MeasureFacts facts;
    if (auto it = r.measures.find(rec.meta.id); it != r.measures.end()) facts = it->second;
    json::object o;
    o["uuid"] = name_uuid(rec.meta.ref + "#remediation");
    o["lifecycle"] = is_finished(rec.status) ? "completed" : "planned";
    // OSCAL requires a title on one non-empty line; a blank one still names what it is.
    const std::string title = one_line(rec.title);
    o["title"] = title.empty() ? "整改措施" : title;
    const std::string done = narrative(m);
    o["description"] = done.empty() ? rec.title : done;
    json::array props;
    add_prop(props, "category", std::string(core::name(rec.category)));
    add_prop(props, "status", std::string(core::name(rec.status)));
    if (rec.leader) add_prop(props, "responsible-leader", *rec.leader);
    if (rec.department) add_prop(props, "responsible-department", *rec.department);
    if (rec.person) add_prop(props, "responsible-person", *rec.person);
    if (rec.completed_date) add_prop(props, "completed-date", core::format_date(*rec.completed_date));
    add_prop(props, "warning-light", std::string(core::name(facts.warning.light)));
    if (facts.extended) add_prop(props, "extended", "true");
    add_prop(props, "evidence-count", std::to_string(facts.evidence));
    set_props(o, std::move(props));
    if (rec.deadline) {
        json::object task;
        task["uuid"] = name_uuid(rec.meta.ref + "#deadline");
        task["type"] = "milestone";
        task["title"] = "整改时限：" + core::format_date_chinese(*rec.deadline);
        task["timing"] = json::object{{"on-date", json::object{{"date", end_of_day(*rec.deadline)}}}};
        o["tasks"] = json::array{std::move(task)};
    }
    return o;
}

json::object risk(const Report &r, const CloseOuts &close_outs, const NumberedIssue &n) {
    const auto &rec = n.issue->record;
    const CloseOutStanding closed = close_outs.of(rec);
    json::object o;
    o["uuid"] = name_uuid(rec.meta.ref + "#risk");
    o["title"] = one_line(n.numbered_title());
    o["description"] = rec.description.value_or(rec.title);
    o["statement"] = "巡察反馈问题：" + rec.title;
    json::array props;
    add_prop(props, "status", std::string(core::name(rec.status)));
    if (rec.relapse_count > 0) add_prop(props, "relapse-count", std::to_string(rec.relapse_count));
    // A close-out that no longer stands (the issue reopened since) is history, not the risk's state.
    if (closed.reopened && !closed.by_ancestor && closed.former)
        add_prop(props, "former-close-out-date", core::format_date(*closed.former));
    set_props(o, std::move(props));
    o["status"] = risk_status(rec.status);
    std::optional<core::Date> deadline;
    json::array remediations;
    for (const auto &m : n.issue->measures) {
        if (r.audience == Audience::public_ && !m.record.is_public) continue;
        if (m.record.deadline && (!deadline || *m.record.deadline > *deadline)) deadline = m.record.deadline;
        remediations.push_back(remediation(r, m));
    }
    if (deadline) o["deadline"] = end_of_day(*deadline);
    if (!remediations.empty()) o["remediations"] = std::move(remediations);
    // Only the issue's own close-out that stands closes the risk: a reopened issue has none.
    if (closed.own) {
        json::object entry;
        entry["uuid"] = name_uuid(rec.meta.ref + "#close-out");
        entry["title"] = "销号";
        entry["start"] = start_of_day(*closed.closed_on);
        entry["status-change"] = "closed";
        o["risk-log"] = json::object{{"entries", json::array{std::move(entry)}}};
    }
    return o;
}

json::object poam_item(const NumberedIssue &n, const std::string &risk_uuid) {
    const auto &rec = n.issue->record;
    json::object o;
    o["uuid"] = name_uuid(rec.meta.ref + "#poam-item");
    o["title"] = one_line(n.numbered_title());
    o["description"] = rec.description.value_or(rec.title);
    json::array props;
    add_prop(props, "issue-number", n.number);
    add_prop(props, "aspect", n.aspect->record.title);
    add_prop(props, "status", std::string(core::name(rec.status)));
    set_props(o, std::move(props));
    o["related-risks"] = json::array{json::object{{"risk-uuid", risk_uuid}}};
    return o;
}

json::object metadata(const Report &r) {
    const auto &in = r.doc.inspection;
    const std::string org = r.doc.unit.party_org.value_or(r.doc.unit.name);
    const std::string group_uuid = name_uuid(in.meta.ref + "#party/group");
    const std::string unit_uuid = name_uuid(in.meta.ref + "#party/unit");
    json::object m;
    m["title"] = one_line(org + in.label.value_or(std::string(core::label(in.kind))) + "整改计划与里程碑");
    m["last-modified"] = last_modified(r);
    // The warning lights are judged as of this date; the rest changes only with last-modified.
    m["version"] = core::format_date(r.as_of);
    m["oscal-version"] = kOscalVersion;
    json::array props;
    add_prop(props, "inspection-ref", in.meta.ref);
    add_prop(props, "inspection-kind", std::string(core::name(in.kind)));
    add_prop(props, "audience", r.audience == Audience::public_ ? "public" : "internal");
    if (in.feedback_date) add_prop(props, "feedback-date", core::format_date(*in.feedback_date));
    set_props(m, std::move(props));
    m["roles"] = json::array{json::object{{"id", "inspection-group"}, {"title", "巡察组"}},
                             json::object{{"id", "inspected-unit"}, {"title", "被巡察党组织"}}};
    m["parties"] = json::array{party(group_uuid, in.group), party(unit_uuid, org)};
    m["responsible-parties"] =
        json::array{json::object{{"role-id", "inspection-group"}, {"party-uuids", json::array{group_uuid}}},
                    json::object{{"role-id", "inspected-unit"}, {"party-uuids", json::array{unit_uuid}}}};
    return m;
}

} // namespace

std::string render_oscal_poam(const Report &r) {
    json::object poam;
    // One subject per inspection and audience: the public document is a different one from the
    // internal, since it holds less.
    const std::string audience = r.audience == Audience::public_ ? "public" : "internal";
    poam["uuid"] = name_uuid(r.doc.inspection.meta.ref + "#poam/" + audience);
    poam["metadata"] = metadata(r);
    json::array risks, items;
    const CloseOuts close_outs(r);
    for (const auto &n : numbered_issues(r)) {
        json::object rk = risk(r, close_outs, n);
        const std::string risk_uuid(rk["uuid"].as_string());
        risks.push_back(std::move(rk));
        items.push_back(poam_item(n, risk_uuid));
    }
    // OSCAL requires at least one poam-item: a POA&M of nothing to rectify is no POA&M.
    if (items.empty())
        throw core::Error(core::Errc::invalid, "the inspection has no issues to export as an OSCAL POA&M");
    if (!risks.empty()) poam["risks"] = std::move(risks);
    poam["poam-items"] = std::move(items);
    return to_pretty_json(json::object{{"plan-of-action-and-milestones", std::move(poam)}});
}

} // namespace rectify::io
