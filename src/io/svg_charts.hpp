// The dashboard's charts as inline SVG: plain markup, no script, no external reference, so that
// the page stays one self-contained file. Each builder takes the figures already worked out
// (rates by core/figures, lights by core/warning) and only draws them; every text it is given is
// escaped here.
#pragma once

#include "core/date.hpp"
#include "core/warning.hpp"

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace rectify::io {

// The fill colour of a warning light.
std::string_view light_colour(core::Light l);

// One bar's figures: done of total, the completion in hundredths of a percent, and the rate as
// the reports print it ("98.71%"; empty when there is nothing to complete).
struct BarFigures {
    std::int64_t done = 0;
    std::int64_t total = 0;
    std::int64_t basis_points = 0;
    std::string rate;
};

struct CompletionRow {
    std::string label;    // the aspect's title
    BarFigures issues;    // 整改任务
    BarFigures measures;  // 整改措施
};

// One row per aspect: its title, a thick bar for the issues and a thin one for the measures, and
// their figures as text.
std::string svg_completion_bars(const std::vector<CompletionRow> &rows);

// Measures per warning light, indexed red, yellow, green, blue: one bar each with its count.
std::string svg_light_counts(const std::array<std::int64_t, 4> &counts);

struct TimelineMark {
    core::Date deadline;
    core::Light light = core::Light::green;
    std::string label; // the measure's title
};

// Deadlines on a date axis running from the earliest to the latest of the deadlines and the as-of
// date, with a vertical line marking the as-of date (截至). Up to max_rows marks get a row each;
// more are counted into columns by week, month or years, stacked by light, so that the chart's
// size depends on the span, not on the number of measures.
std::string svg_deadline_timeline(std::vector<TimelineMark> marks, const core::Date &as_of, std::size_t max_rows);

} // namespace rectify::io
