// The notice parser works line by line. Each line is one of: blank, a part heading (一、), a
// section heading (（一）), an issue (1、 1. 1．), a sub-item (（1）), a 整改情况 marker, or text.
// Text belongs to the innermost item open above it; text that has no such item is an error with
// its line number, because a notice must never lose words on the way in.
#include "io/notice_parser.hpp"

#include "core/chinese_numerals.hpp"
#include "core/error.hpp"
#include "core/utf8.hpp"
#include "io/notice_preamble.hpp"

#include <algorithm>
#include <array>
#include <vector>

namespace rectify::io {

namespace {

using namespace std::string_view_literals;
using core::Errc;
using core::Error;

enum class LineKind { blank, part, section, issue, sub, marker, text };

struct Line {
    int number = 0;       // 1-based
    std::string text;     // without its indentation and trailing spaces
    LineKind kind = LineKind::text;
    int ordinal = 0;      // the heading's or item's number
    std::string rest;     // a heading's or item's title; a marker's text
    std::string inline_narrative; // 1、title 整改情况：… on one line: the part after the marker
};

bool has_at(std::string_view s, std::size_t at, std::string_view what) {
    return at <= s.size() && s.substr(at, what.size()) == what;
}

// Indentation in 公文 is often full-width spaces; the text itself never starts with one.
std::string_view trim(std::string_view s) {
    static constexpr std::array spaces = {" "sv, "\t"sv, "\r"sv, "　"sv, "\xC2\xA0"sv};
    for (bool again = true; again;) {
        again = false;
        for (auto sp : spaces) {
            while (has_at(s, 0, sp)) s.remove_prefix(sp.size()), again = true;
            while (s.size() >= sp.size() && s.substr(s.size() - sp.size()) == sp) s.remove_suffix(sp.size()), again = true;
        }
    }
    return s;
}

std::optional<std::size_t> one_of(std::string_view s, std::size_t at, std::initializer_list<std::string_view> marks) {
    for (auto m : marks)
        if (has_at(s, at, m)) return m.size();
    return std::nullopt;
}

// Arabic digits, ASCII or full-width, at s[at...]: the number, and `at` moved past them.
std::optional<int> arabic_at(std::string_view s, std::size_t &at) {
    int n = 0, count = 0;
    std::size_t i = at;
    for (;;) {
        if (i < s.size() && s[i] >= '0' && s[i] <= '9') {
            n = n * 10 + (s[i] - '0');
            ++i;
        } else if (i + 2 < s.size() && s[i] == '\xEF' && s[i + 1] == '\xBC' && s[i + 2] >= '\x90' && s[i + 2] <= '\x99') {
            n = n * 10 + (s[i + 2] - '\x90');
            i += 3;
        } else {
            break;
        }
        if (++count > 4) return std::nullopt; // 2018年… is a year, not an item number
    }
    if (count == 0) return std::nullopt;
    at = i;
    return n;
}

// A Chinese numeral (一 … 九十九 …) at s[at...].
std::optional<int> chinese_at(std::string_view s, std::size_t &at) {
    static constexpr std::array chars = {"零"sv, "一"sv, "二"sv, "三"sv, "四"sv, "五"sv, "六"sv,
                                         "七"sv, "八"sv, "九"sv, "十"sv, "百"sv, "千"sv};
    std::size_t i = at;
    for (bool more = true; more;) {
        more = false;
        for (auto c : chars)
            if (has_at(s, i, c)) i += c.size(), more = true;
    }
    auto n = core::parse_chinese_numeral(s.substr(at, i - at));
    if (n) at = i;
    return n;
}

// "整改情况：" or "整改情况:" at s[at...]: its length.
std::optional<std::size_t> marker_at(std::string_view s, std::size_t at) {
    if (!has_at(s, at, "整改情况")) return std::nullopt;
    std::size_t i = at + "整改情况"sv.size();
    auto colon = one_of(s, i, {"："sv, ":"sv});
    if (!colon) return std::nullopt;
    return i + *colon - at;
}

void classify(Line &l) {
    const std::string_view s = l.text;
    if (s.empty()) {
        l.kind = LineKind::blank;
        return;
    }
    if (auto m = marker_at(s, 0)) {
        l.kind = LineKind::marker;
        l.rest = std::string(trim(s.substr(*m)));
        return;
    }
    if (auto open = one_of(s, 0, {"（"sv, "("sv})) {
        std::size_t i = *open;
        bool arabic = true;
        auto n = arabic_at(s, i);
        if (!n) arabic = false, n = chinese_at(s, i);
        if (n) {
            if (auto close = one_of(s, i, {"）"sv, ")"sv})) {
                l.kind = arabic ? LineKind::sub : LineKind::section;
                l.ordinal = *n;
                l.rest = std::string(trim(s.substr(i + *close)));
                return;
            }
        }
    }
    std::size_t i = 0;
    if (auto n = arabic_at(s, i)) {
        // 1、 1. 1．, but not 2.5万元: a point must not be followed by a digit.
        if (auto sep = one_of(s, i, {"、"sv, "．"sv, "."sv})) {
            const std::size_t after = i + *sep;
            std::size_t probe = after;
            if (has_at(s, i, "、") || !arabic_at(s, probe)) {
                l.kind = LineKind::issue;
                l.ordinal = *n;
                std::string_view rest = trim(s.substr(after));
                // The title and its 整改情况 may share the line.
                for (std::size_t p = rest.find("整改情况"); p != std::string_view::npos; p = rest.find("整改情况", p + 1)) {
                    if (auto m = marker_at(rest, p)) {
                        l.inline_narrative = std::string(trim(rest.substr(p + *m)));
                        rest = trim(rest.substr(0, p));
                        break;
                    }
                }
                l.rest = std::string(rest);
                return;
            }
        }
    }
    i = 0;
    if (auto n = chinese_at(s, i); n && has_at(s, i, "、")) {
        l.kind = LineKind::part;
        l.ordinal = *n;
        l.rest = std::string(trim(s.substr(i + "、"sv.size())));
        return;
    }
    l.kind = LineKind::text;
}

// The first 30 characters of a line, for error messages.
std::string excerpt(std::string_view s) {
    std::size_t i = 0;
    for (int chars = 0; i < s.size() && chars < 30; ++chars) {
        ++i;
        while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
    }
    return "\"" + std::string(s.substr(0, i)) + (i < s.size() ? "…" : "") + "\"";
}

[[noreturn]] void fail_at(const Line &l, const std::string &what) {
    throw Error(Errc::invalid, "line " + std::to_string(l.number) + ": " + what + ": " + excerpt(l.text));
}

[[noreturn]] void fail(const std::string &what) { throw Error(Errc::invalid, what); }

std::vector<Line> split_lines(std::string_view text) {
    if (auto bad = core::find_invalid_utf8(text)) {
        const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(*bad), '\n');
        throw Error(Errc::utf8, "line " + std::to_string(line) + ": invalid UTF-8 (byte " + std::to_string(*bad) +
                                    " of the text); save the notice as UTF-8");
    }
    if (has_at(text, 0, "\xEF\xBB\xBF")) text.remove_prefix(3); // a byte order mark from Windows editors
    std::vector<Line> lines;
    int number = 0;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        Line l;
        l.number = ++number;
        l.text = std::string(trim(text.substr(start, end - start)));
        classify(l);
        lines.push_back(std::move(l));
        start = end + 1;
    }
    return lines;
}

