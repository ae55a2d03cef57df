// The warning ladder (预警) as of a date: red overdue, yellow near the deadline, green on track
// or done, blue ongoing (长期坚持, and 基本完成/持续整改 work that goes on). Rolled up, the worst
// light wins.
#pragma once

#include "core/date.hpp"
#include "core/enums.hpp"

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace rectify::core {

// Numeric values are RECTIFY_LIGHT_*; the order is severity for roll-ups.
enum class Light { green = 1, blue, yellow, red };

std::string_view name(Light l);  // "green" …
std::string_view label(Light l); // "绿" …

struct Warning {
    Light light = Light::green;
    std::optional<std::int64_t> days_left; // deadline - as_of in calendar days; negative when overdue;
                                           // empty when there is no deadline or the work is done or closed
    int stage = 0;                         // how many warn_days thresholds are crossed (0 none)
    bool followup_missed = false;          // red because an ongoing measure's follow-up was missed
};

// Whether the work is still open: not done and not closed out.
bool is_open(Status s);

// The light of one measure as of a date. warn_days is the profile's ladder (descending).
Warning classify_measure(Status status, MeasureCategory category, const std::optional<Date> &deadline,
                         const Date &as_of, const std::vector<std::int64_t> &warn_days);

// The worse of two lights.
Light worst(Light a, Light b);

} // namespace rectify::core
