#include "io/dashboard_html.hpp"

#include "core/date.hpp"
#include "core/enums.hpp"
#include "core/figures.hpp"
#include "core/followthrough.hpp"
#include "io/html_escape.hpp"
#include "io/svg_charts.hpp"

#include <algorithm>
#include <array>
#include <map>

namespace rectify::io {

namespace {

using core::Light;

std::string s(std::int64_t v) { return std::to_string(v); }
std::string esc(std::string_view t) { return html_escape(t); }

// Nothing may be fetched: no script, no frame, no font, no image but data: URIs; only the
// inline styles below and the SVG's presentation attributes.
constexpr const char *kContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

constexpr const char *kStyle = R"(
body { margin: 0; background: #f1f3f4; color: #202124;
       font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; }
main { max-width: 1000px; margin: 0 auto; padding: 16px 20px 32px; }
header { background: #a50e0e; color: #fff; padding: 20px 24px; border-radius: 6px; }
header h1 { margin: 0 0 6px; font-size: 24px; }
header p { margin: 4px 0; font-size: 14px; }
.as-of-date { font-size: 18px; font-weight: bold; }
.audience { display: inline-block; margin-left: 8px; padding: 1px 8px; border: 1px solid #fff; border-radius: 10px; font-size: 12px; }
section { background: #fff; margin-top: 16px; padding: 14px 20px; border-radius: 6px; }
section h2 { margin: 0 0 10px; font-size: 18px; border-left: 4px solid #a50e0e; padding-left: 8px; }
.cards { display: flex; flex-wrap: wrap; gap: 12px; }
.card { flex: 1 1 200px; background: #fff; border-radius: 6px; padding: 12px 16px; border-top: 4px solid #1a73e8; }
.card.warn { border-top-color: #d93025; } .card.ext { border-top-color: #f9ab00; } .card.outcome { border-top-color: #188038; }
.card h3 { margin: 0; font-size: 14px; color: #5f6368; font-weight: normal; }
.card .big { font-size: 28px; font-weight: bold; margin: 4px 0; }
.card p { margin: 2px 0; font-size: 13px; }
svg { max-width: 100%; height: auto; display: block; }
svg text { font-family: inherit; fill: #202124; }
.note { color: #5f6368; font-size: 13px; margin: 6px 0 0; }
table { width: 100%; border-collapse: collapse; font-size: 13px; }
th, td { border-bottom: 1px solid #e8eaed; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #f8f9fa; font-weight: bold; }
.dot { display: inline-block; width: 10px; height: 10px; border-radius: 5px; margin-right: 4px; }
.dot-red { background: #d93025; } .dot-yellow { background: #f9ab00; } .dot-green { background: #188038; } .dot-blue { background: #1a73e8; }
.verdict { font-weight: bold; } .verdict-held { color: #188038; } .verdict-relapsed, .verdict-false { color: #d93025; } .verdict-incomplete { color: #b06000; }
.counts span { margin-right: 16px; }
footer { color: #5f6368; font-size: 12px; text-align: center; margin-top: 16px; }
)";

std::string period(const core::Date &start, const std::optional<core::Date> &end) {
    return core::format_date_chinese(start) + (end ? "至" + core::format_date_chinese(*end) : std::string());
}

std::string page_title(const Document &d) {
    return d.inspection.title ? *d.inspection.title : d.unit.name + "巡察整改工作";
}

std::string header(const Report &r) {
    const auto &in = r.doc.inspection;
    std::string out = "<header>\n<h1>" + esc(page_title(r.doc)) + "</h1>\n";
    out += "<p>整改工作看板<span class=\"audience\">" +
           std::string(audience_label(r.audience)) + "</span></p>\n";
    std::string who = "被巡察单位：" + r.doc.unit.name;
    if (r.doc.unit.party_org) who += "（" + *r.doc.unit.party_org + "）";
    who += "　巡察组：" + in.group + "　类型：" + std::string(core::label(in.kind));
    if (in.label) who += "（" + *in.label + "）";
    out += "<p>" + esc(who) + "</p>\n";
    std::string when = "巡察时间：" + period(in.onsite_start, in.onsite_end);
    if (in.feedback_date) when += "　反馈日期：" + core::format_date_chinese(*in.feedback_date);
    if (r.doc.round) when += "　轮次：" + r.doc.round->name;
    out += "<p>" + esc(when) + "</p>\n";
    out += "<p class=\"as-of-date\">截至" + core::format_date_chinese(r.as_of) + "</p>\n";
    return out + "</header>\n";
}

std::string rate_or_dash(const core::Tally &t) { return t.completion_rate().value_or("—"); }

std::string card(std::string_view cls, std::string_view title, const std::string &big,
                 const std::vector<std::string> &lines) {
    std::string out = "<div class=\"card " + std::string(cls) + "\"><h3>" + esc(title) + "</h3><div class=\"big\">" +
                      esc(big) + "</div>";
    for (const auto &l : lines) out += "<p>" + esc(l) + "</p>";
    return out + "</div>\n";
}

std::string outcome_card(const core::Statistics &st) {
    const auto &o = st.outcomes;
    std::vector<std::string> lines;
    if (o.rules_made + o.rules_revised > 0)
        lines.push_back("建章立制" + s(o.rules_made + o.rules_revised) + "项（新建" + s(o.rules_made) + "项、修订" +
                        s(o.rules_revised) + "项）");
    for (const auto &m : o.money)
        if (m.items > 0) lines.push_back(std::string(core::label(m.category)) + core::format_yuan(m.fen));
    if (o.accountability_total > 0) lines.push_back("问责" + s(o.accountability_total) + "人次");
    if (o.meetings > 0) lines.push_back("召开专题会议" + s(o.meetings) + "次");
    if (st.leads.handed_over > 0)
        lines.push_back("移交问题线索" + s(st.leads.handed_over) + "件，已办结" + s(st.leads.concluded) + "件");
    if (st.leads.withheld_inspections > 0) lines.push_back("问题线索未列入（无权查看）");
    if (lines.empty()) lines.push_back("暂无登记的整改成效");
    const std::string big = o.money_fen > 0 ? core::format_yuan(o.money_fen) : s(o.rules_made + o.rules_revised) + "项制度";
    return card("outcome", "整改成效", big, lines);
}

std::string summary(const Report &r) {
    const auto &st = r.stats;
    std::string out = "<section id=\"summary\">\n<h2>总体情况</h2>\n<div class=\"cards\">\n";
    out += card("", "整改任务", s(st.issues.total) + "项",
                {"已完成" + s(st.issues.done) + "项，基本完成" + s(st.issues.substantially_done) + "项",
                 "整改中" + s(st.issues.in_progress) + "项，未启动" + s(st.issues.not_done) + "项",
                 "完成率" + rate_or_dash(st.issues)});
    out += card("", "整改措施", s(st.measures.total) + "项",
                {"已完成" + s(st.measures.done) + "项，基本完成" + s(st.measures.substantially_done) + "项",
                 "完成率" + rate_or_dash(st.measures)});
    out += card("warn", "逾期", s(st.measures.overdue) + "项措施", {"涉及整改任务" + s(st.issues.overdue) + "项"});
    out += card("ext", "延期", s(st.measures.extended) + "项措施", {"涉及整改任务" + s(st.issues.extended) + "项"});
    out += outcome_card(st);
    out += "</div>\n";
    if (r.audience == Audience::public_ && st.measures.total != static_cast<std::int64_t>(r.measures.size()))
        out += "<p class=\"note\">合计数含未公开事项；预警、时间轴和表格仅列公开事项。</p>\n";
    return out + "</section>\n";
}

BarFigures bar(const core::Tally &t) {
    return {t.done, t.total, t.completion_basis_points(), t.completion_rate().value_or("")};
}

std::string by_aspect(const Report &r) {
    std::vector<CompletionRow> rows;
    for (const auto &a : r.stats.aspects) rows.push_back({a.title, bar(a.issues), bar(a.measures)});
    return "<section id=\"aspects\">\n<h2>各方面整改完成情况</h2>\n" + svg_completion_bars(rows) + "</section>\n";
}

// The lights in the order the page lists them, with the CSS class of each.
constexpr std::array<Light, 4> kLights{Light::red, Light::yellow, Light::green, Light::blue};

std::string warnings(const Report &r) {
    std::array<std::int64_t, 4> counts{};
    std::int64_t missed = 0;
    for (const auto &[id, mf] : r.measures) {
        ++counts[static_cast<std::size_t>(std::find(kLights.begin(), kLights.end(), mf.warning.light) - kLights.begin())];
        if (mf.warning.followup_missed) ++missed;
    }
    std::string out = "<section id=\"warnings\">\n<h2>预警情况</h2>\n" + svg_light_counts(counts);
    out += "<p class=\"note\">红灯：逾期未完成；黄灯：临近截止日期；绿灯：按期推进或已完成；蓝灯：长期坚持、持续整改。";
    if (missed > 0) out += "其中" + s(missed) + "项因长期坚持事项未按期跟进亮红灯。";
    return out + "</p>\n</section>\n";
}

// Each measure of the document with the issue it answers.
struct MeasureRow {
    const core::Measure *measure;
    const core::Issue *issue;
    const MeasureFacts *facts;
};

std::vector<MeasureRow> measure_rows(const Report &r) {
    std::vector<MeasureRow> out;
    for (const auto *i : all_issues(r.doc))
        for (const auto &m : i->measures) {
            auto f = r.measures.find(m.record.meta.id);
            if (f != r.measures.end()) out.push_back({&m.record, &i->record, &f->second});
        }
    return out;
}

std::string timeline(const Report &r, const std::vector<MeasureRow> &rows, const DashboardLimits &limits) {
    std::vector<TimelineMark> marks;
    for (const auto &m : rows)
        if (m.measure->deadline) marks.push_back({*m.measure->deadline, m.facts->warning.light, m.measure->title});
    const std::size_t without = rows.size() - marks.size();
    std::string out = "<section id=\"timeline\">\n<h2>整改时限</h2>\n";
    const bool columns = marks.size() > limits.timeline_rows;
    const std::size_t shown = marks.size();
    out += svg_deadline_timeline(std::move(marks), r.as_of, limits.timeline_rows);
    out += "<p class=\"note\">";
    if (shown == 0) out += "暂无设定截止日期的整改措施。";
    else if (columns) out += s(static_cast<std::int64_t>(shown)) + "项措施按截止日期分段统计，颜色为预警灯。";
    else out += "每个圆点为一项措施的截止日期，颜色为预警灯。";
    out += "虚线为截至日" + core::format_date_chinese(r.as_of) + "。";
    if (without > 0) out += "另有" + s(static_cast<std::int64_t>(without)) + "项措施未设截止日期（立行立改或长期坚持），不在图中。";
    return out + "</p>\n</section>\n";
}

std::string light_cell(Light l) {
    return "<span class=\"dot dot-" + std::string(core::name(l)) + "\"></span>" + std::string(core::label(l));
}

std::string days_text(const MeasureFacts &f) {
    if (!f.warning.days_left) return "—";
    const auto d = *f.warning.days_left;
    return d < 0 ? "逾期" + s(-d) + "天" : d == 0 ? "今日到期" : "剩" + s(d) + "天";
}

std::string owner(const core::Measure &m) {
    std::string out = m.department.value_or("");
    if (m.person) out += (out.empty() ? "" : " ") + *m.person;
    return out.empty() ? "—" : out;
}

// The red and yellow measures, the most urgent first.
std::string attention(const std::vector<MeasureRow> &rows, const DashboardLimits &limits) {
    std::vector<const MeasureRow *> due;
    for (const auto &m : rows)
        if (m.facts->warning.light == Light::red || m.facts->warning.light == Light::yellow) due.push_back(&m);
    std::stable_sort(due.begin(), due.end(), [](const MeasureRow *a, const MeasureRow *b) {
        if (a->facts->warning.light != b->facts->warning.light) return a->facts->warning.light == Light::red;
        return a->facts->warning.days_left.value_or(0) < b->facts->warning.days_left.value_or(0);
    });
    std::string out = "<section id=\"attention\">\n<h2>红黄灯措施</h2>\n";
    if (due.empty()) return out + "<p class=\"note\">没有亮红灯或黄灯的整改措施。</p>\n</section>\n";
    out += "<table>\n<thead><tr><th>预警</th><th>整改措施</th><th>所属问题</th><th>责任部门/责任人</th>"
           "<th>截止日期</th><th>剩余</th><th>延期</th></tr></thead>\n<tbody>\n";
    const std::size_t n = std::min(due.size(), limits.attention_rows);
    for (std::size_t k = 0; k < n; ++k) {
        const MeasureRow &m = *due[k];
        out += "<tr><td>" + light_cell(m.facts->warning.light) + "</td><td>" + esc(m.measure->title) + "</td><td>" +
               esc(m.issue->title) + "</td><td>" + esc(owner(*m.measure)) + "</td><td>" +
               (m.measure->deadline ? core::format_date(*m.measure->deadline) : "—") + "</td><td>" +
               days_text(*m.facts) + "</td><td>" + (m.facts->extended ? "已延期" : "—") + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
    if (due.size() > n) out += "<p class=\"note\">另有" + s(static_cast<std::int64_t>(due.size() - n)) + "项未列出。</p>\n";
    return out + "</section>\n";
}

std::string lookback(const Report &r, const DashboardLimits &limits) {
    std::map<std::int64_t, const core::Issue *> issues;
    for (const auto *i : all_issues(r.doc)) issues.emplace(i->record.meta.id, &i->record);
    std::string out = "<section id=\"lookback\">\n<h2>回头看情况</h2>\n";
    if (r.verdicts.empty()) return out + "<p class=\"note\">尚未开展回头看或尚无认定结论。</p>\n</section>\n";

    std::map<core::Verdict, std::int64_t> counts;
    for (const auto &v : r.verdicts)
        if (auto k = core::parse_verdict(v.verdict)) ++counts[*k];
    out += "<p class=\"counts\">";
    for (auto k : {core::Verdict::held, core::Verdict::relapsed, core::Verdict::incomplete, core::Verdict::false_rectification})
        out += "<span>" + std::string(core::label(k)) + " " + s(counts[k]) + "项</span>";
    out += "</p>\n<table>\n<thead><tr><th>回头看日期</th><th>检查组</th><th>问题</th><th>结论</th><th>认定日期</th>"
           "<th>发现的问题</th></tr></thead>\n<tbody>\n";
    const std::size_t n = std::min(r.verdicts.size(), limits.verdict_rows);
    for (std::size_t k = 0; k < n; ++k) {
        const VerdictFacts &v = r.verdicts[k];
        const auto verdict = core::parse_verdict(v.verdict);
        const auto issue = issues.find(v.issue_id);
        std::string team = v.team + (v.review_title ? "（" + *v.review_title + "）" : "");
        out += "<tr><td>" + core::format_date(v.scheduled_on) + "</td><td>" + esc(team) + "</td><td>" +
               (issue != issues.end() ? esc(issue->second->title) : "—") + "</td><td class=\"verdict verdict-" +
               esc(v.verdict) + "\">" + esc(verdict ? core::label(*verdict) : v.verdict) + "</td><td>" +
               core::format_date(v.decided_on) + "</td><td>" + esc(v.findings.value_or("—")) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n";
    if (r.verdicts.size() > n) out += "<p class=\"note\">另有" + s(static_cast<std::int64_t>(r.verdicts.size() - n)) + "条结论未列出。</p>\n";
    return out + "</section>\n";
}

} // namespace

std::string render_dashboard_html(const Report &r, const DashboardLimits &limits) {
    const std::vector<MeasureRow> rows = measure_rows(r);
    std::string out = "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n";
    out += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + std::string(kContentSecurityPolicy) + "\">\n";
    out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "<title>" + esc(page_title(r.doc)) + " · 整改工作看板 · 截至" + core::format_date_chinese(r.as_of) + "</title>\n";
    out += "<style>" + std::string(kStyle) + "</style>\n</head>\n<body>\n<main>\n";
    out += header(r);
    out += summary(r);
    out += by_aspect(r);
    out += warnings(r);
    out += timeline(r, rows, limits);
    out += attention(rows, limits);
    out += lookback(r, limits);
    out += "<footer>由 rectify 生成于截至日" + core::format_date(r.as_of) +
           "。本页为独立文件：不含脚本，不引用任何外部资源。</footer>\n";
    return out + "</main>\n</body>\n</html>\n";
}

} // namespace rectify::io