// One issue or sub-issue as the text gives it.
struct Item {
    const Line *line = nullptr;
    std::vector<std::string> description;   // text between the title and 整改情况
    const Line *marker = nullptr;           // its 整改情况 line, if any
    std::vector<std::string> narrative;     // the 整改情况 text, one entry a line
    std::vector<Item> subs;
};

// A heading and what stands under it: issues (an aspect) or plain paragraphs (the closing).
struct Section {
    const Line *heading = nullptr;
    bool part = false; // a 一、 heading in a notice whose aspects are （一）
    std::vector<Item> issues;
    std::vector<const Line *> paragraphs;
};

std::string joined(const std::vector<std::string> &lines) {
    std::string out;
    for (const auto &l : lines) out += (out.empty() ? "" : "\n") + l;
    return out;
}

class Parser {
public:
    explicit Parser(std::string_view text) : lines_(split_lines(text)) {
        // The aspects are the （一） headings; a notice that has none numbers them 一、.
        parts_are_aspects_ = std::none_of(lines_.begin(), lines_.end(), [](const Line &l) { return l.kind == LineKind::section; });
        for (const Line &l : lines_) take(l);
    }

    Document document(const NoticeParseOptions &o);

private:
    std::vector<Line> lines_;
    bool parts_are_aspects_ = false;
    std::vector<const Line *> front_; // title and preamble: everything before the first heading
    std::vector<Section> sections_;
    int last_issue_ = 0;

