#include "io/notice_view.hpp"

#include "core/chinese_numerals.hpp"
#include "core/figures.hpp"

namespace rectify::io {

namespace {

using Data = kainjow::mustache::data;
using Object = kainjow::mustache::object;
using List = kainjow::mustache::list;

// Every optional name is set on its object, as false when there is nothing: mustache looks a
// missing name up in the enclosing objects, so an issue without a description would otherwise
// print whatever an outer object calls "description".
Data text_or_false(const std::optional<std::string> &s) { return s && !s->empty() ? Data(*s) : Data(false); }
Data date_or_false(const std::optional<core::Date> &d) { return d ? Data(core::format_date_chinese(*d)) : Data(false); }
Data count(std::int64_t n) { return Data(std::to_string(n)); }
Data sv(std::string_view s) { return Data(std::string(s)); }

Data progress_view(const DocProgress &p) {
    Object o;
    o["date"] = date_or_false(p.record.date);
    o["text"] = p.record.text;
    return o;
}

// The measure's progress texts run on into one narrative, as the seed writes 整改情况.
std::string progress_narrative(const DocMeasure &m) {
    std::string out;
    for (const auto &p : m.progress) out += p.record.text;
    return out;
}

Data measure_view(const Report &r, const DocMeasure &m, int number) {
    const auto &rec = m.record;
    Object o;
    o["number"] = std::to_string(number);
    o["title"] = rec.title;
    o["category"] = sv(core::label(rec.category));
    o["status"] = sv(core::label(rec.status));
    o["deadline"] = date_or_false(rec.deadline);
    o["completed_date"] = date_or_false(rec.completed_date);
    o["leader"] = text_or_false(rec.leader);
    o["department"] = text_or_false(rec.department);
    o["person"] = text_or_false(rec.person);
    auto facts = r.measures.find(rec.meta.id);
    o["light"] = facts == r.measures.end() ? Data(false) : sv(core::label(facts->second.warning.light));
    o["extended"] = facts != r.measures.end() && facts->second.extended;
    o["overdue"] = facts != r.measures.end() && facts->second.overdue;
    o["narrative"] = text_or_false(progress_narrative(m));
    List progress;
    for (const auto &p : m.progress) progress.push_back(progress_view(p));
    o["progress"] = progress;
    return o;
}

// What an issue of any depth shows, its sub-issues aside.
Object issue_fields(const Report &r, const DocIssue &issue, int number) {
    const auto &rec = issue.record;
    Object o;
    o["number"] = std::to_string(number);
    o["title"] = rec.title;
    o["description"] = text_or_false(rec.description);
    o["status"] = sv(core::label(rec.status));
    auto facts = r.issues.find(rec.meta.id);
    o["closed_on"] = facts == r.issues.end() ? Data(false) : date_or_false(facts->second.closed_on);
    // 整改情况: the issue's own measures' progress, in order.
    std::string narrative;
    List measures;
    int n = 0;
    for (const auto &m : issue.measures) {
        narrative += progress_narrative(m);
        measures.push_back(measure_view(r, m, ++n));
    }
    o["narrative"] = text_or_false(narrative);
    o["measures"] = measures;
    return o;
}

void collect_descendants(const DocIssue &issue, std::vector<const DocIssue *> &out) {
    for (const auto &sub : issue.sub_issues) {
        out.push_back(&sub);
        collect_descendants(sub, out);
    }
}

// An issue with two levels below it: its sub-issues （1）（2）… and, under each, every deeper
// sub-issue in document order, numbered 1) 2) …, so that no depth of nesting drops text.
Data issue_view(const Report &r, const DocIssue &issue, int number) {
    Object o = issue_fields(r, issue, number);
    List subs;
    int n = 0;
    for (const auto &sub : issue.sub_issues) {
        Object s = issue_fields(r, sub, ++n);
        std::vector<const DocIssue *> deeper;
        collect_descendants(sub, deeper);
        List items;
        int k = 0;
        for (const auto *d : deeper) {
            Object leaf = issue_fields(r, *d, ++k);
            leaf["sub_issues"] = List{};
            items.push_back(leaf);
        }
        s["sub_issues"] = items;
        subs.push_back(s);
    }
    o["sub_issues"] = subs;
    return o;
}

// One entry of the outcome totals: exactly one of the kind names is set, so that a template
// words each kind its own way and joins them with {{^first}}…{{/first}}.
Object outcome_item(const char *kind, Data value, std::int64_t n) {
    Object o;
    for (const char *k : {"rule_made", "rule_revised", "money", "accountability", "meeting"}) o[k] = false;
    o[kind] = std::move(value);
    o["count"] = count(n);
    return o;
}

Data outcomes_view(const core::OutcomeTally &t) {
    List items;
    if (t.rules_made) items.push_back(outcome_item("rule_made", true, t.rules_made));
    if (t.rules_revised) items.push_back(outcome_item("rule_revised", true, t.rules_revised));
    for (const auto &m : t.money) {
        if (m.items == 0) continue;
        Object money;
        money["category"] = sv(core::label(m.category));
        money["yuan"] = core::format_yuan(m.fen);
        money["wan_yuan"] = core::format_wan_yuan(m.fen);
        items.push_back(outcome_item("money", money, m.items));
    }
    for (std::size_t i = 0; i < t.accountability.size(); ++i) {
        if (t.accountability[i] == 0) continue;
        Object form;
        form["form"] = sv(core::label(static_cast<core::AccountabilityForm>(i + 1)));
        items.push_back(outcome_item("accountability", form, t.accountability[i]));
    }
    if (t.meetings) items.push_back(outcome_item("meeting", true, t.meetings));
    if (items.empty()) return false;
    for (std::size_t i = 0; i < items.size(); ++i) items[i].set("first", i == 0);

    Object o;
    o["items"] = items;
    o["rules_made_count"] = count(t.rules_made);
    o["rules_revised_count"] = count(t.rules_revised);
    o["money_yuan"] = core::format_yuan(t.money_fen);
    o["money_wan_yuan"] = core::format_wan_yuan(t.money_fen);
    o["accountability_count"] = count(t.accountability_total);
    o["meeting_count"] = count(t.meetings);
    return o;
}

} // namespace

std::string chinese_date_range(const core::Date &from, const std::optional<core::Date> &to) {
    std::string out = core::format_date_chinese(from);
    if (!to || *to == from) return out;
    out += "至";
    if (to->year() != from.year()) return out + core::format_date_chinese(*to);
    return out + std::to_string(int(to->month())) + "月" + std::to_string(int(to->day())) + "日";
}

kainjow::mustache::data notice_view(const Report &r) {
    const Document &doc = r.doc;
    const auto &in = doc.inspection;
    Object v;
    const std::string org = doc.unit.party_org.value_or(doc.unit.name);
    v["title"] = text_or_false(in.title);
    v["org"] = org;
    v["unit"] = doc.unit.name;
    v["group"] = in.group;
    v["kind"] = in.label.value_or(std::string(core::label(in.kind)));
    v["authority"] = text_or_false(in.authority);
    v["onsite_start"] = core::format_date_chinese(in.onsite_start);
    v["onsite_end"] = date_or_false(in.onsite_end);
    v["onsite_period"] = chinese_date_range(in.onsite_start, in.onsite_end);
    v["feedback_date"] = date_or_false(in.feedback_date);
    v["round"] = doc.round ? Data(doc.round->name) : Data(false);
    v["as_of"] = core::format_date_chinese(r.as_of);
    v["internal"] = r.audience == Audience::internal;
    v["public"] = r.audience == Audience::public_;

    // The counts come from the statistics, which for the public still count hidden issues
    // (unless the host asked otherwise): the preamble's 11项 stays 11 when one is not shown.
    const core::Tally &issues = r.stats.issues;
    v["aspect_count"] = count(static_cast<std::int64_t>(doc.aspects.size()));
    v["issue_total"] = count(issues.total);
    v["issue_done"] = count(issues.done);
    v["issue_substantially_done"] = count(issues.substantially_done);
    v["issue_rest"] = count(issues.total - issues.done - issues.substantially_done);
    v["all_done"] = issues.done == issues.total;
    v["any_substantially_done"] = issues.substantially_done > 0;
    v["completion_rate"] = text_or_false(issues.completion_rate());
    v["measure_total"] = count(r.stats.measures.total);
    v["measure_done"] = count(r.stats.measures.done);

    List aspects;
    int section = 0, number = 0;
    for (const auto &a : doc.aspects) {
        Object av;
        av["number"] = core::chinese_numeral(++section);
        av["title"] = a.record.title;
        List list;
        for (const auto &i : a.issues) list.push_back(issue_view(r, i, ++number));
        av["issues"] = list;
        aspects.push_back(av);
    }
    v["aspects"] = aspects;
    v["outcomes"] = outcomes_view(r.stats.outcomes);

    if (const auto &c = in.closing) {
        Object cv;
        cv["number"] = core::chinese_numeral(++section); // numbered on after the aspects
        cv["title"] = c->heading;
        List paragraphs;
        for (const auto &p : c->paragraphs) paragraphs.push_back(Object{{"text", p}});
        cv["paragraphs"] = paragraphs;
        v["closing"] = cv;
    } else {
        v["closing"] = false;
    }
    return v;
}

} // namespace rectify::io
