#include "io/notice_preamble.hpp"

#include <array>
#include <cstdio>
#include <vector>

namespace rectify::io {

namespace {

using namespace std::string_view_literals;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool has_at(std::string_view s, std::size_t at, std::string_view what) {
    return at <= s.size() && s.substr(at, what.size()) == what;
}

// The ASCII digits at s[at...] as a number, at most max_digits of them; nullopt if none.
std::optional<int> number_at(std::string_view s, std::size_t &at, std::size_t max_digits) {
    std::size_t end = at;
    while (end < s.size() && is_digit(s[end])) ++end;
    if (end == at || end - at > max_digits) return std::nullopt;
    int n = 0;
    for (std::size_t i = at; i < end; ++i) n = n * 10 + (s[i] - '0');
    at = end;
    return n;
}

// The number that ends just before `at` (…11项 with at on 项); nullopt if no digit precedes.
std::optional<int> number_before(std::string_view s, std::size_t at) {
    std::size_t begin = at;
    while (begin > 0 && is_digit(s[begin - 1])) --begin;
    if (begin == at || at - begin > 6) return std::nullopt;
    return number_at(s, begin, 6);
}

struct DateText {
    std::optional<int> year;
    int month = 0, day = 0;
    std::size_t begin = 0, end = 0;
};

// "2018年9月19日" or, when the year may be left out, "10月25日", starting exactly at `at`.
std::optional<DateText> date_at(std::string_view s, std::size_t at, bool year_optional) {
    DateText d;
    d.begin = at;
    std::size_t i = at;
    if (auto y = number_at(s, i, 4); y && i - at == 4 && has_at(s, i, "年")) {
        d.year = *y;
        i += "年"sv.size();
    } else if (!year_optional) {
        return std::nullopt;
    } else {
        i = at;
    }
    auto m = number_at(s, i, 2);
    if (!m || !has_at(s, i, "月")) return std::nullopt;
    i += "月"sv.size();
    auto day = number_at(s, i, 2);
    if (!day || !has_at(s, i, "日")) return std::nullopt;
    d.month = *m;
    d.day = *day;
    d.end = i + "日"sv.size();
    return d;
}

std::optional<core::Date> to_date(int year, int month, int day) {
    char buf[16];
    if (year < 1900 || year > 9999 || month < 1 || month > 12 || day < 1 || day > 31) return std::nullopt;
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return core::parse_date(buf);
}

// The first full date (with its year) in s at or after `from`.
std::optional<DateText> first_date(std::string_view s, std::size_t from = 0) {
    for (std::size_t i = from; i < s.size(); ++i) {
        if (!is_digit(s[i]) || (i > 0 && is_digit(s[i - 1]))) continue;
        if (auto d = date_at(s, i, false)) return d;
    }
    return std::nullopt;
}

// A range's end after its start: 至10月25日, 到2019年1月3日, —10月25日.
std::optional<DateText> range_end(std::string_view s, std::size_t at) {
    static constexpr std::array separators = {"至"sv, "到"sv, "——"sv, "—"sv, "－"sv, "-"sv, "～"sv, "~"sv};
    for (auto sep : separators)
        if (has_at(s, at, sep)) return date_at(s, at + sep.size(), true);
    return std::nullopt;
}

std::vector<std::string_view> sentences(std::string_view text) {
    std::vector<std::string_view> out;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find("。", start);
        if (end == std::string_view::npos) end = text.size();
        out.push_back(text.substr(start, end - start));
        start = end == text.size() ? end : end + "。"sv.size();
    }
    return out;
}

// Where the clause holding `at` begins: after the last comma-like mark or date before it.
std::size_t clause_start(std::string_view s, std::size_t at) {
    static constexpr std::array marks = {"，"sv, ","sv, "、"sv, "；"sv, ";"sv, "："sv, ":"sv, " "sv, "　"sv};
    std::size_t start = 0;
    for (auto m : marks) {
        auto p = s.rfind(m, at == 0 ? 0 : at - 1);
        if (p != std::string_view::npos && p < at && p + m.size() > start) start = p + m.size();
    }
    for (auto d = first_date(s); d && d->end <= at; d = first_date(s, d->end)) {
        if (d->end > start) start = d->end;
        if (auto e = range_end(s, d->end); e && e->end <= at && e->end > start) start = e->end;
    }
    return start;
}

// The end of the clause that starts at `at`: the next comma-like mark, or the sentence's end.
std::size_t clause_end(std::string_view s, std::size_t at) {
    static constexpr std::array marks = {"，"sv, ","sv, "；"sv, ";"sv, "："sv, ":"sv};
    std::size_t end = s.size();
    for (auto m : marks) {
        auto p = s.find(m, at);
        if (p != std::string_view::npos && p < end) end = p;
    }
    return end;
}

std::string trimmed(std::string_view s) {
    static constexpr std::array spaces = {" "sv, "　"sv, "\t"sv};
    for (bool again = true; again;) {
        again = false;
        for (auto sp : spaces) {
            if (has_at(s, 0, sp)) s.remove_prefix(sp.size()), again = true;
            if (s.size() >= sp.size() && s.substr(s.size() - sp.size()) == sp) s.remove_suffix(sp.size()), again = true;
        }
    }
    return std::string(s);
}

void read_authority(std::string_view s, PreambleFacts &f) {
    for (auto lead : {"根据"sv, "按照"sv}) {
        auto p = s.find(lead);
        if (p == std::string_view::npos) continue;
        const std::size_t from = p + lead.size();
        const std::size_t end = clause_end(s, from);
        auto deploy = s.substr(from, end - from).find("部署");
        if (deploy == std::string_view::npos) continue;
        std::string_view who = s.substr(from, deploy);
        for (auto tail : {"统一"sv, "的"sv})
            if (who.size() >= tail.size() && who.substr(who.size() - tail.size()) == tail) who.remove_suffix(tail.size());
        if (!who.empty()) f.authority = trimmed(who);
        return;
    }
}

// "…，市委第一巡察组对市妇联党组开展了政治巡察": group, Party organisation and label.
bool read_inspection_clause(std::string_view s, PreambleFacts &f) {
    for (std::size_t dui = s.find("对"); dui != std::string_view::npos; dui = s.find("对", dui + 1)) {
        // The group stands right before 对, or before 于<dates>对 (…巡察组于2019年3月1日至4月30日对…).
        std::size_t group_end = dui;
        for (auto d = first_date(s); d && d->begin < dui; d = first_date(s, d->end)) {
            const auto end = range_end(s, d->end);
            if ((end ? end->end : d->end) != dui) continue;
            group_end = d->begin;
            for (auto w : {"于"sv, "在"sv})
                if (group_end >= w.size() && s.substr(group_end - w.size(), w.size()) == w) group_end -= w.size();
            break;
        }
        if (group_end < "组"sv.size() || s.substr(group_end - "组"sv.size(), "组"sv.size()) != "组") continue;
        const std::size_t p = group_end - "组"sv.size();
        const std::size_t org_from = dui + "对"sv.size();
        std::size_t verb = std::string_view::npos, verb_len = 0;
        for (auto v : {"开展了"sv, "进行了"sv, "实施了"sv, "开展"sv, "进行"sv}) {
            auto q = s.find(v, org_from);
            if (q != std::string_view::npos && q < verb) verb = q, verb_len = v.size();
        }
        if (verb == std::string_view::npos) continue;
        const std::size_t group_from = clause_start(s, p);
        f.group = trimmed(s.substr(group_from, group_end - group_from));
        if (f.group->empty()) f.group.reset();
        f.party_org = trimmed(s.substr(org_from, verb - org_from));
        if (f.party_org->empty()) f.party_org.reset();
        const std::size_t label_from = verb + verb_len;
        std::string_view label = s.substr(label_from, clause_end(s, label_from) - label_from);
        // 开展了为期一个月的常规巡察: the label is what follows the last 的.
        if (auto de = label.rfind("的"); de != std::string_view::npos) label.remove_prefix(de + "的"sv.size());
        std::string l = trimmed(label);
        for (auto end : {"巡察"sv, "巡视"sv, "回头看"sv})
            if (l.size() >= end.size() && std::string_view(l).substr(l.size() - end.size()) == end) f.label = l;
        return true;
    }
    return false;
}

void read_onsite_dates(std::string_view s, PreambleFacts &f) {
    auto start = first_date(s);
    if (!start) return;
    f.onsite_start = to_date(*start->year, start->month, start->day);
    if (!f.onsite_start) return;
    if (auto end = range_end(s, start->end))
        f.onsite_end = to_date(end->year.value_or(*start->year), end->month, end->day);
}

void read_counts(std::string_view text, PreambleFacts &f) {
    if (auto p = text.find("个方面"); p != std::string_view::npos) {
        f.aspect_count = number_before(text, p);
        std::size_t i = p + "个方面"sv.size();
        if (has_at(text, i, "的")) i += "的"sv.size();
        auto n = number_at(text, i, 6);
        if (n && (has_at(text, i, "项") || has_at(text, i, "个") || has_at(text, i, "条"))) f.issue_count = n;
    }
    for (auto p = text.find("完成"); p != std::string_view::npos; p = text.find("完成", p + 1)) {
        if (p >= "基本"sv.size() && text.substr(p - "基本"sv.size(), "基本"sv.size()) == "基本") continue;
        std::size_t i = p + "完成"sv.size();
        if (has_at(text, i, "了")) i += "了"sv.size();
        auto n = number_at(text, i, 6);
        if (n && (has_at(text, i, "项") || has_at(text, i, "个") || has_at(text, i, "条"))) {
            f.done_count = n;
            return;
        }
    }
}

} // namespace

std::string ascii_digits(std::string_view text) {
    // ０ is U+FF10, EF BC 90; ９ is EF BC 99.
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (i + 2 < text.size() && text[i] == '\xEF' && text[i + 1] == '\xBC' && text[i + 2] >= '\x90' &&
            text[i + 2] <= '\x99') {
            out += char('0' + (text[i + 2] - '\x90'));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

PreambleFacts read_preamble(std::string_view raw) {
    const std::string text = ascii_digits(raw);
    PreambleFacts f;
    bool onsite_found = false;
    for (std::string_view s : sentences(text)) {
        if (!f.authority) read_authority(s, f);
        if (!onsite_found && read_inspection_clause(s, f)) {
            onsite_found = true;
            read_onsite_dates(s, f);
        } else if (!f.feedback_date && s.find("反馈") != std::string_view::npos) {
            if (auto d = first_date(s)) f.feedback_date = to_date(*d->year, d->month, d->day);
        }
    }
    read_counts(text, f);
    return f;
}

} // namespace rectify::io
