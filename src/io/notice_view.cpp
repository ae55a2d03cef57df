#include "io/notice_view.hpp"

#include "core/chinese_numerals.hpp"
#include "core/figures.hpp"
#include "io/close_outs.hpp"

namespace rectify::io {

namespace {

using Data = kainjow::mustache::data;
using List = kainjow::mustache::list;

// kainjow's data copies a whole subtree when it is built from an object or a list, or pushed onto
// a list; moving a data moves only its pointer. So the view is built bottom-up in data values, an
// object filled through operator[] and a list grown in place, and every subtree is moved up.
Data make_list() { return Data(Data::type::list); }
// The list is the one the data owns (list_value() gives it only as const).
void push(Data &list, Data &&item) { const_cast<List &>(list.list_value()).push_back(std::move(item)); }

// Every optional name is set on its object, as false when there is nothing: mustache looks a
// missing name up in the enclosing objects, so an issue without a description would otherwise
// print whatever an outer object calls "description".
Data text_or_false(const std::optional<std::string> &s) { return s && !s->empty() ? Data(*s) : Data(false); }
Data date_or_false(const std::optional<core::Date> &d) { return d ? Data(core::format_date_chinese(*d)) : Data(false); }
Data count(std::int64_t n) { return Data(std::to_string(n)); }
Data sv(std::string_view s) { return Data(std::string(s)); }

Data progress_view(const DocProgress &p) {
    Data o;
    o["date"] = date_or_false(p.record.date);
    o["text"] = p.record.text;
    return o;
}

// The measure's progress texts run on into one narrative, as the seed writes 整改情况.
void append_narrative(const DocMeasure &m, std::string &out) {
    for (const auto &p : m.progress) out += p.record.text;
}

Data measure_view(const Report &r, const DocMeasure &m, int number) {
    const auto &rec = m.record;
    Data o;
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
    std::string narrative;
    append_narrative(m, narrative);
    o["narrative"] = narrative.empty() ? Data(false) : Data(narrative);
    Data progress = make_list();
    for (const auto &p : m.progress) push(progress, progress_view(p));
    o["progress"] = std::move(progress);
    return o;
}

// What an issue of any depth shows, its sub-issues aside.
Data issue_fields(const Report &r, const CloseOuts &close_outs, const NoticeParts &parts, const DocIssue &issue,
                  int number) {
    const auto &rec = issue.record;
    Data o;
    o["number"] = std::to_string(number);
    o["title"] = rec.title;
    o["description"] = text_or_false(rec.description);
    o["status"] = sv(core::label(rec.status));
    // The close-out that stands, as the ledger shows it: none for a reopened issue or below one.
    const CloseOutStanding closed = close_outs.of(rec);
    o["closed_on"] = date_or_false(closed.closed_on);
    const std::string remark = reopened_remark(closed);
    o["reopened"] = remark.empty() ? Data(false) : Data(remark);
    // 整改情况: the issue's own measures' progress, in order.
    std::string narrative;
    for (const auto &m : issue.measures) append_narrative(m, narrative);
    o["narrative"] = narrative.empty() ? Data(false) : Data(narrative);
    if (parts.measures) {
        Data measures = make_list();
        int n = 0;
        for (const auto &m : issue.measures) push(measures, measure_view(r, m, ++n));
        o["measures"] = std::move(measures);
    }
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
Data issue_view(const Report &r, const CloseOuts &close_outs, const NoticeParts &parts, const DocIssue &issue,
                int number) {
    Data o = issue_fields(r, close_outs, parts, issue, number);
    Data subs = make_list();
    int n = 0;
    std::vector<const DocIssue *> deeper;
    for (const auto &sub : issue.sub_issues) {
        Data s = issue_fields(r, close_outs, parts, sub, ++n);
        deeper.clear();
        collect_descendants(sub, deeper);
        Data items = make_list();
        int k = 0;
        for (const auto *d : deeper) {
            Data leaf = issue_fields(r, close_outs, parts, *d, ++k);
            leaf["sub_issues"] = make_list();
            push(items, std::move(leaf));
        }
        s["sub_issues"] = std::move(items);
        push(subs, std::move(s));
    }
    o["sub_issues"] = std::move(subs);
    return o;
}

// One entry of the outcome totals: exactly one of the kind names is set, so that a template
// words each kind its own way and joins them with {{^first}}…{{/first}}.
Data outcome_item(const char *kind, Data value, std::int64_t n, bool first) {
    Data o;
    for (const char *k : {"rule_made", "rule_revised", "money", "accountability", "meeting"}) o[k] = false;
    o[kind] = std::move(value);
    o["count"] = count(n);
    o["first"] = first;
    return o;
}

Data outcomes_view(const core::OutcomeTally &t) {
    Data items = make_list();
    bool first = true;
    auto add = [&](const char *kind, Data value, std::int64_t n) {
        push(items, outcome_item(kind, std::move(value), n, first));
        first = false;
    };
    if (t.rules_made) add("rule_made", true, t.rules_made);
    if (t.rules_revised) add("rule_revised", true, t.rules_revised);
    for (const auto &m : t.money) {
        if (m.items == 0) continue;
        Data money;
        money["category"] = sv(core::label(m.category));
        money["yuan"] = core::format_yuan(m.fen);
        money["wan_yuan"] = core::format_wan_yuan(m.fen);
        add("money", std::move(money), m.items);
    }
    for (std::size_t i = 0; i < t.accountability.size(); ++i) {
        if (t.accountability[i] == 0) continue;
        Data form;
        form["form"] = sv(core::label(static_cast<core::AccountabilityForm>(i + 1)));
        add("accountability", std::move(form), t.accountability[i]);
    }
    if (t.meetings) add("meeting", true, t.meetings);
    if (first) return false;

    Data o;
    o["items"] = std::move(items);
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

NoticeParts notice_parts_of(std::string_view template_text) {
    NoticeParts p;
    p.measures = template_text.find("measures") != std::string_view::npos;
    p.lights = template_text.find("light") != std::string_view::npos;
    return p;
}

kainjow::mustache::data notice_view(const Report &r, const NoticeParts &parts) {
    const Document &doc = r.doc;
    const auto &in = doc.inspection;
    Data v;
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

    const CloseOuts close_outs(r);
    Data aspects = make_list();
    int section = 0, number = 0;
    for (const auto &a : doc.aspects) {
        Data av;
        av["number"] = core::chinese_numeral(++section);
        av["title"] = a.record.title;
        Data list = make_list();
        for (const auto &i : a.issues) push(list, issue_view(r, close_outs, parts, i, ++number));
        av["issues"] = std::move(list);
        push(aspects, std::move(av));
    }
    v["aspects"] = std::move(aspects);
    v["outcomes"] = outcomes_view(r.stats.outcomes);

    if (const auto &c = in.closing) {
        Data cv;
        cv["number"] = core::chinese_numeral(++section); // numbered on after the aspects
        cv["title"] = c->heading;
        Data paragraphs = make_list();
        for (const auto &p : c->paragraphs) {
            Data pv;
            pv["text"] = p;
            push(paragraphs, std::move(pv));
        }
        cv["paragraphs"] = std::move(paragraphs);
        v["closing"] = std::move(cv);
    } else {
        v["closing"] = false;
    }
    return v;
}

} // namespace rectify::io