    // The innermost open item of the current section: the last sub-issue of its last issue, or
    // that issue.
    Item *innermost() {
        if (sections_.empty() || sections_.back().issues.empty()) return nullptr;
        Item &issue = sections_.back().issues.back();
        return issue.subs.empty() ? &issue : &issue.subs.back();
    }

    void add_text(const Line &l, const std::string &text) {
        if (sections_.empty()) return front_.push_back(&l);
        Section &sec = sections_.back();
        if (sec.issues.empty()) return sec.paragraphs.push_back(&l);
        Item *item = innermost();
        (item->marker ? item->narrative : item->description).push_back(text);
    }

    void take(const Line &l) {
        switch (l.kind) {
        case LineKind::blank: return;
        case LineKind::text: return add_text(l, l.text);
        case LineKind::part:
        case LineKind::section: {
            if (l.rest.empty()) fail_at(l, "a heading with no title");
            Section sec;
            sec.heading = &l;
            sec.part = l.kind == LineKind::part && !parts_are_aspects_;
            sections_.push_back(std::move(sec));
            return;
        }
        case LineKind::issue: return take_issue(l);
        case LineKind::sub: return take_sub(l);
        case LineKind::marker: return take_marker(l);
        }
    }

    void take_issue(const Line &l) {
        if (sections_.empty()) fail_at(l, "an issue before any aspect heading (（一）…方面)");
        Section &sec = sections_.back();
        // Numbers run on across aspects (the seed) or restart at 1 under each one. Any other
        // number inside an issue's text is that text's own list (1、… 2、…), not a new issue.
        const bool in_sequence = l.ordinal == last_issue_ + 1 || (l.ordinal == 1 && sec.issues.empty());
        if (!in_sequence) {
            if (innermost()) return add_text(l, l.text);
            fail_at(l, "issue number " + std::to_string(l.ordinal) + " is out of sequence (expected " +
                           std::to_string(last_issue_ + 1) + (last_issue_ && sec.issues.empty() ? " or 1" : "") + ")");
        }
        if (sec.part)
            fail_at(l, "an issue directly under the part heading at line " + std::to_string(sec.heading->number) +
                           "; issues belong under the （一） aspect headings");
        if (!sec.paragraphs.empty()) unplaced(sec);
        if (l.rest.empty()) fail_at(l, "an issue with no title");
        Item item;
        item.line = &l;
        if (!l.inline_narrative.empty()) {
            item.marker = &l;
            item.narrative.push_back(l.inline_narrative);
        }
        sec.issues.push_back(std::move(item));
        last_issue_ = l.ordinal;
    }

    // （1） before the issue's own 整改情况 starts a sub-issue; after it, it is a list in the
    // narrative and stays there word for word.
    void take_sub(const Line &l) {
        // Outside any issue it is plain text, placed (or refused) as such.
        if (!innermost()) return add_text(l, l.text);
        Item &issue = sections_.back().issues.back();
        if (issue.marker || l.ordinal != static_cast<int>(issue.subs.size()) + 1) return add_text(l, l.text);
        if (l.rest.empty()) fail_at(l, "a sub-item with no title");
        Item sub;
        sub.line = &l;
        issue.subs.push_back(std::move(sub));
    }

    void take_marker(const Line &l) {
        Item *item = innermost();
        if (!item) fail_at(l, "整改情况 outside any issue");
        if (item->marker)
            fail_at(l, "a second 整改情况 for the item at line " + std::to_string(item->line->number) +
                           " (the first is at line " + std::to_string(item->marker->number) + ")");
        item->marker = &l;
        if (!l.rest.empty()) item->narrative.push_back(l.rest);
    }

    [[noreturn]] void unplaced(const Section &sec) {
        fail_at(*sec.paragraphs.front(), "cannot place this text: it stands under the heading at line " +
                                             std::to_string(sec.heading->number) +
                                             " but is no issue, 整改情况 or text of one; only the last section (the "
                                             "closing) may hold plain paragraphs");
    }

    void check_item(const Item &item) {
        if (item.marker && item.narrative.empty()) fail_at(*item.marker, "整改情况 with no text");
        for (const auto &s : item.subs) check_item(s);
    }

    DocIssue issue_of(const Item &item, const std::string &ref, std::size_t seq, bool all_done);
};

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

// A title line has no sentence punctuation; the preamble's first sentence always has some.
bool title_like(std::string_view s) {
    for (auto p : {"。"sv, "，"sv, ","sv, "："sv, ":"sv, "；"sv, ";"sv})
        if (s.find(p) != std::string_view::npos) return false;
    return true;
}

