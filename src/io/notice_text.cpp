#include "io/notice.hpp"

#include "core/chinese_numerals.hpp"

namespace rectify::io {

namespace {

using core::Status;

bool is_done(Status s) { return s == Status::done || s == Status::closed; }

struct Tally {
    int total = 0, done = 0, substantially_done = 0;
};

Tally tally(const Document &doc) {
    Tally t;
    for (const auto &a : doc.aspects)
        for (const auto &i : a.issues) {
            ++t.total;
            if (is_done(i.record.status)) ++t.done;
            else if (i.record.status == Status::substantially_done) ++t.substantially_done;
        }
    return t;
}

// "2018年9月19日至10月25日": the end date leaves out what it shares with the start.
std::string date_range(const core::Date &from, const std::optional<core::Date> &to) {
    std::string out = core::format_date_chinese(from);
    if (!to || *to == from) return out;
    out += "至";
    if (to->year() != from.year()) return out + core::format_date_chinese(*to);
    return out + std::to_string(int(to->month())) + "月" + std::to_string(int(to->day())) + "日";
}

std::string preamble(const Document &doc) {
    const auto &in = doc.inspection;
    const std::string org = doc.unit.party_org.value_or(doc.unit.name);
    const Tally t = tally(doc);
    std::string out;
    if (in.authority) out += "根据" + *in.authority + "统一部署，";
    out += date_range(in.onsite_start, in.onsite_end) + "，" + in.group + "对" + org + "开展了" +
           in.label.value_or(std::string(core::label(in.kind))) + "。";
    out += "针对巡察组反馈的" + std::to_string(doc.aspects.size()) + "个方面" + std::to_string(t.total) +
           "项整改任务，" + org + "制定整改方案，逐项抓好落实，";
    if (t.done == t.total) {
        out += "目前已经完成" + std::to_string(t.total) + "项整改任务。";
    } else {
        out += "目前已经完成" + std::to_string(t.done) + "项";
        if (t.substantially_done) out += "，基本完成" + std::to_string(t.substantially_done) + "项";
        out += "，其余" + std::to_string(t.total - t.done - t.substantially_done) + "项正在推进。";
    }
    out += "现将巡察整改情况通报如下：";
    return out;
}

// The issue's 整改情况: its measures' progress texts, joined in order.
std::string narrative(const DocIssue &issue, Audience audience) {
    std::string out;
    for (const auto &m : issue.measures) {
        if (audience == Audience::public_ && !m.record.is_public) continue;
        for (const auto &p : m.progress) out += p.record.text;
    }
    return out.empty() ? "暂无整改进展记录。" : out;
}

void render_issue(std::string &out, const DocIssue &issue, const std::string &number, Audience audience, int depth) {
    out += number + issue.record.title + "\n";
    out += "整改情况：" + narrative(issue, audience) + "\n";
    int n = 0;
    for (const auto &sub : issue.sub_issues) {
        if (audience == Audience::public_ && !sub.record.is_public) continue;
        ++n;
        std::string num = depth == 0 ? "（" + std::to_string(n) + "）" : std::to_string(n) + ")";
        render_issue(out, sub, num, audience, depth + 1);
    }
}

} // namespace

std::string render_notice_text(const Document &doc, Audience audience) {
    const std::string org = doc.unit.party_org.value_or(doc.unit.name);
    std::string out;
    out += doc.inspection.title.value_or(org + "关于巡察整改情况的通报") + "\n\n";
    out += preamble(doc) + "\n";

    int section = 0, number = 0;
    for (const auto &a : doc.aspects) {
        out += "（" + core::chinese_numeral(++section) + "）" + a.record.title + "\n";
        for (const auto &i : a.issues) {
            if (audience == Audience::public_ && !i.record.is_public) continue;
            render_issue(out, i, std::to_string(++number) + ".", audience, 0);
        }
    }
    if (const auto &c = doc.inspection.closing) {
        out += "（" + core::chinese_numeral(++section) + "）" + c->heading + "\n";
        for (const auto &p : c->paragraphs) out += p + "\n";
    }
    return out;
}

} // namespace rectify::io
