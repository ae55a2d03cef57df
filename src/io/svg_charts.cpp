#include "io/svg_charts.hpp"

#include "io/html_escape.hpp"

#include <algorithm>
#include <map>

namespace rectify::io {

namespace {

using core::Light;

// The lights in the order the dashboard lists them: the most urgent first.
constexpr std::array<Light, 4> kLightOrder{Light::red, Light::yellow, Light::green, Light::blue};

const char *kTextColour = "#202124";
const char *kMutedColour = "#5f6368";
const char *kTrackColour = "#e8eaed";

std::string s(std::int64_t v) { return std::to_string(v); }

std::string svg_open(int width, int height, std::string_view label) {
    // Coordinates are whole pixels: no floating-point text, so no locale can change the output.
    return "<svg role=\"img\" aria-label=\"" + html_escape(label) + "\" width=\"" + s(width) + "\" height=\"" +
           s(height) + "\" viewBox=\"0 0 " + s(width) + " " + s(height) + "\">\n";
}

std::string text(int x, int y, std::string_view content, std::string_view attrs = {}) {
    return "<text x=\"" + s(x) + "\" y=\"" + s(y) + "\"" + (attrs.empty() ? "" : " ") + std::string(attrs) + ">" +
           html_escape(content) + "</text>\n";
}

std::string rect(std::int64_t x, std::int64_t y, std::int64_t w, std::int64_t h, std::string_view fill,
                 std::string_view extra = {}) {
    return "<rect x=\"" + s(x) + "\" y=\"" + s(y) + "\" width=\"" + s(w) + "\" height=\"" + s(h) + "\" fill=\"" +
           std::string(fill) + "\"" + (extra.empty() ? "" : " ") + std::string(extra) + "/>\n";
}

std::string figures_text(std::string_view what, const BarFigures &f) {
    return std::string(what) + " " + s(f.done) + "/" + s(f.total) + " " + (f.rate.empty() ? "—" : f.rate);
}

// --- dates as day numbers ----------------------------------------------------------------------
// The timeline works on day counts from 1970-01-01 (Howard Hinnant's days_from_civil), so that
// bin edges past 9999-12-31, where boost::gregorian stops, are still plain numbers.

std::int64_t days_from_civil(std::int64_t y, unsigned m, unsigned d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const auto yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::int64_t day_number(const core::Date &d) {
    return days_from_civil(d.year(), d.month().as_number(), d.day().as_number());
}

// A month as one number: year * 12 + (month - 1).
std::int64_t month_index(const core::Date &d) { return std::int64_t{d.year()} * 12 + (d.month().as_number() - 1); }
std::int64_t month_start(std::int64_t index) { return days_from_civil(index / 12, static_cast<unsigned>(index % 12 + 1), 1); }

std::string two(std::int64_t v) { return (v < 10 ? "0" : "") + s(v); }
std::string month_label(std::int64_t index) { return s(index / 12) + "-" + two(index % 12 + 1); }

// The plot's horizontal scale: day numbers [lo, hi] onto pixels [x0, x1].
struct Axis {
    std::int64_t lo, hi;
    int x0, x1;
    int x(std::int64_t day) const { return static_cast<int>(x0 + (day - lo) * (x1 - x0) / (hi - lo)); }
};

struct Tick {
    std::int64_t day;
    std::string label;
};

// At most about eight ticks: every few days on a short span, else every 1, 2, 3, 6 or 12·n months.
std::vector<Tick> ticks(const Axis &a, const core::Date &lo_date) {
    std::vector<Tick> out;
    const std::int64_t span = a.hi - a.lo;
    if (span <= 62) {
        const std::int64_t step = std::max<std::int64_t>(1, (span + 7) / 8);
        for (std::int64_t d = 0; d <= span; d += step) {
            const core::Date date = lo_date + boost::gregorian::days(d);
            out.push_back({a.lo + d, s(date.month().as_number()) + "月" + s(date.day().as_number()) + "日"});
        }
        return out;
    }
    const std::int64_t first = month_index(lo_date);
    const std::int64_t months = span / 30 + 1;
    std::int64_t k = 1;
    for (std::int64_t c : {1, 2, 3, 6, 12}) {
        k = c;
        if (months / c <= 8) break;
    }
    while (months / k > 8) k += 12;
    std::int64_t m = (first + k - 1) / k * k; // the first month at or after lo aligned to k
    if (month_start(m) < a.lo) m += k;
    for (; month_start(m) <= a.hi; m += k)
        out.push_back({month_start(m), k >= 12 ? s(m / 12) + "年" : month_label(m)});
    return out;
}

std::string as_of_marker(const Axis &a, std::int64_t as_of_day, const core::Date &as_of, int top, int bottom) {
    const int x = a.x(as_of_day);
    const bool right_half = x > (a.x0 + a.x1) / 2;
    return "<g class=\"as-of\" id=\"as-of\">\n<line x1=\"" + s(x) + "\" y1=\"" + s(top) + "\" x2=\"" + s(x) +
           "\" y2=\"" + s(bottom) + "\" stroke=\"" + kTextColour + "\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\n" +
           text(right_half ? x - 4 : x + 4, top + 12, "截至" + core::format_date_chinese(as_of),
                right_half ? "text-anchor=\"end\" font-size=\"12\" font-weight=\"bold\""
                           : "font-size=\"12\" font-weight=\"bold\"") +
           "</g>\n";
}

std::string tick_marks(const Axis &a, const std::vector<Tick> &ts, int label_y, int top, int bottom) {
    std::string out;
    for (const auto &t : ts) {
        const int x = a.x(t.day);
        out += "<line x1=\"" + s(x) + "\" y1=\"" + s(top) + "\" x2=\"" + s(x) + "\" y2=\"" + s(bottom) +
               "\" stroke=\"" + kTrackColour + "\"/>\n";
        out += text(x, label_y, t.label, std::string("text-anchor=\"middle\" font-size=\"11\" fill=\"") + kMutedColour + "\"");
    }
    return out;
}

constexpr int kTimelineWidth = 960;

// One row per measure, earliest deadline first.
std::string timeline_rows(std::vector<TimelineMark> marks, const Axis &a, const core::Date &lo_date,
                          const core::Date &as_of) {
    std::stable_sort(marks.begin(), marks.end(),
                     [](const TimelineMark &l, const TimelineMark &r) { return l.deadline < r.deadline; });
    constexpr int top = 34, row = 22;
    const int height = top + static_cast<int>(marks.size()) * row + 12;
    std::string out = svg_open(kTimelineWidth, height, "整改措施截止日期时间轴");
    out += tick_marks(a, ticks(a, lo_date), 14, 20, height - 8);
    int y = top;
    for (const auto &m : marks) {
        const int cy = y + row / 2;
        out += text(a.x0 - 14, cy + 4, shorten_utf8(m.label, 18), "text-anchor=\"end\" font-size=\"12\"");
        out += "<line x1=\"" + s(a.x0) + "\" y1=\"" + s(cy) + "\" x2=\"" + s(a.x(day_number(m.deadline))) + "\" y2=\"" +
               s(cy) + "\" stroke=\"" + kTrackColour + "\" stroke-width=\"2\"/>\n";
        out += "<circle class=\"deadline\" cx=\"" + s(a.x(day_number(m.deadline))) + "\" cy=\"" + s(cy) +
               "\" r=\"6\" fill=\"" + std::string(light_colour(m.light)) + "\"><title>" +
               html_escape(m.label + "：" + core::format_date(m.deadline) + "（" + std::string(core::label(m.light)) + "灯）") +
               "</title></circle>\n";
        y += row;
    }
    out += as_of_marker(a, day_number(as_of), as_of, 20, height - 8);
    return out + "</svg>\n";
}

// A column of the aggregated timeline: the days [start, end) and its measures by light.
struct Bin {
    std::int64_t start = 0, end = 0;
    std::string label;
    std::array<std::int64_t, 4> counts{}; // in kLightOrder
};

std::size_t light_slot(Light l) {
    return static_cast<std::size_t>(std::find(kLightOrder.begin(), kLightOrder.end(), l) - kLightOrder.begin());
}

// Columns by week (spans up to 16 weeks), month (up to 48 months) or groups of years (at most 40
// columns), covering lo..hi.
std::vector<Bin> make_bins(const core::Date &lo, const core::Date &hi) {
    std::vector<Bin> bins;
    const std::int64_t lo_day = day_number(lo), hi_day = day_number(hi);
    if (hi_day - lo_day < 16 * 7) {
        const std::int64_t monday = lo_day - (lo.day_of_week().as_number() + 6) % 7;
        for (std::int64_t d = monday; d <= hi_day; d += 7) {
            const core::Date start = lo - boost::gregorian::days(lo_day - d);
            bins.push_back({d, d + 7, s(start.month().as_number()) + "月" + s(start.day().as_number()) + "日", {}});
        }
    } else if (month_index(hi) - month_index(lo) < 48) {
        for (std::int64_t m = month_index(lo); m <= month_index(hi); ++m)
            bins.push_back({month_start(m), month_start(m + 1), month_label(m), {}});
    } else {
        const std::int64_t y0 = lo.year(), years = hi.year() - y0 + 1;
        const std::int64_t k = (years + 39) / 40;
        for (std::int64_t y = y0; y <= hi.year(); y += k)
            bins.push_back({days_from_civil(y, 1, 1), days_from_civil(y + k, 1, 1),
                            k == 1 ? s(y) + "年" : s(y) + "–" + s(y + k - 1) + "年", {}});
    }
    return bins;
}

// Columns of measures by deadline, each stacked by light.
std::string timeline_columns(const std::vector<TimelineMark> &marks, const core::Date &lo, const core::Date &hi,
                             const core::Date &as_of) {
    std::vector<Bin> bins = make_bins(lo, hi);
    for (const auto &m : marks) {
        const std::int64_t d = day_number(m.deadline);
        auto it = std::upper_bound(bins.begin(), bins.end(), d, [](std::int64_t day, const Bin &b) { return day < b.end; });
        if (it != bins.end()) ++it->counts[light_slot(m.light)];
    }
    std::int64_t most = 1;
    for (const auto &b : bins) {
        std::int64_t total = 0;
        for (auto c : b.counts) total += c;
        most = std::max(most, total);
    }
    constexpr int top = 24, plot = 200, base = top + plot, height = base + 40;
    const Axis a{bins.front().start, bins.back().end, 60, kTimelineWidth - 20};
    std::string out = svg_open(kTimelineWidth, height, "整改措施截止日期分布");
    out += "<line x1=\"" + s(a.x0) + "\" y1=\"" + s(base) + "\" x2=\"" + s(a.x1) + "\" y2=\"" + s(base) +
           "\" stroke=\"" + kMutedColour + "\"/>\n";
    out += text(a.x0 - 6, top + 10, s(most), "text-anchor=\"end\" font-size=\"11\"");
    out += text(a.x0 - 6, base, "0", "text-anchor=\"end\" font-size=\"11\"");
    const std::size_t label_every = (bins.size() + 11) / 12;
    for (std::size_t i = 0; i < bins.size(); ++i) {
        const Bin &b = bins[i];
        const int x = a.x(b.start), w = std::max(1, a.x(b.end) - x - 2);
        std::string title = b.label + "：";
        std::int64_t cum = 0;
        out += "<g class=\"deadline-bin\">";
        for (std::size_t l = 0; l < kLightOrder.size(); ++l) {
            title += std::string(l ? " " : "") + std::string(core::label(kLightOrder[l])) + s(b.counts[l]);
            if (b.counts[l] == 0) continue;
            const std::int64_t y_low = base - cum * plot / most;
            cum += b.counts[l];
            const std::int64_t y_high = base - cum * plot / most;
            out += rect(x + 1, y_high, w, y_low - y_high, light_colour(kLightOrder[l]));
        }
        out += "<title>" + html_escape(title) + "</title></g>\n";
        if (i % label_every == 0)
            out += text(x + w / 2, base + 16, b.label, std::string("text-anchor=\"middle\" font-size=\"11\" fill=\"") + kMutedColour + "\"");
    }
    out += as_of_marker(a, day_number(as_of), as_of, 6, base);
    return out + "</svg>\n";
}

} // namespace

std::string_view light_colour(Light l) {
    switch (l) {
    case Light::red: return "#d93025";
    case Light::yellow: return "#f9ab00";
    case Light::green: return "#188038";
    case Light::blue: return "#1a73e8";
    }
    return "#9aa0a6";
}

std::string svg_completion_bars(const std::vector<CompletionRow> &rows) {
    constexpr int width = 960, label_w = 300, bar_x = 310, bar_w = 400, figures_x = 724, row = 50, top = 8;
    const int height = top + static_cast<int>(rows.size()) * row + 24;
    std::string out = svg_open(width, height, "各方面整改完成情况");
    int y = top;
    for (const auto &r : rows) {
        out += "<g class=\"aspect\">";
        out += "<title>" + html_escape(r.label) + "</title>\n";
        out += text(label_w, y + 20, shorten_utf8(r.label, 20), "text-anchor=\"end\" font-size=\"14\"");
        out += rect(bar_x, y + 6, bar_w, 18, kTrackColour);
        out += rect(bar_x, y + 6, r.issues.basis_points * bar_w / 10000, 18, "#1a73e8");
        out += rect(bar_x, y + 28, bar_w, 8, kTrackColour);
        out += rect(bar_x, y + 28, r.measures.basis_points * bar_w / 10000, 8, "#8ab4f8");
        out += text(figures_x, y + 20, figures_text("任务", r.issues), "font-size=\"13\"");
        out += text(figures_x, y + 37, figures_text("措施", r.measures), std::string("font-size=\"12\" fill=\"") + kMutedColour + "\"");
        out += "</g>\n";
        y += row;
    }
    out += rect(bar_x, y + 4, 14, 10, "#1a73e8") + text(bar_x + 20, y + 14, "整改任务完成率", "font-size=\"12\"");
    out += rect(bar_x + 150, y + 4, 14, 10, "#8ab4f8") + text(bar_x + 170, y + 14, "整改措施完成率", "font-size=\"12\"");
    return out + "</svg>\n";
}

std::string svg_light_counts(const std::array<std::int64_t, 4> &counts) {
    constexpr int width = 480, label_x = 56, bar_x = 66, bar_w = 340, row = 30;
    std::int64_t most = 1;
    for (auto c : counts) most = std::max(most, c);
    std::string out = svg_open(width, row * 4 + 8, "预警灯数量");
    for (std::size_t i = 0; i < kLightOrder.size(); ++i) {
        const int y = 4 + static_cast<int>(i) * row;
        const Light l = kLightOrder[i];
        out += "<g class=\"light light-" + std::string(core::name(l)) + "\">";
        out += text(label_x, y + 17, std::string(core::label(l)) + "灯", "text-anchor=\"end\" font-size=\"14\"");
        out += rect(bar_x, y + 4, counts[i] * bar_w / most, 18, light_colour(l));
        out += text(bar_x + static_cast<int>(counts[i] * bar_w / most) + 8, y + 18, s(counts[i]) + "项",
                    "font-size=\"14\" font-weight=\"bold\"");
        out += "</g>\n";
    }
    return out + "</svg>\n";
}

std::string svg_deadline_timeline(std::vector<TimelineMark> marks, const core::Date &as_of, std::size_t max_rows) {
    core::Date lo = as_of, hi = as_of;
    for (const auto &m : marks) {
        lo = std::min(lo, m.deadline);
        hi = std::max(hi, m.deadline);
    }
    if (marks.size() > max_rows) return timeline_columns(marks, lo, hi, as_of);
    // A span of one day has no scale: start the axis a month earlier (earlier, not later, as
    // no date may pass 9999-12-31).
    if (lo == hi) lo -= boost::gregorian::days(30);
    const std::int64_t lo_day = day_number(lo), hi_day = day_number(hi);
    const Axis a{lo_day, hi_day, 300, kTimelineWidth - 30};
    return timeline_rows(std::move(marks), a, lo, as_of);
}

} // namespace rectify::io