// 市妇联党组 → 市妇联: the unit is the organisation the Party body leads.
std::string unit_of(const std::string &party_org) {
    for (auto tail : {"机关党委"sv, "党总支"sv, "党支部"sv, "党工委"sv, "党委"sv, "党组"sv})
        if (ends_with(party_org, tail) && party_org.size() > tail.size())
            return party_org.substr(0, party_org.size() - tail.size());
    return party_org;
}

core::InspectionKind kind_of_label(const std::optional<std::string> &label) {
    using K = core::InspectionKind;
    if (!label) return K::routine;
    static const std::pair<std::string_view, K> words[] = {{"专项", K::special}, {"机动", K::mobile}, {"回头看", K::lookback},
                                                           {"提级", K::elevated}, {"交叉", K::cross}, {"上下联动", K::linked}};
    for (const auto &[word, kind] : words)
        if (label->find(word) != std::string::npos) return kind;
    return K::routine;
}

std::optional<core::Date> date_option(const std::optional<std::string> &v, const char *name, const char *flag) {
    if (!v) return std::nullopt;
    auto d = core::parse_date(*v);
    if (!d) throw Error(Errc::argument, std::string(name) + " (" + flag + "): '" + *v + "' " + core::describe_bad_date(*v));
    return d;
}

// where: the preamble's line, or nullptr when the notice has none; usual: how notices say it.
[[noreturn]] void missing(const std::string &what, const Line *where, const char *usual, const char *flag, const char *field) {
    fail("the notice gives no " + what + " (" +
         (where ? "the preamble at line " + std::to_string(where->number) + " does not say it as in " + usual
                : std::string("it has no preamble")) +
         "); give it with " + flag + " (rectify_parse_options." + field + ")");
}

DocIssue Parser::issue_of(const Item &item, const std::string &ref, std::size_t seq, bool all_done) {
    DocIssue d;
    auto &r = d.record;
    r.meta.ref = ref;
    r.seq = static_cast<std::int64_t>(seq);
    r.title = item.line->rest;
    if (!item.description.empty()) r.description = joined(item.description);
    // The notice reports work done; how far it got is only known when the preamble says all is done.
    r.status = all_done ? core::Status::done : item.marker ? core::Status::in_progress : core::Status::not_started;
    d.status_given = true;
    if (item.marker) {
        // The narrative is one measure's one progress record: the notice renders an issue's
        // 整改情况 as its measures' progress joined, so this gives the same text back.
        DocMeasure m;
        m.record.meta.ref = ref + "/m1";
        m.record.seq = 1;
        m.record.title = item.line->rest;
        m.record.category = core::MeasureCategory::immediate;
        m.record.status = r.status;
        m.status_given = true;
        DocProgress p;
        p.record.meta.ref = ref + "/m1/p1";
        p.record.seq = 1;
        p.record.text = joined(item.narrative);
        m.progress.push_back(std::move(p));
        d.measures.push_back(std::move(m));
    }
    for (std::size_t i = 0; i < item.subs.size(); ++i)
        d.sub_issues.push_back(issue_of(item.subs[i], ref + "." + std::to_string(i + 1), i + 1, all_done));
    return d;
}

