// The dashboard (整改工作看板): one inspection as a single self-contained HTML page. Summary
// cards, completion by aspect, warning lights, a deadline timeline marked at the as-of date, the
// red and yellow measures, and the look-back (回头看) verdicts. Inline CSS and SVG only: no script,
// no external reference, and a Content-Security-Policy that forbids loading anything, so that
// the file can be mailed, archived or opened offline and shows the same.
#pragma once

#include "io/report.hpp"

#include <cstddef>
#include <string>

namespace rectify::io {

// Bounds that keep the page readable, and its size bounded, for an inspection of any size.
struct DashboardLimits {
    std::size_t timeline_rows = 40;   // more measures with deadlines are counted into columns
    std::size_t attention_rows = 50;  // red and yellow measures listed
    std::size_t verdict_rows = 200;   // look-back verdicts listed
};

// Renders only what the report holds: for the public audience its document is already redacted.
std::string render_dashboard_html(const Report &r, const DashboardLimits &limits = {});

} // namespace rectify::io