Document Parser::document(const NoticeParseOptions &o) {
    if (front_.empty() && sections_.empty()) fail("the notice is empty");

    // Aspects, then at most one closing section, last.
    std::vector<const Section *> aspects;
    const Section *closing = nullptr;
    for (const Section &sec : sections_) {
        if (closing) unplaced(*closing); // plain paragraphs followed by more headings
        if (!sec.issues.empty()) {
            aspects.push_back(&sec);
        } else if (!sec.paragraphs.empty()) {
            if (aspects.empty()) unplaced(sec);
            closing = &sec;
        } else if (sec.part) {
            fail_at(*sec.heading, "a part heading above the aspects: the import format has no level above the "
                                  "（一） aspects, so it cannot be kept; remove the line");
        } else {
            fail_at(*sec.heading, "a heading with nothing under it");
        }
    }
    if (aspects.empty())
        fail("the notice has no aspect heading with issues under it (（一）…方面 followed by 1、…)");
    int issue_count = 0;
    for (const Section *a : aspects) {
        issue_count += static_cast<int>(a->issues.size());
        for (const Item &i : a->issues) check_item(i);
    }

    // Title lines first, then the preamble.
    std::string title, preamble;
    const Line *preamble_line = nullptr;
    for (const Line *l : front_) {
        if (!preamble_line && title_like(l->text)) {
            title += l->text;
        } else {
            if (!preamble_line) preamble_line = l;
            preamble += l->text;
        }
    }
    const PreambleFacts facts = read_preamble(preamble);
    const std::string where = preamble_line ? "line " + std::to_string(preamble_line->number) : "none";

    if ((facts.aspect_count && *facts.aspect_count != static_cast<int>(aspects.size())) ||
        (facts.issue_count && *facts.issue_count != issue_count)) {
        fail("the preamble (" + where + ") counts " +
             (facts.aspect_count ? std::to_string(*facts.aspect_count) + "个方面" : std::string()) +
             (facts.issue_count ? std::to_string(*facts.issue_count) + "项" : std::string()) + ", but the text has " +
             std::to_string(aspects.size()) + " aspect(s) and " + std::to_string(issue_count) +
             " issue(s); a heading or issue line that is not recognised becomes text of the item above it");
    }

    Document doc;
    const auto party_org = facts.party_org;
    if (o.unit) doc.unit.name = *o.unit;
    else if (party_org) doc.unit.name = unit_of(*party_org);
    else missing("inspected unit", preamble_line, "…巡察组对<党组织>开展了…", "--unit", "unit");
    if (doc.unit.name.empty()) throw Error(Errc::argument, "unit (--unit) must not be empty");
    doc.unit.meta.ref = doc.unit.name;
    doc.unit.party_org = party_org;

    auto &in = doc.inspection;
    if (o.kind) {
        auto k = core::parse_inspection_kind(*o.kind);
        if (!k)
            throw Error(Errc::argument, "kind (--kind): unknown value '" + *o.kind + "' (expected one of: " +
                                            std::string(core::all_names(core::InspectionKind{})) + ")");
        in.kind = *k;
    } else {
        in.kind = kind_of_label(facts.label);
    }
    in.label = facts.label;
    in.authority = facts.authority;
    if (o.group) in.group = *o.group;
    else if (facts.group) in.group = *facts.group;
    else missing("inspecting group", preamble_line, "…<巡察组>对…开展了…", "--group", "group");
    if (in.group.empty()) throw Error(Errc::argument, "group (--group) must not be empty");

    if (auto d = date_option(o.onsite_start, "onsite_start", "--onsite-start")) in.onsite_start = *d;
    else if (facts.onsite_start) in.onsite_start = *facts.onsite_start;
    else missing("first day on site", preamble_line, "2018年9月19日至10月25日，…巡察组对…", "--onsite-start", "onsite_start");
    in.onsite_end = o.onsite_end ? date_option(o.onsite_end, "onsite_end", "--onsite-end") : facts.onsite_end;
    in.feedback_date = o.feedback_date ? date_option(o.feedback_date, "feedback_date", "--feedback-date") : facts.feedback_date;
    for (const auto &[date, name] : {std::pair{in.onsite_end, "last day on site"}, std::pair{in.feedback_date, "feedback date"}})
        if (date && *date < in.onsite_start)
            fail(std::string("the ") + name + " " + core::format_date(*date) + " is before the first day on site " +
                 core::format_date(in.onsite_start));
    if (!title.empty()) in.title = title;
    in.meta.ref = o.ref ? *o.ref : doc.unit.name + "-" + core::format_date(in.onsite_start);
    if (in.meta.ref.empty()) throw Error(Errc::argument, "ref (--ref) must not be empty");
    if (closing) {
        core::Closing c;
        c.heading = closing->heading->rest;
        for (const Line *p : closing->paragraphs) c.paragraphs.push_back(p->text);
        in.closing = std::move(c);
    }

    const bool all_done = facts.done_count && *facts.done_count == issue_count;
    for (std::size_t a = 0; a < aspects.size(); ++a) {
        DocAspect da;
        da.record.meta.ref = in.meta.ref + "/a" + std::to_string(a + 1);
        da.record.seq = static_cast<std::int64_t>(a + 1);
        da.record.title = aspects[a]->heading->rest;
        for (std::size_t i = 0; i < aspects[a]->issues.size(); ++i)
            da.issues.push_back(issue_of(aspects[a]->issues[i], da.record.meta.ref + "/i" + std::to_string(i + 1), i + 1, all_done));
        doc.aspects.push_back(std::move(da));
    }
    return doc;
}

} // namespace

Document parse_notice_document(std::string_view text, const NoticeParseOptions &options) {
    return Parser(text).document(options);
}

std::string parse_notice(std::string_view text, const NoticeParseOptions &options) {
    return write_document(parse_notice_document(text, options));
}

} // namespace rectify::io
